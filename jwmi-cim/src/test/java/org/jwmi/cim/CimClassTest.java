package org.jwmi.cim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CimClassTest {

    /** The MS-WMIO section 3 example: class base { [key] sint32 Id; }; and MyClass : base. */
    static CimClass base() {
        return CimClass.builder("Base").property("Id", CimType.SINT32, p -> p.key()).build();
    }

    static CimClass myClass() {
        return CimClass.derive("MyClass", base())
                .qualifier("Description", CimValue.string("MyClass Example"))
                .property("Data1", CimType.STRING, p -> p.flag("read").flag("write"))
                .property("Data2", CimType.STRING, p -> p.defaultValue("defaultValue"))
                .property("Array", CimType.UINT32_ARRAY)
                .build();
    }

    @Test
    void flavorsAndOriginsMatchTheMsWmioExample() {
        CimClass c = myClass();
        assertThat(c.derivation()).containsExactly(CimName.of("base"));
        assertThat(c.propertyNames()).extracting(CimName::text).containsExactly("Id", "Data1", "Data2", "Array");
        CimProperty id = c.property("id").orElseThrow();
        // MS-WMIO 3: inherited CIMTYPE has flavor 0x23, inherited key 0x33.
        assertThat(id.qualifiers().get("CIMTYPE").orElseThrow().flavor().bits()).isEqualTo(0x23);
        assertThat(id.qualifiers().get("key").orElseThrow().flavor().bits()).isEqualTo(0x33);
        assertThat(id.classOfOrigin()).isEqualTo(CimName.of("Base"));
        assertThat(id.isInheritedIn(c.name())).isTrue();
        assertThat(id.defaultInherited()).isTrue();
        assertThat(id.isKey()).isTrue();
        CimProperty data1 = c.property("Data1").orElseThrow();
        assertThat(data1.qualifiers().asList()).extracting(q -> q.name().text()).containsExactly("CIMTYPE", "read", "write");
        assertThat(data1.qualifiers().get("CIMTYPE").orElseThrow().flavor().bits()).isEqualTo(0x03);
        assertThat(data1.qualifiers().get("read").orElseThrow().flavor().bits()).isEqualTo(0x00);
        assertThat(c.property("Array").orElseThrow().cimtype()).isEqualTo("uint32");
        assertThat(c.property("Data2").orElseThrow().defaultValue()).isEqualTo(CimValue.string("defaultValue"));
        assertThat(c.property("Data1").orElseThrow().defaultValue().isNull()).isTrue();
        assertThat(c.qualifiers().get("description").orElseThrow().flavor().bits()).isZero();
        assertThat(c.parentClass().name().text()).isEqualTo("Base");
    }

    @Test
    void systemPropertiesOfAClass() {
        CimClass c = myClass().withOrigin("DPRAVAT-DEV", "ROOT");
        assertThat(c.value("__CLASS")).isEqualTo(CimValue.string("MyClass"));
        assertThat(c.value("__SUPERCLASS")).isEqualTo(CimValue.string("Base"));
        assertThat(c.value("__DYNASTY")).isEqualTo(CimValue.string("Base"));
        assertThat(c.value("__GENUS")).isEqualTo(CimValue.sint32(1));
        assertThat(c.value("__PROPERTY_COUNT")).isEqualTo(CimValue.sint32(4));
        assertThat(c.value("__RELPATH")).isEqualTo(CimValue.string("MyClass"));
        assertThat(c.value("__PATH")).isEqualTo(CimValue.string("\\\\DPRAVAT-DEV\\ROOT:MyClass"));
        assertThat(base().value("__SUPERCLASS").isNull()).isTrue();
        assertThat(base().value("__DYNASTY")).isEqualTo(CimValue.string("Base"));
        assertThat(base().value("__PATH").isNull()).isTrue();
        assertThat(base().value("__DERIVATION")).isEqualTo(CimValue.array(CimType.STRING, List.of()));
        assertThat(c.systemProperties().keySet()).extracting(CimName::text).containsExactly("__GENUS", "__CLASS",
                "__SUPERCLASS", "__DYNASTY", "__RELPATH", "__PROPERTY_COUNT", "__DERIVATION", "__SERVER",
                "__NAMESPACE", "__PATH");
    }

    @Test
    void overrideRules() {
        CimClass b = CimClass.builder("B")
                .qualifier("Locked", CimValue.string("x"), QualifierFlavor.of(0x12))
                .property("K", CimType.STRING, p -> p.key())
                .property("V", CimType.UINT32, p -> p.defaultValue(5L))
                .build();
        CimClass d = CimClass.derive("D", b).property("V", CimType.UINT32, p -> p.defaultValue(7L)).build();
        assertThat(d.property("V").orElseThrow().defaultValue()).isEqualTo(CimValue.uint32(7));
        assertThat(d.property("V").orElseThrow().defaultInherited()).isFalse();
        assertThat(d.property("V").orElseThrow().classOfOrigin()).isEqualTo(CimName.of("B"));
        assertThatThrownBy(() -> CimClass.derive("D", b).property("V", CimType.STRING).build())
                .isInstanceOf(CimException.class).extracting(e -> ((CimException) e).status())
                .isEqualTo(WbemStatus.WBEM_E_TYPE_MISMATCH);
        assertThatThrownBy(() -> CimClass.derive("D", b).qualifier("Locked", CimValue.string("y")).build())
                .extracting(e -> ((CimException) e).status()).isEqualTo(WbemStatus.WBEM_E_OVERRIDE_NOT_ALLOWED);
        assertThatThrownBy(() -> CimClass.derive("D", b).property("K2", CimType.STRING, p -> p.key()).build())
                .extracting(e -> ((CimException) e).status())
                .isEqualTo(WbemStatus.WBEM_E_CANNOT_CHANGE_KEY_INHERITANCE);
        assertThatThrownBy(() -> CimClass.builder("X").property("R", CimType.REAL64, p -> p.key()).build())
                .extracting(e -> ((CimException) e).status()).isEqualTo(WbemStatus.WBEM_E_CANNOT_BE_KEY);
        // same value through a DisableOverride qualifier is accepted
        assertThat(CimClass.derive("D", b).qualifier("Locked", CimValue.string("x")).build().qualifiers()
                .get("Locked").orElseThrow().flavor().origin()).isEqualTo(QualifierFlavor.Origin.LOCAL);
    }

    @Test
    void methodsUseParametersClasses() {
        CimClass c = CimClass.builder("MyClass2")
                .method("Restart", CimType.UINT32, m -> m.flag("execute")
                        .in("ServiceName", CimType.STRING).out("Status", CimType.SINT32))
                .build();
        CimMethod m = c.method("restart").orElseThrow();
        assertThat(m.inParameters().name().text()).isEqualTo("__PARAMETERS");
        assertThat(m.inParameters().isAbstract()).isTrue();
        assertThat(m.inParameters().propertyNames()).extracting(CimName::text).containsExactly("ServiceName");
        assertThat(m.outParameters().propertyNames()).extracting(CimName::text).containsExactly("Status", "ReturnValue");
        assertThat(m.outParameters().property("Status").orElseThrow().qualifiers().value("ID"))
                .isEqualTo(CimValue.sint32(1));
        assertThat(m.returnType()).isEqualTo(CimType.UINT32);
        assertThat(m.parameters()).extracting(p -> p.name().text()).containsExactly("ServiceName", "Status");
        assertThat(m.toString()).isEqualTo("uint32 Restart([in] string ServiceName, [out] sint32 Status)");
        CimClass d = CimClass.derive("D", c).build();
        assertThat(d.method("Restart").orElseThrow().isInheritedIn(d.name())).isTrue();
        CimMethod v = CimClass.builder("V").method("Stop", null, s -> { }).build().method("Stop").orElseThrow();
        assertThat(v.inParameters()).isNull();
        assertThat(v.outParameters()).isNull();
    }
}
