package org.jwmi.cim.wql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.stream.Collectors;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimException;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObject;
import org.jwmi.cim.CimQualifier;
import org.jwmi.cim.CimType;
import org.jwmi.cim.CimValue;
import org.jwmi.cim.QualifierFlavor;
import org.jwmi.cim.WbemStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WqlEvaluatorTest {
    static final String NS = "root\\cimv2";
    static final InMemoryQuerySource SOURCE = fixture();
    static final WqlEvaluator EVAL = new WqlEvaluator(SOURCE);

    static InMemoryQuerySource fixture() {
        InMemoryQuerySource s = new InMemoryQuerySource();
        CimClass cimDisk = CimClass.builder("CIM_LogicalDisk").flag("abstract")
                .property("DeviceID", CimType.STRING, p -> p.key())
                .property("FreeSpace", CimType.UINT64).property("Size", CimType.UINT64)
                .property("FileSystem", CimType.STRING).property("VolumeName", CimType.STRING)
                .property("Compressed", CimType.BOOLEAN, p -> p.defaultValue(false))
                .build();
        CimClass disk = CimClass.derive("Win32_LogicalDisk", cimDisk).property("DriveType", CimType.UINT32).build();
        CimClass dir = CimClass.builder("Win32_Directory").qualifier("Locale", CimValue.sint32(1033))
                .property("Name", CimType.STRING, p -> p.key()).property("Hidden", CimType.BOOLEAN).build();
        CimClass cs = CimClass.builder("Win32_ComputerSystem").property("Name", CimType.STRING, p -> p.key()).build();
        CimClass rootDir = CimClass.builder("Win32_LogicalDiskRootDirectory").flag("association").flag("Dynamic")
                .reference("GroupComponent", "Win32_LogicalDisk", p -> p.key())
                .reference("PartComponent", "Win32_Directory", p -> p.key()).build();
        CimClass sysDev = CimClass.builder("Win32_SystemDevices")
                .qualifier("association", CimValue.bool(true), QualifierFlavor.of(0x13))
                .reference("GroupComponent", "Win32_ComputerSystem", p -> p.key())
                .reference("PartComponent", "CIM_LogicalDisk", p -> p.key()).build();
        CimClass info = CimClass.builder("ProcInfo").property("Level", CimType.SINT32).build();
        CimClass subInfo = CimClass.derive("SubInfo", info).build();
        CimClass proc = CimClass.builder("Win32_Process")
                .property("Handle", CimType.STRING, p -> p.key()).property("Name", CimType.STRING)
                .property("ProcessId", CimType.UINT32).property("ThreadCount", CimType.UINT32)
                .property("CreationDate", CimType.DATETIME).property("Priority", CimType.SINT32)
                .property("Flag", CimType.CHAR16).property("Ratio", CimType.REAL64)
                .property("Args", CimType.STRING_ARRAY)
                .property("Info", CimType.OBJECT, p -> p.typeClass("ProcInfo")).build();
        for (CimClass c : List.of(cimDisk, disk, dir, cs, rootDir, sysDev, info, subInfo, proc)) {
            s.addClass(c);
        }
        CimInstance c = disk.newInstance().set("DeviceID", "C:").set("FreeSpace", 2_500_000L).set("Size", 10_000_000L)
                .set("FileSystem", "NTFS").set("VolumeName", "System").set("DriveType", 3L).build().withOrigin("H", NS);
        CimInstance d = disk.newInstance().set("DeviceID", "D:").set("FreeSpace", 500L).set("FileSystem", "FAT32")
                .setNull("VolumeName").set("Compressed", true).set("DriveType", 2L).build().withOrigin("H", NS);
        CimInstance e = disk.newInstance().set("DeviceID", "E:").build().withOrigin("H", NS);
        CimInstance dc = dir.newInstance().set("Name", "C:\\").build();
        CimInstance dd = dir.newInstance().set("Name", "D:\\").build();
        CimInstance my = cs.newInstance().set("Name", "mycomputer").build();
        for (CimInstance i : List.of(c, d, e, dc, dd, my)) {
            s.addInstance(i);
        }
        s.addInstance(rootDir.newInstance().set("GroupComponent", "\\\\H\\root\\cimv2:Win32_LogicalDisk.DeviceID=\"C:\"")
                .set("PartComponent", "Win32_Directory.Name=\"C:\\\\\"").build());
        s.addInstance(rootDir.newInstance().set("GroupComponent", "Win32_LogicalDisk.DeviceID=\"D:\"")
                .set("PartComponent", "Win32_Directory.Name=\"D:\\\\\"").build());
        s.addInstance(sysDev.newInstance().set("GroupComponent", "Win32_ComputerSystem.Name=\"mycomputer\"")
                .set("PartComponent", "Win32_LogicalDisk.DeviceID=\"C:\"").build());
        s.addInstance(sysDev.newInstance().set("GroupComponent", "Win32_ComputerSystem=\"MYCOMPUTER\"")
                .set("PartComponent", "CIM_LogicalDisk.DeviceID=\"d:\"").build());
        s.addInstance(proc.newInstance().set("Handle", "4").set("Name", "System").set("ProcessId", 4L)
                .set("ThreadCount", 150L).set("CreationDate", "20230101000000.000000+000").set("Flag", 'x')
                .set("Ratio", 0.5).set("Args", List.of("a")).set("Info", info.newInstance().set("Level", 3).build())
                .build());
        s.addInstance(proc.newInstance().set("Handle", "1234").set("Name", "explorer.exe").set("ProcessId", 1234L)
                .set("ThreadCount", 40L).set("CreationDate", "20230615120000.000000+060").set("Priority", -2)
                .set("Flag", 'Y').set("Ratio", 2.0).set("Info", subInfo.newInstance().set("Level", 7).build()).build());
        s.addInstance(proc.newInstance().set("Handle", "99").set("Name", "[idle]_x").build());
        return s;
    }

    static String names(List<CimObject> l) {
        return l.stream().map(o -> o instanceof CimClass c ? c.name().text() : o.relPath().toString())
                .collect(Collectors.joining(" "));
    }

    static List<CimObject> run(String q) {
        return EVAL.execute(q).toList();
    }

    /** Data and schema queries and the objects they return (relative paths, class names for classes). */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "SELECT * FROM Win32_LogicalDisk | Win32_LogicalDisk.DeviceID=\"C:\" Win32_LogicalDisk.DeviceID=\"D:\" Win32_LogicalDisk.DeviceID=\"E:\"",
        "SELECT * FROM CIM_LogicalDisk WHERE __CLASS = 'win32_logicaldisk' AND DeviceID < 'd:' | Win32_LogicalDisk.DeviceID=\"C:\"",
        "SELECT * FROM Win32_LogicalDisk WHERE FileSystem = \"ntfs\" | Win32_LogicalDisk.DeviceID=\"C:\"",
        "SELECT * FROM Win32_LogicalDisk WHERE FreeSpace > 2000000 | Win32_LogicalDisk.DeviceID=\"C:\"",
        "SELECT * FROM Win32_LogicalDisk WHERE FreeSpace > '1000' | Win32_LogicalDisk.DeviceID=\"C:\"",
        "SELECT * FROM Win32_LogicalDisk WHERE 1000 >= FreeSpace | Win32_LogicalDisk.DeviceID=\"D:\"",
        "SELECT * FROM Win32_LogicalDisk WHERE FreeSpace <= 500.0 | Win32_LogicalDisk.DeviceID=\"D:\"",
        "SELECT * FROM Win32_LogicalDisk WHERE FreeSpace < Size | Win32_LogicalDisk.DeviceID=\"C:\"",
        "SELECT * FROM Win32_LogicalDisk WHERE VolumeName IS NULL | Win32_LogicalDisk.DeviceID=\"D:\" Win32_LogicalDisk.DeviceID=\"E:\"",
        "SELECT * FROM Win32_LogicalDisk WHERE VolumeName = NULL | Win32_LogicalDisk.DeviceID=\"D:\" Win32_LogicalDisk.DeviceID=\"E:\"",
        "SELECT * FROM Win32_LogicalDisk WHERE VolumeName IS NOT NULL | Win32_LogicalDisk.DeviceID=\"C:\"",
        "SELECT * FROM Win32_LogicalDisk WHERE VolumeName <> 'Other' | Win32_LogicalDisk.DeviceID=\"C:\"",
        "SELECT * FROM Win32_LogicalDisk WHERE NOT VolumeName = 'System' | Win32_LogicalDisk.DeviceID=\"D:\" Win32_LogicalDisk.DeviceID=\"E:\"",
        "SELECT * FROM Win32_LogicalDisk WHERE Compressed = TRUE | Win32_LogicalDisk.DeviceID=\"D:\"",
        "SELECT * FROM Win32_LogicalDisk WHERE Compressed <> FALSE | Win32_LogicalDisk.DeviceID=\"D:\"",
        "SELECT * FROM Win32_LogicalDisk WHERE Compressed = 1 | Win32_LogicalDisk.DeviceID=\"D:\"",
        "SELECT * FROM Win32_LogicalDisk WHERE Compressed = 0 | Win32_LogicalDisk.DeviceID=\"C:\" Win32_LogicalDisk.DeviceID=\"E:\"",
        "SELECT * FROM Win32_LogicalDisk WHERE Compressed != 'true' | Win32_LogicalDisk.DeviceID=\"C:\" Win32_LogicalDisk.DeviceID=\"E:\"",
        "SELECT * FROM Win32_LogicalDisk WHERE (DeviceID = 'C:' OR DeviceID = 'D:') AND FreeSpace > 2000 AND FileSystem = 'NTFS' | Win32_LogicalDisk.DeviceID=\"C:\"",
        "SELECT * FROM Win32_LogicalDisk WHERE DriveType = 3 OR DriveType = 2 | Win32_LogicalDisk.DeviceID=\"C:\" Win32_LogicalDisk.DeviceID=\"D:\"",
        "SELECT * FROM Win32_Process WHERE Name LIKE 'EXPL%' | Win32_Process.Handle=\"1234\"",
        "SELECT * FROM Win32_Process WHERE Name LIKE '[[]idle]%' | Win32_Process.Handle=\"99\"",
        "SELECT * FROM Win32_Process WHERE NOT Name LIKE '%x%' | Win32_Process.Handle=\"4\"",
        "SELECT * FROM Win32_Process WHERE ProcessId = 4 | Win32_Process.Handle=\"4\"",
        "SELECT * FROM Win32_Process WHERE ProcessId = 0x4D2 | Win32_Process.Handle=\"1234\"",
        "SELECT * FROM Win32_Process WHERE ProcessId < 5.5 | Win32_Process.Handle=\"4\"",
        "SELECT * FROM Win32_Process WHERE ThreadCount > ProcessId | Win32_Process.Handle=\"4\"",
        "SELECT * FROM Win32_Process WHERE Priority < 0 | Win32_Process.Handle=\"1234\"",
        "SELECT * FROM Win32_Process WHERE Ratio >= 1 | Win32_Process.Handle=\"1234\"",
        "SELECT * FROM Win32_Process WHERE Flag = 'y' | Win32_Process.Handle=\"1234\"",
        "SELECT * FROM Win32_Process WHERE Flag = 120 | Win32_Process.Handle=\"4\"",
        "SELECT * FROM Win32_Process WHERE CreationDate > '20230301000000.000000+000' | Win32_Process.Handle=\"1234\"",
        "SELECT * FROM Win32_Process WHERE CreationDate = '20230615110000.000000+000' | Win32_Process.Handle=\"1234\"",
        "SELECT * FROM Win32_Process WHERE CreationDate < '03/01/2023' | Win32_Process.Handle=\"4\"",
        "SELECT * FROM Win32_Process WHERE CreationDate >= 'June 15, 2023 11:00' | Win32_Process.Handle=\"1234\"",
        "SELECT * FROM Win32_Process WHERE CreationDate = 'not a date' | ``",
        "SELECT * FROM Win32_Process WHERE Info.Level = 3 | Win32_Process.Handle=\"4\"",
        "SELECT * FROM Win32_Process WHERE Info.Level > 1 AND Info ISA 'SubInfo' | Win32_Process.Handle=\"1234\"",
        "SELECT * FROM Win32_Process WHERE Info ISA 'ProcInfo' | Win32_Process.Handle=\"4\" Win32_Process.Handle=\"1234\"",
        "SELECT * FROM Win32_Process WHERE Info.__CLASS = 'SubInfo' | Win32_Process.Handle=\"1234\"",
        "SELECT * FROM Win32_Process WHERE Info.INVALID = 70011 | ``",
        "SELECT * FROM Win32_Process WHERE Info IS NULL | Win32_Process.Handle=\"99\"",
        "SELECT * FROM Win32_Process WHERE Args IS NOT NULL | Win32_Process.Handle=\"4\"",
        "SELECT * FROM Win32_Process WHERE __RELPATH = 'win32_process.handle=\"4\"' | Win32_Process.Handle=\"4\"",
        "SELECT * FROM Win32_LogicalDiskRootDirectory WHERE GroupComponent = 'Win32_LogicalDisk.DeviceID=\"C:\"' | Win32_LogicalDiskRootDirectory.GroupComponent=\"\\\\\\\\H\\\\root\\\\cimv2:Win32_LogicalDisk.DeviceID=\\\"C:\\\"\",PartComponent=\"Win32_Directory.Name=\\\"C:\\\\\\\\\\\"\"",
        "SELECT * FROM meta_class WHERE __this ISA 'CIM_LogicalDisk' | CIM_LogicalDisk Win32_LogicalDisk",
        "SELECT * FROM meta_class WHERE __Class = 'Win32_LogicalDisk' | Win32_LogicalDisk",
        "SELECT * FROM meta_class WHERE __Dynasty = 'ProcInfo' | ProcInfo SubInfo",
        "SELECT * FROM meta_class WHERE __Superclass = 'ProcInfo' | SubInfo",
        "SELECT * FROM meta_class WHERE __Superclass IS NULL AND __CLASS LIKE 'Win32[_]%' AND NOT __CLASS LIKE '%Directory' | Win32_ComputerSystem Win32_SystemDevices Win32_Process",
        "SELECT * FROM meta_class WHERE __this ISA 'CIM_LogicalDisk' AND __PROPERTY_COUNT > 6 | Win32_LogicalDisk",
    })
    void selects(String query, String expected) {
        assertThat(names(run(query))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "ASSOCIATORS OF {Win32_LogicalDisk.DeviceID=\"C:\"} | Win32_Directory.Name=\"C:\\\\\" Win32_ComputerSystem.Name=\"mycomputer\"",
        "ASSOCIATORS OF {Win32_LogicalDisk=\"c:\"} | Win32_Directory.Name=\"C:\\\\\" Win32_ComputerSystem.Name=\"mycomputer\"",
        "ASSOCIATORS OF {CIM_LogicalDisk.DeviceID=\"C:\"} | Win32_Directory.Name=\"C:\\\\\" Win32_ComputerSystem.Name=\"mycomputer\"",
        "ASSOCIATORS OF {\\\\H\\root\\cimv2:Win32_LogicalDisk.DeviceID=\"D:\"} | Win32_Directory.Name=\"D:\\\\\" Win32_ComputerSystem.Name=\"mycomputer\"",
        "ASSOCIATORS OF {Win32_LogicalDisk.DeviceID=\"C:\"} WHERE AssocClass = Win32_SystemDevices | Win32_ComputerSystem.Name=\"mycomputer\"",
        "ASSOCIATORS OF {Win32_LogicalDisk.DeviceID=\"C:\"} WHERE ClassDefsOnly | Win32_Directory Win32_ComputerSystem",
        "ASSOCIATORS OF {Win32_LogicalDisk.DeviceID=\"C:\"} WHERE ResultClass = Win32_Directory | Win32_Directory.Name=\"C:\\\\\"",
        "ASSOCIATORS OF {Win32_LogicalDisk.DeviceID=\"C:\"} WHERE ResultRole = GroupComponent | Win32_ComputerSystem.Name=\"mycomputer\"",
        "ASSOCIATORS OF {Win32_LogicalDisk.DeviceID=\"C:\"} WHERE Role = GroupComponent | Win32_Directory.Name=\"C:\\\\\"",
        "ASSOCIATORS OF {Win32_LogicalDisk.DeviceID=\"C:\"} WHERE RequiredQualifier = Locale | Win32_Directory.Name=\"C:\\\\\"",
        "ASSOCIATORS OF {Win32_LogicalDisk.DeviceID=\"C:\"} WHERE RequiredAssocQualifier = Dynamic | Win32_Directory.Name=\"C:\\\\\"",
        "ASSOCIATORS OF {Win32_LogicalDisk.DeviceID=\"C:\"} WHERE Role = PartComponent ResultClass = Win32_ComputerSystem | Win32_ComputerSystem.Name=\"mycomputer\"",
        "ASSOCIATORS OF {Win32_ComputerSystem.Name=\"mycomputer\"} | Win32_LogicalDisk.DeviceID=\"C:\" Win32_LogicalDisk.DeviceID=\"D:\"",
        "ASSOCIATORS OF {Win32_Process.Handle=\"4\"} | ``",
        "REFERENCES OF {Win32_LogicalDisk.DeviceID=\"C:\"} WHERE ClassDefsOnly | Win32_LogicalDiskRootDirectory Win32_SystemDevices",
        "REFERENCES OF {Win32_LogicalDisk.DeviceID=\"D:\"} WHERE ResultClass = Win32_SystemDevices | Win32_SystemDevices.GroupComponent=\"Win32_ComputerSystem=\\\"MYCOMPUTER\\\"\",PartComponent=\"CIM_LogicalDisk.DeviceID=\\\"d:\\\"\"",
        "REFERENCES OF {Win32_LogicalDisk.DeviceID=\"C:\"} WHERE Role = GroupComponent ClassDefsOnly | Win32_LogicalDiskRootDirectory",
        "REFERENCES OF {Win32_LogicalDisk.DeviceID=\"C:\"} WHERE RequiredQualifier = Dynamic ClassDefsOnly | Win32_LogicalDiskRootDirectory",
        "ASSOCIATORS OF {Win32_LogicalDisk} WHERE SchemaOnly | Win32_Directory Win32_ComputerSystem",
        "ASSOCIATORS OF {Win32_LogicalDisk} WHERE SchemaOnly ResultRole = PartComponent | Win32_Directory",
        "ASSOCIATORS OF {Win32_Directory} | Win32_LogicalDisk",
        "ASSOCIATORS OF {CIM_LogicalDisk} WHERE SchemaOnly | Win32_ComputerSystem",
        "REFERENCES OF {Win32_LogicalDisk} WHERE SchemaOnly | Win32_LogicalDiskRootDirectory Win32_SystemDevices",
        "REFERENCES OF {Win32_LogicalDisk} WHERE SchemaOnly Role = PartComponent | Win32_SystemDevices",
        "REFERENCES OF {Win32_Process} WHERE SchemaOnly | ``",
    })
    void associations(String query, String expected) {
        assertThat(names(run(query))).isEqualTo(expected);
    }

    @Test
    void referencesReturnEachAssociationAndKeysOnlyProjects() {
        List<CimObject> refs = run("REFERENCES OF {Win32_LogicalDisk.DeviceID=\"C:\"}");
        assertThat(refs).hasSize(2);
        assertThat(refs).allMatch(o -> o instanceof CimInstance i && i.cimClass().isAssociation());
        List<CimObject> keys = run("ASSOCIATORS OF {Win32_LogicalDisk.DeviceID=\"C:\"} WHERE KeysOnly "
                + "ResultClass = Win32_Directory");
        assertThat(keys).singleElement().satisfies(o -> {
            assertThat(o.propertyNames()).containsExactly(CimName.of("Name"));
            assertThat(o.value("Hidden")).isNull();
        });
    }

    @Test
    void projectionKeepsKeysAndSystemProperties() {
        List<CimObject> l = run("SELECT FreeSpace, __PATH FROM Win32_LogicalDisk WHERE DeviceID = 'C:'");
        CimObject o = l.get(0);
        assertThat(o.propertyNames()).extracting(CimName::text).containsExactly("DeviceID", "FreeSpace");
        assertThat(o.value("__PATH")).isEqualTo(CimValue.string("\\\\H\\root\\cimv2:Win32_LogicalDisk.DeviceID=\"C:\""));
        assertThat(o.value("__PROPERTY_COUNT")).isEqualTo(CimValue.sint32(2));
        assertThat(o.value("FileSystem")).isNull();
        List<CimObject> only = run("SELECT __RELPATH FROM Win32_LogicalDisk");
        assertThat(only).hasSize(3).allSatisfy(x -> assertThat(x.propertyNames()).containsExactly(CimName.of("DeviceID")));
        List<CimObject> emb = run("SELECT Info.Level FROM Win32_Process WHERE ProcessId = 4");
        assertThat(emb.get(0).value("Info").asObject().value("Level")).isEqualTo(CimValue.sint32(3));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "SELECT * FROM NoSuch | WBEM_E_INVALID_CLASS | 14",
        "SELECT Nope FROM Win32_LogicalDisk | WBEM_E_INVALID_PROPERTY | 7",
        "SELECT * FROM Win32_LogicalDisk WHERE DeviceID = 'C:' AND Nope > 1 | WBEM_E_INVALID_PROPERTY | 58",
        "SELECT * FROM Win32_LogicalDisk WHERE Compressed > 0 | WBEM_E_INVALID_QUERY | 38",
        "SELECT * FROM Win32_Process WHERE Args = 'a' | WBEM_E_INVALID_QUERY | 34",
        "SELECT * FROM Win32_Process WHERE Name.X = 'a' | WBEM_E_PROPERTY_NOT_AN_OBJECT | 34",
        "SELECT * FROM Win32_Process WHERE Name ISA 'X' | WBEM_E_INVALID_QUERY | 34",
        "SELECT * FROM meta_class WHERE __this ISA 'NoSuch' | WBEM_E_INVALID_CLASS | 42",
        "SELECT * FROM E WITHIN 5 | WBEM_E_INVALID_QUERY | 14",
        "ASSOCIATORS OF {Win32_LogicalDisk.DeviceID=\"Z:\"} | WBEM_E_NOT_FOUND | 16",
        "ASSOCIATORS OF {NoSuch.K=1} | WBEM_E_INVALID_CLASS | 16",
        "ASSOCIATORS OF {Win32_Directory.Name=\"E:\\\\\"} | WBEM_E_NOT_FOUND | 16",
        "REFERENCES OF {NoSuch} WHERE SchemaOnly | WBEM_E_INVALID_CLASS | 15",
        "REFERENCES OF {root\\cimv2} | WBEM_E_INVALID_QUERY | 15",
    })
    void errors(String query, WbemStatus status, int position) {
        CimException e = catchThrowableOfType(() -> EVAL.execute(query), CimException.class);
        assertThat(e).as("no error for %s", query).isNotNull();
        assertThat(e.status()).as(e.getMessage()).isEqualTo(status);
        assertThat(e.position()).as(e.getMessage()).isEqualTo(position);
    }

    @Test
    void filtersEventsWithEmbeddedTargets() {
        CimClass ev = CimClass.builder("__InstanceCreationEvent").property("TargetInstance", CimType.OBJECT).build();
        CimInstance disk = SOURCE.instances(CimName.of("Win32_LogicalDisk")).filter(i -> i.value("DeviceID")
                .asString().equals("D:")).findFirst().orElseThrow();
        CimInstance event = ev.newInstance().set("TargetInstance", disk).build();
        WqlSelect q = WqlParser.parseEventQuery("SELECT * FROM __InstanceCreationEvent WITHIN 5 "
                + "WHERE TargetInstance ISA 'CIM_LogicalDisk' AND TargetInstance.FreeSpace < 1000");
        assertThat(WqlFilter.compile(q.where()).test(event)).isTrue();
        WqlFilter other = WqlFilter.compile(WqlParser.parseEventQuery("SELECT * FROM __InstanceCreationEvent "
                + "WHERE TargetInstance ISA 'Win32_Process'").where());
        assertThat(other.test(event)).isFalse();
        InMemoryQuerySource withEvents = new InMemoryQuerySource().addClass(ev);
        assertThat(new WqlEvaluator(withEvents).validate(q).name()).isEqualTo(CimName.of("__InstanceCreationEvent"));
        CimException e = catchThrowableOfType(() -> new WqlEvaluator(withEvents).validate(WqlParser.parseEventQuery(
                "SELECT * FROM __InstanceCreationEvent WHERE Target ISA 'X'")), CimException.class);
        assertThat(e.status()).isEqualTo(WbemStatus.WBEM_E_INVALID_PROPERTY);
        assertThat(e.position()).isEqualTo(44);
    }

    @Test
    void systemQualifierNameConstantsAreUsable() {
        assertThat(SOURCE.getClass(CimName.of("Win32_SystemDevices")).orElseThrow().qualifiers()
                .isTrue(CimQualifier.ASSOCIATION)).isTrue();
    }
}
