package org.jwmi.rpc.pdu;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Cuts a TCP byte stream into PDU fragments using the common header's frag_length ([C706] 12.6.3.1), before any
 * decoding: a fragment is only read once its length is known to lie between 16 and the allowed maximum, so a
 * hostile length never causes a large allocation or a blocked read of bytes that will never come.
 */
public final class FrameReader {

    private FrameReader() {
    }

    /** A stream that cannot be framed any more (bad version, impossible or excessive frag_length). */
    public static final class BadFrameException extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient CommonHeader header;

        BadFrameException(String message, CommonHeader header) {
            super(message);
            this.header = header;
        }

        /** The 16-byte header that was read (to address a fault or bind_nak), when one was read. */
        public CommonHeader header() {
            return header;
        }
    }

    /**
     * Reads one fragment.
     *
     * @param maxFragLength  the largest frag_length accepted
     * @param afterFirstByte run once the first byte has arrived (e.g. to switch from the idle to the read timeout)
     * @return the complete fragment, or {@code null} if the stream ended cleanly before a new fragment began
     * @throws BadFrameException on a version other than 5 or a frag_length below 16 or above the maximum
     * @throws EOFException      if the stream ends inside a fragment
     */
    public static byte[] read(InputStream in, int maxFragLength, Runnable afterFirstByte) throws IOException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        afterFirstByte.run();
        byte[] head = new byte[CommonHeader.LENGTH];
        head[0] = (byte) first;
        readFully(in, head, 1, CommonHeader.LENGTH - 1);
        CommonHeader h = CommonHeader.decode(head);
        if (h.rpcVers() != 5) {
            throw new BadFrameException("rpc_vers " + h.rpcVers() + " is not 5: not a DCE/RPC stream", h);
        }
        if (h.fragLength() < CommonHeader.LENGTH) {
            throw new BadFrameException("frag_length " + h.fragLength() + " is shorter than the 16-byte header", h);
        }
        if (h.fragLength() > maxFragLength) {
            throw new BadFrameException("frag_length " + h.fragLength() + " exceeds the negotiated maximum "
                    + maxFragLength, h);
        }
        byte[] frag = new byte[h.fragLength()];
        System.arraycopy(head, 0, frag, 0, CommonHeader.LENGTH);
        readFully(in, frag, CommonHeader.LENGTH, h.fragLength() - CommonHeader.LENGTH);
        return frag;
    }

    private static void readFully(InputStream in, byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = in.read(b, off, len);
            if (n < 0) {
                throw new EOFException("connection closed inside a PDU (" + len + " bytes missing)");
            }
            off += n;
            len -= n;
        }
    }
}
