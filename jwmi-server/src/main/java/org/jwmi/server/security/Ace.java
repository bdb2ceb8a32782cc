package org.jwmi.server.security;

import java.util.Arrays;
import java.util.Objects;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;

/**
 * [MS-DTYP] 2.4.4 ACE: an ACE_HEADER (2.4.4.1: AceType, AceFlags, AceSize) and a type-specific body. The types
 * whose body is {@code Mask, Sid} (ACCESS_ALLOWED_ACE 2.4.4.2, ACCESS_DENIED_ACE 2.4.4.4, SYSTEM_AUDIT_ACE
 * 2.4.4.10, SYSTEM_MANDATORY_LABEL_ACE 2.4.4.13) are decoded as {@link MaskSidAce}; every other type is kept as
 * {@link OpaqueAce} so that it survives a round trip.
 */
public sealed interface Ace permits Ace.MaskSidAce, Ace.OpaqueAce {

    int ACCESS_ALLOWED_ACE_TYPE = 0x00;
    int ACCESS_DENIED_ACE_TYPE = 0x01;
    int SYSTEM_AUDIT_ACE_TYPE = 0x02;
    int SYSTEM_MANDATORY_LABEL_ACE_TYPE = 0x11;

    int OBJECT_INHERIT_ACE = 0x01;
    int CONTAINER_INHERIT_ACE = 0x02;
    int NO_PROPAGATE_INHERIT_ACE = 0x04;
    int INHERIT_ONLY_ACE = 0x08;
    int INHERITED_ACE = 0x10;
    int SUCCESSFUL_ACCESS_ACE_FLAG = 0x40;
    int FAILED_ACCESS_ACE_FLAG = 0x80;

    /** ACE_HEADER length. */
    int HEADER_SIZE = 4;
    /** [MS-DTYP] 2.4.4.1: AceSize is a 16-bit field. */
    int MAX_SIZE = 0xFFFC;

    int aceType();

    int aceFlags();

    /** This ACE with AceFlags replaced. */
    Ace withAceFlags(int aceFlags);

    /** AceSize: the encoded length, a multiple of 4. */
    int size();

    void encode(WireWriter w);

    /** An allow/deny/audit/label ACE.
     *
     * @param aceType  one of the four types with a {@code Mask, Sid} body
     * @param aceFlags AceFlags
     * @param mask     the ACCESS_MASK (2.4.3), raw
     * @param sid      the trustee
     * @param trailer  bytes after the SID that AceSize covers (2.4.4.1 allows them; usually empty)
     */
    record MaskSidAce(int aceType, int aceFlags, int mask, Sid sid, byte[] trailer) implements Ace {
        public MaskSidAce {
            if (!hasMaskSidBody(aceType)) {
                throw new IllegalArgumentException("ACE type " + aceType + " has no Mask/Sid body");
            }
            checkFlags(aceFlags);
            Objects.requireNonNull(sid, "sid");
            trailer = trailer.clone();
            if (trailer.length % 4 != 0 || HEADER_SIZE + 4 + sid.size() + trailer.length > MAX_SIZE) {
                throw new IllegalArgumentException("ACE trailer must keep AceSize a multiple of 4 below 65536");
            }
        }

        public MaskSidAce(int aceType, int aceFlags, int mask, Sid sid) {
            this(aceType, aceFlags, mask, sid, new byte[0]);
        }

        public static MaskSidAce allow(int aceFlags, int mask, Sid sid) {
            return new MaskSidAce(ACCESS_ALLOWED_ACE_TYPE, aceFlags, mask, sid);
        }

        public static MaskSidAce deny(int aceFlags, int mask, Sid sid) {
            return new MaskSidAce(ACCESS_DENIED_ACE_TYPE, aceFlags, mask, sid);
        }

        @Override
        public byte[] trailer() {
            return trailer.clone();
        }

        @Override
        public MaskSidAce withAceFlags(int flags) {
            return new MaskSidAce(aceType, flags, mask, sid, trailer);
        }

        @Override
        public int size() {
            return HEADER_SIZE + 4 + sid.size() + trailer.length;
        }

