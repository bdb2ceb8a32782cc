package org.jwmi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimType;
import org.junit.jupiter.api.Test;

class ObjectPrinterTest {

    private static final CimClass PROC = CimClass.builder("Test_Process")
            .property("Handle", CimType.STRING, p -> p.key())
            .property("Name", CimType.STRING)
            .property("CommandLine", CimType.STRING)
            .property("WorkingSetSize", CimType.UINT64)
            .property("Threads", CimType.UINT32_ARRAY)
            .property("Active", CimType.BOOLEAN)
            .build();

    private static CimInstance proc(int pid, String name, String cmd) {
        return PROC.newInstance().set("Handle", Integer.toString(pid)).set("Name", name).set("CommandLine", cmd)
                .set("WorkingSetSize", -1L).set("Threads", List.of(1L, 2L)).set("Active", pid % 2 == 0).build();
    }

    private static String print(ObjectPrinter.Format f, int width, CimInstance... rows) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ObjectPrinter p = new ObjectPrinter(f, new PrintStream(b, true, StandardCharsets.UTF_8), width);
        for (CimInstance r : rows) {
            p.add(r);
        }
        p.finish();
        return b.toString(StandardCharsets.UTF_8);
    }

    @Test
    void tableIsAlignedAndFitsTheWidth() {
        String longCmd = "C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule ".repeat(4);
        String t = print(ObjectPrinter.Format.TABLE, 60, proc(4, "System", null), proc(1234, "svchost.exe", longCmd));
        List<String> lines = t.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(60));
        assertThat(lines.get(0)).startsWith("Handle  Name         Comma…  WorkingSetSize");
        int nameCol = lines.get(0).indexOf("Name");
        assertThat(lines.get(1).indexOf("System")).isEqualTo(nameCol);
        assertThat(lines.get(2).indexOf("svchost.exe")).isEqualTo(nameCol);
        assertThat(lines.get(2)).contains("…");

        String wide = print(ObjectPrinter.Format.TABLE, 0, proc(1234, "svchost.exe", longCmd));
        assertThat(wide).contains(longCmd.strip()).contains("18446744073709551615").contains("{1, 2}")
                .contains("TRUE");
    }

    @Test
    void aVeryNarrowTableDropsColumnsRatherThanOverflow() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ObjectPrinter p = new ObjectPrinter(ObjectPrinter.Format.TABLE, new PrintStream(b, true, StandardCharsets.UTF_8),
                20);
        p.add(proc(1, "a", "b"));
        p.finish();
        assertThat(b.toString(StandardCharsets.UTF_8).lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(20));
        assertThat(p.droppedColumns()).isPositive();
    }

    @Test
    void jsonIsOneObjectPerLine() {
        String j = print(ObjectPrinter.Format.JSON, 0, proc(4, "Sys\"tem\\", null), proc(6, "x\ny", "c"));
        assertThat(j.lines().toList()).containsExactly(
                "{\"Handle\":\"4\",\"Name\":\"Sys\\\"tem\\\\\",\"CommandLine\":null,"
                        + "\"WorkingSetSize\":18446744073709551615,\"Threads\":[1,2],\"Active\":true}",
                "{\"Handle\":\"6\",\"Name\":\"x\\ny\",\"CommandLine\":\"c\",\"WorkingSetSize\":18446744073709551615,"
                        + "\"Threads\":[1,2],\"Active\":true}");
    }

    @Test
    void csvQuotesAsRfc4180() {
        String c = print(ObjectPrinter.Format.CSV, 0, proc(5, "a,b", "say \"hi\""));
        assertThat(c).isEqualTo("Handle,Name,CommandLine,WorkingSetSize,Threads,Active\r\n"
                + "5,\"a,b\",\"say \"\"hi\"\"\",18446744073709551615,\"{1, 2}\",FALSE\r\n");
    }
}
