package org.jwmi.auth.ntlm;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;

/**
 * [MS-NLMP] 2.2 Message Syntax: what the three messages share. The Signature and MessageType header, and payload
 * references (Len, MaxLen, BufferOffset) resolved against the whole message with every bound checked: a field
 * may not point into the fixed header, past the end of the message, or be odd-sized when it holds UTF-16.
 */
final class MessageCodec {

    /** The ASCII string "NTLMSSP" and a NUL. */
    static final byte[] SIGNATURE = {'N', 'T', 'L', 'M', 'S', 'S', 'P', 0};

    static final int NT_LM_NEGOTIATE = 1;
    static final int NT_LM_CHALLENGE = 2;
    static final int NT_LM_AUTHENTICATE = 3;

    private MessageCodec() {
    }

    /** Reads and checks Signature and MessageType. */
    static void header(WireReader r, int expectedType) {
        r.enter("Signature");
        r.need(8);
        for (byte b : SIGNATURE) {
            if (r.u8() != (b & 0xff)) {
                r.seek(0);
                throw r.fail(ProtocolException.Kind.BAD_VALUE, "not an NTLMSSP message");
            }
        }
        r.exit();
        r.enter("MessageType");
        long type = r.u32();
        if (type != expectedType) {
            throw r.fail(ProtocolException.Kind.BAD_VALUE,
                    "MessageType " + type + " where " + expectedType + " (" + typeName(expectedType) + ") is expected");
        }
        r.exit();
    }

    static String typeName(long type) {
        return type == NT_LM_NEGOTIATE ? "NEGOTIATE_MESSAGE" : type == NT_LM_CHALLENGE ? "CHALLENGE_MESSAGE"
                : type == NT_LM_AUTHENTICATE ? "AUTHENTICATE_MESSAGE" : "unknown";
    }

    /** The MessageType of an NTLMSSP message, or -1 when {@code msg} is not one. */
    static long peekType(byte[] msg) {
        if (msg == null || msg.length < 12) {
            return -1;
        }
        for (int i = 0; i < 8; i++) {
            if (msg[i] != SIGNATURE[i]) {
                return -1;
            }
        }
        return (msg[8] & 0xffL) | (msg[9] & 0xffL) << 8 | (msg[10] & 0xffL) << 16 | (msg[11] & 0xffL) << 24;
    }

    static Charset charset(NegotiateFlags flags) {
        return flags.has(NegotiateFlag.NTLMSSP_NEGOTIATE_UNICODE) ? StandardCharsets.UTF_16LE
                : StandardCharsets.ISO_8859_1;
    }

    /**
     * A payload reference as read from the fixed part of a message.
     *
     * @param name   the field name for error paths
     * @param at     where the reference itself sits in the message
     * @param len    Len
     * @param offset BufferOffset (unsigned)
     */
    record Ref(String name, int at, int len, long offset) {

        /** A reference that is not there (its flag is clear). */
        static Ref absent(String name) {
            return new Ref(name, 0, 0, 0);
        }

        static Ref read(WireReader r, String name) {
            int at = r.position();
            r.enter(name);
            int len = r.u16();
            r.u16(); // MaxLen: ignored on receipt
            long offset = r.u32();
            r.exit();
            return new Ref(name, at, len, offset);
        }

        /**
         * The referenced bytes; empty when Len is 0 (the offset is then meaningless). Fails when the bytes lie
         * before {@code headerEnd} or past the end of the message, or when {@code even} and Len is odd.
         */
        byte[] resolve(byte[] msg, int headerEnd, String path, boolean even) {
            if (len == 0) {
                return new byte[0];
            }
            if (offset < headerEnd) {
                throw new ProtocolException(ProtocolException.Kind.RANGE, at, path + "." + name,
                        "BufferOffset " + offset + " points into the fixed header (" + headerEnd + " bytes)");
            }
            if (offset + len > msg.length) {
                throw new ProtocolException(ProtocolException.Kind.BUFSIZE, at, path + "." + name,
                        "BufferOffset " + offset + " + Len " + len + " lies past the end of the message ("
                                + msg.length + " bytes)");
            }
            if (even && (len & 1) != 0) {
                throw new ProtocolException(ProtocolException.Kind.BAD_VALUE, at, path + "." + name,
                        "odd Len " + len + " for a UTF-16 string");
            }
            byte[] out = new byte[len];
            System.arraycopy(msg, (int) offset, out, 0, len);
            return out;
        }

        String string(byte[] msg, int headerEnd, String path, Charset cs) {
            return new String(resolve(msg, headerEnd, path, cs == StandardCharsets.UTF_16LE), cs);
        }
    }

    /**
     * Where the payload starts: the smallest BufferOffset of the non-empty references, or the message length when
     * all are empty. Decoders use it to tell whether the optional Version (and MIC) fields are present.
     */
    static long payloadStart(byte[] msg, Ref... refs) {
        long min = msg.length;
        for (Ref f : refs) {
            if (f.len() != 0) {
                min = Math.min(min, f.offset());
            }
        }
        return min;
    }

    /**
     * Builds a message: fixed fields first, then the payload. A reference is reserved in the fixed part with
     * {@link #slot()} and filled by {@link #put}; the payload is laid out in the order of the {@code put} calls.
     */
    static final class Builder {
        private final WireWriter fixed = new WireWriter(128);
        private final List<Integer> putSlots = new ArrayList<>();
        private final List<byte[]> putData = new ArrayList<>();

        WireWriter fixed() {
            return fixed;
        }

        /** Reserves a (Len, MaxLen, BufferOffset) triple at the current position of the fixed part. */
        int slot() {
            int at = fixed.position();
            fixed.zeros(8);
            return at;
        }

        /** Appends {@code data} to the payload and points the reference at {@code slot} to it. */
        Builder put(int slot, byte[] data) {
            if (data.length > 0xffff) {
                throw new IllegalArgumentException("payload field longer than 65535 bytes");
            }
            putSlots.add(slot);
            putData.add(data);
            return this;
        }

        /** Reserves a reference and fills it at once (payload order = declaration order). */
        Builder ref(byte[] data) {
            return put(slot(), data);
        }

        byte[] build() {
            int pos = fixed.position();
            WireWriter out = new WireWriter(pos + 256);
            out.bytes(fixed.array(), 0, pos);
            for (int i = 0; i < putSlots.size(); i++) {
                byte[] d = putData.get(i);
                int at = putSlots.get(i);
                out.putU16(at, d.length).putU16(at + 2, d.length).putI32(at + 4, out.position());
                out.bytes(d);
            }
            return out.toByteArray();
        }
    }
}
