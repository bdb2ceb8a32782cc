package org.jwmi.dcom.wire;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jwmi.ndr.DataRepresentation;
import org.jwmi.ndr.NdrDecoder;
import org.jwmi.ndr.TypeSerialization1;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.ProtocolException.Kind;
import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;

/**
 * [MS-DCOM] 2.2.22 Activation Properties BLOB: the ActivationPropertiesIn of an activation request and the
 * ActivationPropertiesOut of its reply, carried as the pObjectData of an OBJREF_CUSTOM (clsid
 * CLSID_ActivationPropertiesIn / Out, iid IID_IActivationPropertiesIn / Out).
 * <pre>
 * DWORD dwSize;                 // CustomHeader start to end of the last property
 * DWORD dwReserved;             // 0
 * CustomHeader                  // type serialization version 1 stream of headerSize bytes
 * Property[cIfs]                // each its own type serialization version 1 stream of pSizes[i] bytes,
 *                               // its type named by pclsid[i]
 * </pre>
 * This record holds destCtx and the properties in order; dwSize, totalSize, headerSize, cIfs, pclsid and pSizes
 * are computed when encoding (reserved fields zero, classInfoClsid GUID_NULL, pdwReserved NULL) and checked when
 * decoding: dwSize must cover exactly the rest of the blob, totalSize must equal it, headerSize must hold the
 * serialized CustomHeader (plus at most 7 bytes of padding), and the property sizes must add up to
 * {@code dwSize - headerSize}. Each property is decoded inside its own size (at most 7 bytes of padding may follow
 * it); a CLSID this package does not know becomes an {@link UnknownActivationProperty}. Duplicate CLSIDs are
 * refused.
 *
 * <p>The serialized headers are the ones [MS-RPCE] 2.2.6 prescribes (common-header filler 0xCCCCCCCC,
 * private-header filler 0, ObjectBufferLength padded to 8). When decoding, fillers and padding are ignored and an
 * unpadded ObjectBufferLength (as impacket sends) is accepted.
 *
 * @param destCtx    CustomHeader.destCtx (Windows clients send MSHCTX_DIFFERENTMACHINE, 2; ignored on receipt)
 * @param properties 1..10 properties with distinct CLSIDs, in blob order
 */
public record ActivationProperties(int destCtx, List<ActivationProperty> properties) {

    /** Unmarshaler of ActivationPropertiesIn. */
    public static final CustomObjRefCodec<ActivationProperties> IN_CODEC = CustomObjRefCodec.of(
            Clsids.CLSID_ACTIVATIONPROPERTIESIN, ActivationProperties.class, ActivationProperties::decode,
            ActivationProperties::encode);

    /** Unmarshaler of ActivationPropertiesOut. */
    public static final CustomObjRefCodec<ActivationProperties> OUT_CODEC = CustomObjRefCodec.of(
            Clsids.CLSID_ACTIVATIONPROPERTIESOUT, ActivationProperties.class, ActivationProperties::decode,
            ActivationProperties::encode);

    private static final Map<UUID, NdrDecoder<? extends ActivationProperty>> DECODERS = Map.of(
            Clsids.CLSID_INSTANTIATIONINFO, InstantiationInfoData::decode,
            Clsids.CLSID_SPECIALSYSTEMPROPERTIES, SpecialPropertiesData::decode,
            Clsids.CLSID_INSTANCEINFO, InstanceInfoData::decode,
            Clsids.CLSID_SCMREQUESTINFO, ScmRequestInfoData::decode,
            Clsids.CLSID_ACTIVATIONCONTEXTINFO, ActivationContextInfoData::decode,
            Clsids.CLSID_SERVERLOCATIONINFO, LocationInfoData::decode,
            Clsids.CLSID_SECURITYINFO, SecurityInfoData::decode,
            Clsids.CLSID_SCMREPLYINFO, ScmReplyInfoData::decode,
            Clsids.CLSID_PROPSOUTINFO, PropsOutInfo::decode);

    public ActivationProperties {
        properties = List.copyOf(properties);
        if (properties.size() < DcomConstants.MIN_ACTPROP_LIMIT
                || properties.size() > DcomConstants.MAX_ACTPROP_LIMIT) {
            throw new IllegalArgumentException("an activation properties BLOB holds 1..10 properties, not "
                    + properties.size());
        }
        Set<UUID> seen = new HashSet<>();
        for (ActivationProperty p : properties) {
            if (!seen.add(p.clsid())) {
                throw new IllegalArgumentException("two properties with CLSID " + p.clsid());
            }
        }
    }

    /** destCtx MSHCTX_DIFFERENTMACHINE and these properties. */
    public static ActivationProperties of(ActivationProperty... properties) {
        return new ActivationProperties(DcomConstants.MSHCTX_DIFFERENTMACHINE, List.of(properties));
    }

