package org.jwmi.cim.wql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.jwmi.cim.CimException;
import org.jwmi.cim.CimName;
import org.jwmi.cim.WbemStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WqlParserTest {

    /** Each construct, and how it prints back. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "SELECT * FROM Win32_Process | SELECT * FROM Win32_Process",
        "select  name , handle from win32_process | SELECT name, handle FROM win32_process",
        "SELECT * FROM Win32_LogicalDisk WHERE FileSystem = \"NTFS\" | SELECT * FROM Win32_LogicalDisk WHERE FileSystem = \"NTFS\"",
        "SELECT * FROM C WHERE 'x' = P | SELECT * FROM C WHERE \"x\" = P",
        "SELECT * FROM C WHERE a = 1 AND b = 2 OR c = 3 | SELECT * FROM C WHERE ((a = 1 AND b = 2) OR c = 3)",
        "SELECT * FROM C WHERE a = 1 OR b = 2 AND c = 3 | SELECT * FROM C WHERE (a = 1 OR (b = 2 AND c = 3))",
        "SELECT * FROM C WHERE (a = 1 OR b = 2) AND c = 3 | SELECT * FROM C WHERE ((a = 1 OR b = 2) AND c = 3)",
        "SELECT * FROM meta_class WHERE NOT __class < \"Win32\" AND NOT __this ISA \"Win32_Account\" | SELECT * FROM meta_class WHERE (NOT (__class < \"Win32\") AND NOT (__this ISA \"Win32_Account\"))",
        "SELECT * FROM C WHERE a <> 1 AND b != 2 AND c < 3 AND d > 4 AND e <= 5 AND f >= 6 | SELECT * FROM C WHERE (((((a <> 1 AND b <> 2) AND c < 3) AND d > 4) AND e <= 5) AND f >= 6)",
        "SELECT * FROM C WHERE a=-5 AND b=+7 AND c=1.5 AND d=2e3 AND e=0x1F AND f=.5 | SELECT * FROM C WHERE (((((a = -5 AND b = 7) AND c = 1.5) AND d = 2000.0) AND e = 31) AND f = 0.5)",
        "SELECT * FROM C WHERE B = TRUE OR B <> false | SELECT * FROM C WHERE (B = TRUE OR B <> FALSE)",
        "SELECT * FROM Win32_LogicalDisk WHERE FileSystem IS NULL | SELECT * FROM Win32_LogicalDisk WHERE FileSystem IS NULL",
        "SELECT * FROM Win32_LogicalDisk WHERE FileSystem IS NOT NULL | SELECT * FROM Win32_LogicalDisk WHERE FileSystem IS NOT NULL",
        "SELECT * FROM C WHERE P = NULL | SELECT * FROM C WHERE P = NULL",
        "SELECT * FROM meta_class WHERE __Class LIKE \"%Win32%\" | SELECT * FROM meta_class WHERE __Class LIKE \"%Win32%\"",
        "SELECT * FROM meta_class WHERE __CLASS LIKE \"%[_][_]%\" | SELECT * FROM meta_class WHERE __CLASS LIKE \"%[_][_]%\"",
        "SELECT * FROM P WHERE NOT PortName LIKE \"%\\\\%\" | SELECT * FROM P WHERE NOT (PortName LIKE \"%\\\\%\")",
        "SELECT * FROM P WHERE PortName NOT LIKE '[^a-f]_' | SELECT * FROM P WHERE NOT (PortName LIKE \"[^a-f]_\")",
        "SELECT * FROM C WHERE S = 'it\\'s \"q\"' | SELECT * FROM C WHERE S = \"it's \\\"q\\\"\"",
        "SELECT * FROM MainClass WHERE EmbedObj.P_Uint32 = 70011 | SELECT * FROM MainClass WHERE EmbedObj.P_Uint32 = 70011",
        "SELECT * FROM ClassA WHERE EmbeddedObj ISA 'ClassZ' | SELECT * FROM ClassA WHERE EmbeddedObj ISA \"ClassZ\"",
        "SELECT * FROM meta_class | SELECT * FROM meta_class",
        "SELECT * FROM meta_class WHERE __this ISA \"Win32_LogicalDisk\" | SELECT * FROM meta_class WHERE __this ISA \"Win32_LogicalDisk\"",
        "Select * From meta_class Where __Superclass Is Null | SELECT * FROM meta_class WHERE __Superclass IS NULL",
        "SELECT __PATH, __RELPATH FROM C | SELECT __PATH, __RELPATH FROM C",
        "SELECT * FROM __InstanceModificationEvent WITHIN 600 WHERE TargetInstance ISA \"Win32_LogicalDisk\" AND TargetInstance.FreeSpace < 1000000 | SELECT * FROM __InstanceModificationEvent WITHIN 600 WHERE (TargetInstance ISA \"Win32_LogicalDisk\" AND TargetInstance.FreeSpace < 1000000)",
        "SELECT targetInstance.Name FROM __InstanceCreationEvent within 2 WHERE targetinstance isa \"Win32_Process\" | SELECT targetInstance.Name FROM __InstanceCreationEvent WITHIN 2 WHERE targetinstance ISA \"Win32_Process\"",
        "SELECT * FROM __InstanceOperationEvent WITHIN 0.5 | SELECT * FROM __InstanceOperationEvent WITHIN 0.5",
        "SELECT * FROM E WHERE x = 1 WITHIN 10 | SELECT * FROM E WITHIN 10 WHERE x = 1",
        "SELECT * FROM EmailEvent GROUP WITHIN 300 | SELECT * FROM EmailEvent GROUP WITHIN 300",
        "SELECT * FROM EmailEvent GROUP WITHIN 300 BY Sender | SELECT * FROM EmailEvent GROUP WITHIN 300 BY Sender",
        "SELECT * FROM EventClass WHERE Sender = \"MyBoss\" GROUP WITHIN 300 BY Importance, Sender | SELECT * FROM EventClass WHERE Sender = \"MyBoss\" GROUP WITHIN 300 BY Importance, Sender",
        "SELECT * FROM EmailEvent GROUP WITHIN 300 HAVING NumberOfEvents > 5 | SELECT * FROM EmailEvent GROUP WITHIN 300 HAVING NumberOfEvents > 5",
        "SELECT * FROM __InstanceCreationEvent WHERE TargetInstance ISA \"Win32_NTLogEvent\" GROUP WITHIN 600 BY TargetInstance.SourceName HAVING NumberOfEvents > 25 | SELECT * FROM __InstanceCreationEvent WHERE TargetInstance ISA \"Win32_NTLogEvent\" GROUP WITHIN 600 BY TargetInstance.SourceName HAVING NumberOfEvents > 25",
        "ASSOCIATORS OF {Win32_LogicalDisk.DeviceID=\"C:\"} | ASSOCIATORS OF {Win32_LogicalDisk.DeviceID=\"C:\"}",
        "associators of { Win32_LogicalDisk.DeviceID='C:' } | ASSOCIATORS OF {Win32_LogicalDisk.DeviceID=\"C:\"}",
        "ASSOCIATORS OF {Win32_LogicalDisk.DeviceID=\"C:\"} WHERE AssocClass = Win32_SystemDevices | ASSOCIATORS OF {Win32_LogicalDisk.DeviceID=\"C:\"} WHERE AssocClass = Win32_SystemDevices",
        "ASSOCIATORS OF {win32_LogicalDisk=\"C:\"} WHERE resultClass = Win32_Directory requiredQualifier = Dynamic | ASSOCIATORS OF {win32_LogicalDisk=\"C:\"} WHERE RequiredQualifier = Dynamic ResultClass = Win32_Directory",
        "ASSOCIATORS OF {A.K=1} WHERE Role = GroupComponent ResultRole = PartComponent RequiredAssocQualifier = Association KeysOnly | ASSOCIATORS OF {A.K=1} WHERE KeysOnly RequiredAssocQualifier = Association ResultRole = PartComponent Role = GroupComponent",
        "ASSOCIATORS OF {myClass.keyVal=\"Value1\"} WHERE ClassDefsOnly | ASSOCIATORS OF {myClass.keyVal=\"Value1\"} WHERE ClassDefsOnly",
        "ASSOCIATORS OF {myClass} WHERE SchemaOnly | ASSOCIATORS OF {myClass} WHERE SchemaOnly",
        "ASSOCIATORS OF {\\\\.\\root\\cimv2:D.N=\"}{\"} | ASSOCIATORS OF {\\\\.\\root\\cimv2:D.N=\"}{\"}",
        "REFERENCES OF {Adapter=\"AHA-294X\"} | REFERENCES OF {Adapter=\"AHA-294X\"}",
        "REFERENCES OF {Adapter=\"AHA-294X\"} WHERE ClassDefsOnly | REFERENCES OF {Adapter=\"AHA-294X\"} WHERE ClassDefsOnly",
        "REFERENCES OF {Adapter=\"AHA-294X\"}  WHERE RequiredQualifier = AdapterTag | REFERENCES OF {Adapter=\"AHA-294X\"} WHERE RequiredQualifier = AdapterTag",
        "REFERENCES OF {Win32_NetworkAdapter.DeviceID=\"0\"} WHERE resultclass = Win32_NetworkAdapterSetting requiredQualifier = Dynamic | REFERENCES OF {Win32_NetworkAdapter.DeviceID=\"0\"} WHERE RequiredQualifier = Dynamic ResultClass = Win32_NetworkAdapterSetting",
        "REFERENCES OF {Adapter=\"AHA-294X\"} WHERE Role = parent KeysOnly | REFERENCES OF {Adapter=\"AHA-294X\"} WHERE KeysOnly Role = parent",
        "REFERENCES OF {myClass} WHERE SchemaOnly | REFERENCES OF {myClass} WHERE SchemaOnly",
    })
    void parsesEveryConstruct(String in, String printed) {
        WqlQuery q = WqlParser.parse(in);
        assertThat(q.toWql()).isEqualTo(printed);
        WqlQuery again = WqlParser.parse(printed);
        assertThat(again.toWql()).isEqualTo(printed);
        assertThat(Positions.strip(again)).isEqualTo(Positions.strip(q));
    }

    /** Rejected queries: status and position of the error. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`` | WBEM_E_INVALID_QUERY | 0",
        "DELETE FROM C | WBEM_E_INVALID_QUERY | 0",
        "SELECT | WBEM_E_INVALID_QUERY | 6",
        "SELECT * | WBEM_E_INVALID_QUERY | 8",
        "SELECT * FROM | WBEM_E_INVALID_QUERY | 13",
        "SELECT * FROM C WHERE | WBEM_E_INVALID_QUERY | 21",
        "SELECT a, FROM C | WBEM_E_INVALID_QUERY | 10",
        "SELECT * FROM C WHERE a = | WBEM_E_INVALID_QUERY | 25",
        "SELECT * FROM C WHERE a = 'x | WBEM_E_INVALID_QUERY | 26",
        "SELECT * FROM C WHERE 1 = 2 | WBEM_E_INVALID_QUERY | 22",
        "SELECT * FROM C WHERE a IS 5 | WBEM_E_INVALID_QUERY | 27",
        "SELECT * FROM C WHERE a IS NOT \"NTFS\" | WBEM_E_INVALID_QUERY | 31",
        "SELECT * FROM C WHERE a <= TRUE | WBEM_E_INVALID_QUERY | 27",
        "SELECT * FROM C WHERE a >= 0 AND b > FALSE | WBEM_E_INVALID_QUERY | 37",
        "SELECT * FROM C WHERE a >= null | WBEM_E_INVALID_QUERY | 27",
        "SELECT * FROM C WHERE (a = 1 | WBEM_E_INVALID_QUERY | 28",
        "SELECT * FROM C WHERE a = 1) | WBEM_E_INVALID_QUERY | 27",
        "SELECT * FROM C WHERE a LIKE 5 | WBEM_E_INVALID_QUERY | 29",
        "SELECT * FROM C WHERE a LIKE '[abc' | WBEM_E_INVALID_QUERY | 30",
        "SELECT * FROM C WHERE 'x' LIKE a | WBEM_E_INVALID_QUERY | 22",
        "SELECT * FROM C WHERE a ISA C2 | WBEM_E_INVALID_QUERY | 28",
        "SELECT * FROM C WHERE a = 4 + 7 | WBEM_E_INVALID_QUERY | 28",
        "SELECT * FROM C WHERE a = b / 7 | WBEM_E_INVALID_QUERY | 28",
        "SELECT * FROM C WHERE a = 5abc | WBEM_E_INVALID_QUERY | 26",
        "SELECT * FROM C WHERE a = 99999999999999999999999 | WBEM_E_INVALID_QUERY | 26",
        "SELECT * FROM C WHERE a = 1 ; | WBEM_E_INVALID_QUERY | 28",
        "SELECT * FROM C WHERE a ! 1 | WBEM_E_INVALID_QUERY | 24",
        "SELECT * FROM C WHERE NULL = NULL | WBEM_E_INVALID_QUERY | 22",
        "SELECT * FROM C WHERE from = 1 | WBEM_E_INVALID_QUERY | 22",
        "SELECT * FROM Select | WBEM_E_INVALID_QUERY | 14",
        "SELECT * FROM C WHERE a. = 1 | WBEM_E_INVALID_QUERY | 25",
        "SELECT * FROM C extra | WBEM_E_INVALID_QUERY | 16",
        "SELECT Name FROM meta_class | WBEM_E_INVALID_QUERY | 7",
        "SELECT * FROM meta_class WITHIN 5 | WBEM_E_INVALID_QUERY | 14",
        "SELECT * FROM E WITHIN | WBEM_E_INVALID_QUERY | 22",
        "SELECT * FROM E WITHIN 0 | WBEM_E_INVALID_QUERY | 23",
        "SELECT * FROM E WITHIN -1 | WBEM_E_INVALID_QUERY | 23",
        "SELECT * FROM E GROUP BY Sender | WBEM_E_MISSING_GROUP_WITHIN | 22",
        "SELECT * FROM E HAVING NumberOfEvents > 5 | WBEM_E_MISSING_GROUP_WITHIN | 16",
        "SELECT * FROM E GROUP WITHIN 10 BY | WBEM_E_INVALID_QUERY | 34",
        "ASSOCIATORS {A=1} | WBEM_E_INVALID_QUERY | 13",
        "ASSOCIATORS OF A=1 | WBEM_E_INVALID_QUERY | 15",
        "ASSOCIATORS OF {A=1 | WBEM_E_INVALID_QUERY | 15",
        "ASSOCIATORS OF {A.=1} | WBEM_E_INVALID_QUERY | 18",
        "ASSOCIATORS OF {A=1} WHERE | WBEM_E_INVALID_QUERY | 26",
        "ASSOCIATORS OF {A=1} WHERE Bogus = x | WBEM_E_INVALID_QUERY | 27",
        "ASSOCIATORS OF {A=1} WHERE resultClass = Win32_Directory requiredQualifier <> Dynamic | WBEM_E_INVALID_QUERY | 75",
        "ASSOCIATORS OF {A=1} WHERE resultClass = Win32_Directory AND requiredQualifier = Dynamic | WBEM_E_INVALID_QUERY | 57",
        "ASSOCIATORS OF {A=1} WHERE ClassDefsOnly ResultClass = X | WBEM_E_INVALID_QUERY | 41",
        "ASSOCIATORS OF {A=1} WHERE Role = a Role = b | WBEM_E_INVALID_QUERY | 36",
        "ASSOCIATORS OF {A=1} WHERE Role = | WBEM_E_INVALID_QUERY | 33",
        "ASSOCIATORS OF {A=1} WHERE SchemaOnly ClassDefsOnly | WBEM_E_INVALID_QUERY | 27",
        "REFERENCES OF {A=1} WHERE AssocClass = X | WBEM_E_INVALID_QUERY | 26",
        "REFERENCES OF {A=1} WHERE ResultRole = X | WBEM_E_INVALID_QUERY | 26",
        "REFERENCES OF {A=1} WHERE ClassDefsOnly ResultClass = X | WBEM_E_INVALID_QUERY | 40",
        "REFERENCES OF {A=1} junk | WBEM_E_INVALID_QUERY | 20",
    })
    void rejectsWithStatusAndPosition(String in, WbemStatus status, int position) {
        CimException e = catchThrowableOfType(() -> WqlParser.parse(in), CimException.class);
        assertThat(e).as("no error for %s", in).isNotNull();
        assertThat(e.status()).as(e.getMessage()).isEqualTo(status);
        assertThat(e.position()).as(e.getMessage()).isEqualTo(position);
    }

    @Test
    void queryLanguageAndKindChecks() {
        assertThat(catchThrowableOfType(() -> WqlParser.parse("SQL", "SELECT * FROM C"), CimException.class).status())
                .isEqualTo(WbemStatus.WBEM_E_INVALID_QUERY_TYPE);
        assertThat(WqlParser.parse("wql", "SELECT * FROM C")).isInstanceOf(WqlSelect.class);
        assertThat(catchThrowableOfType(() -> WqlParser.parseDataQuery("SELECT * FROM E WITHIN 5"),
                CimException.class).status()).isEqualTo(WbemStatus.WBEM_E_INVALID_QUERY);
        assertThat(catchThrowableOfType(() -> WqlParser.parseEventQuery("ASSOCIATORS OF {A=1}"),
                CimException.class).status()).isEqualTo(WbemStatus.WBEM_E_INVALID_QUERY);
        WqlSelect ev = WqlParser.parseEventQuery("SELECT * FROM __InstanceModificationEvent WITHIN 10 "
                + "WHERE TargetInstance ISA 'Win32_Service' AND TargetInstance.State = 'Running'");
        assertThat(ev.isIntrinsicEventQuery()).isTrue();
        assertThat(ev.within()).isEqualTo(10.0);
        assertThat(ev.targetClasses()).containsExactly(CimName.of("win32_service"));
        assertThat(WqlParser.parseEventQuery("SELECT * FROM MyEvent").isIntrinsicEventQuery()).isFalse();
    }

    @Test
    void positionsPointIntoTheText() {
        WqlSelect s = (WqlSelect) WqlParser.parse("SELECT a.b, c FROM Cls WHERE d > -3");
        assertThat(s.classPosition()).isEqualTo(19);
        assertThat(s.properties()).extracting(WqlProperty::position).containsExactly(7, 12);
        WqlExpr.Comparison c = (WqlExpr.Comparison) s.where();
        assertThat(c.left().position()).isEqualTo(29);
        assertThat(c.right().position()).isEqualTo(33);
        assertThat(s.properties().get(0).path()).containsExactly(CimName.of("A"), CimName.of("B"));
        WqlAssociators a = (WqlAssociators) WqlParser.parse("ASSOCIATORS OF {  X.K=1 }");
        assertThat(a.sourcePosition()).isEqualTo(16);
    }

    @Test
    void nestingAndSizeAreBounded() {
        String deep = "SELECT * FROM C WHERE " + "(".repeat(200) + "a = 1" + ")".repeat(200);
        CimException e = catchThrowableOfType(() -> WqlParser.parse(deep), CimException.class);
        assertThat(e.status()).isEqualTo(WbemStatus.WBEM_E_QUOTA_VIOLATION);
        String nots = "SELECT * FROM C WHERE " + "NOT ".repeat(200) + "a = 1";
        assertThat(catchThrowableOfType(() -> WqlParser.parse(nots), CimException.class).status())
                .isEqualTo(WbemStatus.WBEM_E_QUOTA_VIOLATION);
        String wide = "SELECT * FROM C WHERE a = 1" + " OR a = 1".repeat(5000);
        assertThat(catchThrowableOfType(() -> WqlParser.parse(wide), CimException.class).status())
                .isEqualTo(WbemStatus.WBEM_E_QUOTA_VIOLATION);
        String ok = "SELECT * FROM C WHERE a = 1" + " OR a = 1".repeat(1000);
        assertThat(WqlParser.parse(ok)).isInstanceOf(WqlSelect.class);
        assertThat(List.of(WqlParser.MAX_DEPTH, WqlParser.MAX_OPERATORS)).containsExactly(128, 4096);
    }
}
