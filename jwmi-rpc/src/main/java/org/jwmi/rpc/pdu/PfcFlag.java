package org.jwmi.rpc.pdu;

/**
 * [C706] 12.6.3.1 pfc_flags bits. 0x04 is PFC_PENDING_CANCEL on requests and responses and
 * PFC_SUPPORT_HEADER_SIGN on bind, bind_ack, alter_context, alter_context_resp and rpc_auth_3
 * ([MS-RPCE] 2.2.2.3); both names map to {@link #SUPPORT_HEADER_SIGN}.
 */
public enum PfcFlag {
    FIRST_FRAG(0x01),
    LAST_FRAG(0x02),
    /** Also PFC_PENDING_CANCEL, depending on the PDU type. */
    SUPPORT_HEADER_SIGN(0x04),
    RESERVED_1(0x08),
    CONC_MPX(0x10),
    DID_NOT_EXECUTE(0x20),
    MAYBE(0x40),
    OBJECT_UUID(0x80);

    private final int bit;

    PfcFlag(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }
}
