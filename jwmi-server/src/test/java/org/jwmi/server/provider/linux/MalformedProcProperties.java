package org.jwmi.server.provider.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimObjectPath;

/** Whatever the kernel (or a fake tree) puts in a process's files, the provider returns or skips — never throws. */
class MalformedProcProperties {

    private static final CimClass CLS = FakeHost.cls("Win32_Process");
    private static Path root;

    @BeforeContainer
    static void createTree() throws IOException {
        root = Files.createTempDirectory("fakeproc");
        Files.createDirectories(root.resolve("proc/7"));
        Files.writeString(root.resolve("proc/stat"), "btime 1700000000\n");
    }

    @AfterContainer
    static void deleteTree() throws IOException {
        try (var s = Files.walk(root)) {
            s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<String> procText() {
        Arbitrary<String> tokens = Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789-() \n\0").ofMaxLength(12),
                Arbitraries.longs().map(v -> Long.toString(v)),
                Arbitraries.of("7", "(", ")", " (a b) ", "kB", ":", "VmRSS:", "99999999999999999999999"),
                Arbitraries.strings().ofMaxLength(6));
        return tokens.list().ofMaxSize(40).map(l -> String.join(" ", l));
    }

    @Property(tries = 300)
    void arbitraryStatAndStatusNeverThrow(@ForAll("procText") String stat, @ForAll("procText") String status,
            @ForAll("procText") String cmdline) throws IOException {
        Files.write(root.resolve("proc/7/stat"), stat.getBytes(StandardCharsets.UTF_8));
        Files.write(root.resolve("proc/7/status"), status.getBytes(StandardCharsets.UTF_8));
        Files.write(root.resolve("proc/7/cmdline"), cmdline.getBytes(StandardCharsets.UTF_8));
        ProcessProvider p = new ProcessProvider(new LinuxHost(root, FakeHost.ZONE, 100, a -> { }));
        Optional<CimInstance> got = p.get(FakeHost.CTX, CLS, CimObjectPath.parse("Win32_Process.Handle=\"7\""));
        List<CimInstance> all = p.enumerate(FakeHost.CTX, CLS).toList();
        assertThat(all).hasSize(got.isPresent() ? 1 : 0);
        int open = stat.indexOf('(');
        assertThat(got.isPresent()).as("a stat with (comm) yields an instance")
                .isEqualTo(open >= 0 && stat.lastIndexOf(')') > open);
        got.ifPresent(i -> assertThat(i.value("ProcessId").asLong()).isEqualTo(7));
    }
}
