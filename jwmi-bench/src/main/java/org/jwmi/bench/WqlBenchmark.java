package org.jwmi.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimValue;
import org.jwmi.cim.wql.InMemoryQuerySource;
import org.jwmi.cim.wql.WqlEvaluator;
import org.jwmi.cim.wql.WqlFilter;
import org.jwmi.cim.wql.WqlParser;
import org.jwmi.cim.wql.WqlQuery;
import org.jwmi.cim.wql.WqlSelect;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * WQL: parsing, and WHERE evaluation over 100,000 Win32_Process instances.
 * <ul>
 * <li>{@code parse} ({@link WqlParser#parse}) of three representative queries ({@code query}): {@code simple}
 *     (a SELECT of two properties), {@code where} (a WHERE of six conditions: LIKE, four comparisons, IS NOT
 *     NULL) and {@code associators} (ASSOCIATORS OF a key path with AssocClass and ResultClass). Baseline
 *     {@code parseBaselineTokenize}: one hand-written scan cutting the same text into token strings
 *     (identifiers, numbers, quoted strings, braced paths, operators) - a lexer's work with no grammar and no
 *     syntax tree.</li>
 * <li>{@code whereFilter}: the {@code where} query's condition, compiled once ({@link WqlFilter#compile}), tested
 *     on each of 100,000 instances of the Windows Server 2019 Win32_Process class with realistic values
 *     ({@link Win32Process}; 16% match). Baseline {@code whereHandWritten}: the same condition written in
 *     Java over the same instances, with WMI's rules (case-insensitive LIKE prefix, NULL never matches) and the
 *     same order of tests. {@code whereExecute}: the whole query run by {@link WqlEvaluator} over an
 *     {@link InMemoryQuerySource} holding the instances (class lookup, deep enumeration, stream).</li>
 * </ul>
 * Throughput mode: {@code ops/s} is queries parsed, or passes over the 100,000 instances, per second; the
 * {@code instances} auxiliary counter is instances tested per second. Run:
 * {@code java -jar jwmi-bench/target/benchmarks.jar WqlBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WqlBenchmark {

    static final String SIMPLE = "SELECT Name, ProcessId FROM Win32_Process";
    static final String WHERE = "SELECT * FROM Win32_Process WHERE Name LIKE 'svc%' AND ProcessId > 1000 "
            + "AND WorkingSetSize >= 50000000 AND Priority = 8 AND ExecutablePath IS NOT NULL AND ThreadCount < 40";
    static final String ASSOCIATORS = "ASSOCIATORS OF {Win32_LogicalDisk.DeviceID=\"C:\"} "
            + "WHERE AssocClass = Win32_LogicalDiskToPartition ResultClass = Win32_DiskPartition";

    static final int INSTANCES = 100_000;

    /** Instances tested, reported by JMH per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        public long instances;

        @Setup(Level.Iteration)
        public void reset() {
            instances = 0;
        }
    }

    /** The query text to parse. */
    @State(Scope.Benchmark)
    public static class Query {
        @Param({"simple", "where", "associators"})
        public String query;

        String text;

        @Setup
        public void setUp() {
            text = switch (query) {
                case "simple" -> SIMPLE;
                case "where" -> WHERE;
                case "associators" -> ASSOCIATORS;
                default -> throw new IllegalArgumentException("query " + query);
            };
            if (!WqlParser.parse(text).toWql().isEmpty() && tokenize(text).isEmpty()) {
                throw new IllegalStateException("the baseline found no tokens");
            }
        }
    }

    /** 100,000 Win32_Process instances, the compiled condition and an evaluator over them. */
    @State(Scope.Benchmark)
    public static class Instances {
        List<CimInstance> instances;
        WqlFilter filter;
        WqlSelect select;
        WqlEvaluator evaluator;

        @Setup
        public void setUp() {
            CimClass c = Win32Process.cimClass();
            Random rnd = new Random(42);
            instances = new ArrayList<>(INSTANCES);
            for (int i = 0; i < INSTANCES; i++) {
                instances.add(Win32Process.instance(c, rnd, i));
            }
            select = (WqlSelect) WqlParser.parseDataQuery(WHERE);
            filter = WqlFilter.compile(select.where());
            // InMemoryQuerySource wants each superclass before its subclasses.
            CimClass mse = CimClass.builder("CIM_ManagedSystemElement").build();
            CimClass le = CimClass.derive("CIM_LogicalElement", mse).build();
            InMemoryQuerySource source = new InMemoryQuerySource().addClass(mse).addClass(le)
                    .addClass(c.parentClass()).addClass(c);
            instances.forEach(source::addInstance);
            evaluator = new WqlEvaluator(source);

            long byFilter = instances.stream().filter(filter).count();
            long byHand = instances.stream().filter(WqlBenchmark::handWritten).count();
            long byEvaluator = evaluator.execute(select).count();
            if (byFilter != byHand || byFilter != byEvaluator || byFilter == 0 || byFilter == INSTANCES) {
                throw new IllegalStateException("matches: filter " + byFilter + ", hand-written " + byHand
                        + ", evaluator " + byEvaluator);
            }
        }
    }

    private static final CimName NAME = CimName.of("Name");
    private static final CimName PROCESS_ID = CimName.of("ProcessId");
    private static final CimName WORKING_SET_SIZE = CimName.of("WorkingSetSize");
    private static final CimName PRIORITY = CimName.of("Priority");
    private static final CimName EXECUTABLE_PATH = CimName.of("ExecutablePath");
    private static final CimName THREAD_COUNT = CimName.of("ThreadCount");

    /**
     * {@code Name LIKE 'svc%' AND ProcessId > 1000 AND WorkingSetSize >= 50000000 AND Priority = 8 AND
     * ExecutablePath IS NOT NULL AND ThreadCount < 40}, by hand. The uint64 is compared unsigned.
     */
    static boolean handWritten(CimInstance i) {
        CimValue name = i.value(NAME);
        if (name.isNull() || !name.asString().regionMatches(true, 0, "svc", 0, 3)) {
            return false;
        }
        CimValue pid = i.value(PROCESS_ID);
        if (pid.isNull() || pid.asLong() <= 1000) {
            return false;
        }
        CimValue ws = i.value(WORKING_SET_SIZE);
        if (ws.isNull() || Long.compareUnsigned(ws.asLong(), 50_000_000L) < 0) {
            return false;
        }
        CimValue priority = i.value(PRIORITY);
        if (priority.isNull() || priority.asLong() != 8) {
            return false;
        }
        if (i.value(EXECUTABLE_PATH).isNull()) {
            return false;
        }
        CimValue threads = i.value(THREAD_COUNT);
        return !threads.isNull() && threads.asLong() < 40;
    }

    /** The parse baseline: the query cut into token strings, nothing more. */
    static List<String> tokenize(String q) {
        List<String> tokens = new ArrayList<>();
        int n = q.length();
        int i = 0;
        while (i < n) {
            char c = q.charAt(i);
            int start = i;
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
                continue;
            }
            if (Character.isLetterOrDigit(c) || c == '_') {
                while (i < n && (Character.isLetterOrDigit(q.charAt(i)) || q.charAt(i) == '_' || q.charAt(i) == '.')) {
                    i++;
                }
            } else if (c == '\'' || c == '"' || c == '{') {
                char close = c == '{' ? '}' : c;
                i = q.indexOf(close, i + 1);
                i = i < 0 ? n : i + 1;
            } else if ((c == '<' || c == '>' || c == '!') && i + 1 < n && (q.charAt(i + 1) == '=' || q.charAt(i + 1) == '>')) {
                i += 2;
            } else {
                i++;
            }
            tokens.add(q.substring(start, i));
        }
        return tokens;
    }

    @Benchmark
    public WqlQuery parse(Query q) {
        return WqlParser.parse(q.text);
    }

    @Benchmark
    public List<String> parseBaselineTokenize(Query q) {
        return tokenize(q.text);
    }

    @Benchmark
    public int whereFilter(Instances s, Counters counters) {
        int matches = 0;
        WqlFilter f = s.filter;
        for (CimInstance i : s.instances) {
            if (f.test(i)) {
                matches++;
            }
        }
        counters.instances += s.instances.size();
        return matches;
    }

    @Benchmark
    public int whereHandWritten(Instances s, Counters counters) {
        int matches = 0;
        for (CimInstance i : s.instances) {
            if (handWritten(i)) {
                matches++;
            }
        }
        counters.instances += s.instances.size();
        return matches;
    }

    @Benchmark
    public long whereExecute(Instances s, Counters counters) {
        long matches = s.evaluator.execute(s.select).count();
        counters.instances += s.instances.size();
        return matches;
    }
}
