package org.jwmi.cim.mof;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimMethod;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimParameter;
import org.jwmi.cim.CimProperty;
import org.jwmi.cim.CimQualifier;
import org.jwmi.cim.CimType;
import org.jwmi.cim.CimValue;
import org.jwmi.cim.QualifierFlavor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A realistic schema (test resource sample.mof, which includes qualifiers.mof) compiled into a namespace. */
class MofSampleTest {
    private static MofUnit unit;
    private static MofNamespace ns;

    static MofCompiler compiler() {
        return MofCompiler.builder().includeResolver(MofTesting.RESOURCES)
                .classResolver(new MofTesting.MapResolver().add("root", MofTesting.namespaceClass())).build();
    }

    @BeforeAll
    static void compileSample() {
        unit = compiler().compile("sample.mof", MofTesting.resource("sample.mof"));
        ns = unit.namespace("ROOT/JwmiTest").orElseThrow();
    }

    private static CimClass cls(String n) {
        return ns.cimClass(n).orElseThrow();
    }

    private static CimQualifier q(CimProperty p, String name) {
        return p.qualifiers().get(name).orElseThrow();
    }

    @Test
    void pragmasPlaceTheUnitAndAreRecorded() {
        assertThat(unit.autorecover()).isTrue();
        assertThat(unit.files()).containsExactly("sample.mof", "qualifiers.mof");
        assertThat(unit.namespaces()).extracting(MofNamespace::name).containsExactly("root", "root\\jwmitest");
        assertThat(unit.namespace("root").orElseThrow().instances()).singleElement()
                .satisfies(i -> assertThat(((CimInstance) i).value("Name")).isEqualTo(CimValue.string("jwmitest")));
        assertThat(ns.qualifierTypes()).hasSize(23);
        assertThat(unit.operations()).filteredOn(MofOperation.PutClass.class::isInstance)
                .allSatisfy(o -> assertThat(((MofOperation.PutClass) o).flags())
                        .isEqualTo(ChangeFlags.of(java.util.Set.of(ChangeFlags.Flag.UPDATE_FORCE_MODE))));
        assertThat(unit.operations().stream().filter(MofOperation.PutInstance.class::isInstance)
                .map(o -> ((MofOperation.PutInstance) o).flags().bits())).containsExactly(0x00, 0x02, 0x02, 0x02);
        assertThat(ns.classes()).extracting(c -> c.name().text()).containsExactly("CIM_ManagedSystemElement",
                "CIM_LogicalElement", "CIM_Process", "Win32_MethodParameterClass", "Win32_ProcessStartup",
                "Win32_Process", "CIM_OperatingSystem", "Win32_OperatingSystem", "CIM_Component", "CIM_OSProcess");
    }

    @Test
    void win32ProcessInheritsItsKeysAndProperties() {
        CimClass p = cls("Win32_Process");
        assertThat(p.derivation()).extracting(CimName::text)
                .containsExactly("CIM_Process", "CIM_LogicalElement", "CIM_ManagedSystemElement");
        assertThat(p.dynasty()).isEqualTo(CimName.of("CIM_ManagedSystemElement"));
        assertThat(p.propertyNames()).extracting(CimName::text).startsWith("Caption", "Description", "InstallDate",
                "Name", "Status", "CreationClassName", "Handle").endsWith("DriveLetter", "Signature");
        assertThat(p.keys()).extracting(k -> k.name().text()).containsExactly("CreationClassName", "Handle",
                "CSCreationClassName", "CSName", "OSCreationClassName", "OSName");
        CimProperty handle = p.property("Handle").orElseThrow();
        assertThat(handle.classOfOrigin()).isEqualTo(CimName.of("CIM_Process"));
        // Key is declared Flavor(DisableOverride, ToSubClass): 0x12 where declared, 0x32 inherited.
        assertThat(q(cls("CIM_Process").property("Handle").orElseThrow(), "Key").flavor().bits()).isEqualTo(0x12);
        assertThat(q(handle, "Key").flavor().bits()).isEqualTo(0x32);
        assertThat(q(handle, "Read").flavor().origin()).isEqualTo(QualifierFlavor.Origin.LOCAL);
        assertThat(q(handle, "Override").value()).isEqualTo(CimValue.string("Handle"));
        // MaxLen has no ToSubClass in its declaration: it does not reach Win32_Process.
        assertThat(handle.qualifiers().contains("MaxLen")).isFalse();
        CimProperty status = p.property("Status").orElseThrow();
        assertThat(status.defaultValue()).isEqualTo(CimValue.string("OK"));
        assertThat(status.defaultInherited()).isTrue();
        assertThat(q(status, "Description").flavor().bits()).isEqualTo(0x22);
        assertThat(q(status, "ValueMap").value().asList()).hasSize(8);
        assertThat(q(p.property("WorkingSetSize").orElseThrow(), "Units").value())
                .isEqualTo(CimValue.string("Bytes"));
        assertThat(p.property("BasePriorityDelta").orElseThrow().defaultValue()).isEqualTo(CimValue.sint8(-16));
        assertThat(p.property("DriveLetter").orElseThrow().defaultValue()).isEqualTo(CimValue.char16('C'));
        assertThat(q(p.property("Signature").orElseThrow(), "MAX").value()).isEqualTo(CimValue.sint32(16));
        assertThat(p.qualifiers().get("Locale").orElseThrow().value()).isEqualTo(CimValue.sint32(1033));
        assertThat(p.qualifiers().get("Provider").orElseThrow().flavor().toInstance()).isTrue();
        assertThat(p.qualifiers().contains("Abstract")).isFalse();
        assertThat(cls("CIM_Process").isAbstract()).isTrue();
        assertThat(p.qualifiers().get("Description").orElseThrow().value())
                .isEqualTo(CimValue.string("A running program."));
    }

