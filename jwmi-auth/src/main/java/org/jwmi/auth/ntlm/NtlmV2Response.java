package org.jwmi.auth.ntlm;

import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.WireReader;

/**
 * [MS-NLMP] 2.2.2.8 NTLMv2_RESPONSE: NTProofStr followed by the client challenge blob. The blob is kept exactly as
 * received because the proof covers those bytes, not a re-encoding of them.
 *
 * @param response        Response (NTProofStr, 16 bytes)
 * @param clientChallenge the decoded NTLMv2_CLIENT_CHALLENGE
 * @param blob            the bytes after Response, as received ({@code temp} of 3.3.2)
 */
public record NtlmV2Response(byte[] response, NtlmV2ClientChallenge clientChallenge, byte[] blob) {

    /** The smallest well-formed response: Response, the fixed blob part, MsvAvEOL. */
    public static final int MIN_SIZE = 16 + NtlmV2ClientChallenge.FIXED + 4;

    public NtlmV2Response {
        response = response.clone();
        blob = blob.clone();
    }

    @Override
    public byte[] response() {
        return response.clone();
    }

    @Override
    public byte[] blob() {
        return blob.clone();
    }

    public static NtlmV2Response decode(byte[] nt) {
        WireReader r = new WireReader(nt);
        r.enter("NTLMv2_RESPONSE");
        if (nt.length < MIN_SIZE) {
            throw r.fail(ProtocolException.Kind.BUFSIZE,
                    nt.length + " bytes, an NTLMv2_RESPONSE has at least " + MIN_SIZE);
        }
        byte[] response = r.bytes(16);
        byte[] blob = new byte[nt.length - 16];
        System.arraycopy(nt, 16, blob, 0, blob.length);
        NtlmV2ClientChallenge cc = NtlmV2ClientChallenge.decode(r);
        r.exit();
        return new NtlmV2Response(response, cc, blob);
    }
}
