package org.jwmi.wmi.marshal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jwmi.cim.CimException;
import org.jwmi.cim.CimObject;
import org.jwmi.dcom.wire.CustomObjRefCodec;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.ObjRefCustom;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.ProtocolException.Kind;
import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;
import org.jwmi.wmi.WmiIds;
import org.jwmi.wmio.Wmio;
import org.jwmi.wmio.block.EncodingUnit;

/**
 * [MS-WMI] 2.2.13.1 IWbemContextBuffer, the pObjectData of an IWbemContext OBJREF_CUSTOM (unmarshaler CLSID
 * {674B6698-EE92-11D0-AD71-00C04FD8FDFF}); all scalars little-endian.
 * <pre>
 * IWbemContextBuffer  = NumGuids *GUID NumProps *IWbemContextProperty
 * IWbemContextString  = StringLength *UnicodeCharacter        ; character count, no terminator
 * IWbemContextArray   = ElementCount ElementSize *Elements
 * </pre>
 * NumGuids MUST be 1 when sent; any count that fits is accepted on receipt.
 *
 * @param guids      the GuidArray
 * @param properties the properties, in order
 */
public record WbemContextBuffer(List<UUID> guids, List<WbemContextProperty> properties) {

    /** The codec registered by {@link WmiMarshalers#register}. */
    public static final CustomObjRefCodec<WbemContextBuffer> CODEC = CustomObjRefCodec.of(
            WmiIds.CLSID_WBEM_CONTEXT_UNMARSHALER, WbemContextBuffer.class,
            WbemContextBuffer::decode, WbemContextBuffer::encode);

    public WbemContextBuffer {
        guids = List.copyOf(guids);
        properties = List.copyOf(properties);
    }

    /** A context with one GUID and {@code properties}. */
    public static WbemContextBuffer of(UUID guid, List<WbemContextProperty> properties) {
        return new WbemContextBuffer(List.of(guid), properties);
    }

    /** The property named {@code name} (case-insensitive), or null. */
    public WbemContextProperty property(String name) {
        for (WbemContextProperty p : properties) {
            if (p.propertyName().equalsIgnoreCase(name)) {
                return p;
            }
        }
        return null;
    }

    /** An OBJREF_CUSTOM (iid IWbemContext) holding this context. */
    public ObjRefCustom objRef() {
        return ObjRefCustom.of(WmiIds.IID_IWBEM_CONTEXT, CODEC, this);
    }

    /** The MInterfacePointer of an IWbemContext parameter holding this context. */
    public MInterfacePointer pointer() {
        return MInterfacePointer.of(objRef());
    }

    static int naturalSize(int vt, boolean inArray) {
        return switch (vt) {
            case WbemContextProperty.VT_NULL -> 0;
            case WbemContextProperty.VT_I1, WbemContextProperty.VT_UI1 -> 1;
            case WbemContextProperty.VT_I2, WbemContextProperty.VT_UI2, WbemContextProperty.VT_BOOL -> 2;
            case WbemContextProperty.VT_I4, WbemContextProperty.VT_UI4 -> 4;
            case WbemContextProperty.VT_R4 -> inArray ? 8 : 4;
            case WbemContextProperty.VT_R8 -> 8;
            case WbemContextProperty.VT_BSTR, WbemContextProperty.VT_UNKNOWN -> 8;
            default -> -1;
        };
    }

    // ---------------------------------------------------------------- decoding

    /** Decodes the whole of {@code data}. */
    public static WbemContextBuffer decode(byte[] data, Limits limits) {
        WireReader r = new WireReader(data, 0, data.length, limits.maxNesting());
        r.enter("IWbemContextBuffer");
        int numGuids = r.count("NumGuids", Math.min(limits.maxArrayCount(), r.remaining() / 16L));
        List<UUID> guids = new ArrayList<>(numGuids);
        for (int i = 0; i < numGuids; i++) {
            guids.add(r.uuid());
        }
        int numProps = r.count("NumProps", Math.min(limits.maxArrayCount(), r.remaining() / 10L));
        List<WbemContextProperty> props = new ArrayList<>(numProps);
        for (int i = 0; i < numProps; i++) {
            r.enter("IWbemContextProperty[" + i + "]");
            props.add(property(r, limits));
            r.exit();
        }
        r.expectEnd();
        r.exit();
        return new WbemContextBuffer(guids, props);
    }

