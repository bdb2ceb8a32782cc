package org.jwmi.cim.mof;

import java.math.BigInteger;
import java.util.List;
import org.jwmi.cim.CimType;

/** The parsed form of MOF text, before any name is resolved or value typed. */
final class MofAst {
    private MofAst() {
    }

    /** Where a node starts. */
    record Pos(SourceText src, int offset) {
        MofLocation location() {
            return src.location(offset);
        }
    }

    /** An identifier as written. */
    record Ident(String text, Pos pos) {
    }

    // ------------------------------------------------------------------ statements

    sealed interface Stmt {
        Pos pos();
    }

    /** {@code #pragma name(args)}; args are {@link Str}, {@link Int} or {@link Word}. */
    record Pragma(Pos pos, Ident name, List<Value> args) implements Stmt {
    }

    /** The start of an included file's statements (for the list of files). */
    record IncludeStart(Pos pos, String file) implements Stmt {
    }

    /**
     * {@code qualifier Name : type[n] = default, scope(...), flavor(...);}; {@code type} null for the WMI form
     * {@code qualifier Name : flavor flavor;}.
     */
    record QualifierDecl(Pos pos, Ident name, TypeRef type, Integer arraySize, Value defaultValue, List<Ident> scopes,
                         List<Ident> flavors) implements Stmt {
    }

    record ClassDecl(Pos pos, List<Qual> qualifiers, Ident name, Ident superclass, Ident alias,
                     List<Feature> features) implements Stmt {
    }

    /** {@code instance of Class [as $alias] { inits };} (top level) or the same without ';' as a value. */
    record InstanceDecl(Pos pos, List<Qual> qualifiers, Ident className, Ident alias, List<Init> inits)
            implements Stmt {
    }

    // ------------------------------------------------------------------ parts

    /** A qualifier use: {@code Name}, {@code Name(value)}, {@code Name{a, b}}, then {@code : flavor...}. */
    record Qual(Pos pos, Ident name, Value value, List<Ident> flavors) {
    }

    /**
     * A declared type. {@code builtin} for the CIM type keywords; {@code ref} for {@code Class ref} /
     * {@code object ref} ({@code className} null for object); otherwise an embedded object, {@code className}
     * null for {@code object}.
     */
    record TypeRef(Pos pos, CimType builtin, boolean ref, String className) {
        boolean isVoid() {
            return builtin == null && !ref && "void".equals(className);
        }
    }

    sealed interface Feature {
        Pos pos();

        Ident name();
    }

    /** A property, reference or parameter: {@code type name[n] = default}; arraySize -1 for {@code []}, null
     * for a scalar. */
    record Prop(Pos pos, List<Qual> qualifiers, TypeRef type, Ident name, Integer arraySize, Value defaultValue)
            implements Feature {
    }

    /** {@code returnType name(params)}; returnType {@code void} for none. */
    record Method(Pos pos, List<Qual> qualifiers, TypeRef returnType, Ident name, List<Prop> params)
            implements Feature {
    }

    /** {@code [quals] name = value;} in an instance. */
    record Init(Pos pos, List<Qual> qualifiers, Ident name, Value value) {
    }

    // ------------------------------------------------------------------ values

    sealed interface Value {
        Pos pos();
    }

    record Int(Pos pos, BigInteger value) implements Value {
    }

    /** A real literal; {@code text} includes the sign, so that real32 targets parse it without double rounding. */
    record Real(Pos pos, String text) implements Value {
    }

    /** One or more adjacent string literals, concatenated. */
    record Str(Pos pos, String value) implements Value {
    }

    record Chr(Pos pos, char value) implements Value {
    }

    record Bool(Pos pos, boolean value) implements Value {
    }

    record Null(Pos pos) implements Value {
    }

    /** An identifier where a value may be (pragma arguments FAIL/NOFAIL). */
    record Word(Pos pos, String text) implements Value {
    }

    record Arr(Pos pos, List<Value> elements) implements Value {
    }

    record AliasRef(Pos pos, String name) implements Value {
    }

    record Embedded(Pos pos, InstanceDecl instance) implements Value {
    }
}