    /** The property of this type, if present. */
    public <T extends ActivationProperty> Optional<T> find(Class<T> type) {
        return properties.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** The property of this type; ProtocolException BAD_VALUE when the blob lacks it. */
    public <T extends ActivationProperty> T require(Class<T> type) {
        return find(type).orElseThrow(() -> new ProtocolException(Kind.BAD_VALUE, 0, "ActivationProperties",
                "the activation properties lack " + type.getSimpleName()));
    }

    /** An OBJREF_CUSTOM carrying this blob as ActivationPropertiesIn. */
    public ObjRefCustom toObjRefIn() {
        return ObjRefCustom.of(Iids.IID_IACTIVATIONPROPERTIESIN, IN_CODEC, this);
    }

    /** An OBJREF_CUSTOM carrying this blob as ActivationPropertiesOut. */
    public ObjRefCustom toObjRefOut() {
        return ObjRefCustom.of(Iids.IID_IACTIVATIONPROPERTIESOUT, OUT_CODEC, this);
    }

    // ------------------------------------------------------------------------------------------------ encoding

    public byte[] encode() {
        List<byte[]> serialized = new ArrayList<>(properties.size());
        List<UUID> clsids = new ArrayList<>(properties.size());
        List<Integer> sizes = new ArrayList<>(properties.size());
        long sum = 0;
        for (ActivationProperty p : properties) {
            byte[] b = p.serialize();
            serialized.add(b);
            clsids.add(p.clsid());
            sizes.add(b.length);
            sum += b.length;
        }
        int headerSize = header(0, 0, clsids, sizes).length;
        long total = headerSize + sum;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("activation properties too large");
        }
        byte[] header = header((int) total, headerSize, clsids, sizes);
        WireWriter w = new WireWriter((int) total + 8);
        w.i32((int) total).i32(0).bytes(header);
        serialized.forEach(w::bytes);
        return w.toByteArray();
    }

    private byte[] header(int totalSize, int headerSize, List<UUID> clsids, List<Integer> sizes) {
        CustomHeader h = new CustomHeader(totalSize, headerSize, 0, destCtx, clsids.size(), Clsids.GUID_NULL, clsids,
                sizes, null);
        return TypeSerialization1.encode(DataRepresentation.LITTLE_ENDIAN, h, CustomHeader::encode);
    }

    // ------------------------------------------------------------------------------------------------ decoding

    /** Decodes a whole blob (the pObjectData of the OBJREF_CUSTOM). */
    public static ActivationProperties decode(byte[] blob, Limits limits) {
        WireReader r = new WireReader(blob, 0, blob.length, limits.maxNesting());
        r.enter("ActivationPropertiesBlob");
        try {
            r.need(8);
            long dwSize = r.u32();
            r.i32();
            if (dwSize > r.remaining()) {
                throw new ProtocolException(Kind.BUFSIZE, 0, r.path(), "dwSize " + dwSize + " exceeds the "
                        + r.remaining() + " bytes that follow it");
            }
            if (dwSize < r.remaining()) {
                throw new ProtocolException(Kind.UNREAD_BYTES, 8 + dwSize, r.path(), (r.remaining() - dwSize)
                        + " bytes follow the dwSize " + dwSize + " bytes of the blob");
            }
            int end = 8 + (int) dwSize;
            TypeSerialization1.Reader hr;
            CustomHeader h;
            try {
                hr = new TypeSerialization1.Reader(blob, 8, (int) dwSize, limits);
                h = hr.constructed(CustomHeader::decode);
            } catch (ProtocolException e) {
                throw Support.rebase(e, 8, r.path() + ".CustomHeader");
            }
            long consumed = dwSize - hr.remaining();
            if (Integer.toUnsignedLong(h.totalSize()) != dwSize) {
                throw new ProtocolException(Kind.BAD_VALUE, 8, r.path() + ".CustomHeader", "totalSize "
                        + Integer.toUnsignedLong(h.totalSize()) + " differs from dwSize " + dwSize);
            }
            long headerSize = Integer.toUnsignedLong(h.headerSize());
            if (headerSize < consumed || headerSize > consumed + 7 || headerSize > dwSize) {
                throw new ProtocolException(Kind.BAD_VALUE, 12, r.path() + ".CustomHeader", "headerSize "
                        + headerSize + " does not match the " + consumed + " bytes of the serialized CustomHeader");
            }
            Set<UUID> seen = new HashSet<>();
            for (UUID c : h.pclsid()) {
                if (!seen.add(c)) {
                    throw new ProtocolException(Kind.BAD_VALUE, 8, r.path() + ".CustomHeader.pclsid",
                            "CLSID " + c + " appears twice");
                }
            }
            List<ActivationProperty> props = new ArrayList<>(h.cIfs());
            long at = 8 + headerSize;
            for (int i = 0; i < h.cIfs(); i++) {
                long size = Integer.toUnsignedLong(h.pSizes().get(i));
                if (size > end - at) {
                    throw new ProtocolException(Kind.ARRAY_SIZE, at, r.path() + ".Property[" + i + "]", "pSizes["
                            + i + "] " + size + " exceeds the " + (end - at) + " bytes left in the blob");
                }
                props.add(property(blob, (int) at, (int) size, h.pclsid().get(i), i, limits, r.path()));
                at += size;
            }
            if (at != end) {
                throw new ProtocolException(Kind.BAD_VALUE, at, r.path(), "headerSize and pSizes add up to "
                        + (at - 8) + " bytes but dwSize is " + dwSize);
            }
            return new ActivationProperties(h.destCtx(), props);
        } finally {
            r.exit();
        }
    }

    private static ActivationProperty property(byte[] blob, int at, int size, UUID clsid, int index, Limits limits,
                                               String path) {
        NdrDecoder<? extends ActivationProperty> decoder = DECODERS.get(clsid);
        if (decoder == null) {
            byte[] raw = new byte[size];
            System.arraycopy(blob, at, raw, 0, size);
            return new UnknownActivationProperty(clsid, raw);
        }
        String where = path + ".Property[" + index + "]";
        try {
            TypeSerialization1.Reader pr = new TypeSerialization1.Reader(blob, at, size, limits);
            ActivationProperty p = pr.constructed(decoder);
            if (pr.remaining() >= 8) {
                throw new ProtocolException(Kind.UNREAD_BYTES, size - pr.remaining(), "", pr.remaining()
                        + " bytes follow the serialized property inside its pSizes entry");
            }
            return p;
        } catch (ProtocolException e) {
            throw Support.rebase(e, at, where);
        }
    }
}
