package org.jwmi.wmio.block;

import java.util.Objects;
import org.jwmi.wire.WireWriter;

/**
 * [MS-WMIO] 2.2.14 ClassAndMethodsPart: a class's properties and, when the outermost object is a class, its
 * methods.
 *
 * <pre>
 * ClassAndMethodsPart = ClassPart [MethodsPart]
 * </pre>
 *
 * @param classPart   [MS-WMIO] 2.2.15
 * @param methodsPart [MS-WMIO] 2.2.38; present (non-null) exactly when the outermost object is a class
 */
public record ClassAndMethodsPart(ClassPart classPart, MethodsPart methodsPart) {

    public ClassAndMethodsPart {
        Objects.requireNonNull(classPart, "classPart");
    }

    public int encodedLength() {
        return classPart.encodedLength() + (methodsPart == null ? 0 : methodsPart.encodedLength());
    }

    public void encode(WireWriter w) {
        classPart.encode(w);
        if (methodsPart != null) {
            methodsPart.encode(w);
        }
    }

    static ClassAndMethodsPart decode(BlockDecoder d, String field, boolean withMethods) {
        d.enter(field);
        ClassPart classPart = ClassPart.decode(d);
        MethodsPart methods = withMethods ? MethodsPart.decode(d) : null;
        d.exit();
        return new ClassAndMethodsPart(classPart, methods);
    }
}
