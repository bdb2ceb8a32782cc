package org.jwmi.cim.mof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jwmi.cim.mof.MofTesting.compile;

import java.math.BigInteger;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimDateTime;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimMethod;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimParameter;
import org.jwmi.cim.CimProperty;
import org.jwmi.cim.CimQualifier;
import org.jwmi.cim.CimQualifierType;
import org.jwmi.cim.CimType;
import org.jwmi.cim.CimValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every construct of the language, one row each: MOF text and what it must compile to. */
class MofConstructsTest {

    private static Arguments row(String name, String mof, Consumer<MofUnit> check) {
        return Arguments.of(name, mof, check);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void compiles(String name, String mof, Consumer<MofUnit> check) {
        check.accept(compile(mof));
    }

    private static CimClass cls(MofUnit u, String name) {
        return u.classes().stream().filter(c -> c.name().is(name)).findFirst().orElseThrow();
    }

    private static CimProperty prop(MofUnit u, String cls, String prop) {
        return cls(u, cls).property(prop).orElseThrow();
    }

    private static CimValue def(MofUnit u, String cls, String prop) {
        return prop(u, cls, prop).defaultValue();
    }

    private static CimQualifier qual(MofUnit u, String cls, String q) {
        return cls(u, cls).qualifiers().get(q).orElseThrow();
    }

    private static CimInstance inst(MofUnit u, int i) {
        return u.instances().get(i);
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                row("comments of both kinds", """
                        // a line comment
                        class A /* inline */ {
                            /* a
                               block */ uint32 X; // trailing
                        };""", u -> assertThat(cls(u, "A").propertyNames()).extracting(CimName::text)
                        .containsExactly("X")),
                row("keywords without regard to case", """
                        CLASS a { UINT32 x; STRING s = NULL; BOOLEAN b = true; };
                        Instance OF A { X = 1; B = False; };""", u -> {
                    assertThat(prop(u, "A", "x").type()).isEqualTo(CimType.UINT32);
                    assertThat(inst(u, 0).value("b")).isEqualTo(CimValue.bool(false));
                }),
                row("every scalar CIM type and its CIMTYPE", """
                        class B { };
                        class A {
                            sint8 a; uint8 b; sint16 c; uint16 d; sint32 e; uint32 f; sint64 g; uint64 h;
                            real32 i; real64 j; boolean k; string l; datetime m; char16 n;
                            B ref o; object ref p; B q; object r;
                        };""", u -> {
                    assertThat(cls(u, "A").properties()).extracting(CimProperty::type).containsExactly(
                            CimType.SINT8, CimType.UINT8, CimType.SINT16, CimType.UINT16, CimType.SINT32,
                            CimType.UINT32, CimType.SINT64, CimType.UINT64, CimType.REAL32, CimType.REAL64,
                            CimType.BOOLEAN, CimType.STRING, CimType.DATETIME, CimType.CHAR16, CimType.REFERENCE,
                            CimType.REFERENCE, CimType.OBJECT, CimType.OBJECT);
                    assertThat(cls(u, "A").properties()).extracting(p -> p.qualifiers().value("CIMTYPE").asString())
                            .containsExactly("sint8", "uint8", "sint16", "uint16", "sint32", "uint32", "sint64",
                                    "uint64", "real32", "real64", "boolean", "string", "datetime", "char16", "ref:B",
                                    "ref:object", "object:B", "object");
                }),
                row("arrays, unbounded and fixed (size kept as MAX)", """
                        class A { uint32 V[]; uint8 F[16]; string S[] = {"a", "b"}; A ref R[]; };""", u -> {
                    assertThat(prop(u, "A", "V").type()).isEqualTo(CimType.UINT32_ARRAY);
                    assertThat(prop(u, "A", "F").type()).isEqualTo(CimType.UINT8_ARRAY);
                    assertThat(prop(u, "A", "F").qualifiers().value("MAX")).isEqualTo(CimValue.sint32(16));
                    assertThat(prop(u, "A", "V").qualifiers().contains("MAX")).isFalse();
                    assertThat(def(u, "A", "S")).isEqualTo(CimValue.array(CimType.STRING, List.of("a", "b")));
                    assertThat(prop(u, "A", "R").type()).isEqualTo(CimType.REFERENCE_ARRAY);
                    assertThat(prop(u, "A", "R").cimtype()).isEqualTo("ref:A");
                }),
                row("embedded objects: class name, object, EmbeddedObject, EmbeddedInstance", """
                        class B { };
                        class A {
                            B E; object O; [EmbeddedObject] string S; [EmbeddedInstance("B")] string T[];
                        };""", u -> {
                    assertThat(prop(u, "A", "E").cimtype()).isEqualTo("object:B");
                    assertThat(prop(u, "A", "O").cimtype()).isEqualTo("object");
                    assertThat(prop(u, "A", "S").type()).isEqualTo(CimType.OBJECT);
                    assertThat(prop(u, "A", "S").qualifiers().isTrue("EmbeddedObject")).isTrue();
                    assertThat(prop(u, "A", "T").type()).isEqualTo(CimType.OBJECT_ARRAY);
                    assertThat(prop(u, "A", "T").typeClass()).isEqualTo(CimName.of("B"));
                }),
                row("integer literals: decimal, hex, octal, binary, signs, 64-bit limits", """
                        class A {
                            uint32 D = 65; uint32 H = 0x41; uint32 HU = 0XfF; uint32 O = 0101; uint32 B = 1000001B;
                            sint32 N = -0x10; sint32 P = +7; uint32 Z = 0; uint32 OZ = 00; uint8 BB = 0b;
                            uint64 U = 18446744073709551615; sint64 S = -9223372036854775808;
                            sint8 S8 = -128; uint16 U16 = 65535;
                        };""", u -> {
                    assertThat(def(u, "A", "D").asLong()).isEqualTo(65);
                    assertThat(def(u, "A", "H").asLong()).isEqualTo(65);
                    assertThat(def(u, "A", "HU").asLong()).isEqualTo(255);
                    assertThat(def(u, "A", "O").asLong()).isEqualTo(65);
                    assertThat(def(u, "A", "B").asLong()).isEqualTo(65);
                    assertThat(def(u, "A", "N").asLong()).isEqualTo(-16);
                    assertThat(def(u, "A", "P").asLong()).isEqualTo(7);
                    assertThat(def(u, "A", "Z").asLong()).isZero();
                    assertThat(def(u, "A", "OZ").asLong()).isZero();
                    assertThat(def(u, "A", "BB").asLong()).isZero();
                    assertThat(def(u, "A", "U").asBigInteger()).isEqualTo(BigInteger.TWO.pow(64).subtract(BigInteger.ONE));
                    assertThat(def(u, "A", "S").asLong()).isEqualTo(Long.MIN_VALUE);
                    assertThat(def(u, "A", "S8").asLong()).isEqualTo(-128);
                    assertThat(def(u, "A", "U16").asLong()).isEqualTo(65535);
                }),
                row("reals, and integers where reals are expected", """
                        class A { real64 R = -1.2778E+02; real32 F = .5; real64 I = 3; real64 E = 2e3;
                                  real32 T = 0.1; real64 X = 2.3e-2; };""", u -> {
                    assertThat(def(u, "A", "R")).isEqualTo(CimValue.real64(-127.78));
                    assertThat(def(u, "A", "F")).isEqualTo(CimValue.real32(0.5f));
                    assertThat(def(u, "A", "I")).isEqualTo(CimValue.real64(3));
                    assertThat(def(u, "A", "E")).isEqualTo(CimValue.real64(2000));
                    assertThat(def(u, "A", "T")).isEqualTo(CimValue.real32(0.1f));
                    assertThat(def(u, "A", "X")).isEqualTo(CimValue.real64(0.023));
                }),
                row("string escapes and concatenation of adjacent strings", """
                        class A {
                            string E = "t\\tn\\nr\\rb\\bf\\f q\\" a\\' s\\\\ x\\x41 X\\X263A \\x4g";
                            string C = "This" " becomes"
                                       " one string";
                        };""", u -> {
                    assertThat(def(u, "A", "E").asString())
                            .isEqualTo("t\tn\nr\rb\bf\f q\" a' s\\ xA X\u263A \u0004g");
                    assertThat(def(u, "A", "C").asString()).isEqualTo("This becomes one string");
                }),
                row("char16 literals", """
                        class A { char16 A = 'A'; char16 Q = '\\''; char16 X = '\\x4133'; char16 N = 65;
                                  char16 D = '"'; };""", u -> {
                    assertThat(def(u, "A", "A").asChar()).isEqualTo('A');
                    assertThat(def(u, "A", "Q").asChar()).isEqualTo('\'');
                    assertThat(def(u, "A", "X").asChar()).isEqualTo('\u4133');
                    assertThat(def(u, "A", "N").asChar()).isEqualTo('A');
                    assertThat(def(u, "A", "D").asChar()).isEqualTo('"');
                }),
                row("booleans, NULL, datetimes, references, arrays", """
                        class A {
                            boolean T = TRUE; boolean F = false; string N = null;
                            datetime S = "19940107140332.000000-300"; datetime I = "00000001000000.000000:000";
                            A ref R = "\\\\\\\\.\\\\root:A.K=\\"x\\"";
                            sint32 L[] = {1, -2, 0x3}; boolean BL[] = {TRUE, FALSE}; string E[] = {};
                        };""", u -> {
                    assertThat(def(u, "A", "T").asBoolean()).isTrue();
                    assertThat(def(u, "A", "F").asBoolean()).isFalse();
                    assertThat(def(u, "A", "N").isNull()).isTrue();
                    assertThat(def(u, "A", "S").asDateTime()).isEqualTo(CimDateTime.parse("19940107140332.000000-300"));
                    assertThat(def(u, "A", "I").asDateTime().isInterval()).isTrue();
                    assertThat(def(u, "A", "R").asString()).isEqualTo("\\\\.\\root:A.K=\"x\"");
                    assertThat(def(u, "A", "L").asList()).isEqualTo(List.of(1L, -2L, 3L));
                    assertThat(def(u, "A", "BL").asList()).isEqualTo(List.of(true, false));
                    assertThat(def(u, "A", "E").asList()).isEmpty();
                }),
                row("qualifier lists: values, arrays, types inferred, flavors", """
                        [Abstract, Description("d"): ToSubClass ToInstance, Values{"a", "b"}, Max(5),
                         Ratio(0.5), Big(4294967296), Flag(FALSE), Ints{1, 2}, Mixed{1, 2.5}, Amend("x"): Amended,
                         Locked(1): DisableOverride, Paren({"p"}), Key]
                        class A { };""", u -> {
                    assertThat(qual(u, "A", "Abstract").value()).isEqualTo(CimValue.bool(true));
                    assertThat(qual(u, "A", "Description").flavor().bits()).isEqualTo(0x03);
                    assertThat(qual(u, "A", "Values").value()).isEqualTo(CimValue.array(CimType.STRING,
                            List.of("a", "b")));
                    assertThat(qual(u, "A", "Max").value()).isEqualTo(CimValue.sint32(5));
                    assertThat(qual(u, "A", "Ratio").value()).isEqualTo(CimValue.real64(0.5));
                    assertThat(qual(u, "A", "Big").value()).isEqualTo(CimValue.sint64(4294967296L));
                    assertThat(qual(u, "A", "Flag").value()).isEqualTo(CimValue.bool(false));
                    assertThat(qual(u, "A", "Ints").value().type()).isEqualTo(CimType.SINT32_ARRAY);
                    assertThat(qual(u, "A", "Mixed").value()).isEqualTo(CimValue.array(CimType.REAL64,
                            List.of(1.0, 2.5)));
                    assertThat(qual(u, "A", "Amend").flavor().amended()).isTrue();
                    assertThat(qual(u, "A", "Locked").flavor().bits()).isEqualTo(0x10);
                    assertThat(qual(u, "A", "Paren").value().type()).isEqualTo(CimType.STRING_ARRAY);
                    assertThat(qual(u, "A", "Abstract").flavor().bits()).isZero();
                    assertThat(qual(u, "A", "Key").flavor().bits()).isEqualTo(0x13);
                }),
                row("DMTF qualifier declarations give type, default, scope and flavor", """
                        qualifier Units : string = "none", scope(property, method), flavor(ToSubClass, Amended);
                        qualifier Weight : uint32 = 7, scope(property), flavor(ToInstance, DisableOverride);
                        qualifier Tags : string[] = {"t"}, scope(any);
                        qualifier Flag : boolean = false, scope(class);
                        [Flag] class A { [Units, Weight(3), Tags("one")] uint32 X; [Weight] uint32 Y; };""", u -> {
                    MofNamespace ns = u.namespace("root\\default").orElseThrow();
                    CimQualifierType units = ns.qualifierType("units").orElseThrow();
                    assertThat(units.type()).isEqualTo(CimType.STRING);
                    assertThat(units.defaultValue()).isEqualTo(CimValue.string("none"));
                    assertThat(units.scopes()).containsExactlyInAnyOrder(CimQualifierType.Scope.PROPERTY,
                            CimQualifierType.Scope.METHOD);
                    assertThat(units.flavor().bits()).isEqualTo(0x82);
                    CimProperty x = prop(u, "A", "X");
                    assertThat(x.qualifiers().get("Units").orElseThrow().value()).isEqualTo(CimValue.string("none"));
                    assertThat(x.qualifiers().get("Units").orElseThrow().flavor().bits()).isEqualTo(0x82);
                    assertThat(x.qualifiers().get("Weight").orElseThrow().value()).isEqualTo(CimValue.uint32(3));
                    assertThat(x.qualifiers().get("Weight").orElseThrow().flavor().bits()).isEqualTo(0x11);
                    assertThat(x.qualifiers().get("Tags").orElseThrow().value()).isEqualTo(
                            CimValue.array(CimType.STRING, List.of("one")));
                    assertThat(prop(u, "A", "Y").qualifiers().value("Weight")).isEqualTo(CimValue.uint32(7));
                    assertThat(qual(u, "A", "Flag").value()).isEqualTo(CimValue.bool(true));
                    assertThat(u.operations()).first().isInstanceOf(MofOperation.PutQualifierType.class);
                }),
                row("WMI flavor-only declarations set the default flavor of later uses", """
                        Qualifier Description : ToSubClass Amended;
                        [Description("a")] class A { [Description("p"): ToInstance] uint32 X; };
                        """, u -> {
                    assertThat(qual(u, "A", "Description").flavor().bits()).isEqualTo(0x82);
                    assertThat(prop(u, "A", "X").qualifiers().get("Description").orElseThrow().flavor().bits())
                            .isEqualTo(0x83);
                    assertThat(u.namespaces().get(0).qualifierTypes()).isEmpty();
                }),
                row("use flavors change declared flavors word by word", """
                        qualifier Q : string, flavor(ToSubClass, ToInstance, DisableOverride);
                        [Q("a"): NotToInstance EnableOverride] class A { [Q("b"): Restricted] uint32 X; };""", u -> {
                    assertThat(qual(u, "A", "Q").flavor().bits()).isEqualTo(0x02);
                    assertThat(prop(u, "A", "X").qualifiers().get("Q").orElseThrow().flavor().bits()).isEqualTo(0x10);
                }),
                row("class X : Y inherits properties, keys and ToSubClass qualifiers", """
                        [Description("base"): ToSubClass, Local("only here")]
                        class Base { [key] sint32 Id; string Name = "n"; };
                        class MyClass : Base { [read, write] string Data1; string Data2 = "defaultValue"; uint32 Array[]; };
                        """, u -> {
                    CimClass c = cls(u, "MyClass");
                    assertThat(c.derivation()).containsExactly(CimName.of("Base"));
                    assertThat(c.propertyNames()).extracting(CimName::text)
                            .containsExactly("Id", "Name", "Data1", "Data2", "Array");
                    CimProperty id = c.property("Id").orElseThrow();
                    assertThat(id.classOfOrigin()).isEqualTo(CimName.of("Base"));
                    assertThat(id.qualifiers().get("key").orElseThrow().flavor().bits()).isEqualTo(0x33);
                    assertThat(id.qualifiers().get("CIMTYPE").orElseThrow().flavor().bits()).isEqualTo(0x23);
                    assertThat(prop(u, "Base", "Id").qualifiers().get("key").orElseThrow().flavor().bits())
                            .isEqualTo(0x13);
                    assertThat(c.keys()).extracting(CimProperty::name).containsExactly(CimName.of("Id"));
                    assertThat(c.qualifiers().get("Description").orElseThrow().flavor().bits()).isEqualTo(0x22);
                    assertThat(c.qualifiers().contains("Local")).isFalse();
                    assertThat(c.property("Name").orElseThrow().defaultValue()).isEqualTo(CimValue.string("n"));
                    assertThat(c.property("Name").orElseThrow().defaultInherited()).isTrue();
                    assertThat(c.property("Data1").orElseThrow().qualifiers().get("read").orElseThrow()
                            .flavor().bits()).isZero();
                    assertThat(c.parentClass()).isEqualTo(cls(u, "Base"));
                }),
                row("an override keeps the origin and sets a local default and qualifiers", """
                        class Base { uint32 V = 5; [Description("x")] string S; };
                        class D : Base { uint32 V = 7; [Description("y")] string S; };""", u -> {
                    CimProperty v = prop(u, "D", "V");
                    assertThat(v.classOfOrigin()).isEqualTo(CimName.of("Base"));
                    assertThat(v.defaultValue()).isEqualTo(CimValue.uint32(7));
                    assertThat(v.defaultInherited()).isFalse();
                    assertThat(prop(u, "D", "S").qualifiers().value("Description")).isEqualTo(CimValue.string("y"));
                }),
                row("below keyless ancestors a class may add keys and make inherited properties keys", """
                        [Abstract] class MSE { string Caption; string Name; };
                        [Abstract] class LE : MSE { };
                        class OS : LE { [key] string CreationClassName; [key] string Name; };
                        class W : OS { [key] string Name; string Version; };
                        instance of W { Name = "Windows"; CreationClassName = "W"; Caption = "c"; };""", u -> {
                    assertThat(cls(u, "OS").keys()).extracting(k -> k.name().text())
                            .containsExactly("Name", "CreationClassName");
                    assertThat(prop(u, "OS", "Name").classOfOrigin()).isEqualTo(CimName.of("MSE"));
                    assertThat(prop(u, "W", "Name").qualifiers().get("key").orElseThrow().flavor().bits())
                            .isEqualTo(0x13);
                    assertThat(u.instances()).singleElement().satisfies(i -> assertThat(i.relPath().toString())
                            .isEqualTo("W.CreationClassName=\"W\",Name=\"Windows\""));
                }),
                row("an override may narrow a reference's class; CIMTYPE follows", """
                        class E { }; class F : E { };
                        [Association] class A { [key] E ref R; };
                        [Association] class B : A { F ref R; };""", u -> {
                    CimProperty r = prop(u, "B", "R");
                    assertThat(r.typeClass()).isEqualTo(CimName.of("F"));
                    assertThat(r.qualifiers().value("CIMTYPE")).isEqualTo(CimValue.string("ref:F"));
                    assertThat(r.isKey()).isTrue();
                    assertThat(cls(u, "B").isAssociation()).isTrue();
                }),
                row("methods: void, return types, in, out, in/out, arrays, defaults, references", """
                        class P { };
                        class A {
                            [Implemented] uint32 Create([in] string Cmd, [in] P Startup, [out] uint32 Pid);
                            void Nothing();
                            sint32 Arr([in] uint32 Ids[], [in, out] string Names[8], [IN] uint32 Reason = 3);
                            P ref Find([in] P ref Where, [out] object Result);
                            P Make();
                        };""", u -> {
                    CimClass a = cls(u, "A");
                    CimMethod create = a.method("Create").orElseThrow();
                    assertThat(create.returnType()).isEqualTo(CimType.UINT32);
                    assertThat(create.qualifiers().isTrue("Implemented")).isTrue();
                    assertThat(create.parameters()).extracting(CimParameter::name).extracting(CimName::text)
                            .containsExactly("Cmd", "Startup", "Pid");
                    assertThat(create.parameters()).extracting(CimParameter::in).containsExactly(true, true, false);
                    assertThat(create.parameters().get(1).typeClass()).isEqualTo(CimName.of("P"));
                    assertThat(create.parameters()).extracting(CimParameter::id).containsExactly(0, 1, 2);
                    assertThat(a.method("Nothing").orElseThrow().returnType()).isNull();
                    CimMethod arr = a.method("Arr").orElseThrow();
                    assertThat(arr.parameters()).extracting(CimParameter::type).containsExactly(CimType.UINT32_ARRAY,
                            CimType.STRING_ARRAY, CimType.UINT32);
                    assertThat(arr.parameters().get(1).in()).isTrue();
                    assertThat(arr.parameters().get(1).out()).isTrue();
                    assertThat(arr.parameters().get(1).qualifiers().value("MAX")).isEqualTo(CimValue.sint32(8));
                    assertThat(arr.inParameters().property("Reason").orElseThrow().defaultValue())
                            .isEqualTo(CimValue.uint32(3));
                    CimMethod find = a.method("Find").orElseThrow();
                    assertThat(find.returnType()).isEqualTo(CimType.REFERENCE);
                    assertThat(find.outParameters().property("ReturnValue").orElseThrow().cimtype()).isEqualTo("ref:P");
                    assertThat(find.parameters().get(0).typeClass()).isEqualTo(CimName.of("P"));
                    assertThat(a.method("Make").orElseThrow().outParameters().property("ReturnValue").orElseThrow()
                            .cimtype()).isEqualTo("object:P");
                }),
                row("explicit IDs order parameters; split [in]/[out] declarations make one in/out parameter", """
                        class A {
                            uint32 M([out, ID(1)] uint32 Second, [in, ID(0)] string First);
                            uint32 N([in, ID(0)] uint32 X, [out, ID(0)] uint32 X, [out, ID(1)] string Y);
                        };""", u -> {
                    CimMethod m = cls(u, "A").method("M").orElseThrow();
                    assertThat(m.parameters()).extracting(p -> p.name().text()).containsExactly("First", "Second");
                    CimMethod n = cls(u, "A").method("N").orElseThrow();
                    assertThat(n.parameters()).extracting(p -> p.name().text()).containsExactly("X", "Y");
                    assertThat(n.parameters().get(0).in()).isTrue();
                    assertThat(n.parameters().get(0).out()).isTrue();
                }),
                row("instances: values, qualifiers, embedded instances and arrays of them", """
                        class E { [key] sint32 K; string V; };
                        class A { [key] string s; string strArray1[]; sint32 dwArray[]; E Emb; E objArray[];
                                  object Any; uint32 Defaulted = 9; };
                        [Note("inst")]
                        instance of A {
                            s = "keyStuff";
                            [Checked] strArray1 = { "1.2.3.4", "1.2.3.5"};
                            dwArray = {1, 2, 3};
                            Emb = instance of E { K = 1; V = "one"; };
                            objArray = { instance of E { K = 3; }, instance of E { K = 4; } };
                            Any = [Tag] instance of E { K = 5; };
                        };""", u -> {
                    CimInstance a = inst(u, 0);
                    assertThat(a.value("s")).isEqualTo(CimValue.string("keyStuff"));
                    assertThat(a.qualifiers().value("Note")).isEqualTo(CimValue.string("inst"));
                    assertThat(a.propertyQualifiers(CimName.of("strArray1")).isTrue("Checked")).isTrue();
                    assertThat(a.value("dwArray").asList()).isEqualTo(List.of(1L, 2L, 3L));
                    CimInstance emb = (CimInstance) a.value("Emb").asObject();
                    assertThat(emb.value("V")).isEqualTo(CimValue.string("one"));
                    assertThat(a.value("objArray").asList()).hasSize(2);
                    assertThat(((CimInstance) a.value("Any").asObject()).qualifiers().isTrue("Tag")).isTrue();
                    assertThat(a.isDefault(CimName.of("Defaulted"))).isTrue();
                    assertThat(a.value("Defaulted")).isEqualTo(CimValue.uint32(9));
                    assertThat(a.relPath().toString()).isEqualTo("A.s=\"keyStuff\"");
                }),
                row("an instance may set a property to NULL explicitly", """
                        class A { [key] string K; uint32 V = 5; };
                        instance of A { K = "k"; V = NULL; };""", u -> {
                    assertThat(inst(u, 0).isDefault(CimName.of("V"))).isFalse();
                    assertThat(inst(u, 0).value("V").isNull()).isTrue();
                }),
                row("singletons and key defaults give paths", """
                        [Singleton] class S { uint32 V; };
                        class D { [key] string K = "dflt"; };
                        instance of S as $s { V = 1; };
                        instance of D as $d { };
                        class R { [key] string K; object ref A; object ref B; };
                        instance of R { K = "r"; A = $s; B = $d; };""", u -> {
                    CimInstance r = inst(u, 2);
                    assertThat(r.value("A").asString()).isEqualTo("S=@");
                    assertThat(r.value("B").asString()).isEqualTo("D.K=\"dflt\"");
                }),
                row("a class defined again replaces the earlier definition", """
                        class A { uint32 X; };
                        class A { string Y; };
                        instance of A { Y = "y"; };""", u -> {
                    assertThat(cls(u, "A").propertyNames()).extracting(CimName::text).containsExactly("Y");
                    assertThat(u.operations()).hasSize(3);
                }),
                row("class alias stands for the class path", """
                        class Target as $T { };
                        class Holder { [key] string K; object ref Who; };
                        instance of Holder { K = "h"; Who = $T; };""", u -> {
                    assertThat(inst(u, 0).value("Who").asString()).isEqualTo("Target");
                    assertThat(((MofOperation.PutClass) u.operations().get(0)).alias()).isEqualTo("T");
                }));
    }
}