    @Test
    void methodsHaveParameterClasses() {
        CimClass p = cls("Win32_Process");
        CimMethod create = p.method("Create").orElseThrow();
        assertThat(create.classOfOrigin()).isEqualTo(CimName.of("Win32_Process"));
        assertThat(create.returnType()).isEqualTo(CimType.UINT32);
        assertThat(create.qualifiers().get("Privileges").orElseThrow().value())
                .isEqualTo(CimValue.array(CimType.STRING, List.of("SeCreatePermanentPrivilege")));
        assertThat(create.parameters()).extracting(CimParameter::name).extracting(CimName::text)
                .containsExactly("CommandLine", "CurrentDirectory", "ProcessStartupInformation", "ProcessId");
        CimParameter startup = create.parameters().get(2);
        assertThat(startup.type()).isEqualTo(CimType.OBJECT);
        assertThat(startup.typeClass()).isEqualTo(CimName.of("Win32_ProcessStartup"));
        assertThat(create.inParameters().isAbstract()).isTrue();
        assertThat(create.inParameters().propertyNames()).extracting(CimName::text)
                .containsExactly("CommandLine", "CurrentDirectory", "ProcessStartupInformation");
        assertThat(create.outParameters().propertyNames()).extracting(CimName::text)
                .containsExactly("ProcessId", "ReturnValue");
        assertThat(create.inParameters().property("CommandLine").orElseThrow().qualifiers().value("ID"))
                .isEqualTo(CimValue.sint32(0));
        assertThat(create.outParameters().property("ProcessId").orElseThrow().qualifiers().value("ID"))
                .isEqualTo(CimValue.sint32(3));
        CimMethod setPriority = p.method("SetPriority").orElseThrow();
        assertThat(setPriority.parameters()).singleElement().satisfies(x -> {
            assertThat(x.in()).isTrue();
            assertThat(x.out()).isTrue();
        });
        assertThat(p.method("Terminate").orElseThrow().inParameters().property("Reason").orElseThrow().defaultValue())
                .isEqualTo(CimValue.uint32(0));
        assertThat(p.method("AttachDebugger").orElseThrow().returnType()).isNull();
        CimMethod reboot = cls("Win32_OperatingSystem").method("Reboot").orElseThrow();
        assertThat(reboot.classOfOrigin()).isEqualTo(CimName.of("CIM_OperatingSystem"));
        assertThat(reboot.qualifiers().get("Description").orElseThrow().flavor().bits()).isEqualTo(0x22);
    }

    @Test
    void theAssociationNarrowsItsReferences() {
        CimClass a = cls("CIM_OSProcess");
        assertThat(a.isAssociation()).isTrue();
        assertThat(a.qualifiers().get("Association").orElseThrow().flavor().bits()).isEqualTo(0x12);
        assertThat(a.references()).extracting(r -> r.name().text()).containsExactly("GroupComponent", "PartComponent");
        CimProperty g = a.property("GroupComponent").orElseThrow();
        assertThat(g.classOfOrigin()).isEqualTo(CimName.of("CIM_Component"));
        assertThat(g.typeClass()).isEqualTo(CimName.of("CIM_OperatingSystem"));
        assertThat(g.cimtype()).isEqualTo("ref:CIM_OperatingSystem");
        assertThat(g.qualifiers().value("CIMTYPE")).isEqualTo(CimValue.string("ref:CIM_OperatingSystem"));
        assertThat(g.isKey()).isTrue();
        assertThat(q(g, "Min").value()).isEqualTo(CimValue.uint32(1));
        assertThat(q(a.property("PartComponent").orElseThrow(), "Weak").flavor().bits()).isEqualTo(0x12);
        assertThat(cls("CIM_Component").property("GroupComponent").orElseThrow().qualifiers().isTrue("Aggregate"))
                .isTrue();
        CimMethod notify = a.method("Notify").orElseThrow();
        assertThat(notify.parameters()).extracting(CimParameter::type)
                .containsExactly(CimType.REFERENCE, CimType.STRING_ARRAY, CimType.OBJECT);
        assertThat(notify.parameters().get(0).typeClass()).isEqualTo(CimName.of("CIM_Process"));
    }

