package org.jwmi.cim.mof;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimQualifierType;
import org.jwmi.cim.CimType;
import org.jwmi.cim.CimValue;
import org.jwmi.cim.QualifierFlavor;
import org.junit.jupiter.api.Test;

/** The text MofWriter produces, exactly. */
class MofWriterTest {

    static CimClass base() {
        return CimClass.builder("Base")
                .qualifier("Description", CimValue.string("base \"class\""), QualifierFlavor.of(0x02))
                .property("Id", CimType.SINT32, p -> p.key())
                .property("Tags", CimType.STRING_ARRAY, p -> p.defaultValue(List.of("a", "b\\c")))
                .method("Stop", CimType.UINT32, m -> m.flag("Implemented")
                        .in("Force", CimType.BOOLEAN, p -> p.defaultValue(false))
                        .out("Log", CimType.STRING_ARRAY, p -> { }))
                .build();
    }

    @Test
    void aRootClass() {
        assertThat(MofWriter.classText(base())).isEqualTo("""
                [Description("base \\"class\\""): ToSubClass]
                class Base
                {
                \t[key] sint32 Id;
                \tstring Tags[] = {"a", "b\\\\c"};
                \t[Implemented] uint32 Stop([in] boolean Force = FALSE, [out] string Log[]);
                };
                """);
    }

    @Test
    void aDerivedClassShowsOnlyWhatItDefinesOrOverrides() {
        CimClass d = CimClass.derive("Derived", base())
                .flag("Association")
                .property("Tags", CimType.STRING_ARRAY, p -> p.defaultValue(CimValue.nullOf(CimType.STRING_ARRAY)))
                .reference("Peer", "Base", p -> p.qualifier("Max", CimValue.sint32(1), QualifierFlavor.of(0x90)))
                .property("Data", CimType.UINT8_ARRAY, p -> p.qualifier("MAX", CimValue.sint32(16)))
                .property("Inner", CimType.OBJECT, p -> p.typeClass("Base"))
                .method("Stop", CimType.UINT32, m -> m.qualifier("Override", CimValue.string("Stop"), QualifierFlavor.DEFAULT))
                .method("Make", CimType.OBJECT, m -> m.returnTypeClass("Base").inOut("Ids", CimType.UINT32_ARRAY,
                        p -> p.qualifier("MAX", CimValue.sint32(4))))
                .build();
        assertThat(MofWriter.classText(d)).isEqualTo("""
                [Association]
                class Derived : Base
                {
                \tstring Tags[] = NULL;
                \t[Max(1): DisableOverride Amended] Base ref Peer;
                \tuint8 Data[16];
                \tBase Inner;
                \t[Override("Stop")] uint32 Stop([in] boolean Force = FALSE, [out] string Log[]);
                \tBase Make([in, out] uint32 Ids[4]);
                };
                """);
        assertThat(MofTesting.compile(MofWriter.classText(base()) + MofWriter.classText(d)).classes())
                .containsExactly(base(), d);
    }

    @Test
    void anInstanceWithEmbeddedObjectsEscapesAndQualifiers() {
        CimClass e = CimClass.builder("E").property("V", CimType.CHAR16).build();
        CimClass c = CimClass.builder("C").property("K", CimType.STRING, p -> p.key())
                .property("One", CimType.OBJECT).property("Many", CimType.OBJECT_ARRAY, p -> p.typeClass("E"))
                .property("When", CimType.DATETIME).property("Big", CimType.UINT64).property("R", CimType.REAL32)
                .property("Cls", CimType.OBJECT).property("Unset", CimType.UINT32).build();
        CimInstance emb = e.newInstance().set("V", CimValue.char16('\'')).build();
        CimInstance i = c.newInstance()
                .qualifier(org.jwmi.cim.CimQualifier.of("Note", CimValue.string("x"), QualifierFlavor.of(0x01)))
                .set("K", CimValue.string("tab\there\u0001"))
                .propertyQualifier("K", org.jwmi.cim.CimQualifier.flag("Checked", QualifierFlavor.DEFAULT))
                .set("One", CimValue.object(emb))
                .set("Many", CimValue.array(CimType.OBJECT, List.of(emb, emb)))
                .set("When", CimValue.of(CimType.DATETIME, "20240101120000.000000+060"))
                .set("Big", CimValue.uint64(-1L))
                .set("R", CimValue.real32(1.0e-5f))
                .set("Cls", CimValue.object(e))
                .build();
        assertThat(MofWriter.instanceText(i)).isEqualTo("""
                [Note("x"): ToInstance]
                instance of C
                {
                \t[Checked] K = "tab\\there\\x0001";
                \tOne = instance of E
                \t{
                \t\tV = '\\'';
                \t};
                \tMany = {instance of E
                \t{
                \t\tV = '\\'';
                \t}, instance of E
                \t{
                \t\tV = '\\'';
                \t}};
                \tWhen = "20240101120000.000000+060";
                \tBig = 18446744073709551615;
                \tR = 1.0E-5;
                \tCls = NULL /* class E has no MOF value form */;
                };
                """);
    }

    @Test
    void qualifierDeclarationsAndFlavorsRelativeToThem() {
        CimQualifierType t = new CimQualifierType(org.jwmi.cim.CimName.of("Units"), CimType.STRING_ARRAY,
                CimValue.array(CimType.STRING, List.of("s")), Set.of(CimQualifierType.Scope.PROPERTY,
                CimQualifierType.Scope.METHOD), QualifierFlavor.of(0x92));
        assertThat(MofWriter.qualifierTypeText(t)).isEqualTo(
                "qualifier Units : string[] = {\"s\"}, scope(property, method), flavor(ToSubClass, DisableOverride, "
                        + "Amended);\n");
        MofUnit u = MofTesting.compile("""
                qualifier Units : string[] = {"s"}, scope(property, method), flavor(ToSubClass, DisableOverride, Amended);
                class A { [Units: Restricted EnableOverride] uint32 X; [Units] uint32 Y; [key: Restricted] string K; };
                """);
        String text = MofWriter.unitText(u);
        assertThat(text).contains("\t[Units{\"s\"}: NotToSubClass EnableOverride] uint32 X;\n")
                .contains("\t[Units{\"s\"}] uint32 Y;\n")
                .contains("\t[key: NotToInstance NotToSubClass] string K;\n")
                .startsWith("#pragma namespace(\"\\\\\\\\.\\\\root\\\\default\")\nqualifier Units");
        assertThat(MofTesting.compile(text).classes()).isEqualTo(u.classes());
    }

    @Test
    void aUnitWritesPragmasWhereTheyChange() {
        MofUnit u = MofTesting.compile("""
                #pragma autorecover
                class A { [key] string K; };
                #pragma classflags("safeupdate")
                class B { };
                #pragma instanceflags("updateonly")
                instance of A as $a { K = "1"; };
                #pragma namespace("sub")
                #pragma deleteclass("Gone", NOFAIL)
                #pragma deleteinstance("A.K=\\"1\\"", FAIL)
                """);
        assertThat(MofWriter.unitText(u)).isEqualTo("""
                #pragma autorecover
                #pragma namespace("\\\\\\\\.\\\\root\\\\default")
                class A
                {
                \t[key] string K;
                };

                #pragma classflags("safeupdate")
                class B
                {
                };

                #pragma instanceflags("updateonly")
                instance of A as $a
                {
                \tK = "1";
                };

                #pragma namespace("\\\\\\\\.\\\\root\\\\default\\\\sub")
                #pragma deleteclass("Gone", NOFAIL)

                #pragma deleteinstance("A.K=\\"1\\"", FAIL)

                """);
    }
}
