package org.jwmi.server.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.jwmi.cim.CimException;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimObject;
import org.jwmi.cim.WbemStatus;
import org.jwmi.server.provider.ProviderRegistry;
import org.jwmi.server.provider.linux.LinuxHost;
import org.jwmi.server.provider.linux.LinuxProviders;
import org.jwmi.server.repository.CimRepository;
import org.jwmi.server.security.CallerToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The object manager over the real host: repository classes, provider instances, WQL, key lookups. */
class CimomTest {

    @TempDir
    Path dir;
    CimRepository repo;
    Cimom cimom;
    final CallerToken me = CallerToken.system();

    @BeforeEach
    void open() {
        repo = CimRepository.open(dir.resolve("r.db"), "HOST");
        cimom = new Cimom(repo, LinuxProviders.registerAll(new ProviderRegistry(), LinuxHost.system()), "HOST",
                Clock.systemUTC());
    }

    @AfterEach
    void close() {
        repo.close();
    }

    private List<CimObject> query(String wql) {
        try (Stream<CimObject> s = cimom.execQuery(me, "root\\cimv2", "WQL", wql)) {
            return s.toList();
        }
    }

    @Test
    void whereOnAPropertyFiltersTheProviderInstances() {
        long self = ProcessHandle.current().pid();
        List<CimObject> all = query("SELECT Name, ProcessId FROM Win32_Process");
        assertThat(all).hasSizeGreaterThan(1);
        List<CimObject> one = query("SELECT Name, ProcessId FROM Win32_Process WHERE ProcessId = " + self);
        assertThat(one).hasSize(1);
        assertThat(((CimInstance) one.get(0)).value("ProcessId").asLong()).isEqualTo(self);
        assertThat(((CimInstance) one.get(0)).value("Name").asString()).isEqualTo("java");
        assertThat(query("SELECT * FROM Win32_Process WHERE Handle = '" + self + "'")).hasSize(1);
    }

    @Test
    void namespacesAreInstancesOfNamespaceInTheirParent() {
        try (Stream<CimObject> s = cimom.execQuery(me, "root", "WQL", "SELECT * FROM __NAMESPACE")) {
            assertThat(s.map(o -> ((CimInstance) o).value("Name").asString()).toList())
                    .contains("cimv2", "default");
        }
        assertThat(cimom.resolveNamespace("//./root/CIMV2")).isEqualTo("root\\cimv2");
        assertThat(cimom.resolveNamespace("\\\\host\\root\\default")).isEqualTo("root\\default");
        assertThat(cimom.childNamespace("root", "cimv2")).isEqualTo("root\\cimv2");
        assertThatThrownBy(() -> cimom.resolveNamespace("root\\nope")).isInstanceOf(CimException.class)
                .extracting(e -> ((CimException) e).status()).isEqualTo(WbemStatus.WBEM_E_INVALID_NAMESPACE);
    }

    @Test
    void singletonPathNamesTheOnlyInstance() {
        CimObject os = cimom.getObject(me, "root\\cimv2", "Win32_OperatingSystem=@");
        assertThat(((CimInstance) os).cimClass().name().toString()).isEqualTo("Win32_OperatingSystem");
    }
}
