package org.jwmi.dcom.wire;

import java.util.Objects;
import java.util.UUID;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.ProtocolException.Kind;
import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;

/**
 * [MS-DCOM] 2.2.21.2 Custom-Marshaled Error Information Format: the pObjectData of an OBJREF_CUSTOM whose clsid is
 * CLSID_ErrorObject, carried in the error-information ORPC extension (2.2.21.1). Raw little-endian.
 * <pre>
 * unsigned long dwVersion;                 // 0
 * unsigned long dwHelpContext;
 * IID iid;                                 // the interface returning the error
 * unsigned long dwSourceSignature;         // 0xFFFFFFFF: Source follows; 0: absent
 * ErrorInfoString Source;
 * unsigned long dwDescriptionSignature;
 * ErrorInfoString Description;
 * unsigned long dwHelpFileSignature;
 * ErrorInfoString HelpFile;
 * ErrorInfoString (2.2.21.3) = unsigned long dwMax, dwOffSet (0), dwActual (= dwMax); wchar Name[dwActual]
 *                              (terminator included)
 * </pre>
 * Each signature is 4-aligned from the start of pObjectData (NDR alignment; the diagram shows no gap, which it
 * only ever needs after a Name of odd length). Padding is sent as zeros and ignored on receipt.
 *
 * @param dwVersion     raw dwVersion (0)
 * @param dwHelpContext raw dwHelpContext
 * @param iid           the IID of the interface returning the error
 * @param source        Source without its terminator, or {@code null} when absent
 * @param description   Description, or {@code null}
 * @param helpFile      HelpFile, or {@code null}
 */
public record ErrorObjectData(int dwVersion, int dwHelpContext, UUID iid, String source, String description,
                              String helpFile) {
    /** Signature of a present string. */
    public static final int PRESENT = 0xffffffff;

    /** The codec registered for {@link Clsids#CLSID_ERROROBJECT}. */
    public static final CustomObjRefCodec<ErrorObjectData> CODEC = CustomObjRefCodec.of(Clsids.CLSID_ERROROBJECT,
            ErrorObjectData.class, ErrorObjectData::decode, ErrorObjectData::encode);

    public ErrorObjectData {
        Objects.requireNonNull(iid, "iid");
        checkString(source);
        checkString(description);
        checkString(helpFile);
    }

    private static void checkString(String s) {
        if (s != null && s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an ErrorInfoString must not contain U+0000");
        }
    }

    public static ErrorObjectData decode(byte[] pObjectData, Limits limits) {
        WireReader r = new WireReader(pObjectData, 0, pObjectData.length, limits.maxNesting());
        r.enter("ErrorObjectData");
        try {
            r.need(24);
            int dwVersion = r.i32();
            int dwHelpContext = r.i32();
            UUID iid = r.uuid();
            String source = optionalString(r, "Source");
            String description = optionalString(r, "Description");
            String helpFile = optionalString(r, "HelpFile");
            r.expectEnd();
            return new ErrorObjectData(dwVersion, dwHelpContext, iid, source, description, helpFile);
        } finally {
            r.exit();
        }
    }

    private static String optionalString(WireReader r, String name) {
        r.enter(name);
        try {
            r.align(4);
            int signature = r.i32();
            if (signature == 0) {
                return null;
            }
            if (signature != PRESENT) {
                throw new ProtocolException(Kind.BAD_VALUE, r.position() - 4, r.path(), "signature 0x"
                        + Integer.toHexString(signature) + " is neither 0 nor 0xFFFFFFFF");
            }
            r.need(12);
            long dwMax = r.u32();
            long dwOffSet = r.u32();
            long dwActual = r.u32();
            if (dwOffSet != 0) {
                throw new ProtocolException(Kind.BAD_VALUE, r.position() - 8, r.path(), "dwOffSet " + dwOffSet
                        + " must be 0");
            }
            if (dwActual != dwMax) {
                throw new ProtocolException(Kind.BAD_VALUE, r.position() - 4, r.path(), "dwActual " + dwActual
                        + " differs from dwMax " + dwMax);
            }
            if (dwActual == 0 || dwActual > r.remaining() / 2) {
                throw new ProtocolException(Kind.ARRAY_SIZE, r.position() - 4, r.path(), "dwActual " + dwActual
                        + " characters (terminator included) but " + r.remaining() + " bytes remain");
            }
            int at = r.position();
            String s = Support.utf16(r, (int) dwActual - 1);
            if (r.u16() != 0) {
                throw new ProtocolException(Kind.BAD_VALUE, r.position() - 2, r.path(),
                        "Name is not terminated by a zero wchar");
            }
            int nul = s.indexOf('\0');
            if (nul >= 0) {
                throw new ProtocolException(Kind.BAD_VALUE, at + 2L * nul, r.path(),
                        "Name has a zero wchar before its end");
            }
            return s;
        } finally {
            r.exit();
        }
    }

    public static byte[] encode(ErrorObjectData v) {
        WireWriter w = new WireWriter(64);
        w.i32(v.dwVersion).i32(v.dwHelpContext).uuid(v.iid);
        optionalString(w, v.source);
        optionalString(w, v.description);
        optionalString(w, v.helpFile);
        return w.toByteArray();
    }

    private static void optionalString(WireWriter w, String s) {
        w.align(4);
        if (s == null) {
            w.i32(0);
            return;
        }
        int n = s.length() + 1;
        w.i32(PRESENT).i32(n).i32(0).i32(n);
        Support.utf16(w, s);
        w.u16(0);
    }
}
