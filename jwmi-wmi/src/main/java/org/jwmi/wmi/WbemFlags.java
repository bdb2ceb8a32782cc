package org.jwmi.wmi;

import java.util.EnumSet;
import org.jwmi.dcom.wire.BitFlag;

/**
 * The lFlags families of [MS-WMI] 2.2: each a {@link BitFlag} enum of the non-zero bits (records keep the raw
 * {@code int}, so unknown bits survive; {@code set(raw)} is the EnumSet view). The zero-valued names
 * (WBEM_FLAG_RETURN_WBEM_COMPLETE, WBEM_FLAG_CREATE_OR_UPDATE, WBEM_FLAG_DEEP) are constants here.
 */
public final class WbemFlags {

    private WbemFlags() {
    }

    /** 2.2.6 WBEM_FLAG_RETURN_WBEM_COMPLETE: synchronous call (no bit). */
    public static final int WBEM_FLAG_RETURN_WBEM_COMPLETE = 0;
    /** 2.2.6 WBEM_MASK_RESERVED_FLAGS. */
    public static final int WBEM_MASK_RESERVED_FLAGS = 0x1F000;
    /** 2.2.5 WBEM_FLAG_CREATE_OR_UPDATE (no bit). */
    public static final int WBEM_FLAG_CREATE_OR_UPDATE = 0;
    /** 2.2.9 WBEM_FLAG_DEEP (no bit). */
    public static final int WBEM_FLAG_DEEP = 0;

    /** 2.2.6 WBEM_GENERIC_FLAG_TYPE. */
    public enum Generic implements BitFlag {
        WBEM_FLAG_RETURN_IMMEDIATELY(0x10),
        WBEM_FLAG_FORWARD_ONLY(0x20),
        WBEM_FLAG_NO_ERROR_OBJECT(0x40),
        WBEM_FLAG_SEND_STATUS(0x80),
        WBEM_FLAG_ENSURE_LOCATABLE(0x100),
        WBEM_FLAG_DIRECT_READ(0x200),
        WBEM_FLAG_USE_AMENDED_QUALIFIERS(0x20000),
        WBEM_FLAG_STRONG_VALIDATION(0x100000);

        private final int value;

        Generic(int value) {
            this.value = value;
        }

        @Override
        public int value() {
            return value;
        }

        public static EnumSet<Generic> set(int raw) {
            return BitFlag.toSet(Generic.class, raw);
        }
    }

    /** 2.2.5 WBEM_CHANGE_FLAG_TYPE (PutClass, PutInstance). */
    public enum Change implements BitFlag {
        WBEM_FLAG_UPDATE_ONLY(0x01),
        WBEM_FLAG_CREATE_ONLY(0x02),
        WBEM_FLAG_UPDATE_SAFE_MODE(0x20),
        WBEM_FLAG_UPDATE_FORCE_MODE(0x40);

        private final int value;

        Change(int value) {
            this.value = value;
        }

        @Override
        public int value() {
            return value;
        }

        public static EnumSet<Change> set(int raw) {
            return BitFlag.toSet(Change.class, raw);
        }
    }

    /** 2.2.9 WBEM_QUERY_FLAG_TYPE (CreateClassEnum, CreateInstanceEnum, ExecQuery). */
    public enum Query implements BitFlag {
        WBEM_FLAG_SHALLOW(1),
        WBEM_FLAG_PROTOTYPE(2);

        private final int value;

        Query(int value) {
            this.value = value;
        }

        @Override
        public int value() {
            return value;
        }

        public static EnumSet<Query> set(int raw) {
            return BitFlag.toSet(Query.class, raw);
        }
    }

    /** 2.2.12 WBEM_CONNECT_OPTIONS (OpenNamespace, NTLMLogin). */
    public enum Connect implements BitFlag {
        WBEM_FLAG_CONNECT_REPOSITORY_ONLY(0x40),
        WBEM_FLAG_CONNECT_PROVIDERS(0x100);

        private final int value;

        Connect(int value) {
            this.value = value;
        }

        @Override
        public int value() {
            return value;
        }

        public static EnumSet<Connect> set(int raw) {
            return BitFlag.toSet(Connect.class, raw);
        }
    }

    /** 2.2.10 WBEM_BACKUP_RESTORE_FLAGS. */
    public enum BackupRestore implements BitFlag {
        WBEM_FLAG_BACKUP_RESTORE_FORCE_SHUTDOWN(1);

        private final int value;

        BackupRestore(int value) {
            this.value = value;
        }

        @Override
        public int value() {
            return value;
        }

        public static EnumSet<BackupRestore> set(int raw) {
            return BitFlag.toSet(BackupRestore.class, raw);
        }
    }
}
