package org.jwmi.wmio.block;

import org.jwmi.wire.WireWriter;

/**
 * [MS-WMIO] 2.2.18 ClassNameEncoding: a superclass name followed by its length "in character count, including the
 * flag octet and the terminator". For compressed strings that is the octet length of the Encoded-String (the spec
 * examples send 6 for {@code base}); the received value is kept as sent, {@link #of(String)} computes the octet
 * length.
 *
 * <pre>
 * ClassNameEncoding = Encoded-String EncodingLength
 * </pre>
 */
public record ClassNameEncoding(EncodedString className, int encodingLength) {

    public ClassNameEncoding {
        java.util.Objects.requireNonNull(className, "className");
    }

    public static ClassNameEncoding of(String name) {
        EncodedString s = EncodedString.of(name);
        return new ClassNameEncoding(s, s.encodedLength());
    }

    public int encodedLength() {
        return className.encodedLength() + 4;
    }

    public void encode(WireWriter w) {
        className.encode(w);
        w.i32(encodingLength);
    }
}
