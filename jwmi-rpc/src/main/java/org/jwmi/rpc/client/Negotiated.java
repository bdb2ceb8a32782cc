package org.jwmi.rpc.client;

import org.jwmi.rpc.pdu.BindTimeFeatures;

/**
 * What the bind established for the connection.
 *
 * @param maxXmitFrag            largest fragment this client sends (the server's max_recv_frag)
 * @param maxRecvFrag            largest fragment the server sends (its max_xmit_frag)
 * @param assocGroupId           the association group ([MS-RPCE] 3.3.1.1.1)
 * @param secondaryAddress       sec_addr of the bind_ack (ignored by the protocol, 3.3.1.5.5)
 * @param headerSigning          PFC_SUPPORT_HEADER_SIGN agreed ([MS-RPCE] 3.3.1.5.2.2)
 * @param featureBits            BindTimeFeatureNegotiationResponseBitmask, or -1 if the server did not answer
 * @param concurrentMultiplexing PFC_CONC_MPX granted
 */
public record Negotiated(int maxXmitFrag, int maxRecvFrag, int assocGroupId, String secondaryAddress,
                         boolean headerSigning, int featureBits, boolean concurrentMultiplexing) {

    public boolean securityContextMultiplexing() {
        return featureBits > 0 && (featureBits & BindTimeFeatures.SECURITY_CONTEXT_MULTIPLEXING) != 0;
    }

    @Override
    public String toString() {
        return "max_xmit_frag=" + maxXmitFrag + " max_recv_frag=" + maxRecvFrag + " assoc_group_id=0x"
                + Integer.toHexString(assocGroupId) + " sec_addr=\"" + secondaryAddress + "\" header_signing="
                + headerSigning + " features=" + (featureBits < 0 ? "not negotiated" : BindTimeFeatures.describe(featureBits))
                + " conc_mpx=" + concurrentMultiplexing;
    }
}
