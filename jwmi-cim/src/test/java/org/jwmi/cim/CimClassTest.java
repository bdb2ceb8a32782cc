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

    private static WbemStatus statusOf(Runnable r) {
        try {
            r.run();
        } catch (CimException e) {
            return e.status();
        }
        return null;
    }

    /** CIM_ManagedSystemElement.Name (no key anywhere) and CIM_LogicalElement, in the CIM schema's shape. */
    static CimClass logicalElement() {
        CimClass mse = CimClass.builder("CIM_ManagedSystemElement").flag("abstract")
                .property("Caption", CimType.STRING)
                .property("Name", CimType.STRING, p -> p.qualifier("MaxLen", CimValue.uint32(256)))
                .build();
        return CimClass.derive("CIM_LogicalElement", mse).flag("abstract").build();
    }

    @Test
    void keysMayBeAddedWhileNoAncestorHasAny() {
        CimClass os = CimClass.derive("CIM_OperatingSystem", logicalElement())
                .property("CreationClassName", CimType.STRING, p -> p.key())
                .property("Name", CimType.STRING, p -> p.key())
                .build();
        assertThat(os.keys()).extracting(k -> k.name().text()).containsExactly("Name", "CreationClassName");
        CimProperty name = os.property("Name").orElseThrow();
        assertThat(name.classOfOrigin()).isEqualTo(CimName.of("CIM_ManagedSystemElement"));
        assertThat(name.qualifiers().get("key").orElseThrow().flavor().bits()).isEqualTo(0x13);
        assertThat(name.qualifiers().get("MaxLen")).isEmpty();
        assertThat(name.cimtype()).isEqualTo("string");

        CimClass win32 = CimClass.derive("Win32_OperatingSystem", os).property("Version", CimType.STRING).build();
        assertThat(win32.property("Name").orElseThrow().qualifiers().get("key").orElseThrow().flavor().bits())
                .isEqualTo(0x33);
        CimInstance i = win32.newInstance().set("Name", "Microsoft Windows").set("CreationClassName", "W")
                .set("Caption", "c").origin("HOST", "root\\cimv2").build();
        assertThat(i.keyValues().keySet()).extracting(CimName::text).containsExactly("Name", "CreationClassName");
        assertThat(i.value("__RELPATH"))
                .isEqualTo(CimValue.string("Win32_OperatingSystem.CreationClassName=\"W\",Name=\"Microsoft Windows\""));
        assertThat(i.value("__PATH").asString()).isEqualTo(
                "\\\\HOST\\root\\cimv2:Win32_OperatingSystem.CreationClassName=\"W\",Name=\"Microsoft Windows\"");
        assertThat(CimObjectPath.parse("CIM_OperatingSystem.Name=\"Microsoft Windows\",CreationClassName=\"W\"")
                .designates(i)).isTrue();
        assertThat(CimObjectPath.parse("CIM_OperatingSystem.CreationClassName=\"W\"").designates(i)).isFalse();
        // the keyless ancestors give their instances no path
        CimClass concrete = CimClass.derive("Leaf", logicalElement()).build();
        assertThat(concrete.newInstance().set("Name", "x").build().value("__RELPATH").isNull()).isTrue();
    }

    @Test
    void theKeySetIsFixedBelowAKeyedClass() {
        CimClass os = CimClass.derive("CIM_OperatingSystem", logicalElement())
                .property("CreationClassName", CimType.STRING, p -> p.key())
                .property("Version", CimType.STRING)
                .build();
        // a new key, and an inherited property made a key: once from the grandparent, once from the parent
        assertThat(statusOf(() -> CimClass.derive("W", os).property("K2", CimType.STRING, p -> p.key()).build()))
                .isEqualTo(WbemStatus.WBEM_E_CANNOT_CHANGE_KEY_INHERITANCE);
        assertThat(statusOf(() -> CimClass.derive("W", os).property("Name", CimType.STRING, p -> p.key()).build()))
                .isEqualTo(WbemStatus.WBEM_E_CANNOT_CHANGE_KEY_INHERITANCE);
        assertThat(statusOf(() -> CimClass.derive("W", os).property("Version", CimType.STRING, p -> p.key()).build()))
                .isEqualTo(WbemStatus.WBEM_E_CANNOT_CHANGE_KEY_INHERITANCE);
        // a key qualifier that can be overridden still may not be turned off
        CimClass loose = CimClass.builder("Loose").property("K", CimType.STRING,
                p -> p.qualifier("key", CimValue.bool(true), QualifierFlavor.TO_INSTANCE_AND_SUBCLASS)).build();
        assertThat(statusOf(() -> CimClass.derive("W", loose)
                .property("K", CimType.STRING, p -> p.qualifier("key", CimValue.bool(false))).build()))
                .isEqualTo(WbemStatus.WBEM_E_CANNOT_CHANGE_KEY_INHERITANCE);
        // restating an inherited key, or overriding a non-key without key, changes nothing
        CimClass w = CimClass.derive("W", os)
                .property("CreationClassName", CimType.STRING, p -> p.key().flag("read"))
                .property("Name", CimType.STRING, p -> p.flag("read"))
                .build();
        assertThat(w.keys()).extracting(k -> k.name().text()).containsExactly("CreationClassName");
        assertThat(w.property("CreationClassName").orElseThrow().qualifiers().isTrue("read")).isTrue();
    }

    @Test
    void aNarrowedReferenceGetsItsOwnCimtype() {
        CimClass a = CimClass.builder("A").flag("association")
                .reference("R", "E", p -> p.key())
                .reference("Any", null, p -> { })
                .property("Emb", CimType.OBJECT, p -> p.typeClass("E"))
                .build();
        CimClass b = CimClass.derive("B", a)
                .reference("R", "F", p -> { })
                .reference("Any", "E", p -> { })
                .property("Emb", CimType.OBJECT, p -> p.typeClass("F").qualifier("Description", CimValue.string("d")))
                .build();
        CimProperty r = b.property("R").orElseThrow();
        assertThat(r.typeClass()).isEqualTo(CimName.of("F"));
        assertThat(r.classOfOrigin()).isEqualTo(CimName.of("A"));
        assertThat(r.isKey()).isTrue();
        CimQualifier cimtype = r.qualifiers().get("CIMTYPE").orElseThrow();
        assertThat(cimtype.value()).isEqualTo(CimValue.string("ref:F"));
        assertThat(cimtype.flavor().bits()).isEqualTo(0x03);
        assertThat(r.qualifiers().asList().get(0)).isSameAs(cimtype);
        assertThat(b.property("Any").orElseThrow().cimtype()).isEqualTo("ref:E");
        assertThat(b.property("Emb").orElseThrow().qualifiers().value("CIMTYPE")).isEqualTo(CimValue.string("object:F"));
        // the narrowed CIMTYPE propagates like any other; an override naming the same class keeps the inherited one
        CimClass c = CimClass.derive("C", b).reference("R", "f", p -> p.flag("read")).build();
        CimQualifier inherited = c.property("R").orElseThrow().qualifiers().get("CIMTYPE").orElseThrow();
        assertThat(inherited.value()).isEqualTo(CimValue.string("ref:F"));
        assertThat(inherited.flavor().bits()).isEqualTo(0x23);
        // an instance of B takes the narrowed CIMTYPE too
        assertThat(b.newInstance().build().effectivePropertyQualifiers(CimName.of("R")).value("CIMTYPE"))
                .isEqualTo(CimValue.string("ref:F"));
        // without automatic CIMTYPE the inherited qualifier is left alone
        CimClass manual = CimClass.derive("M", a).autoCimtype(false).reference("R", "F", p -> { }).build();
        assertThat(manual.property("R").orElseThrow().qualifiers().value("CIMTYPE"))
                .isEqualTo(CimValue.string("ref:E"));
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
