package org.jwmi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimType;
import org.jwmi.cim.CimValue;
import org.jwmi.wmi.marshal.WbemClassObjectMarshaler;
import org.jwmi.wire.Limits;
import org.junit.jupiter.api.Test;

class WbemClassObjectTest {

    private static final CimClass SERVICE = CimClass.builder("Test_Service")
            .property("Name", CimType.STRING, p -> p.key())
            .property("State", CimType.STRING)
            .property("Pid", CimType.UINT32)
            .method("StartService", CimType.UINT32, m -> { })
            .method("Rename", CimType.UINT32, m -> m.in("NewName", CimType.STRING))
            .origin("HOST", "root\\cimv2")
            .build();

    @Test
    void putGetOnAnInstanceWithConversionAndPath() {
        WbemClassObject i = WbemClassObject.of(SERVICE).spawnInstance();
        i.put("name", "spooler");
        i.put("Pid", 42);
        assertThat(i.getValue("Name")).isEqualTo("spooler");
        assertThat(i.get("PID").asLong()).isEqualTo(42);
        assertThat(i.getValue("State")).isNull();
        assertThat(i.getValue("__CLASS")).isEqualTo("Test_Service");
        assertThat(i.relPath()).isEqualTo("Test_Service.Name=\"spooler\"");
        assertThat(i.path()).isEqualTo("\\\\HOST\\root\\cimv2:Test_Service.Name=\"spooler\"");
        assertThat(i.toMof()).contains("instance of Test_Service").contains("spooler");
    }

    @Test
    void errorsCarryTheWbemStatusTheComMethodReturns() {
        WbemClassObject i = WbemClassObject.of(SERVICE).spawnInstance();
        assertThatThrownBy(() -> i.put("Pid", "not a number")).isInstanceOfSatisfying(WbemException.class,
                e -> assertThat(e.hresultName()).isEqualTo("WBEM_E_TYPE_MISMATCH"));
        assertThatThrownBy(() -> i.put("Nope", 1)).isInstanceOfSatisfying(WbemException.class,
                e -> assertThat(e.hresultName()).isEqualTo("WBEM_E_NOT_FOUND"));
        assertThatThrownBy(() -> i.get("Nope")).isInstanceOfSatisfying(WbemException.class,
                e -> assertThat(e.hresultName()).isEqualTo("WBEM_E_NOT_FOUND"));
        assertThatThrownBy(() -> i.put("__PATH", "x")).isInstanceOfSatisfying(WbemException.class,
                e -> assertThat(e.hresultName()).isEqualTo("WBEM_E_READ_ONLY"));
        assertThatThrownBy(i::spawnInstance).isInstanceOfSatisfying(WbemException.class,
                e -> assertThat(e.hresultName()).isEqualTo("WBEM_E_INVALID_OPERATION"));
    }

    @Test
    void cloneIsIndependent() {
        WbemClassObject a = WbemClassObject.of(SERVICE).spawnInstance();
        a.put("Name", "a");
        WbemClassObject b = a.cloneObject();
        b.put("Name", "b");
        assertThat(a.getValue("Name")).isEqualTo("a");
        assertThat(b.getValue("Name")).isEqualTo("b");
    }

    @Test
    void methodsAndInParameters() {
        WbemClassObject c = WbemClassObject.of(SERVICE);
        assertThat(c.methods()).extracting(m -> m.name().text()).containsExactly("StartService", "Rename");
        assertThat(c.methodInParameters("StartService")).isNull();
        WbemClassObject in = c.methodInParameters("Rename");
        in.put("NewName", "x");
        assertThat(in.className()).isEqualTo("__PARAMETERS");
        assertThat(in.isInstance()).isTrue();
        assertThatThrownBy(() -> c.method("Stop")).hasMessageContaining("WBEM_E_NOT_FOUND");
    }

    @Test
    void aDerivedClassGainsPropertiesAndSurvivesTheWireEncoding() {
        WbemClassObject d = WbemClassObject.of(SERVICE).spawnDerivedClass("Test_Derived");
        d.put("Extra", CimType.SINT32, 7);
        d.put("State", "Running");
        assertThatThrownBy(() -> d.put("Extra", CimType.STRING, "x")).hasMessageContaining("WBEM_E_TYPE_MISMATCH");
        assertThat(d.superclassName()).isEqualTo("Test_Service");
        assertThat(d.propertyNames()).containsExactly("Name", "State", "Pid", "Extra");
        var back = WbemClassObjectMarshaler.cimObject(WbemClassObjectMarshaler.pointer(d.cimObject()), Limits.DEFAULT);
        assertThat(back.value("Extra")).isEqualTo(CimValue.sint32(7));
        assertThat(back.value("State")).isEqualTo(CimValue.string("Running"));
        assertThat(d.toMof()).contains("class Test_Derived : Test_Service").contains("Extra");
    }
}