        @Override
        public void encode(WireWriter w) {
            w.u8(aceType);
            w.u8(aceFlags);
            w.u16(size());
            w.i32(mask);
            sid.encode(w);
            w.bytes(trailer);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MaskSidAce a && a.aceType == aceType && a.aceFlags == aceFlags && a.mask == mask
                    && a.sid.equals(sid) && Arrays.equals(a.trailer, trailer);
        }

        @Override
        public int hashCode() {
            return Objects.hash(aceType, aceFlags, mask, sid, Arrays.hashCode(trailer));
        }

        @Override
        public String toString() {
            return String.format("%s(flags=0x%02X, mask=0x%08X, %s)", switch (aceType) {
                case ACCESS_ALLOWED_ACE_TYPE -> "ALLOW";
                case ACCESS_DENIED_ACE_TYPE -> "DENY";
                case SYSTEM_AUDIT_ACE_TYPE -> "AUDIT";
                default -> "LABEL";
            }, aceFlags, mask, sid);
        }
    }

    /**
     * An ACE of a type this server does not interpret (object, callback, resource attribute ... ACEs).
     *
     * @param body the bytes after the ACE_HEADER, length a multiple of 4
     */
    record OpaqueAce(int aceType, int aceFlags, byte[] body) implements Ace {
        public OpaqueAce {
            if (aceType < 0 || aceType > 0xff) {
                throw new IllegalArgumentException("AceType is one byte");
            }
            checkFlags(aceFlags);
            body = body.clone();
            if (body.length % 4 != 0 || HEADER_SIZE + body.length > MAX_SIZE) {
                throw new IllegalArgumentException("ACE body must keep AceSize a multiple of 4 below 65536");
            }
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public OpaqueAce withAceFlags(int flags) {
            return new OpaqueAce(aceType, flags, body);
        }

        @Override
        public int size() {
            return HEADER_SIZE + body.length;
        }

        @Override
        public void encode(WireWriter w) {
            w.u8(aceType);
            w.u8(aceFlags);
            w.u16(size());
            w.bytes(body);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof OpaqueAce a && a.aceType == aceType && a.aceFlags == aceFlags
                    && Arrays.equals(a.body, body);
        }

        @Override
        public int hashCode() {
            return Objects.hash(aceType, aceFlags, Arrays.hashCode(body));
        }

        @Override
        public String toString() {
            return String.format("ACE(type=0x%02X, flags=0x%02X, %d bytes)", aceType, aceFlags, body.length);
        }
    }

    /** True for the ACE types whose body is {@code Mask, Sid}. */
    static boolean hasMaskSidBody(int aceType) {
        return aceType == ACCESS_ALLOWED_ACE_TYPE || aceType == ACCESS_DENIED_ACE_TYPE
                || aceType == SYSTEM_AUDIT_ACE_TYPE || aceType == SYSTEM_MANDATORY_LABEL_ACE_TYPE;
    }

    private static void checkFlags(int aceFlags) {
        if (aceFlags < 0 || aceFlags > 0xff) {
            throw new IllegalArgumentException("AceFlags is one byte");
        }
    }

    /** Decodes one ACE at the reader's position; AceSize bounds the body. */
    static Ace decode(WireReader r) {
        int start = r.position();
        int aceType = r.u8();
        int aceFlags = r.u8();
        int aceSize = r.u16();
        if (aceSize < HEADER_SIZE || aceSize % 4 != 0) {
            throw r.fail(ProtocolException.Kind.BAD_VALUE, "AceSize " + aceSize + " is not a multiple of 4 of at least 4"
                    + " (ACE at offset " + start + ")");
        }
        WireReader body = r.slice(aceSize - HEADER_SIZE);
        if (!hasMaskSidBody(aceType)) {
            return new OpaqueAce(aceType, aceFlags, body.bytes(body.remaining()));
        }
        int mask = body.i32();
        Sid sid = Sid.decode(body);
        return new MaskSidAce(aceType, aceFlags, mask, sid, body.bytes(body.remaining()));
    }
}
