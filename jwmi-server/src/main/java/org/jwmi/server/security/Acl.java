package org.jwmi.server.security;

import java.util.ArrayList;
import java.util.List;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;

/**
 * [MS-DTYP] 2.4.5 ACL: header (AclRevision, Sbz1, AclSize, AceCount, Sbz2) followed by AceCount ACEs.
 *
 * <p>AclSize may exceed the ACEs (Windows leaves free space in ACLs it edits); the slack is not kept, so such an ACL
 * re-encodes shorter. Sbz1 and Sbz2 are ignored on decode and written as zero.
 *
 * @param aclRevision ACL_REVISION (2) or ACL_REVISION_DS (4)
 * @param aces        the ACEs in order
 */
public record Acl(int aclRevision, List<Ace> aces) {

    public static final int ACL_REVISION = 2;
    public static final int ACL_REVISION_DS = 4;
    /** The ACL header length. */
    public static final int HEADER_SIZE = 8;

    public Acl {
        if (aclRevision != ACL_REVISION && aclRevision != ACL_REVISION_DS) {
            throw new IllegalArgumentException("AclRevision must be 2 or 4, not " + aclRevision);
        }
        aces = List.copyOf(aces);
        if (aces.size() > 0xFFFF || size(aces) > 0xFFFF) {
            throw new IllegalArgumentException("an ACL holds at most 65535 bytes");
        }
    }

    /** An ACL_REVISION ACL. */
    public static Acl of(List<? extends Ace> aces) {
        return new Acl(ACL_REVISION, List.copyOf(aces));
    }

    private static int size(List<Ace> aces) {
        int n = HEADER_SIZE;
        for (Ace a : aces) {
            n += a.size();
        }
        return n;
    }

    /** AclSize as encoded. */
    public int size() {
        return size(aces);
    }

    public static Acl decode(WireReader r) {
        r.enter("Acl");
        int aclRevision = r.u8();
        if (aclRevision != ACL_REVISION && aclRevision != ACL_REVISION_DS) {
            throw r.fail(ProtocolException.Kind.BAD_VALUE, "AclRevision " + aclRevision + ", expected 2 or 4");
        }
        r.u8(); // Sbz1
        int aclSize = r.u16();
        int aceCount = r.u16();
        r.u16(); // Sbz2
        if (aclSize < HEADER_SIZE) {
            throw r.fail(ProtocolException.Kind.BAD_VALUE, "AclSize " + aclSize + " is smaller than the ACL header");
        }
        if ((long) aceCount * Ace.HEADER_SIZE > aclSize - HEADER_SIZE) {
            throw r.fail(ProtocolException.Kind.ARRAY_SIZE, "AceCount " + aceCount + " does not fit AclSize " + aclSize);
        }
        WireReader body = r.slice(aclSize - HEADER_SIZE);
        List<Ace> aces = new ArrayList<>(aceCount);
        for (int i = 0; i < aceCount; i++) {
            body.enter("Ace[" + i + "]");
            aces.add(Ace.decode(body));
            body.exit();
        }
        r.exit();
        return new Acl(aclRevision, aces);
    }

    public void encode(WireWriter w) {
        w.u8(aclRevision);
        w.u8(0);
        w.u16(size());
        w.u16(aces.size());
        w.u16(0);
        for (Ace a : aces) {
            a.encode(w);
        }
    }
}
