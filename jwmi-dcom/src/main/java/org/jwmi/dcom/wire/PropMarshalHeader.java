package org.jwmi.dcom.wire;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.UUID;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.ProtocolException.Kind;
import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;

/**
 * [MS-DCOM] 2.2.20.1 PROPMARSHALHEADER: one marshaled context property (raw little-endian).
 * <pre>
 * CLSID clsid;             // GUID_NULL: ctxProperty is an OBJREF; else opaque envoy data
 * GUID policyId;           // context property identifier
 * unsigned long flags;     // CPFLAG_PROPAGATE | CPFLAG_EXPOSE | CPFLAG_ENVOY
 * unsigned long cb;        // bytes of ctxProperty
 * byte ctxProperty[cb];
 * </pre>
 *
 * @param clsid       GUID_NULL or the class of the envoy data
 * @param policyId    the context property identifier
 * @param flags       raw flags (see {@link #flagSet()})
 * @param ctxProperty the property bytes (cb is derived from them; not copied)
 */
public record PropMarshalHeader(UUID clsid, UUID policyId, int flags, byte[] ctxProperty) {

    public PropMarshalHeader {
        Objects.requireNonNull(clsid, "clsid");
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(ctxProperty, "ctxProperty");
    }

    public EnumSet<CpFlag> flagSet() {
        return BitFlag.toSet(CpFlag.class, flags);
    }

    /** The OBJREF in ctxProperty (when clsid is GUID_NULL). */
    public ObjRef objRef(CustomUnmarshalerRegistry registry, Limits limits) {
        return ObjRef.decode(ctxProperty, registry, limits);
    }

    static PropMarshalHeader decode(WireReader r) {
        r.enter("PropMarshalHeader");
        try {
            r.need(40);
            UUID clsid = r.uuid();
            UUID policyId = r.uuid();
            int flags = r.i32();
            long cb = r.u32();
            if (cb > r.remaining()) {
                throw new ProtocolException(Kind.ARRAY_SIZE, r.position() - 4, r.path(), "cb " + cb
                        + " exceeds the " + r.remaining() + " bytes that remain");
            }
            return new PropMarshalHeader(clsid, policyId, flags, r.bytes((int) cb));
        } finally {
            r.exit();
        }
    }

    void encode(WireWriter w) {
        w.uuid(clsid).uuid(policyId).i32(flags).i32(ctxProperty.length).bytes(ctxProperty);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PropMarshalHeader p && clsid.equals(p.clsid) && policyId.equals(p.policyId)
                && flags == p.flags && Arrays.equals(ctxProperty, p.ctxProperty);
    }

    @Override
    public int hashCode() {
        return Objects.hash(clsid, policyId, flags) * 31 + Arrays.hashCode(ctxProperty);
    }

    @Override
    public String toString() {
        return "PropMarshalHeader[clsid=" + clsid + ", policyId=" + policyId + ", flags=0x"
                + Integer.toHexString(flags) + ", cb=" + ctxProperty.length + "]";
    }
}
