package org.jwmi.server.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.CimType;
import org.jwmi.cim.CimValue;
import org.jwmi.server.provider.InstanceProvider;
import org.jwmi.server.provider.ProviderContext;
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

    @Test
    void equalitiesGoToTheProvidersLookupInsteadOfAnEnumeration() {
        CimClass cls = CimClass.builder("Jwmi_Thing").flag("dynamic").property("Id", CimType.STRING, p -> p.flag("key"))
                .property("Number", CimType.UINT32).build();
        repo.putClass("root\\cimv2", cls, CimRepository.WBEM_FLAG_CREATE_OR_UPDATE);
        CimClass stored = repo.getClass("root\\cimv2", CimName.of("Jwmi_Thing")).orElseThrow();
        AtomicInteger lookups = new AtomicInteger();
        ProviderRegistry providers = new ProviderRegistry();
        providers.register(new InstanceProvider() {
            @Override
            public CimName className() {
                return CimName.of("Jwmi_Thing");
            }

            @Override
            public Stream<CimInstance> enumerate(ProviderContext ctx, CimClass c) {
                throw new AssertionError("enumerated although the WHERE narrows the search");
            }

            @Override
            public Optional<CimInstance> get(ProviderContext ctx, CimClass c, CimObjectPath path) {
                return Optional.empty();
            }

            @Override
            public Optional<Stream<CimInstance>> lookup(ProviderContext ctx, CimClass c, Map<CimName, CimValue> eq) {
                lookups.incrementAndGet();
                long n = eq.get(CimName.of("Number")).asLong();
                return Optional.of(Stream.of(stored.newInstance().set("Id", CimValue.string("a" + n))
                        .set("Number", CimValue.uint32(n)).build(), stored.newInstance()
                        .set("Id", CimValue.string("other")).set("Number", CimValue.uint32(n + 1)).build()));
            }
        });
        Cimom c = new Cimom(repo, providers, "HOST", Clock.systemUTC());
        try (Stream<CimObject> s = c.execQuery(me, "root\\cimv2", "WQL",
                "SELECT * FROM Jwmi_Thing WHERE Number = 7 AND Id <> 'x'")) {
            List<CimObject> rows = s.toList();
            assertThat(rows).hasSize(1);
            assertThat(((CimInstance) rows.get(0)).value("Id").asString()).isEqualTo("a7");
        }
        assertThat(lookups.get()).isEqualTo(1);
    }

    @Test
    void processIdEqualityReadsOneProcess() {
        long self = ProcessHandle.current().pid();
        List<CimObject> one = query("SELECT Name FROM Win32_Process WHERE ProcessId = " + self + " OR ProcessId = 1");
        assertThat(one).isNotEmpty();
        assertThat(query("SELECT Name FROM Win32_Process WHERE ProcessId = 4294967295")).isEmpty();
    }

    @Test
    void deletingANamespaceInstanceTellsTheListener() {
        List<String> deleted = new java.util.ArrayList<>();
        cimom.onNamespaceDeleted(deleted::add);
        CimClass ns = repo.getClass("root", CimName.of("__NAMESPACE")).orElseThrow();
        cimom.putInstance("root", ns.newInstance().set("Name", CimValue.string("scratch")).build(), 0);
        assertThat(cimom.resolveNamespace("root/scratch")).isEqualTo("root\\scratch");
        cimom.deleteInstance("root", "__NAMESPACE.Name=\"scratch\"");
        assertThat(deleted).containsExactly("root\\scratch");
        assertThatThrownBy(() -> cimom.resolveNamespace("root/scratch")).isInstanceOf(CimException.class);
    }
}
