package org.jwmi.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.ntlm.NtlmHashes;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObject;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cli.FileAccountStore;
import org.jwmi.cli.JwmiServer;
import org.jwmi.client.WbemClassObject;
import org.jwmi.client.WbemEnumerator;
import org.jwmi.client.WbemLocator;
import org.jwmi.client.WbemServices;
import org.jwmi.server.provider.InstanceProvider;
import org.jwmi.server.provider.ProviderContext;
import org.jwmi.server.repository.CimRepository;
import org.jwmi.wmio.Wmio;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole WMI enumeration over the wire, our client against our server on loopback in one JVM: ExecQuery of
 * {@value #COUNT} Win32_Process-shaped instances (the 45-property class Windows Server 2019 sends, served by a
 * provider from memory), read through IEnumWbemClassObject::Next (batches of 100: every object carries its class
 * part, 8.5 KB) or through the smart enumerator (IWbemWCOSmartEnum::Next: one ObjectArray per batch, the class
 * part once), at pktIntegrity and pktPrivacy.
 *
 * <p>The same-run baseline, {@code baselineCodecOnly}, is what the enumeration cannot avoid without the wire: each
 * instance WMIO-encoded on one side and decoded on the other, in the same process, no RPC, no NTLM. One operation
 * is one whole enumeration, so {@code ops/s x COUNT} is objects per second; compare each with the baseline.
 * Run: {@code java -jar jwmi-bench/target/benchmarks.jar WmiEnumerationBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class WmiEnumerationBenchmark {
    static final int COUNT = 2000;
    private static final String DOMAIN = "BENCH";
    private static final String USER = "bench";
    private static final char[] PASSWORD = "bench-password-not-secret".toCharArray();
    private static final String NS = "root\\cimv2";

    @Param({"pktIntegrity", "pktPrivacy"})
    public String level;

    private Path dir;
    private JwmiServer server;
    private WbemLocator locator;
    private WbemServices services;
    private List<CimInstance> instances;

    @Setup(Level.Trial)
    public void start() throws IOException {
        CimClass process = Win32Process.cimClass();
        Random rnd = new Random(42);
        instances = IntStream.range(0, COUNT).mapToObj(i -> Win32Process.instance(process, rnd, i)).toList();
        dir = Files.createTempDirectory("jwmi-bench-");
        FileAccountStore store = FileAccountStore.open(dir);
        store.add(DOMAIN, USER, NtlmHashes.ntOwfV1(PASSWORD), List.of("Administrators"));
        server = JwmiServer.start(JwmiServer.Config.of(InetAddress.getLoopbackAddress(), 0, AuthLevel.PKT_INTEGRITY,
                store, DOMAIN).withDataDir(dir));
        CimClass bench = CimClass.builder("Bench_Process").superclass(process).flag("dynamic").build();
        server.repository().putClass(NS, bench, CimRepository.WBEM_FLAG_CREATE_OR_UPDATE);
        CimClass stored = server.repository().getClass(NS, CimName.of("Bench_Process")).orElseThrow();
        List<CimInstance> served = instances.stream().map(i -> retarget(i, stored)).toList();
        server.providers().register(new InstanceProvider() {
            @Override
            public CimName className() {
                return CimName.of("Bench_Process");
            }

            @Override
            public Stream<CimInstance> enumerate(ProviderContext ctx, CimClass cls) {
                return served.stream();
            }

            @Override
            public Optional<CimInstance> get(ProviderContext ctx, CimClass cls, CimObjectPath path) {
                return Optional.empty();
            }
        });
        locator = WbemLocator.builder().resolverPort(server.port()).build();
        services = locator.connect("\\\\127.0.0.1\\" + NS).user(DOMAIN + "\\" + USER).password(PASSWORD)
                .authnLevel(AuthLevel.parse(level)).open();
    }

    private static CimInstance retarget(CimInstance i, CimClass cls) {
        CimInstance.Builder b = cls.newInstance();
        for (var p : i.cimClass().properties()) {
            if (cls.property(p.name()).isPresent() && !p.name().toString().startsWith("__")) {
                b.set(p.name(), i.value(p.name()));
            }
        }
        return b.build();
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        services.close();
        locator.close();
        server.close();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private int enumerate(boolean smart) {
        int n = 0;
        try (WbemEnumerator e = services.useSmartEnum(smart).execQuery("SELECT * FROM Bench_Process").batchSize(100)) {
            for (WbemClassObject o : e) {
                n++;
            }
        }
        if (n != COUNT) {
            throw new IllegalStateException(n + " objects, expected " + COUNT);
        }
        return n;
    }

    @Benchmark
    public int next100() {
        return enumerate(false);
    }

    @Benchmark
    public int smartEnum100() {
        return enumerate(true);
    }

    @Benchmark
    public int baselineCodecOnly() {
        List<CimObject> out = new ArrayList<>(COUNT);
        for (CimInstance i : instances) {
            out.add(Wmio.decode(Wmio.encode(i)));
        }
        return out.size();
    }
}
