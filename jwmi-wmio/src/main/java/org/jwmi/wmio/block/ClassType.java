package org.jwmi.wmio.block;

import java.util.Objects;
import org.jwmi.wire.WireWriter;

/**
 * [MS-WMIO] 2.2.11 ClassType: a class, preceded by its immediate superclass ({@link ClassPart#NO_CLASS} when it has
 * none).
 *
 * <pre>
 * ClassType = ParentClass CurrentClass
 * </pre>
 *
 * @param parentClass  [MS-WMIO] 2.2.12, with its MethodsPart
 * @param currentClass [MS-WMIO] 2.2.13, with its MethodsPart
 */
public record ClassType(ClassAndMethodsPart parentClass, ClassAndMethodsPart currentClass) implements Encoding {

    public ClassType {
        Objects.requireNonNull(parentClass, "parentClass");
        Objects.requireNonNull(currentClass, "currentClass");
        if (parentClass.methodsPart() == null || currentClass.methodsPart() == null) {
            throw new IllegalArgumentException("both halves of a ClassType carry a MethodsPart");
        }
    }

    @Override
    public int encodedLength() {
        return parentClass.encodedLength() + currentClass.encodedLength();
    }

    @Override
    public void encode(WireWriter w) {
        parentClass.encode(w);
        currentClass.encode(w);
    }

    static ClassType decode(BlockDecoder d) {
        d.enter("ClassType");
        ClassAndMethodsPart parent = ClassAndMethodsPart.decode(d, "ParentClass", true);
        ClassAndMethodsPart current = ClassAndMethodsPart.decode(d, "CurrentClass", true);
        d.exit();
        return new ClassType(parent, current);
    }
}
