package org.jwmi.server.security;

import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;

/**
 * [MS-DTYP] 2.4.6 SECURITY_DESCRIPTOR in self-relative form, as __SystemSecurity GetSD/SetSD carry it:
 * Revision (1), Sbz1, Control, OffsetOwner, OffsetGroup, OffsetSacl, OffsetDacl, then the referenced parts.
 *
 * <p>A {@code null} DACL means "no DACL" (SE_DACL_PRESENT clear, or present with OffsetDacl 0 — a NULL DACL);
 * both grant everything (2.5.3.2). Encoding writes SACL, DACL, owner, group in that order, as Windows does
 * (2.5.1.4), and always sets SE_SELF_RELATIVE; SE_DACL_PRESENT / SE_SACL_PRESENT are set when the ACL is given and
 * otherwise kept as they are in {@code control}.
 *
 * @param control the Control field, raw (unknown bits survive)
 * @param sbz1    resource-manager control bits (meaningful only with SE_RM_CONTROL_VALID)
 * @param owner   OwnerSid or null
 * @param group   GroupSid or null
 * @param sacl    the SACL or null
 * @param dacl    the DACL or null
 */
public record SecurityDescriptor(int control, int sbz1, Sid owner, Sid group, Acl sacl, Acl dacl) {

    public static final int SE_OWNER_DEFAULTED = 0x0001;
    public static final int SE_GROUP_DEFAULTED = 0x0002;
    public static final int SE_DACL_PRESENT = 0x0004;
    public static final int SE_DACL_DEFAULTED = 0x0008;
    public static final int SE_SACL_PRESENT = 0x0010;
    public static final int SE_SACL_DEFAULTED = 0x0020;
    public static final int SE_DACL_TRUSTED = 0x0040;
    public static final int SE_SERVER_SECURITY = 0x0080;
    public static final int SE_DACL_AUTO_INHERIT_REQ = 0x0100;
    public static final int SE_SACL_AUTO_INHERIT_REQ = 0x0200;
    public static final int SE_DACL_AUTO_INHERITED = 0x0400;
    public static final int SE_SACL_AUTO_INHERITED = 0x0800;
    public static final int SE_DACL_PROTECTED = 0x1000;
    public static final int SE_SACL_PROTECTED = 0x2000;
    public static final int SE_RM_CONTROL_VALID = 0x4000;
    public static final int SE_SELF_RELATIVE = 0x8000;

    /** The fixed part before the variable fields. */
    public static final int HEADER_SIZE = 20;

    public SecurityDescriptor {
        if (control < 0 || control > 0xFFFF || sbz1 < 0 || sbz1 > 0xFF) {
            throw new IllegalArgumentException("Control is 16 bits and Sbz1 8 bits");
        }
        control |= SE_SELF_RELATIVE;
        if (dacl != null) {
            control |= SE_DACL_PRESENT;
        }
        if (sacl != null) {
            control |= SE_SACL_PRESENT;
        }
    }

    /** A descriptor with owner, group and DACL only. */
    public static SecurityDescriptor of(int control, Sid owner, Sid group, Acl dacl) {
        return new SecurityDescriptor(control, 0, owner, group, null, dacl);
    }

    public boolean has(int controlBit) {
        return (control & controlBit) != 0;
    }

    public SecurityDescriptor withDacl(Acl newDacl) {
        return new SecurityDescriptor(control, sbz1, owner, group, sacl, newDacl);
    }

    public SecurityDescriptor withSacl(Acl newSacl) {
        return new SecurityDescriptor(control, sbz1, owner, group, newSacl, dacl);
    }

    public SecurityDescriptor withControl(int newControl) {
        return new SecurityDescriptor(newControl, sbz1, owner, group, sacl, dacl);
    }

    /** Decodes a self-relative descriptor that must span all of {@code bytes} at most (trailing bytes are allowed). */
    public static SecurityDescriptor decode(byte[] bytes) {
        WireReader r = new WireReader(bytes);
        r.enter("SecurityDescriptor");
        int revision = r.u8();
        if (revision != 1) {
            throw r.fail(ProtocolException.Kind.BAD_VALUE, "Revision " + revision + ", expected 1");
        }
        int sbz1 = r.u8();
        int control = r.u16();
        if ((control & SE_SELF_RELATIVE) == 0) {
            throw r.fail(ProtocolException.Kind.BAD_VALUE, "SE_SELF_RELATIVE is not set; only self-relative"
                    + " descriptors can be transmitted");
        }
        long offsetOwner = r.u32();
        long offsetGroup = r.u32();
        long offsetSacl = r.u32();
        long offsetDacl = r.u32();
        if ((control & SE_SACL_PRESENT) == 0 && offsetSacl != 0) {
            throw r.fail(ProtocolException.Kind.BAD_VALUE, "OffsetSacl is " + offsetSacl + " but SE_SACL_PRESENT is clear");
        }
        if ((control & SE_DACL_PRESENT) == 0 && offsetDacl != 0) {
            throw r.fail(ProtocolException.Kind.BAD_VALUE, "OffsetDacl is " + offsetDacl + " but SE_DACL_PRESENT is clear");
        }
        Sid owner = offsetOwner == 0 ? null : Sid.decode(at(r, bytes, offsetOwner, "OffsetOwner"));
        Sid group = offsetGroup == 0 ? null : Sid.decode(at(r, bytes, offsetGroup, "OffsetGroup"));
        Acl sacl = offsetSacl == 0 ? null : Acl.decode(at(r, bytes, offsetSacl, "OffsetSacl"));
        Acl dacl = offsetDacl == 0 ? null : Acl.decode(at(r, bytes, offsetDacl, "OffsetDacl"));
        r.exit();
        return new SecurityDescriptor(control, sbz1, owner, group, sacl, dacl);
    }

    private static WireReader at(WireReader header, byte[] bytes, long offset, String field) {
        if (offset < HEADER_SIZE || offset >= bytes.length) {
            throw header.fail(ProtocolException.Kind.BAD_VALUE, field + " " + offset
                    + " points outside the descriptor body (" + HEADER_SIZE + ".." + bytes.length + ")");
        }
        WireReader r = new WireReader(bytes);
        r.seek((int) offset);
        return r;
    }

    /** Encodes the self-relative form. */
    public byte[] encode() {
        int size = HEADER_SIZE + (sacl == null ? 0 : sacl.size()) + (dacl == null ? 0 : dacl.size())
                + (owner == null ? 0 : owner.size()) + (group == null ? 0 : group.size());
        int offsetSacl = sacl == null ? 0 : HEADER_SIZE;
        int offsetDacl = dacl == null ? 0 : HEADER_SIZE + (sacl == null ? 0 : sacl.size());
        int afterAcls = HEADER_SIZE + (sacl == null ? 0 : sacl.size()) + (dacl == null ? 0 : dacl.size());
        int offsetOwner = owner == null ? 0 : afterAcls;
        int offsetGroup = group == null ? 0 : afterAcls + (owner == null ? 0 : owner.size());
        WireWriter w = new WireWriter(size);
        w.u8(1);
        w.u8(sbz1);
        w.u16(control);
        w.i32(offsetOwner);
        w.i32(offsetGroup);
        w.i32(offsetSacl);
        w.i32(offsetDacl);
        if (sacl != null) {
            sacl.encode(w);
        }
        if (dacl != null) {
            dacl.encode(w);
        }
        if (owner != null) {
            owner.encode(w);
        }
        if (group != null) {
            group.encode(w);
        }
        return w.toByteArray();
    }

    @Override
    public String toString() {
        return Sddl.format(this);
    }
}