    @Test
    void instancesAndAliasesResolveToPaths() {
        CimInstance system = ns.instancesOf("Win32_Process").get(0);
        assertThat(system.value("CommandLine")).isEqualTo(CimValue.string("C:\\Windows\\System32\\ntoskrnl.exe"));
        assertThat(system.value("ThreadCount")).isEqualTo(CimValue.uint32(140));
        assertThat(system.value("Signature").asList()).isEqualTo(List.of(0x4DL, 0x5AL, 0x90L, 0L, 3L, 0L, 0L, 0L, 4L,
                0L, 0L, 0L, 255L, 255L, 0L, 0L));
        assertThat(system.value("Status")).isEqualTo(CimValue.string("OK"));
        assertThat(system.isDefault(CimName.of("Status"))).isTrue();
        assertThat(system.effectiveQualifiers().get("Provider").orElseThrow().value())
                .isEqualTo(CimValue.string("CIMWin32"));
        CimInstance os = ns.instancesOf("Win32_OperatingSystem").get(0);
        CimInstance link = ns.instancesOf("CIM_OSProcess").get(0);
        assertThat(link.value("GroupComponent").asPath()).isEqualTo(os.relPath());
        assertThat(link.value("PartComponent").asPath()).isEqualTo(system.relPath());
        assertThat(link.value("PartComponent").asString()).isEqualTo("Win32_Process.CreationClassName="
                + "\"Win32_Process\",CSCreationClassName=\"Win32_ComputerSystem\",CSName=\"HOST\",Handle=\"4\","
                + "OSCreationClassName=\"Win32_OperatingSystem\",OSName=\"Microsoft Windows\"");
        assertThat(link.relPath()).isNotNull();
        assertThat(unit.operations()).filteredOn(MofOperation.PutInstance.class::isInstance)
                .extracting(o -> ((MofOperation.PutInstance) o).alias()).containsExactly(null, "System", null, "OS");
        assertThat(os.value("MUILanguages")).isEqualTo(CimValue.array(CimType.STRING, List.of("en-US", "de-DE")));
        assertThat(os.value("CurrentTimeZone")).isEqualTo(CimValue.sint16(-60));
        assertThat(os.value("Distributed")).isEqualTo(CimValue.bool(false));
    }

    @Test
    void anInheritedPropertyBecomesAKeyBelowKeylessAncestors() {
        CimClass os = cls("Win32_OperatingSystem");
        assertThat(os.keys()).extracting(k -> k.name().text())
                .containsExactly("Name", "CSCreationClassName", "CSName", "CreationClassName");
        CimProperty name = os.property("Name").orElseThrow();
        assertThat(name.classOfOrigin()).isEqualTo(CimName.of("CIM_ManagedSystemElement"));
        assertThat(q(name, "Key").flavor().bits()).isEqualTo(0x32);
        assertThat(q(cls("CIM_OperatingSystem").property("Name").orElseThrow(), "Key").flavor().bits())
                .isEqualTo(0x12);
        assertThat(cls("CIM_LogicalElement").keys()).isEmpty();
        assertThat(cls("Win32_Process").property("Name").orElseThrow().isKey()).isFalse();
        CimInstance inst = ns.instancesOf("Win32_OperatingSystem").get(0);
        String relPath = "Win32_OperatingSystem.CreationClassName=\"Win32_OperatingSystem\","
                + "CSCreationClassName=\"Win32_ComputerSystem\",CSName=\"HOST\","
                + "Name=\"Microsoft Windows|C:\\\\Windows|\\\\Device\\\\Harddisk0\\\\Partition3\"";
        assertThat(inst.value("__RELPATH")).isEqualTo(CimValue.string(relPath));
        assertThat(ns.instancesOf("CIM_OSProcess").get(0).value("GroupComponent").asString()).isEqualTo(relPath);
    }

    @Test
    void compilingTwiceGivesEqualObjects() {
        MofUnit again = compiler().compile("sample.mof", MofTesting.resource("sample.mof"));
        assertThat(again.classes()).isEqualTo(unit.classes());
        assertThat(again.instances()).isEqualTo(unit.instances());
    }
}
