package org.jwmi.rpc.pdu;

import java.util.Arrays;

/**
 * Concatenates the stub parts of a fragmented request or response up to a cap (Limits.maxBodySize;
 * [MS-RPCE] 3.3.3.5.4). alloc_hint only sizes the first allocation, never beyond 64 KiB, so a hostile hint costs
 * nothing.
 */
public final class Reassembler {

    private static final int MAX_INITIAL = 64 * 1024;

    private final int maxBody;
    private byte[] buf;
    private int len;

    public Reassembler(int maxBody, long allocHint) {
        this.maxBody = maxBody;
        this.buf = new byte[(int) Math.max(16, Math.min(Math.min(allocHint, maxBody), MAX_INITIAL))];
    }

    /** Appends a stub part; returns {@code false} (and keeps nothing more) if the total would exceed the cap. */
    public boolean append(byte[] b, int off, int n) {
        if (n > maxBody - len) {
            return false;
        }
        if (n > buf.length - len) {
            long want = Math.max((long) buf.length * 2, (long) len + n);
            buf = Arrays.copyOf(buf, (int) Math.min(want, maxBody));
        }
        System.arraycopy(b, off, buf, len, n);
        len += n;
        return true;
    }

    public int length() {
        return len;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }
}
