package org.jwmi.wmio;

import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimObject;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wmio.block.ClassAndMethodsPart;
import org.jwmi.wmio.block.ClassPart;
import org.jwmi.wmio.block.ClassPartCache;
import org.jwmi.wmio.block.EncodingUnit;
import org.jwmi.wmio.block.ObjectBlock;

/**
 * [MS-WMIO] encoding of CIM objects: the bytes IWbemClassObject marshals ([MS-WMI] 2.2.4) to and from
 * {@link CimClass} and {@link CimInstance}.
 *
 * <p>Decoding checks every length, offset, count and heap reference, caps embedded-object nesting at
 * {@link Limits#maxNesting()}, and fails only with {@link ProtocolException}. Encoding lays a fresh object out as
 * Windows does (see {@link CimEncoding}); to send a received object back unchanged, keep its {@link EncodingUnit}
 * and re-encode that instead.
 *
 * <p>Recommended mapping of decode failures to WMI status codes: a server that cannot decode an object a client
 * passed in (PutClass, PutInstance, ExecMethod in-parameters, a context object) answers
 * WBEM_E_INVALID_PARAMETER (0x80041008), the code MS-WMI gives for invalid parameters; a client that cannot decode
 * what a server returned reports the local-only WBEM_E_INVALID_STREAM (0x8004100B), or
 * WBEM_E_MARSHAL_INVALID_SIGNATURE (0x80041041) when the Signature is wrong (kind BAD_VALUE in path
 * {@code EncodingUnit} at offset 0).
 */
public final class Wmio {
    private Wmio() {
    }

    /** Decodes an EncodingUnit that fills {@code bytes} exactly, with the default {@link Limits}. */
    public static CimObject decode(byte[] bytes) {
        return decode(bytes, Limits.DEFAULT);
    }

    /**
     * Decodes an EncodingUnit that fills {@code bytes} exactly. The ClassPart of an instance (and of a class) is
     * looked up in, and remembered in, {@link ClassPartCache#shared()}: decoding the same class again costs an
     * octet comparison instead of a decode; the result is the same as without the cache.
     */
    public static CimObject decode(byte[] bytes, Limits limits) {
        return decode(bytes, limits, ClassPartCache.shared());
    }

    /**
     * Decodes an EncodingUnit that fills {@code bytes} exactly, with {@code classParts} as the cache of decoded
     * ClassParts and of the classes of instances (null: none); the result is the same whatever the cache holds.
     */
    public static CimObject decode(byte[] bytes, Limits limits, ClassPartCache classParts) {
        return toCim(EncodingUnit.decode(bytes, limits, classParts).objectBlock(), classParts);
    }

    /**
     * The EncodingUnit of {@code object}, laid out as Windows lays out a fresh object.
     *
     * @throws IllegalArgumentException if a string contains U+0000 (an Encoded-String cannot carry it), or a
     *                                  property or method names a class of origin outside the class's hierarchy
     */
    public static byte[] encode(CimObject object) {
        return toEncodingUnit(object).toByteArray();
    }

    /** The EncodingUnit of {@code object}. */
    public static EncodingUnit toEncodingUnit(CimObject object) {
        return EncodingUnit.of(toBlock(object));
    }

    /** The ObjectBlock (EncodingUnitObjectBlock) of {@code object}. */
    public static ObjectBlock toBlock(CimObject object) {
        return CimEncoding.toBlock(object);
    }

    /**
     * The CIM object a decoded ObjectBlock carries. An instance whose ClassPart came from
     * {@link ClassPartCache#shared()} reuses the class mapped from it before.
     */
    public static CimObject toCim(ObjectBlock block) {
        return CimMapping.toCim(block, ClassPartCache.shared());
    }

    /**
     * The CIM object a decoded ObjectBlock carries; an instance whose ClassPart {@code classParts} holds reuses the
     * class mapped from it before (null: no cache).
     */
    public static CimObject toCim(ObjectBlock block, ClassPartCache classParts) {
        return CimMapping.toCim(block, classParts);
    }

    /**
     * The ClassPart of {@code cimClass} exactly as {@link #toBlock} writes it in the class and in each of its
     * instances; equal classes give equal parts.
     */
    public static ClassPart classPart(CimClass cimClass) {
        return CimEncoding.classPart(cimClass);
    }

    /** The class of an instance's CurrentClass as the model sees it (no methods, no parent). */
    public static CimClass currentClass(ClassAndMethodsPart currentClass) {
        try {
            return CimMapping.cimClass(currentClass, null);
        } catch (org.jwmi.cim.CimException | IllegalArgumentException e) {
            throw new ProtocolException(ProtocolException.Kind.BAD_VALUE, 0, "CurrentClass",
                    "the class does not form a valid CIM class: " + e.getMessage());
        }
    }
}
