package org.jwmi.wmi.marshal;

import java.util.Objects;
import org.jwmi.cim.CimException;
import org.jwmi.cim.CimObject;
import org.jwmi.dcom.wire.CustomObjRefCodec;
import org.jwmi.dcom.wire.CustomUnmarshalerRegistry;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.ObjRef;
import org.jwmi.dcom.wire.ObjRefCustom;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.ProtocolException.Kind;
import org.jwmi.wmi.WmiIds;
import org.jwmi.wmio.Wmio;

/**
 * [MS-WMI] 2.2.4 IWbemClassObject Interface: a CIM object is custom-marshaled as an [MS-DCOM] 2.2.18.6
 * OBJREF_CUSTOM whose clsid is {4590F812-1D3A-11D0-891F-00AA004B2E24} and whose pObjectData is exactly one
 * [MS-WMIO] 2.2.1 EncodingUnit (Signature 0x12345678, ObjectEncodingLength, ObjectBlock). What precedes the
 * EncodingUnit is the OBJREF_CUSTOM header itself (clsid, cbExtension = 0, reserved = the size Windows fills in);
 * nothing else. The decoded value is the {@link CimObject}; the raw bytes stay in {@link ObjRefCustom#pObjectData()}.
 */
public final class WbemClassObjectMarshaler {

    private WbemClassObjectMarshaler() {
    }

    /** The codec registered by {@link WmiMarshalers#register}. */
    public static final CustomObjRefCodec<CimObject> CODEC = CustomObjRefCodec.of(
            WmiIds.CLSID_WBEM_CLASS_OBJECT_UNMARSHALER, CimObject.class,
            WbemClassObjectMarshaler::decode, Wmio::encode);

    /** The whole of pObjectData as one EncodingUnit. */
    public static CimObject decode(byte[] pObjectData, Limits limits) {
        try {
            return Wmio.decode(pObjectData, limits);
        } catch (CimException e) {
            throw new ProtocolException(Kind.BAD_VALUE, 0, "IWbemClassObject", e.getMessage());
        }
    }

    /** An OBJREF_CUSTOM (iid IWbemClassObject) holding {@code object}. */
    public static ObjRefCustom objRef(CimObject object) {
        Objects.requireNonNull(object, "object");
        return ObjRefCustom.of(WmiIds.IID_IWBEM_CLASS_OBJECT, CODEC, object);
    }

    /** The MInterfacePointer of an IWbemClassObject parameter holding {@code object}. */
    public static MInterfacePointer pointer(CimObject object) {
        return MInterfacePointer.of(objRef(object));
    }

    /** The MInterfacePointer of an IWbemClassObject parameter whose EncodingUnit is already encoded. */
    public static MInterfacePointer pointer(byte[] encodingUnit) {
        return MInterfacePointer.of(ObjRefCustom.of(WmiIds.IID_IWBEM_CLASS_OBJECT,
                WmiIds.CLSID_WBEM_CLASS_OBJECT_UNMARSHALER, encodingUnit));
    }

    /**
     * The CIM object in an IWbemClassObject interface pointer received from the wire. Anything but an
     * OBJREF_CUSTOM with the IWbemClassObject unmarshaler CLSID is {@link Kind#BAD_VALUE}.
     */
    public static CimObject cimObject(MInterfacePointer pointer, Limits limits) {
        Objects.requireNonNull(pointer, "pointer");
        ObjRef ref = pointer.objRef(new CustomUnmarshalerRegistry(), limits);
        if (!(ref instanceof ObjRefCustom custom)
                || !custom.clsid().equals(WmiIds.CLSID_WBEM_CLASS_OBJECT_UNMARSHALER)) {
            throw new ProtocolException(Kind.BAD_VALUE, 0, "IWbemClassObject",
                    "expected an OBJREF_CUSTOM with clsid " + WmiIds.CLSID_WBEM_CLASS_OBJECT_UNMARSHALER
                            + ", got " + ref.flag());
        }
        return decode(custom.pObjectData(), limits);
    }
}
