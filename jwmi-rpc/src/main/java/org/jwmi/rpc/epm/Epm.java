package org.jwmi.rpc.epm;

import java.util.UUID;
import org.jwmi.rpc.SyntaxId;

/**
 * [C706] Appendix O / [MS-RPCE] 2.2.1.2 endpoint mapper interface {@code ept}: identity, operation numbers and the
 * constants of its parameters.
 */
public final class Epm {

    /** Interface e1af8308-5d1f-11c9-91a4-08002b14a0fa version 3.0. */
    public static final SyntaxId SYNTAX = new SyntaxId(UUID.fromString("e1af8308-5d1f-11c9-91a4-08002b14a0fa"), 3, 0);

    /** The well-known TCP port of the endpoint mapper ([MS-RPCE] 2.1.1.1, [C706] Appendix H). */
    public static final int WELL_KNOWN_PORT = 135;

    public static final int OP_EPT_INSERT = 0;
    public static final int OP_EPT_DELETE = 1;
    public static final int OP_EPT_LOOKUP = 2;
    public static final int OP_EPT_MAP = 3;
    public static final int OP_EPT_LOOKUP_HANDLE_FREE = 4;
    public static final int OP_EPT_INQ_OBJECT = 5;
    public static final int OP_EPT_MGMT_DELETE = 6;
    /** The number of operations of the interface; opnums at or above it are out of range. */
    public static final int OPERATION_COUNT = 7;

    /** inquiry_type: every element; Ifid, vers_option and object are ignored. */
    public static final int RPC_C_EP_ALL_ELTS = 0;
    /** inquiry_type: elements of the interface given by Ifid and vers_option. */
    public static final int RPC_C_EP_MATCH_BY_IF = 1;
    /** inquiry_type: elements of the object UUID given by object. */
    public static final int RPC_C_EP_MATCH_BY_OBJ = 2;
    /** inquiry_type: elements matching both the interface and the object. */
    public static final int RPC_C_EP_MATCH_BY_BOTH = 3;

    /** vers_option: any version of the interface UUID. */
    public static final int RPC_C_VERS_ALL = 1;
    /** vers_option: same major version, minor version greater or equal. */
    public static final int RPC_C_VERS_COMPATIBLE = 2;
    /** vers_option: exactly this version. */
    public static final int RPC_C_VERS_EXACT = 3;
    /** vers_option: same major version, any minor version. */
    public static final int RPC_C_VERS_MAJOR_ONLY = 4;
    /** vers_option: versions less than or equal to this one. */
    public static final int RPC_C_VERS_UPTO = 5;

    /** [MS-RPCE] 2.2.1.2.4: max_ents and max_towers are [range(0,500)]. */
    public static final int MAX_ENTRIES = 500;
    /** [MS-RPCE] 2.2.1.2.2: tower_length is [range(0,2000)]. */
    public static final int MAX_TOWER_LENGTH = 2000;
    /** [C706] Appendix O: ept_max_annotation_size, the size of the annotation array including its terminator. */
    public static final int MAX_ANNOTATION_SIZE = 64;

    /** status: success. */
    public static final int STATUS_OK = 0;
    /**
     * status: ept_s_not_registered, "no elements satisfy the search criteria" ([MS-RPCE] 2.2.1.2.4/2.2.1.2.5).
     * This is the DCE value Windows puts in the status parameter, not the Win32 EPT_S_NOT_REGISTERED (0x6d9).
     */
    public static final int EPT_S_NOT_REGISTERED = 0x16C9A0D6;
    /** status: the DCE ept_s_cant_perform_op, the other DCE value [MS-RPCE] 2.2.1.2.4 allows. */
    public static final int EPT_S_CANT_PERFORM_OP_DCE = 0x16C9A0CD;
    /** [MS-RPCE] 2.2.1.2.1: general failure to perform an endpoint mapper operation. */
    public static final int EPT_S_CANT_PERFORM_OP = 0x6D8;

    private Epm() {
    }
}
