package org.jwmi.wmi;

/**
 * [MS-WMI] 3.1.4 the opnum of every remote method, per interface. Every interface derives from IUnknown, so its
 * own methods start at 3; IWbemBackupRestoreEx continues IWbemBackupRestore (Pause = 5, Resume = 6).
 */
public final class WmiOpnums {

    private WmiOpnums() {
    }

    /** 3.1.4.1 IWbemLevel1Login. */
    public static final class Level1Login {
        private Level1Login() {
        }

        public static final int ESTABLISH_POSITION = 3;
        public static final int REQUEST_CHALLENGE = 4;
        public static final int WBEM_LOGIN = 5;
        public static final int NTLM_LOGIN = 6;
    }

    /** 3.1.4.2 IWbemObjectSink. */
    public static final class ObjectSink {
        private ObjectSink() {
        }

        public static final int INDICATE = 3;
        public static final int SET_STATUS = 4;
    }

    /** 3.1.4.3 IWbemServices. */
    public static final class Services {
        private Services() {
        }

        public static final int OPEN_NAMESPACE = 3;
        public static final int CANCEL_ASYNC_CALL = 4;
        public static final int QUERY_OBJECT_SINK = 5;
        public static final int GET_OBJECT = 6;
        public static final int GET_OBJECT_ASYNC = 7;
        public static final int PUT_CLASS = 8;
        public static final int PUT_CLASS_ASYNC = 9;
        public static final int DELETE_CLASS = 10;
        public static final int DELETE_CLASS_ASYNC = 11;
        public static final int CREATE_CLASS_ENUM = 12;
        public static final int CREATE_CLASS_ENUM_ASYNC = 13;
        public static final int PUT_INSTANCE = 14;
        public static final int PUT_INSTANCE_ASYNC = 15;
        public static final int DELETE_INSTANCE = 16;
        public static final int DELETE_INSTANCE_ASYNC = 17;
        public static final int CREATE_INSTANCE_ENUM = 18;
        public static final int CREATE_INSTANCE_ENUM_ASYNC = 19;
        public static final int EXEC_QUERY = 20;
        public static final int EXEC_QUERY_ASYNC = 21;
        public static final int EXEC_NOTIFICATION_QUERY = 22;
        public static final int EXEC_NOTIFICATION_QUERY_ASYNC = 23;
        public static final int EXEC_METHOD = 24;
        public static final int EXEC_METHOD_ASYNC = 25;
    }

    /** 3.1.4.4 IEnumWbemClassObject. */
    public static final class EnumWbemClassObject {
        private EnumWbemClassObject() {
        }

        public static final int RESET = 3;
        public static final int NEXT = 4;
        public static final int NEXT_ASYNC = 5;
        public static final int CLONE = 6;
        public static final int SKIP = 7;
    }

    /** 3.1.4.5 IWbemCallResult. */
    public static final class CallResult {
        private CallResult() {
        }

        public static final int GET_RESULT_OBJECT = 3;
        public static final int GET_RESULT_STRING = 4;
        public static final int GET_RESULT_SERVICES = 5;
        public static final int GET_CALL_STATUS = 6;
    }

    /** 3.1.4.6 IWbemFetchSmartEnum. */
    public static final class FetchSmartEnum {
        private FetchSmartEnum() {
        }

        public static final int GET_SMART_ENUM = 3;
    }

    /** 3.1.4.7 IWbemWCOSmartEnum. */
    public static final class WcoSmartEnum {
        private WcoSmartEnum() {
        }

        public static final int NEXT = 3;
    }

    /** 3.1.4.8 IWbemLoginClientID. */
    public static final class LoginClientId {
        private LoginClientId() {
        }

        public static final int SET_CLIENT_INFO = 3;
    }

    /** 3.1.4.9 IWbemLoginHelper. */
    public static final class LoginHelper {
        private LoginHelper() {
        }

        public static final int SET_EVENT = 3;
    }

    /** 3.1.4.10 IWbemBackupRestore and 3.1.4.11 IWbemBackupRestoreEx. */
    public static final class BackupRestore {
        private BackupRestore() {
        }

        public static final int BACKUP = 3;
        public static final int RESTORE = 4;
        public static final int PAUSE = 5;
        public static final int RESUME = 6;
    }

    /** 3.1.4.12 IWbemRefreshingServices. */
    public static final class RefreshingServices {
        private RefreshingServices() {
        }

        public static final int ADD_OBJECT_TO_REFRESHER = 3;
        public static final int ADD_OBJECT_TO_REFRESHER_BY_TEMPLATE = 4;
        public static final int ADD_ENUM_TO_REFRESHER = 5;
        public static final int REMOVE_OBJECT_FROM_REFRESHER = 6;
        public static final int GET_REMOTE_REFRESHER = 7;
        public static final int RECONNECT_REMOTE_REFRESHER = 8;
    }

    /** 3.1.4.13 IWbemRemoteRefresher. */
    public static final class RemoteRefresher {
        private RemoteRefresher() {
        }

        public static final int REMOTE_REFRESH = 3;
        public static final int STOP_REFRESHING = 4;
        public static final int OPNUM5_NOT_USED_ON_WIRE = 5;
    }
}
