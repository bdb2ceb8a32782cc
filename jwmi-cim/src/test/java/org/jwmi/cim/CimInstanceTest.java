package org.jwmi.cim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CimInstanceTest {

    @Test
    void nullIsNotTheClassDefault() {
        CimClass c = CimClassTest.myClass();
        CimInstance i = c.newInstance().set("Id", CimValue.sint32(123)).set("Data1", "StringField")
                .set("Array", List.of(1L, 2L, 3L)).build();
        // MS-WMIO 3.1: Data2 keeps the class default
        assertThat(i.isDefault(CimName.of("Data2"))).isTrue();
        assertThat(i.value("Data2")).isEqualTo(CimValue.string("defaultValue"));
        CimInstance n = i.toBuilder().setNull("Data2").build();
        assertThat(n.isDefault(CimName.of("Data2"))).isFalse();
        assertThat(n.value("Data2").isNull()).isTrue();
        assertThat(n.explicitValue(CimName.of("data2"))).contains(CimValue.nullOf(CimType.STRING));
        assertThat(n.toBuilder().reset("Data2").build()).isEqualTo(i);
        assertThat(i).isNotEqualTo(n);
        assertThatThrownBy(() -> c.newInstance().set("Nope", CimValue.sint32(1)))
                .extracting(e -> ((CimException) e).status()).isEqualTo(WbemStatus.WBEM_E_NOT_FOUND);
        assertThatThrownBy(() -> c.newInstance().set("Id", CimValue.uint32(1)))
                .extracting(e -> ((CimException) e).status()).isEqualTo(WbemStatus.WBEM_E_TYPE_MISMATCH);
    }

    @Test
    void systemPropertiesAsWmiComputesThem() {
        CimClass c = CimClassTest.myClass();
        CimInstance i = c.newInstance().set("Id", CimValue.sint32(123)).build().withOrigin("DPRAVAT-DEV", "ROOT");
        assertThat(i.value("__GENUS")).isEqualTo(CimValue.sint32(2));
        assertThat(i.value("__CLASS")).isEqualTo(CimValue.string("MyClass"));
        assertThat(i.value("__SUPERCLASS")).isEqualTo(CimValue.string("Base"));
        assertThat(i.value("__DYNASTY")).isEqualTo(CimValue.string("Base"));
        assertThat(i.value("__DERIVATION")).isEqualTo(CimValue.array(CimType.STRING, List.of("Base")));
        assertThat(i.value("__RELPATH")).isEqualTo(CimValue.string("MyClass.Id=123"));
        assertThat(i.value("__PATH")).isEqualTo(CimValue.string("\\\\DPRAVAT-DEV\\ROOT:MyClass.Id=123"));
        assertThat(i.value("__SERVER")).isEqualTo(CimValue.string("DPRAVAT-DEV"));
        assertThat(i.value("__NAMESPACE")).isEqualTo(CimValue.string("ROOT"));
        assertThat(i.value("__PROPERTY_COUNT")).isEqualTo(CimValue.sint32(4));
        // no key value: no relative path, no path
        CimInstance keyless = c.newInstance().build().withOrigin("S", "root");
        assertThat(keyless.value("__RELPATH").isNull()).isTrue();
        assertThat(keyless.value("__PATH").isNull()).isTrue();
        assertThat(i.value("__NOSUCH")).isNull();
    }

    @Test
    void relPathSortsCompoundKeysAndHandlesSingletons() {
        CimClass c = CimClass.builder("Win32_UserAccount")
                .property("Name", CimType.STRING, p -> p.key())
                .property("Domain", CimType.STRING, p -> p.key()).build();
        CimInstance u = c.newInstance().set("Name", "Al \"x\"").set("Domain", "D\\E").build();
        assertThat(u.relPath().toString()).isEqualTo("Win32_UserAccount.Domain=\"D\\\\E\",Name=\"Al \\\"x\\\"\"");
        assertThat(CimObjectPath.parse(u.relPath().toString()).designates(u)).isTrue();
        CimClass s = CimClass.builder("Cfg").flag("singleton").property("V", CimType.UINT32).build();
        assertThat(s.newInstance().build().relPath().toString()).isEqualTo("Cfg=@");
        CimClass r = CimClass.builder("Link").flag("association")
                .reference("A", "Win32_UserAccount", p -> p.key()).build();
        CimInstance l = r.newInstance().set("A", CimValue.reference(u.relPath().withLocation(".", "root\\cimv2")))
                .build();
        CimObjectPath lp = l.relPath();
        assertThat(CimObjectPath.parse(lp.toString())).isEqualTo(lp);
        assertThat(lp.key(CimName.of("A")).orElseThrow().asPath().designates(u)).isTrue();
    }

    @Test
    void qualifierPropagationToInstances() {
        CimClass c = CimClass.builder("C")
                .qualifier("Shown", CimValue.string("class"), QualifierFlavor.of(QualifierFlavor.PROPAGATE_TO_INSTANCE))
                .qualifier("Hidden", CimValue.string("class"), QualifierFlavor.DEFAULT)
                .qualifier("Fixed", CimValue.sint32(1), QualifierFlavor.of(0x11))
                .property("P", CimType.STRING, p -> p.qualifier("Units", CimValue.string("bytes"),
                        QualifierFlavor.of(QualifierFlavor.PROPAGATE_TO_INSTANCE)))
                .build();
        CimInstance i = c.newInstance().qualifier(CimQualifier.of("Shown", CimValue.string("mine")))
                .propertyQualifier("P", CimQualifier.of("test", CimValue.bool(true))).build();
        assertThat(i.qualifiers().asList()).extracting(q -> q.name().text()).containsExactly("Shown");
        CimQualifierSet eff = i.effectiveQualifiers();
        assertThat(eff.value("Shown")).isEqualTo(CimValue.string("mine"));
        assertThat(eff.get("Shown").orElseThrow().flavor().origin()).isEqualTo(QualifierFlavor.Origin.LOCAL);
        assertThat(eff.get("Fixed").orElseThrow().flavor().origin()).isEqualTo(QualifierFlavor.Origin.PROPAGATED);
        assertThat(eff.contains("Hidden")).isFalse();
        assertThat(i.hasPropertyQualifiers()).isTrue();
        assertThat(i.effectivePropertyQualifiers(CimName.of("P")).asList()).extracting(q -> q.name().text())
                .containsExactly("CIMTYPE", "Units", "test");
        assertThatThrownBy(() -> c.newInstance().qualifier(CimQualifier.of("Fixed", CimValue.sint32(2))))
                .extracting(e -> ((CimException) e).status()).isEqualTo(WbemStatus.WBEM_E_OVERRIDE_NOT_ALLOWED);
    }

    @Test
    void projectionKeepsKeys() {
        CimClass c = CimClass.builder("P").property("Handle", CimType.STRING, p -> p.key())
                .property("Name", CimType.STRING).property("Size", CimType.UINT64).build();
        CimInstance i = c.newInstance().set("Handle", "4").set("Name", "System").set("Size", 10L).build()
                .withOrigin("H", "root\\cimv2");
        CimInstance p = i.project(List.of(CimName.of("name")));
        assertThat(p.propertyNames()).extracting(CimName::text).containsExactly("Handle", "Name");
        assertThat(p.value("__PROPERTY_COUNT")).isEqualTo(CimValue.sint32(2));
        assertThat(p.value("__PATH")).isEqualTo(CimValue.string("\\\\H\\root\\cimv2:P.Handle=\"4\""));
        assertThat(p.value("Size")).isNull();
        assertThat(p.value("Name")).isEqualTo(CimValue.string("System"));
    }

    @Test
    void embeddedObjectsAndMof() {
        CimClass inner = CimClass.builder("Inner").property("X", CimType.SINT32).build();
        CimClass outer = CimClass.builder("Outer").property("E", CimType.OBJECT, p -> p.typeClass("Inner")).build();
        CimInstance o = outer.newInstance().set("E", inner.newInstance().set("X", 5).build()).build();
        assertThat(outer.property("E").orElseThrow().cimtype()).isEqualTo("object:Inner");
        assertThat(o.value("E").asObject().value("X")).isEqualTo(CimValue.sint32(5));
        assertThat(o.toMof()).contains("instance of Outer").contains("E = instance of Inner").contains("X = 5;");
        assertThat(CimClassTest.myClass().toMof()).contains("[Description(\"MyClass Example\")]")
                .contains("class MyClass : Base").contains("string Data2 = \"defaultValue\";")
                .contains("[key: ToSubClass ToInstance DisableOverride]").contains("uint32 Array[];");
    }
}
