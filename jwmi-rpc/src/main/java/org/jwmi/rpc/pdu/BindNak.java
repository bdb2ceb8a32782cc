package org.jwmi.rpc.pdu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;

/**
 * [MS-RPCE] 2.2.2.9 bind_nak (PTYPE 13; C706 12.6.4.5): a refused bind. Never carries a verifier.
 *
 * <pre>
 * common header (16)
 * u_int16                    provider_reject_reason;
 * p_rt_versions_supported_t  versions;     u_int8 n_protocols; version_t p_protocols[n] (major, minor)
 * (pad to 4)
 * UUID                       Signature;    optional; 90740320-fad0-11d3-82d7-009027b130ab = extended error follows
 * byte                       extended_error[];
 * </pre>
 */
public record BindNak(PfcFlags pfcFlags, PackedDrep drep, int callId, int providerRejectReason, List<Version> versions,
                      Optional<UUID> signature, byte[] extendedError) implements Pdu {

    /** [MS-RPCE] 2.2.1.1.2 extended error information signature. */
    public static final UUID EXTENDED_ERROR_SIGNATURE = UUID.fromString("90740320-fad0-11d3-82d7-009027b130ab");

    /** [MS-RPCE] 2.2.1.1.5 version_t. */
    public record Version(int major, int minor) {
        public Version {
            if ((major | minor) >>> 8 != 0) {
                throw new IllegalArgumentException("version_t octets");
            }
        }
    }

    public BindNak {
        versions = List.copyOf(versions);
        extendedError = extendedError.clone();
        if (providerRejectReason < 0 || providerRejectReason > 0xffff || versions.size() > 0xff) {
            throw new IllegalArgumentException("bind_nak field out of range");
        }
        if (signature.isEmpty() && extendedError.length > 0) {
            throw new IllegalArgumentException("extended error information needs the signature");
        }
    }

    /** A bind_nak listing protocol version 5.0, as Windows and Samba send. */
    public static BindNak of(int callId, RejectReason reason) {
        return new BindNak(PfcFlags.FIRST_LAST, PackedDrep.LITTLE_ENDIAN, callId, reason.value(),
                List.of(new Version(5, 0)), Optional.empty(), new byte[0]);
    }

    @Override
    public byte[] extendedError() {
        return extendedError.clone();
    }

    @Override
    public PType type() {
        return PType.BIND_NAK;
    }

    @Override
    public Optional<AuthVerifier> auth() {
        return Optional.empty();
    }

    public static BindNak decode(byte[] frag) {
        Codec.Opened o = Codec.open(frag, PType.BIND_NAK, false);
        WireReader r = o.reader();
        int reason = r.u16();
        List<Version> versions = new ArrayList<>();
        Optional<UUID> sig = Optional.empty();
        byte[] ee = new byte[0];
        if (r.hasRemaining()) {
            r.enter("versions");
            int n = r.u8();
            r.need(2L * n);
            for (int i = 0; i < n; i++) {
                versions.add(new Version(r.u8(), r.u8()));
            }
            r.exit();
            int pad = (4 - (r.position() & 3)) & 3;
            r.skip(Math.min(pad, r.remaining()));
            if (r.remaining() >= 16) {
                sig = Optional.of(r.uuid());
                ee = Codec.rest(r);
            }
        }
        return new BindNak(o.header().pfcFlags(), o.header().drep(), o.header().callId(), reason, versions, sig, ee);
    }

    @Override
    public byte[] encode() {
        WireWriter w = CommonHeader.start(PType.BIND_NAK, pfcFlags, drep, callId, 32);
        w.u16(providerRejectReason).u8(versions.size());
        for (Version v : versions) {
            w.u8(v.major()).u8(v.minor());
        }
        w.align(4);
        signature.ifPresent(u -> w.uuid(u).bytes(extendedError));
        return Codec.finish(w, Optional.empty());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BindNak b && b.pfcFlags.equals(pfcFlags) && b.drep.equals(drep) && b.callId == callId
                && b.providerRejectReason == providerRejectReason && b.versions.equals(versions)
                && b.signature.equals(signature) && Arrays.equals(b.extendedError, extendedError);
    }

    @Override
    public int hashCode() {
        return callId * 31 + providerRejectReason;
    }

    @Override
    public String toString() {
        return "BindNak[call_id=" + callId + ", " + RejectReason.describe(providerRejectReason) + ", versions=" + versions
                + "]";
    }
}
