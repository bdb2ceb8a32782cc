package org.jwmi.rpc;

/**
 * Status codes that appear in fault PDUs and bind rejections: the nca_s_* values of [C706] Appendix E and the
 * Win32 codes Windows puts in faults ([MS-RPCE] 3.1.1.5.5, [MS-ERREF] 2.2).
 */
public enum RpcStatus {
    NCA_S_COMM_FAILURE(0x1C010001),
    NCA_S_OP_RNG_ERROR(0x1C010002),
    NCA_S_UNK_IF(0x1C010003),
    NCA_S_WRONG_BOOT_TIME(0x1C010006),
    NCA_S_YOU_CRASHED(0x1C010009),
    NCA_S_PROTO_ERROR(0x1C01000B),
    NCA_S_OUT_ARGS_TOO_BIG(0x1C010013),
    NCA_S_SERVER_TOO_BUSY(0x1C010014),
    NCA_S_FAULT_STRING_TOO_LONG(0x1C010015),
    NCA_S_UNSUPPORTED_TYPE(0x1C010017),
    NCA_S_FAULT_INT_DIV_BY_ZERO(0x1C000001),
    NCA_S_FAULT_ADDR_ERROR(0x1C000002),
    NCA_S_FAULT_FP_DIV_ZERO(0x1C000003),
    NCA_S_FAULT_FP_UNDERFLOW(0x1C000004),
    NCA_S_FAULT_FP_OVERFLOW(0x1C000005),
    NCA_S_FAULT_INVALID_TAG(0x1C000006),
    NCA_S_FAULT_INVALID_BOUND(0x1C000007),
    NCA_S_RPC_VERSION_MISMATCH(0x1C000008),
    NCA_S_UNSPEC_REJECT(0x1C000009),
    NCA_S_BAD_ACTID(0x1C00000A),
    NCA_S_WHO_ARE_YOU_FAILED(0x1C00000B),
    NCA_S_MANAGER_NOT_ENTERED(0x1C00000C),
    NCA_S_FAULT_CANCEL(0x1C00000D),
    NCA_S_FAULT_ILL_INST(0x1C00000E),
    NCA_S_FAULT_FP_ERROR(0x1C00000F),
    NCA_S_FAULT_INT_OVERFLOW(0x1C000010),
    NCA_S_FAULT_UNSPEC(0x1C000012),
    NCA_S_FAULT_REMOTE_COMM_FAILURE(0x1C000013),
    NCA_S_FAULT_PIPE_EMPTY(0x1C000014),
    NCA_S_FAULT_PIPE_CLOSED(0x1C000015),
    NCA_S_FAULT_PIPE_ORDER(0x1C000016),
    NCA_S_FAULT_PIPE_DISCIPLINE(0x1C000017),
    NCA_S_FAULT_PIPE_COMM_ERROR(0x1C000018),
    NCA_S_FAULT_PIPE_MEMORY(0x1C000019),
    NCA_S_FAULT_CONTEXT_MISMATCH(0x1C00001A),
    NCA_S_FAULT_REMOTE_NO_MEMORY(0x1C00001B),
    NCA_S_INVALID_PRES_CONTEXT_ID(0x1C00001C),
    NCA_S_UNSUPPORTED_AUTHN_LEVEL(0x1C00001D),
    NCA_S_INVALID_CHECKSUM(0x1C00001F),
    NCA_S_INVALID_CRC(0x1C000020),
    NCA_S_FAULT_USER_DEFINED(0x1C000021),
    NCA_S_FAULT_TX_OPEN_FAILED(0x1C000022),
    NCA_S_FAULT_CODESET_CONV_ERROR(0x1C000023),
    NCA_S_FAULT_OBJECT_NOT_FOUND(0x1C000024),
    NCA_S_FAULT_NO_CLIENT_STUB(0x1C000025),
    ERROR_ACCESS_DENIED(0x00000005),
    ERROR_OUTOFMEMORY(0x0000000E),
    RPC_S_SERVER_UNAVAILABLE(0x000006BA),
    RPC_S_SERVER_TOO_BUSY(0x000006BB),
    RPC_S_UNKNOWN_IF(0x000006B5),
    RPC_S_CALL_FAILED(0x000006BE),
    RPC_S_CALL_FAILED_DNE(0x000006BF),
    RPC_S_PROTOCOL_ERROR(0x000006C0),
    RPC_S_UNSUPPORTED_TRANS_SYN(0x000006C2),
    RPC_S_PROCNUM_OUT_OF_RANGE(0x000006D1),
    EPT_S_NOT_REGISTERED(0x000006D9),
    EPT_S_CANT_PERFORM_OP(0x000006D8),
    EPT_S_INVALID_ENTRY(0x000006D7),
    RPC_X_BAD_STUB_DATA(0x000006F7),
    RPC_S_UNSUPPORTED_AUTHN_LEVEL(0x0000071D),
    RPC_S_SEC_PKG_ERROR(0x00000721),
    RPC_S_ACCESS_DENIED(0x00000005),
    E_ACCESSDENIED(0x80070005),
    SEC_E_LOGON_DENIED(0x8009030C),
    SEC_E_MESSAGE_ALTERED(0x8009030F),
    SEC_E_OUT_OF_SEQUENCE(0x80090310);

    private final int value;

    RpcStatus(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** The first name registered for a value (aliases such as RPC_S_ACCESS_DENIED resolve to the earlier name). */
    public static RpcStatus of(int value) {
        for (RpcStatus s : values()) {
            if (s.value == value) {
                return s;
            }
        }
        return null;
    }

    /** {@code nca_s_op_rng_error (0x1c010002)}; unknown values show the hex alone. */
    public static String describe(int value) {
        RpcStatus s = of(value);
        String hex = String.format("0x%08x", value);
        if (s == null) {
            return "status " + hex;
        }
        String n = s.name().startsWith("NCA_S_") ? s.name().toLowerCase(java.util.Locale.ROOT) : s.name();
        return n + " (" + hex + ")";
    }
}
