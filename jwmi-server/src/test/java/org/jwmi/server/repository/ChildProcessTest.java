package org.jwmi.server.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.CimType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests that need a separate JVM: kill -9 after a commit, and enumeration under a small heap. */
class ChildProcessTest {
    @TempDir
    Path dir;

    static ProcessBuilder child(String xmx, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + xmx);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(RepositoryChild.class.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true);
    }

    static String runToEnd(ProcessBuilder pb, StringBuilder exit) throws IOException, InterruptedException {
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        exit.append(p.exitValue());
        return out;
    }

    @Test
    void committedInstanceSurvivesKill9() throws Exception {
        Path db = dir.resolve("durable.db");
        Process p = child("64m", "commit-and-hang", db.toString()).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = r.readLine()) != null && !line.equals("committed")) {
                seen.append(line).append('\n');
            }
            assertThat(line).as("child output: %s", seen).isEqualTo("committed");
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(137);
        } finally {
            p.destroyForcibly();
        }
        try (CimRepository repo = CimRepository.open(db)) {
            CimInstance i = (CimInstance) repo.getObject(RepositoryChild.NS, CimObjectPath.parse("T_Durable.Id=\"k9\""));
            assertThat(i.value(CimName.of("Note")).asString()).isEqualTo("survives");
        }
    }

    @Test
    void enumerationStreamsUnderASmallHeap() throws Exception {
        Path db = dir.resolve("big.db");
        int n = 4000;
        String filler = "x".repeat(8192);
        CimClass big = CimClass.builder("T_Big").property("Id", CimType.UINT32, p -> p.key())
                .property("Payload", CimType.STRING).build();
        try (CimRepository repo = CimRepository.open(db)) {
            repo.putClass(RepositoryChild.NS, big, 0);
            Iterator<CimInstance> it = new Iterator<>() {
                int i;

                @Override
                public boolean hasNext() {
                    return i < n;
                }

                @Override
                public CimInstance next() {
                    i++;
                    return big.newInstance().set("Id", (long) i).set("Payload", filler + i).build();
                }
            };
            assertThat(repo.putInstances(RepositoryChild.NS, it, CimRepository.WBEM_FLAG_CREATE_ONLY)).isEqualTo(n);
        }
        // about 33 MB of payload: a 16 MB heap holds it only one row at a time
        StringBuilder exit = new StringBuilder();
        String out = runToEnd(child("16m", "count", db.toString(), "T_Big"), exit);
        assertThat(out).contains("count=" + n);
        assertThat(exit.toString()).isEqualTo("0");
        // control: materialising the same enumeration does not fit in that heap
        StringBuilder exit2 = new StringBuilder();
        String out2 = runToEnd(child("16m", "list", db.toString(), "T_Big"), exit2);
        assertThat(out2).contains("OutOfMemoryError").doesNotContain("count=");
        assertThat(exit2.toString()).isNotEqualTo("0");
    }
}
