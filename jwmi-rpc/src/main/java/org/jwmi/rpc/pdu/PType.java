package org.jwmi.rpc.pdu;

/** [C706] 12.6.3.1 PTYPE values of the connection-oriented protocol, plus [MS-RPCE] 2.2.2.10 rpc_auth_3. */
public enum PType {
    REQUEST(0),
    RESPONSE(2),
    FAULT(3),
    BIND(11),
    BIND_ACK(12),
    BIND_NAK(13),
    ALTER_CONTEXT(14),
    ALTER_CONTEXT_RESP(15),
    RPC_AUTH_3(16),
    SHUTDOWN(17),
    CO_CANCEL(18),
    ORPHANED(19);

    private final int value;

    PType(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** The connection-oriented type with this value, or {@code null} (connectionless and RTS types included). */
    public static PType of(int value) {
        for (PType t : values()) {
            if (t.value == value) {
                return t;
            }
        }
        return null;
    }

    /** Whether pfc_flags bit 0x04 means PFC_SUPPORT_HEADER_SIGN for this type ([MS-RPCE] 2.2.2.3). */
    public boolean headerSignBitMeansSupport() {
        return this == BIND || this == BIND_ACK || this == ALTER_CONTEXT || this == ALTER_CONTEXT_RESP
                || this == RPC_AUTH_3;
    }
}
