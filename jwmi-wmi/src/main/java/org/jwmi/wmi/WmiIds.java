package org.jwmi.wmi;

import java.util.UUID;

/**
 * [MS-WMI] 1.9 Standards Assignments: the CLSIDs and IIDs of the protocol, plus the interface UUIDs printed in
 * 3.1.4.x and the custom unmarshaler CLSIDs of 2.2.4 and 2.2.13.
 *
 * <p>IWbemShutdown is omitted: 3.1.4.14 prints the IWbemLevel1Login IID for it, it is absent from the IDL and a
 * client MUST NOT use it remotely (3.2.4.8).
 */
public final class WmiIds {

    private WmiIds() {
    }

    /** CLSID_WbemLevel1Login: the class a client activates (3.2.3). */
    public static final UUID CLSID_WBEM_LEVEL1_LOGIN = UUID.fromString("8BC3F05E-D86B-11D0-A075-00C04FB68820");
    /** CLSID_WbemBackupRestore. */
    public static final UUID CLSID_WBEM_BACKUP_RESTORE = UUID.fromString("C49E32C6-BC8B-11D2-85D4-00105A1F8304");
    /** coclass WbemContext (Appendix A), also the IWbemContext unmarshaler CLSID (2.2.13). */
    public static final UUID CLSID_WBEM_CONTEXT = UUID.fromString("674B6698-EE92-11D0-AD71-00C04FD8FDFF");
    /** coclass WbemClassObject (Appendix A); NOT the unmarshaler CLSID. */
    public static final UUID CLSID_WBEM_CLASS_OBJECT = UUID.fromString("9A653086-174F-11D2-B5F9-00104B703EFD");
    /** 2.2.4: the OBJREF_CUSTOM clsid of a marshaled IWbemClassObject. */
    public static final UUID CLSID_WBEM_CLASS_OBJECT_UNMARSHALER =
            UUID.fromString("4590F812-1D3A-11D0-891F-00AA004B2E24");
    /** 2.2.13: the OBJREF_CUSTOM clsid of a marshaled IWbemContext. */
    public static final UUID CLSID_WBEM_CONTEXT_UNMARSHALER = CLSID_WBEM_CONTEXT;

    public static final UUID IID_IWBEM_LEVEL1_LOGIN = UUID.fromString("F309AD18-D86A-11D0-A075-00C04FB68820");
    public static final UUID IID_IWBEM_LOGIN_CLIENT_ID = UUID.fromString("D4781CD6-E5D3-44DF-AD94-930EFE48A887");
    public static final UUID IID_IWBEM_LOGIN_HELPER = UUID.fromString("541679AB-2E5F-11D3-B34E-00104BCC4B4A");
    public static final UUID IID_IWBEM_SERVICES = UUID.fromString("9556DC99-828C-11CF-A37E-00AA003240C7");
    public static final UUID IID_IWBEM_BACKUP_RESTORE = UUID.fromString("C49E32C7-BC8B-11D2-85D4-00105A1F8304");
    public static final UUID IID_IWBEM_BACKUP_RESTORE_EX = UUID.fromString("A359DEC5-E813-4834-8A2A-BA7F1D777D76");
    public static final UUID IID_IWBEM_CLASS_OBJECT = UUID.fromString("DC12A681-737F-11CF-884D-00AA004B2E24");
    public static final UUID IID_IWBEM_CONTEXT = UUID.fromString("44ACA674-E8FC-11D0-A07C-00C04FB68820");
    public static final UUID IID_IWBEM_OBJECT_SINK = UUID.fromString("7C857801-7381-11CF-884D-00AA004B2E24");
    public static final UUID IID_IENUM_WBEM_CLASS_OBJECT = UUID.fromString("027947E1-D731-11CE-A357-000000000001");
    public static final UUID IID_IWBEM_CALL_RESULT = UUID.fromString("44ACA675-E8FC-11D0-A07C-00C04FB68820");
    public static final UUID IID_IWBEM_FETCH_SMART_ENUM = UUID.fromString("1C1C45EE-4395-11D2-B60B-00104B703EFD");
    public static final UUID IID_IWBEM_WCO_SMART_ENUM = UUID.fromString("423EC01E-2E35-11D2-B604-00104B703EFD");
    public static final UUID IID_IWBEM_REFRESHING_SERVICES = UUID.fromString("2C9273E0-1DC3-11D3-B364-00105A1F8177");
    public static final UUID IID_IWBEM_REMOTE_REFRESHER = UUID.fromString("F1E9C5B2-F59B-11D2-B362-00105A1F8177");
}
