package org.jwmi.cim.mof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.jwmi.cim.mof.MofErrorCode.*;

import java.util.Map;
import java.util.stream.Stream;
import org.jwmi.cim.CimException;
import org.jwmi.cim.WbemStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error the compiler reports, one row each: MOF text with a {@code §} where the error must be located, the
 * expected WBEMMOF code or WMI status, and a fragment of the message.
 */
class MofErrorsTest {

    private static Arguments row(String mof, Object expected, String fragment) {
        return Arguments.of(mof, expected, fragment);
    }

    /** Line and column (from 1) of the marker, counted here independently of the compiler. */
    private static int[] marker(String mof) {
        int at = mof.indexOf('§');
        assertThat(at).as("marker in %s", mof).isNotNegative();
        int line = 1;
        int col = 1;
        for (int i = 0; i < at; i++) {
            if (mof.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new int[] {line, col};
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("rows")
    void reports(String mof, Object expected, String fragment) {
        MofCompiler c = MofCompiler.standard();
        MofException e = catchThrowableOfType(MofException.class, () -> c.compile("t.mof", mof.replace("§", "")));
        assertThat(e).as("compiling %s", mof).isNotNull();
        MofDiagnostic d = e.first();
        if (expected instanceof MofErrorCode code) {
            assertThat(d.code()).as(d.toString()).isEqualTo(code);
            assertThat(e.status()).isEqualTo(code.status());
            assertThat(e.hresult()).isEqualTo(code.code());
        } else {
            assertThat(d.code()).as(d.toString()).isNull();
            assertThat(d.status()).as(d.toString()).isEqualTo(expected);
            assertThat(e.hresult()).isEqualTo(((WbemStatus) expected).code());
        }
        assertThat(d.message()).containsIgnoringCase(fragment);
        int[] lc = marker(mof);
        assertThat(d.location().file()).isEqualTo("t.mof");
        assertThat(new int[] {d.location().line(), d.location().column()}).as(d.toString()).containsExactly(lc);
        assertThat(e.position()).isEqualTo(mof.indexOf('§'));
        assertThat(e.getMessage()).startsWith(d.location().file() + " (" + d.location().line() + ","
                + d.location().column() + "): error ");
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                // ---- lexical
                row("class A { };\n§/* never closed", WBEMMOF_E_UNRECOGNIZED_TOKEN, "not closed"),
                row("class A {\n  uint32 X = §0x;\n};", WBEMMOF_E_ILLEGAL_CONSTANT_VALUE, "hexadecimal digits"),
                row("class A {\n  uint32 X = §09;\n};", WBEMMOF_E_ILLEGAL_CONSTANT_VALUE, "octal"),
                row("class A {\n  uint32 X = §12b;\n};", WBEMMOF_E_ILLEGAL_CONSTANT_VALUE, "binary"),
                row("class A {\n  uint32 X = §12abc;\n};", WBEMMOF_E_ILLEGAL_CONSTANT_VALUE, "not a valid number"),
                row("class A {\n  real64 X = §1.;\n};", WBEMMOF_E_ILLEGAL_CONSTANT_VALUE, "digits after"),
                row("class A {\n  string S = §\"open\n\";\n};", WBEMMOF_E_ILLEGAL_CONSTANT_VALUE, "not closed"),
                row("class A {\n  string S = \"a§\\q\";\n};", WBEMMOF_E_ILLEGAL_CONSTANT_VALUE, "unknown escape"),
                row("class A {\n  string S = \"a§\\xZ\";\n};", WBEMMOF_E_ILLEGAL_CONSTANT_VALUE, "hexadecimal"),
                row("class A {\n  char16 C = §'ab';\n};", WBEMMOF_E_ILLEGAL_CONSTANT_VALUE, "one character"),
                row("class A {\n  char16 C = §'';\n};", WBEMMOF_E_ILLEGAL_CONSTANT_VALUE, "one character"),
                row("class A { §@ };", WBEMMOF_E_UNRECOGNIZED_TOKEN, "'@'"),
                row("instance of A as §$ { };", WBEMMOF_E_EXPECTED_ALIAS_NAME, "alias name"),
                // ---- syntax
                row("class A {\n  uint32 X\n§};", WBEMMOF_E_EXPECTED_SEMI, "';' or '='"),
                row("class A {\n  uint32 X;\n}§", WBEMMOF_E_EXPECTED_SEMI, "after the closing '}'"),
                row("class A {\n  uint32 X;\n§", WBEMMOF_E_EXPECTED_BRACE_OR_BAD_TYPE, "not closed"),
                row("class §{ };", WBEMMOF_E_EXPECTED_CLASS_NAME, "class name"),
                row("class A §uint32 X; };", WBEMMOF_E_EXPECTED_OPEN_BRACE, "'{'"),
                row("class A : §{ };", WBEMMOF_E_EXPECTED_CLASS_NAME, "superclass"),
                row("[key §class A { };", WBEMMOF_E_EXPECTED_CLOSE_BRACKET, "']'"),
                row("[§] class A { };", WBEMMOF_E_EXPECTED_QUALIFIER_NAME, "qualifier name"),
                row("[Q(\"x\" §] class A { };", WBEMMOF_E_EXPECTED_CLOSE_PAREN, "')'"),
                row("[Q: §] class A { };", WBEMMOF_E_EXPECTED_FLAVOR_TYPE, "flavor"),
                row("[Q] §uint32 X;", WBEMMOF_E_INVALID_CLASS_DECLARATION, "'class' or 'instance of'"),
                row("class A { §= 5; };", WBEMMOF_E_EXPECTED_BRACE_OR_BAD_TYPE, "expected a type"),
                row("class A { uint32 §5; };", WBEMMOF_E_EXPECTED_PROPERTY_NAME, "property or method name"),
                row("class A { §void X; };", WBEMMOF_E_UNRECOGNIZED_TYPE, "only a method return type"),
                row("class A { §ref X; };", WBEMMOF_E_UNRECOGNIZED_TYPE, "'ref' follows"),
                row("class A { uint32 M([in] uint32 X§; };", WBEMMOF_E_EXPECTED_CLOSE_PAREN, "')'"),
                row("class A { uint32 M()§[]; };", WBEMMOF_E_NO_ARRAYS_RETURNED, "array"),
                row("class A { uint32 X[§0]; };", WBEMMOF_E_OUT_OF_RANGE, "array size"),
                row("class A { uint32 X[4§; };", WBEMMOF_E_EXPECTED_CLOSE_BRACKET, "']'"),
                row("class A { uint32 X[] = {1, 2§; };", WBEMMOF_E_EXPECTED_CLOSE_BRACE, "'}'"),
                row("class A { uint32 X[] = {§{1}}; };", WBEMMOF_E_UNEXPECTED_ARRAY_INIT, "one-dimensional"),
                row("class A { string S = §unquoted; };", WBEMMOF_E_ILLEGAL_CONSTANT_VALUE, "double quotes"),
                row("class A { sint32 S = -§x; };", WBEMMOF_E_ILLEGAL_CONSTANT_VALUE, "number after"),
                row("instance §A { };", WBEMMOF_E_INVALID_INSTANCE_DECLARATION, "'of'"),
                row("instance of A as §B { };", WBEMMOF_E_EXPECTED_DOLLAR, "'$name'"),
                row("instance of A { X §5; };", WBEMMOF_E_EXPECTED_SEMI, "'='"),
                row("instance of A { X = 5 §};", WBEMMOF_E_EXPECTED_SEMI, "';'"),
                row("instance of A { X = 5; }§", WBEMMOF_E_EXPECTED_SEMI, "';'"),
                row("class E { }; class A { E V; };\ninstance of A { V = instance of E as §$e { }; };",
                        WBEMMOF_E_ALIASES_IN_EMBEDDED, "cannot have an alias"),
                row("§typedef uint32 Foo;", WBEMMOF_E_TYPEDEF_NOT_SUPPORTED, "typedefs"),
                row("class A { };\n§foo", WBEMMOF_E_UNRECOGNIZED_TOKEN, "at file scope"),
                row("qualifier §: boolean;", WBEMMOF_E_EXPECTED_QUALIFIER_NAME, "qualifier name"),
                row("qualifier Q §boolean;", WBEMMOF_E_INVALID_QUALIFIER_SYNTAX, "':'"),
                row("qualifier Q : §Widget;", WBEMMOF_E_UNRECOGNIZED_TYPE, "CIM types"),
                row("qualifier Q : boolean §sideways;", WBEMMOF_E_INVALID_QUALIFIER_SYNTAX, "scope(...)"),
                row("qualifier Q : boolean, scope(§);", WBEMMOF_E_INVALID_QUALIFIER_SYNTAX, "scope word"),
                row("#§define X", WBEMMOF_E_INVALID_PRAGMA, "'pragma' or 'include'"),
                row("#pragma §(x)", WBEMMOF_E_INVALID_PRAGMA, "pragma name"),
                row("#pragma namespace(§{)", WBEMMOF_E_INVALID_PRAGMA, "argument"),
                row("#pragma namespace(\"x\"§", WBEMMOF_E_EXPECTED_CLOSE_PAREN, "')'"),
                row("#include (§foo)", WBEMMOF_E_ERROR_INVALID_INCLUDE_FILE, "quoted name"),
                row("#include (§\"missing.mof\")", WBEMMOF_E_ERROR_INVALID_INCLUDE_FILE, "does not know it"),
                // ---- pragmas
                row("#pragma §amendment(\"MS_409\")", WBEMMOF_E_INVALID_PRAGMA, "amendment is not supported"),
                row("#pragma §locale(\"en_US\")", WBEMMOF_E_INVALID_PRAGMA, "locale is not supported"),
                row("#pragma §nonlocal(\"\\\\\\\\x\\\\root\")", WBEMMOF_E_INVALID_PRAGMA, "nonlocal"),
                row("#pragma §source(\"x\")", WBEMMOF_E_INVALID_PRAGMA, "source"),
                row("#pragma §sideways", WBEMMOF_E_INVALID_PRAGMA, "not a pragma WMI defines"),
                row("§#pragma autorecover(\"x\")", WBEMMOF_E_INVALID_PRAGMA, "no arguments"),
                row("#pragma namespace(§\"\\\\\\\\server\\\\root\")", WBEMMOF_E_INVALID_NAMESPACE_SPECIFICATION,
                        "only the local server"),
                row("#pragma namespace(§\"\")", WBEMMOF_E_INVALID_NAMESPACE_SYNTAX, "not a namespace path"),
                row("#pragma namespace(§\"root\\\\a b\")", WBEMMOF_E_INVALID_NAMESPACE_SYNTAX, "not a namespace path"),
                row("#pragma namespace(§\"\\\\\\\\.\\\\\")", WBEMMOF_E_INVALID_NAMESPACE_SYNTAX, "not a namespace path"),
                row("§#pragma namespace(\"a\", \"b\")", WBEMMOF_E_INVALID_NAMESPACE_SYNTAX, "one string"),
                row("#pragma classflags(§\"sometimes\")", WBEMMOF_E_INVALID_FLAGS_SYNTAX, "'sometimes'"),
                row("#pragma classflags(§forceupdate)", WBEMMOF_E_INVALID_FLAGS_SYNTAX, "quoted flags"),
                row("§#pragma classflags(\"createonly\", \"updateonly\")", WBEMMOF_E_INVALID_FLAGS_SYNTAX, "exclude"),
                row("§#pragma classflags(\"safeupdate, forceupdate\")", WBEMMOF_E_INVALID_FLAGS_SYNTAX, "exclude"),
                row("#pragma instanceflags(§\"forceupdate\")", WBEMMOF_E_INVALID_FLAGS_SYNTAX, "createonly, updateonly"),
                row("§#pragma deleteclass(\"A\")", WBEMMOF_E_INVALID_DELETECLASS_SYNTAX, "FAIL"),
                row("§#pragma deleteclass(\"A B\", FAIL)", WBEMMOF_E_INVALID_DELETECLASS_SYNTAX, "FAIL"),
                row("§#pragma deleteclass(\"A\", SOMETIMES)", WBEMMOF_E_INVALID_DELETECLASS_SYNTAX, "NOFAIL"),
                row("§#pragma deleteinstance(\"A\", FAIL)", WBEMMOF_E_INVALID_DELETEINSTANCE_SYNTAX, "Key=value"),
                row("#pragma deleteinstance(§\"A.K=\", NOFAIL)", WBEMMOF_E_INVALID_DELETEINSTANCE_SYNTAX,
                        "not an instance path"),
                // ---- qualifiers
                row("class A { [§CIMTYPE(\"uint32\")] uint32 X; };", WBEMMOF_E_CIMTYPE_QUALIFIER, "CIMTYPE"),
                row("qualifier §CIMTYPE : string;", WBEMMOF_E_CIMTYPE_QUALIFIER, "CIMTYPE"),
                row("[a, §A] class X { };", WBEMMOF_E_DUPLICATE_QUALIFIER, "used twice"),
                row("[Q: §Bogus] class A { };", WBEMMOF_E_EXPECTED_FLAVOR_TYPE, "'Bogus' is not a flavor"),
                row("[Q: EnableOverride §DisableOverride] class A { };", WBEMMOF_E_INCOMPATIBLE_FLAVOR_TYPES,
                        "exclude"),
                row("[Q: Restricted §ToSubClass] class A { };", WBEMMOF_E_INCOMPATIBLE_FLAVOR_TYPES2, "contradicts"),
                row("[Q: ToInstance §NotToInstance] class A { };", WBEMMOF_E_INCOMPATIBLE_FLAVOR_TYPES2, "contradicts"),
                row("qualifier Q : boolean, flavor(§Sideways);", WBEMMOF_E_EXPECTED_FLAVOR_TYPE, "not a flavor"),
                row("qualifier Q : boolean, scope(§everywhere);", WBEMMOF_E_INVALID_QUALIFIER_SYNTAX, "not a scope"),
                row("qualifier Q : uint32 = §\"x\";", WBEMMOF_E_TYPE_MISMATCH, "uint32"),
                row("qualifier Q : uint32, scope(class);\nclass A { [§Q(1)] uint32 X; };",
                        WBEMMOF_E_QUALIFIER_USED_OUTSIDE_SCOPE, "cannot qualify a property"),
                row("qualifier Q : uint32, scope(property);\nclass A { [§Q(1)] A ref X; };",
                        WBEMMOF_E_QUALIFIER_USED_OUTSIDE_SCOPE, "cannot qualify a reference"),
                row("qualifier Q : uint32, scope(class);\nclass A { uint32 M([in, §Q(1)] uint32 X); };",
                        WBEMMOF_E_QUALIFIER_USED_OUTSIDE_SCOPE, "parameter"),
                row("qualifier Q : uint32;\n[Q(§\"s\")] class A { };", WBEMMOF_E_TYPE_MISMATCH, "uint32"),
                row("[Q(§$a)] class A { };", WBEMMOF_E_UNEXPECTED_ALIAS, "only a reference"),
                row("class E { }; class A { E V; };\ninstance of A { [Q(§instance of E { })] V = NULL; };",
                        WBEMMOF_E_UNSUPPORTED_CIMV22_QUAL_VALUE, "embedded instance"),
                row("[Q{1, §\"a\"}] class A { };", WBEMMOF_E_TYPE_MISMATCH, "one type"),
                row("[Q{1, §NULL}] class A { };", WBEMMOF_E_NULL_ARRAY_ELEM, "NULL"),
                row("class A { [Q(1): DisableOverride ToSubClass] uint32 X; };\nclass B : A { [§Q(2)] uint32 X; };",
                        WbemStatus.WBEM_E_OVERRIDE_NOT_ALLOWED, "DisableOverride"),
                row("[L(1): DisableOverride ToSubClass] class A { };\n[§L(2)] class B : A { };",
                        WbemStatus.WBEM_E_OVERRIDE_NOT_ALLOWED, "DisableOverride"),
                // ---- types and values
                row("class A { uint32 X = §\"s\"; };", WBEMMOF_E_TYPE_MISMATCH, "uint32 and cannot take a string"),
                row("class A { string X = §1; };", WBEMMOF_E_TYPE_MISMATCH, "string and cannot take an integer"),
                row("class A { boolean X = §1; };", WBEMMOF_E_TYPE_MISMATCH, "boolean"),
                row("class A { uint32 X = §1.5; };", WBEMMOF_E_TYPE_MISMATCH, "real number"),
                row("class A { char16 X = §\"c\"; };", WBEMMOF_E_TYPE_MISMATCH, "char16"),
                row("class A { uint8 X = §256; };", WBEMMOF_E_OUT_OF_RANGE, "out of range for uint8"),
                row("class A { sint8 X = §-129; };", WBEMMOF_E_OUT_OF_RANGE, "out of range for sint8"),
                row("class A { uint32 X = §-1; };", WBEMMOF_E_OUT_OF_RANGE, "uint32"),
                row("class A { uint64 X = §18446744073709551616; };", WBEMMOF_E_OUT_OF_RANGE, "uint64"),
                row("class A { char16 X = §65536; };", WBEMMOF_E_OUT_OF_RANGE, "char16"),
                row("class A { real32 X = §1e39; };", WBEMMOF_E_OUT_OF_RANGE, "real32"),
                row("class A { real64 X = §1e309; };", WBEMMOF_E_OUT_OF_RANGE, "real64"),
                row("class A { uint32 X = §{1}; };", WBEMMOF_E_UNEXPECTED_ARRAY_INIT, "not an array"),
                row("class A { uint32 X[] = §1; };", WBEMMOF_E_TYPE_MISMATCH, "{...}"),
                row("class A { uint32 X[] = {1, §NULL}; };", WBEMMOF_E_NULL_ARRAY_ELEM, "NULL"),
                row("class A { uint32 X = §$a; };", WBEMMOF_E_UNEXPECTED_ALIAS, "only a reference"),
                row("class A { datetime D = §\"2024\"; };", WBEMMOF_E_TYPE_MISMATCH, "not a datetime"),
                row("class A { A ref R = §\"A.K=\"; };", WbemStatus.WBEM_E_INVALID_OBJECT_PATH, "not an object path"),
                row("class A { A ref R = §$nowhere; };", WbemStatus.WBEM_E_NOT_FOUND, "class defaults may only use"),
                row("class E { }; class F { }; class A { E V; };\ninstance of A { V = instance of §F { }; };",
                        WBEMMOF_E_TYPE_MISMATCH, "is not a E"),
                row("class A { uint32 V; };\ninstance of A { V = §instance of A { }; };", WBEMMOF_E_TYPE_MISMATCH,
                        "embedded instance"),
                // ---- classes
                row("class A { uint32 X; string §x; };", WBEMMOF_E_DUPLICATE_PROPERTY, "declared twice"),
                row("class A { uint32 X; void §X(); };", WBEMMOF_E_DUPLICATE_PROPERTY, "declared twice"),
                row("class A { void M(); }; class B : A { uint32 §M; };", WBEMMOF_E_DUPLICATE_PROPERTY, "method"),
                row("class B : §Missing { };", WbemStatus.WBEM_E_INVALID_SUPERCLASS, "not defined in namespace root\\default"),
                row("class A : §A { };", WbemStatus.WBEM_E_CIRCULAR_REFERENCE, "itself"),
                row("class A { [key] real32 §R; };", WbemStatus.WBEM_E_CANNOT_BE_KEY, "cannot be a key"),
                row("class A { [key] string §K[]; };", WbemStatus.WBEM_E_CANNOT_BE_KEY, "cannot be a key"),
                row("class A { [key] string K; };\nclass B : A { [key] string §K2; };",
                        WbemStatus.WBEM_E_CANNOT_CHANGE_KEY_INHERITANCE, "already has keys"),
                row("class A { [key] string J; string K; };\nclass B : A { [key] string §K; };",
                        WbemStatus.WBEM_E_CANNOT_CHANGE_KEY_INHERITANCE, "cannot become a key in class B: its superclass A"),
                row("class A { string K; }; class B : A { [key] string K; };\nclass C : B { [key] string §X; };",
                        WbemStatus.WBEM_E_CANNOT_CHANGE_KEY_INHERITANCE, "its superclass B already has keys"),
                row("class A { string K; string L; }; class B : A { [key] string K; };\n"
                        + "class C : B { [key] string §L; };",
                        WbemStatus.WBEM_E_CANNOT_CHANGE_KEY_INHERITANCE, "cannot become a key in class C"),
                row("Qualifier Key : boolean = false, Scope(property), Flavor(ToSubClass);\n"
                        + "class A { [key] string K; };\nclass B : A { [key(false)] string §K; };",
                        WbemStatus.WBEM_E_CANNOT_CHANGE_KEY_INHERITANCE, "cannot stop being a key"),
                row("class A { uint32 X; };\nclass B : A { string §X; };", WbemStatus.WBEM_E_TYPE_MISMATCH,
                        "inherited from A as uint32"),
                // ---- methods
                row("class A { uint32 M(string §s); };", WBEMMOF_E_MUST_BE_IN_OR_OUT, "[in] or [out]"),
                row("class A { uint32 M([in] string s, [in] string §S); };",
                        WbemStatus.WBEM_E_INVALID_DUPLICATE_PARAMETER, "declared twice"),
                row("class A { uint32 M([in] string §ReturnValue); };", WbemStatus.WBEM_E_INVALID_METHOD_PARAMETERS,
                        "ReturnValue"),
                row("class A { uint32 M([in, id(0)] string a, §[in, id(2)] string b); };",
                        WbemStatus.WBEM_E_NONCONSECUTIVE_PARAMETER_IDS, "without gaps"),
                row("class A { uint32 M([in, id(0)] string a, §[in, id(0)] string b); };",
                        WbemStatus.WBEM_E_INVALID_PARAMETER_ID, "have ID 0"),
                row("class A { uint32 M([in, id(0)] string a, §[in] string b); };",
                        WbemStatus.WBEM_E_MISSING_PARAMETER_ID, "no ID"),
                row("class A { uint32 M(§[in, id(-1)] string a); };", WbemStatus.WBEM_E_INVALID_PARAMETER_ID,
                        "number from 0"),
                // ---- instances and aliases
                row("instance of §Missing { };", WbemStatus.WBEM_E_INVALID_CLASS, "not defined"),
                row("[abstract] class A { };\ninstance of §A { };", WbemStatus.WBEM_E_INVALID_OPERATION, "abstract"),
                row("class A { [key] string K; };\ninstance of A { K = \"a\"; §K = \"b\"; };",
                        WBEMMOF_E_DUPLICATE_PROPERTY, "set twice"),
                row("class A { [key] string K; };\ninstance of A { K = \"a\"; §Nope = 1; };",
                        WbemStatus.WBEM_E_NOT_FOUND, "has no property Nope"),
                row("class A { [key] string K; };\n§instance of A { };", WbemStatus.WBEM_E_ILLEGAL_NULL,
                        "key property K"),
                row("class A { [key] string K; };\ninstance of A as $a { K = \"1\"; };\n"
                        + "instance of A as §$A { K = \"2\"; };", WBEMMOF_E_MULTIPLE_ALIASES, "defined twice"),
                row("class A { [key] string K; A ref R; };\ninstance of A { K = \"1\"; R = §$ghost; };",
                        WbemStatus.WBEM_E_NOT_FOUND, "$ghost is not defined"),
                row("class A { [key] A ref K; };\ninstance of A as $x { K = §$y; };\ninstance of A as $y { K = $x; };",
                        WbemStatus.WBEM_E_CIRCULAR_REFERENCE, "circular"),
                row("class A { string V; object ref R; };\ninstance of A as $k { V = \"1\"; };\n"
                        + "class B { [key] string K; object ref R; };\ninstance of B { K = \"b\"; R = §$k; };",
                        WbemStatus.WBEM_E_INVALID_OBJECT_PATH, "has no path"),
                row("class A { uint32 X; };\ninstance of A { X = §\"s\"; };", WBEMMOF_E_TYPE_MISMATCH, "uint32"));
    }

    @Test
    void syntaxErrorsInIncludedFilesNameThatFile() {
        MofCompiler c = MofCompiler.builder()
                .includeResolver((n, from) -> new MofSource("lib/" + n, "class X {\r\n  uint32 Y\r\n};")).build();
        MofException e = catchThrowableOfType(MofException.class,
                () -> c.compile("main.mof", "class A { };\n#include (\"x.mof\")\n"));
        assertThat(e.fileName()).isEqualTo("lib/x.mof");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(1);
        assertThat(e.code()).isEqualTo(WBEMMOF_E_EXPECTED_SEMI);
        assertThat(e.getMessage()).isEqualTo("lib/x.mof (3,1): error SYNTAX 0x80044002 WBEMMOF_E_EXPECTED_SEMI: "
                + "expected ';' or '=' after property Y, found '}'");
    }

    @Test
    void aFileIncludingItselfIsRejectedWhereTheCycleCloses() {
        MofCompiler c = MofCompiler.builder().includeResolver((n, from) -> new MofSource(n,
                n.equals("a.mof") ? "class A { };\n#include (\"b.mof\")" : "#include (\"A.MOF\")")).build();
        MofException e = catchThrowableOfType(MofException.class, () -> c.compile("main.mof", "#include (\"a.mof\")"));
        assertThat(e.code()).isEqualTo(WBEMMOF_E_ERROR_INVALID_INCLUDE_FILE);
        assertThat(e.fileName()).isEqualTo("b.mof");
        assertThat(e.column()).isEqualTo(11);
        assertThat(e.first().message()).contains("main.mof -> a.mof -> b.mof");
    }

    @Test
    void nestingIsLimitedWithoutOverflowingTheStack() {
        StringBuilder v = new StringBuilder("NULL");
        for (int i = 0; i < MofParser.MAX_DEPTH + 1; i++) {
            v.insert(0, "instance of E { Child = ").append("; }");
        }
        MofException e = MofTesting.error("class E { E Child; };\ninstance of E { Child = " + v + "; };");
        assertThat(e.code()).isEqualTo(WBEMMOF_E_INVALID_INSTANCE_DECLARATION);
        assertThat(e.first().message()).contains("nested deeper than 32");
        StringBuilder ok = new StringBuilder("NULL");
        for (int i = 0; i < MofParser.MAX_DEPTH - 2; i++) {
            ok.insert(0, "instance of E { Child = ").append("; }");
        }
        assertThat(MofTesting.compile("class E { E Child; };\n[Singleton] class H { E Child; };\n"
                + "instance of H { Child = " + ok + "; };").instances()).hasSize(1);
    }

    @Test
    void includesNestedTooDeeplyAreRejected() {
        int[] count = {0};
        MofCompiler c = MofCompiler.builder().includeResolver((n, from) -> new MofSource("f" + (++count[0]) + ".mof",
                "#include (\"next.mof\")")).build();
        MofException e = catchThrowableOfType(MofException.class, () -> c.compile("x", "#include (\"next.mof\")"));
        assertThat(e.code()).isEqualTo(WBEMMOF_E_ERROR_INVALID_INCLUDE_FILE);
        assertThat(e.first().message()).contains("deeper than 16");
    }

    @Test
    void semanticErrorsAreCollectedStatementByStatementInTextOrder() {
        MofException e = MofTesting.error("""
                class A { uint32 X = "bad"; };
                class B : A { };
                class C { string S = 5; };
                class D { };
                instance of D { Nope = 1; };
                instance of A { X = 1; };
                """);
        assertThat(e.diagnostics()).extracting(d -> d.location().line()).containsExactly(1, 2, 3, 5, 6);
        assertThat(e.diagnostics().get(1).message()).contains("(its definition above failed)");
        assertThat(e.diagnostics().get(4).status()).isEqualTo(WbemStatus.WBEM_E_INVALID_CLASS);
        assertThat(e.getMessage()).endsWith("(and 4 more errors)");
        assertThat(e).isInstanceOf(CimException.class);
    }

    @Test
    void aSyntaxErrorStopsBeforeAnySemanticCheck() {
        MofException e = MofTesting.error("class A { uint32 X = \"bad\"; };\nclass B { uint32 };");
        assertThat(e.diagnostics()).hasSize(1);
        assertThat(e.code()).isEqualTo(WBEMMOF_E_EXPECTED_PROPERTY_NAME);
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void theErrorLimitStopsCollecting() {
        MofCompiler c = MofCompiler.builder().maxErrors(2).build();
        MofException e = catchThrowableOfType(MofException.class, () -> c.compile("t.mof",
                "class A : X { };\nclass B : X { };\nclass C : X { };\n"));
        assertThat(e.diagnostics()).hasSize(2);
    }

    @Test
    void strictModeAcceptsDeclaredQualifiersAndParameterDirections() {
        MofCompiler strict = MofCompiler.builder().strictQualifiers(true).build();
        MofUnit u = strict.compile("t.mof", """
                qualifier Key : boolean = false, scope(property, reference), flavor(DisableOverride, ToSubClass);
                class A { [Key] string K; uint32 M([in, ID(0)] uint32 X, [out, ID(1)] uint32 Y); };""");
        assertThat(u.classes().get(0).keys()).hasSize(1);
        MofException e = catchThrowableOfType(MofException.class, () -> strict.compile("t.mof",
                "class A { [Key] string K; };"));
        assertThat(e.status()).isEqualTo(WbemStatus.WBEM_E_INVALID_QUALIFIER);
    }

    @Test
    void declarationsFromTheResolverAreUsedAndChecked() {
        ClassResolver repo = new ClassResolver() {
            @Override
            public org.jwmi.cim.CimClass resolveClass(String namespace, org.jwmi.cim.CimName name) {
                return null;
            }

            @Override
            public org.jwmi.cim.CimQualifierType resolveQualifierType(String namespace, org.jwmi.cim.CimName name) {
                return name.is("MaxLen") ? new org.jwmi.cim.CimQualifierType(name, org.jwmi.cim.CimType.UINT32,
                        org.jwmi.cim.CimValue.nullOf(org.jwmi.cim.CimType.UINT32),
                        java.util.Set.of(org.jwmi.cim.CimQualifierType.Scope.PROPERTY),
                        org.jwmi.cim.QualifierFlavor.of(0x02)) : null;
            }
        };
        MofCompiler c = MofCompiler.builder().classResolver(repo).strictQualifiers(true).build();
        MofUnit u = c.compile("t.mof", "class A { [MaxLen(10)] string S; };");
        assertThat(u.classes().get(0).property("S").orElseThrow().qualifiers().get("MaxLen").orElseThrow())
                .extracting(q -> q.value().type(), q -> q.flavor().bits())
                .containsExactly(org.jwmi.cim.CimType.UINT32, 0x02);
        MofException e = catchThrowableOfType(MofException.class, () -> c.compile("t.mof", "[MaxLen(1)] class A { };"));
        assertThat(e.code()).isEqualTo(WBEMMOF_E_QUALIFIER_USED_OUTSIDE_SCOPE);
        assertThat(Map.of("line", e.line(), "column", e.column())).containsEntry("line", 1).containsEntry("column", 2);
    }
}
