package org.jwmi.rpc.pdu;

/**
 * Where the [MS-RPCE] 2.2.2.1 segments of a request, response or fault fragment lie: header
 * {@code [0, bodyOffset)}, body (stub and auth padding) {@code [bodyOffset, trailerOffset)}, sec_trailer
 * {@code [trailerOffset, trailerOffset + 8)}, token {@code [trailerOffset + 8, fragLength)}. Without a verifier
 * the trailer offset equals frag_length.
 *
 * @param stubEnd end of the stub part (trailer offset minus auth_pad_length)
 */
public record PduLayout(int bodyOffset, int stubEnd, int trailerOffset, int fragLength) {

    public int tokenOffset() {
        return trailerOffset + SecTrailer.LENGTH;
    }

    public int tokenLength() {
        return fragLength - tokenOffset();
    }

    public int stubLength() {
        return stubEnd - bodyOffset;
    }

    /** The layout of a decoded fragment (request, response or fault). */
    public static PduLayout of(byte[] frag, Pdu pdu) {
        int body = switch (pdu.type()) {
            case REQUEST -> Request.stubOffset(pdu.pfcFlags());
            case RESPONSE -> Response.HEADER_LENGTH;
            case FAULT -> Fault.HEADER_LENGTH;
            default -> throw new IllegalArgumentException(pdu.type() + " has no protected body");
        };
        int trailer = pdu.auth().map(a -> frag.length - a.tokenLength() - SecTrailer.LENGTH).orElse(frag.length);
        int pad = pdu.auth().map(a -> a.trailer().authPadLength()).orElse(0);
        return new PduLayout(body, trailer - pad, trailer, frag.length);
    }
}