    private static WbemContextProperty property(WireReader r, Limits limits) {
        String name = string(r, "PropertyName");
        int flags = r.i32();
        int type = r.u16();
        int vt = type & ~WbemContextProperty.VT_ARRAY;
        if (naturalSize(vt, false) < 0 || (type & ~WbemContextProperty.VT_ARRAY & 0xF000) != 0) {
            throw r.fail(Kind.BAD_VALUE, "PropertyType 0x" + Integer.toHexString(type) + " is not allowed");
        }
        if ((type & WbemContextProperty.VT_ARRAY) == 0) {
            return new WbemContextProperty(name, flags, type, scalar(r, vt, limits), 0);
        }
        r.enter("IWbemContextArray");
        long count = r.u32();
        int elementSize = r.i32();
        int fixed = naturalSize(vt, true);
        boolean variable = vt == WbemContextProperty.VT_BSTR || vt == WbemContextProperty.VT_UNKNOWN;
        if (!variable && !(elementSize == fixed || (vt == WbemContextProperty.VT_R4 && elementSize == 4))) {
            throw r.fail(Kind.BAD_VALUE, "ElementSize " + elementSize + " does not match the element type");
        }
        long minEach = variable ? 4 : elementSize;
        if (count > limits.maxArrayCount() || count * minEach > r.remaining()) {
            throw r.fail(Kind.ARRAY_SIZE, "ElementCount " + count + " exceeds what remains");
        }
        List<Object> values = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            if (variable) {
                values.add(vt == WbemContextProperty.VT_BSTR ? string(r, "Element") : object(r, limits));
            } else {
                WireReader slot = r.slice(elementSize);
                values.add(fixedValue(slot, vt));
            }
        }
        r.exit();
        return new WbemContextProperty(name, flags, type, values, elementSize);
    }

    private static Object scalar(WireReader r, int vt, Limits limits) {
        return switch (vt) {
            case WbemContextProperty.VT_NULL -> null;
            case WbemContextProperty.VT_BSTR -> string(r, "PropertyValue");
            case WbemContextProperty.VT_UNKNOWN -> object(r, limits);
            default -> fixedValue(r.slice(8), vt);
        };
    }

    private static Object fixedValue(WireReader s, int vt) {
        return switch (vt) {
            case WbemContextProperty.VT_NULL -> null;
            case WbemContextProperty.VT_I1 -> (long) (byte) s.u8();
            case WbemContextProperty.VT_UI1 -> (long) s.u8();
            case WbemContextProperty.VT_I2 -> (long) (short) s.u16();
            case WbemContextProperty.VT_UI2 -> (long) s.u16();
            case WbemContextProperty.VT_BOOL -> s.u16() != 0;
            case WbemContextProperty.VT_I4 -> (long) s.i32();
            case WbemContextProperty.VT_UI4 -> s.u32();
            case WbemContextProperty.VT_R4 -> Float.intBitsToFloat(s.i32());
            case WbemContextProperty.VT_R8 -> Double.longBitsToDouble(s.i64());
            default -> throw s.fail(Kind.BAD_VALUE, "type " + vt);
        };
    }

    private static String string(WireReader r, String field) {
        r.enter(field);
        long chars = r.u32();
        if (chars > r.remaining() / 2) {
            throw r.fail(Kind.ARRAY_SIZE, "StringLength " + chars + " exceeds what remains");
        }
        String s = r.utf16((int) chars);
        r.exit();
        return s;
    }

    private static CimObject object(WireReader r, Limits limits) {
        r.enter("IWbemClassObject");
        int start = r.position();
        EncodingUnit unit = EncodingUnit.read(r, limits);
        try {
            return Wmio.toCim(unit.objectBlock());
        } catch (CimException e) {
            throw new ProtocolException(Kind.BAD_VALUE, start, r.path(), e.getMessage());
        } finally {
            r.exit();
        }
    }

    // ---------------------------------------------------------------- encoding

    /** The IWbemContextBuffer bytes of {@code v}. */
    public static byte[] encode(WbemContextBuffer v) {
        WireWriter w = new WireWriter();
        w.i32(v.guids.size());
        v.guids.forEach(w::uuid);
        w.i32(v.properties.size());
        for (WbemContextProperty p : v.properties) {
            string(w, p.propertyName());
            w.i32(p.propertyFlags());
            w.u16(p.propertyType());
            int vt = p.baseType();
            if (!p.isArray()) {
                scalar(w, vt, p.value());
                continue;
            }
            List<?> values = (List<?>) p.value();
            w.i32(values.size()).i32(p.elementSize());
            for (Object e : values) {
                if (vt == WbemContextProperty.VT_BSTR) {
                    string(w, (String) e);
                } else if (vt == WbemContextProperty.VT_UNKNOWN) {
                    w.bytes(Wmio.encode((CimObject) e));
                } else {
                    fixed(w, vt, e, p.elementSize());
                }
            }
        }
        return w.toByteArray();
    }

    private static void scalar(WireWriter w, int vt, Object value) {
        switch (vt) {
            case WbemContextProperty.VT_NULL -> { }
            case WbemContextProperty.VT_BSTR -> string(w, (String) value);
            case WbemContextProperty.VT_UNKNOWN -> w.bytes(Wmio.encode((CimObject) value));
            default -> fixed(w, vt, value, 8);
        }
    }

    private static void fixed(WireWriter w, int vt, Object value, int slot) {
        int start = w.position();
        switch (vt) {
            case WbemContextProperty.VT_NULL -> { }
            case WbemContextProperty.VT_I1, WbemContextProperty.VT_UI1 -> w.u8((int) ((Number) value).longValue());
            case WbemContextProperty.VT_I2, WbemContextProperty.VT_UI2 -> w.u16((int) ((Number) value).longValue());
            case WbemContextProperty.VT_BOOL -> w.u16(((Boolean) value) ? 0xFFFF : 0);
            case WbemContextProperty.VT_I4, WbemContextProperty.VT_UI4 -> w.i32((int) ((Number) value).longValue());
            case WbemContextProperty.VT_R4 -> w.i32(Float.floatToRawIntBits(((Number) value).floatValue()));
            case WbemContextProperty.VT_R8 -> w.i64(Double.doubleToRawLongBits(((Number) value).doubleValue()));
            default -> throw new IllegalArgumentException("PropertyType " + vt + " is not allowed");
        }
        w.zeros(slot - (w.position() - start));
    }

    private static void string(WireWriter w, String s) {
        Objects.requireNonNull(s, "string");
        w.i32(s.length()).bytes(s.getBytes(StandardCharsets.UTF_16LE));
    }
}
