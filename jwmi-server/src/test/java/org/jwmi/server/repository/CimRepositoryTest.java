package org.jwmi.server.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jwmi.server.repository.CimRepository.WBEM_FLAG_CREATE_ONLY;
import static org.jwmi.server.repository.CimRepository.WBEM_FLAG_CREATE_OR_UPDATE;
import static org.jwmi.server.repository.CimRepository.WBEM_FLAG_DEEP;
import static org.jwmi.server.repository.CimRepository.WBEM_FLAG_SHALLOW;
import static org.jwmi.server.repository.CimRepository.WBEM_FLAG_UPDATE_ONLY;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimException;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObject;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.CimType;
import org.jwmi.cim.WbemStatus;
import org.jwmi.cim.mof.MofCompiler;
import org.jwmi.cim.wql.WqlEvaluator;
import org.jwmi.wmio.Wmio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CimRepositoryTest {
    static final String NS = "root\\default";

    @TempDir
    Path dir;
    CimRepository repo;
    CimClass base;
    CimClass mid;
    CimClass leaf;

    @BeforeEach
    void setUp() {
        repo = CimRepository.open(dir.resolve("repo.db"), "HOST");
        base = CimClass.builder("T_Base").property("Id", CimType.STRING, p -> p.key())
                .property("Size", CimType.UINT32).build();
        mid = CimClass.derive("T_Mid", base).property("Colour", CimType.STRING).build();
        leaf = CimClass.derive("T_Leaf", mid).property("Weight", CimType.REAL64).build();
        repo.putClass(NS, base, WBEM_FLAG_CREATE_ONLY);
        repo.putClass(NS, mid, WBEM_FLAG_CREATE_ONLY);
        repo.putClass(NS, leaf, WBEM_FLAG_CREATE_ONLY);
    }

    @AfterEach
    void tearDown() {
        repo.close();
    }

    static CimInstance inst(CimClass c, String id) {
        return c.newInstance().set("Id", id).set("Size", 7L).build();
    }

    static WbemStatus statusOf(Runnable r) {
        try {
            r.run();
            return null;
        } catch (CimException e) {
            return e.status();
        }
    }

    // ------------------------------------------------------------------ CRUD semantics

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("PutClass create-only over an existing class",
                        (Consumer<CimRepositoryTest>) t -> t.repo.putClass(NS, t.base, WBEM_FLAG_CREATE_ONLY),
                        WbemStatus.WBEM_E_ALREADY_EXISTS),
                Arguments.of("PutClass update-only of a new class",
                        (Consumer<CimRepositoryTest>) t -> t.repo.putClass(NS, CimClass.builder("T_New").build(),
                                WBEM_FLAG_UPDATE_ONLY), WbemStatus.WBEM_E_NOT_FOUND),
                Arguments.of("PutClass with a missing superclass",
                        (Consumer<CimRepositoryTest>) t -> t.repo.putClass(NS, CimClass.derive("T_Orphan",
                                CimClass.builder("T_Nowhere").build()).build(), WBEM_FLAG_CREATE_OR_UPDATE),
                        WbemStatus.WBEM_E_INVALID_SUPERCLASS),
                Arguments.of("PutClass with a bad flag",
                        (Consumer<CimRepositoryTest>) t -> t.repo.putClass(NS, CimClass.builder("T_X").build(), 3),
                        WbemStatus.WBEM_E_INVALID_PARAMETER),
                Arguments.of("PutClass in a missing namespace",
                        (Consumer<CimRepositoryTest>) t -> t.repo.putClass("root\\nothere",
                                CimClass.builder("T_X").build(), 0), WbemStatus.WBEM_E_INVALID_NAMESPACE),
                Arguments.of("changing a class that has subclasses",
                        (Consumer<CimRepositoryTest>) t -> t.repo.putClass(NS, CimClass.builder("T_Base")
                                .property("Id", CimType.STRING, p -> p.key()).property("Other", CimType.SINT8)
                                .build(), WBEM_FLAG_CREATE_OR_UPDATE), WbemStatus.WBEM_E_CLASS_HAS_CHILDREN),
                Arguments.of("changing a class that has instances",
                        (Consumer<CimRepositoryTest>) t -> {
                            t.repo.putInstance(NS, inst(t.leaf, "a"), 0);
                            t.repo.putClass(NS, CimClass.derive("T_Leaf", t.mid).build(), 0);
                        }, WbemStatus.WBEM_E_CLASS_HAS_INSTANCES),
                Arguments.of("PutInstance of an unknown class",
                        (Consumer<CimRepositoryTest>) t -> t.repo.putInstance(NS, CimClass.builder("T_Unknown")
                                .property("K", CimType.STRING, p -> p.key()).build().newInstance().set("K", "x")
                                .build(), 0), WbemStatus.WBEM_E_INVALID_CLASS),
                Arguments.of("PutInstance with a NULL key",
                        (Consumer<CimRepositoryTest>) t -> t.repo.putInstance(NS,
                                t.base.newInstance().set("Size", 1L).build(), 0), WbemStatus.WBEM_E_ILLEGAL_NULL),
                Arguments.of("PutInstance create-only over an existing instance",
                        (Consumer<CimRepositoryTest>) t -> {
                            t.repo.putInstance(NS, inst(t.base, "a"), WBEM_FLAG_CREATE_ONLY);
                            t.repo.putInstance(NS, inst(t.base, "A"), WBEM_FLAG_CREATE_ONLY);
                        }, WbemStatus.WBEM_E_ALREADY_EXISTS),
                Arguments.of("a subclass instance reusing a key of the key-defining class",
                        (Consumer<CimRepositoryTest>) t -> {
                            t.repo.putInstance(NS, inst(t.base, "a"), WBEM_FLAG_CREATE_ONLY);
                            t.repo.putInstance(NS, inst(t.leaf, "a"), WBEM_FLAG_CREATE_ONLY);
                        }, WbemStatus.WBEM_E_ALREADY_EXISTS),
                Arguments.of("PutInstance update-only of a new instance",
                        (Consumer<CimRepositoryTest>) t -> t.repo.putInstance(NS, inst(t.base, "a"),
                                WBEM_FLAG_UPDATE_ONLY), WbemStatus.WBEM_E_NOT_FOUND),
                Arguments.of("PutInstance of an abstract class",
                        (Consumer<CimRepositoryTest>) t -> t.repo.putInstance("root\\cimv2",
                                t.repo.getClass("root\\cimv2", CimName.of("CIM_Process")).orElseThrow()
                                        .newInstance().set("Handle", "1").build(), 0),
                        WbemStatus.WBEM_E_INVALID_OPERATION),
                Arguments.of("GetObject of a missing class",
                        (Consumer<CimRepositoryTest>) t -> t.repo.getObject(NS, CimObjectPath.forClass("T_None")),
                        WbemStatus.WBEM_E_NOT_FOUND),
                Arguments.of("GetObject of a missing instance",
                        (Consumer<CimRepositoryTest>) t -> t.repo.getObject(NS, CimObjectPath.parse("T_Base.Id=\"z\"")),
                        WbemStatus.WBEM_E_NOT_FOUND),
                Arguments.of("GetObject of an instance of a missing class",
                        (Consumer<CimRepositoryTest>) t -> t.repo.getObject(NS, CimObjectPath.parse("T_None.Id=\"z\"")),
                        WbemStatus.WBEM_E_INVALID_CLASS),
                Arguments.of("GetObject with a path naming another key",
                        (Consumer<CimRepositoryTest>) t -> t.repo.getObject(NS, CimObjectPath.parse("T_Base.Nope=\"z\"")),
                        WbemStatus.WBEM_E_INVALID_OBJECT_PATH),
                Arguments.of("DeleteInstance of a missing instance",
                        (Consumer<CimRepositoryTest>) t -> t.repo.deleteInstance(NS, CimObjectPath.parse("T_Base=\"q\"")),
                        WbemStatus.WBEM_E_NOT_FOUND),
                Arguments.of("DeleteClass of a missing class",
                        (Consumer<CimRepositoryTest>) t -> t.repo.deleteClass(NS, CimName.of("T_None")),
                        WbemStatus.WBEM_E_NOT_FOUND),
                Arguments.of("enumerating instances of a missing class",
                        (Consumer<CimRepositoryTest>) t -> t.repo.enumInstances(NS, CimName.of("T_None"), 0).close(),
                        WbemStatus.WBEM_E_INVALID_CLASS),
                Arguments.of("enumerating with a bad flag",
                        (Consumer<CimRepositoryTest>) t -> t.repo.enumInstances(NS, CimName.of("T_Base"), 2).close(),
                        WbemStatus.WBEM_E_INVALID_PARAMETER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void errorTable(String name, Consumer<CimRepositoryTest> op, WbemStatus expected) {
        assertThat(statusOf(() -> op.accept(this))).isEqualTo(expected);
    }

    @Test
    void failedOperationLeavesNothingBehind() {
        repo.putInstance(NS, inst(base, "a"), 0);
        assertThat(statusOf(() -> repo.putInstance(NS, inst(base, "a"), WBEM_FLAG_CREATE_ONLY)))
                .isEqualTo(WbemStatus.WBEM_E_ALREADY_EXISTS);
        assertThat(statusOf(() -> repo.putInstances(NS, List.of(inst(base, "b"), inst(base, "a")).iterator(),
                WBEM_FLAG_CREATE_ONLY))).isEqualTo(WbemStatus.WBEM_E_ALREADY_EXISTS);
        assertThat(statusOf(() -> repo.getObject(NS, CimObjectPath.parse("T_Base.Id=\"b\""))))
                .isEqualTo(WbemStatus.WBEM_E_NOT_FOUND);
    }

    @Test
    void putGetUpdateDeleteInstance() {
        CimObjectPath p = repo.putInstance(NS, leaf.newInstance().set("Id", "Box").set("Weight", 2.5).build(),
                WBEM_FLAG_CREATE_ONLY);
        assertThat(p.toString()).isEqualTo("T_Leaf.Id=\"Box\"");
        CimInstance got = (CimInstance) repo.getObject(NS, CimObjectPath.parse("t_leaf.ID=\"BOX\""));
        assertThat(got.value(CimName.of("Weight")).asDouble()).isEqualTo(2.5);
        assertThat(got.namespace()).isEqualTo(NS);
        assertThat(got.server()).isEqualTo("HOST");
        // a superclass path finds the subclass instance, as in WMI
        assertThat(repo.getObject(NS, CimObjectPath.parse("T_Base.Id=\"box\"")).className())
                .isEqualTo(CimName.of("T_Leaf"));
        repo.putInstance(NS, leaf.newInstance().set("Id", "box").set("Weight", 3.0).build(), WBEM_FLAG_UPDATE_ONLY);
        got = (CimInstance) repo.getObject(NS, CimObjectPath.parse("T_Leaf.Id=\"Box\""));
        assertThat(got.value(CimName.of("Weight")).asDouble()).isEqualTo(3.0);
        repo.deleteInstance(NS, CimObjectPath.parse("T_Mid.Id=\"BOX\""));
        assertThat(statusOf(() -> repo.getObject(NS, CimObjectPath.parse("T_Leaf.Id=\"Box\""))))
                .isEqualTo(WbemStatus.WBEM_E_NOT_FOUND);
    }

    @Test
    void storedObjectsRoundTripExactly() {
        CimInstance i = leaf.newInstance().set("Id", "x").set("Size", 42L).setNull("Colour").build();
        repo.putInstance(NS, i, 0);
        CimObject back = repo.getObject(NS, CimObjectPath.parse("T_Leaf.Id=\"x\""));
        assertThat(Wmio.encode(back.withOrigin(null, null))).isEqualTo(Wmio.encode(i));
        CimObject cls = repo.getObject(NS, CimObjectPath.forClass("T_Leaf"));
        assertThat(Wmio.encode(cls.withOrigin(null, null))).isEqualTo(Wmio.encode(leaf));
    }

    @Test
    void numericKeysMatchByValue() {
        CimClass n = CimClass.builder("T_Num").property("K", CimType.UINT32, p -> p.key()).build();
        repo.putClass(NS, n, 0);
        repo.putInstance(NS, n.newInstance().set("K", 5L).build(), 0);
        assertThat(repo.getObject(NS, CimObjectPath.parse("T_Num.K=5"))).isNotNull();
        assertThat(repo.getObject(NS, CimObjectPath.parse("T_Num.K=\"5\""))).isNotNull();
        assertThat(repo.getObject(NS, CimObjectPath.parse("T_Num=5"))).isNotNull();
        assertThat(statusOf(() -> repo.getObject(NS, CimObjectPath.parse("T_Num.K=6"))))
                .isEqualTo(WbemStatus.WBEM_E_NOT_FOUND);
    }

    // ------------------------------------------------------------------ enumeration and cascade

    @Test
    void deepAndShallowEnumeration() {
        repo.putInstance(NS, inst(base, "b1"), 0);
        repo.putInstance(NS, inst(mid, "m1"), 0);
        repo.putInstance(NS, inst(leaf, "l1"), 0);
        repo.putInstance(NS, inst(leaf, "l2"), 0);
        assertThat(ids(repo.enumInstances(NS, CimName.of("T_Base"), WBEM_FLAG_DEEP)))
                .containsExactlyInAnyOrder("b1", "m1", "l1", "l2");
        assertThat(ids(repo.enumInstances(NS, CimName.of("t_base"), WBEM_FLAG_SHALLOW))).containsExactly("b1");
        assertThat(ids(repo.enumInstances(NS, CimName.of("T_Mid"), WBEM_FLAG_DEEP)))
                .containsExactlyInAnyOrder("m1", "l1", "l2");
        CimClass other = CimClass.derive("T_Other", base).build();
        repo.putClass(NS, other, 0);
        assertThat(names(repo.enumClasses(NS, CimName.of("T_Base"), WBEM_FLAG_SHALLOW)))
                .containsExactlyInAnyOrder("T_Mid", "T_Other");
        assertThat(names(repo.enumClasses(NS, CimName.of("T_Base"), WBEM_FLAG_DEEP)))
                .containsExactlyInAnyOrder("T_Mid", "T_Other", "T_Leaf");
        List<String> top = names(repo.enumClasses(NS, null, WBEM_FLAG_SHALLOW));
        assertThat(top).contains("T_Base", "__SystemClass", "__SystemSecurity").doesNotContain("T_Mid", "__NAMESPACE");
        List<String> all = names(repo.enumClasses(NS, null, WBEM_FLAG_DEEP));
        assertThat(all).contains("T_Base", "T_Mid", "T_Leaf", "__NAMESPACE");
        assertThat(all.indexOf("T_Base")).isLessThan(all.indexOf("T_Mid"));
        assertThat(all.indexOf("T_Mid")).isLessThan(all.indexOf("T_Leaf"));
    }

    @Test
    void deleteClassCascadesToSubclassesAndInstances() {
        repo.putInstance(NS, inst(base, "b1"), 0);
        repo.putInstance(NS, inst(mid, "m1"), 0);
        repo.putInstance(NS, inst(leaf, "l1"), 0);
        repo.deleteClass(NS, CimName.of("t_mid"));
        assertThat(repo.getClass(NS, CimName.of("T_Mid"))).isEmpty();
        assertThat(repo.getClass(NS, CimName.of("T_Leaf"))).isEmpty();
        assertThat(ids(repo.enumInstances(NS, CimName.of("T_Base"), WBEM_FLAG_DEEP))).containsExactly("b1");
        // the names are free again: recreating them starts empty
        repo.putClass(NS, mid, WBEM_FLAG_CREATE_ONLY);
        assertThat(ids(repo.enumInstances(NS, CimName.of("T_Mid"), WBEM_FLAG_DEEP))).isEmpty();
        assertThat(statusOf(() -> repo.getObject(NS, CimObjectPath.parse("T_Base.Id=\"l1\""))))
                .isEqualTo(WbemStatus.WBEM_E_NOT_FOUND);
    }

    @Test
    void abandonedStreamCanBeClosed() {
        for (int i = 0; i < 10; i++) {
            repo.putInstance(NS, inst(base, "i" + i), 0);
        }
        try (Stream<CimInstance> s = repo.enumInstances(NS, CimName.of("T_Base"), WBEM_FLAG_DEEP)) {
            assertThat(s.limit(2).count()).isEqualTo(2);
        }
        // a write after the reader went away still works
        repo.putInstance(NS, inst(base, "late"), 0);
        assertThat(ids(repo.enumInstances(NS, CimName.of("T_Base"), WBEM_FLAG_DEEP))).hasSize(11);
    }

    // ------------------------------------------------------------------ namespaces, seeding, WQL, MOF

    @Test
    void namespacesAreSeededWithTheirNamespaceInstances() {
        assertThat(repo.namespaces()).containsExactly("root", "root\\cimv2", "root\\default");
        assertThat(repo.hasNamespace("ROOT/CIMV2")).isTrue();
        assertThat(repo.hasNamespace("\\\\.\\root\\cimv2")).isTrue();
        assertThat(repo.hasNamespace("//HOST/root/default")).isTrue();
        assertThat(repo.hasNamespace("root\\cimv3")).isFalse();
        assertThat(ids(repo.enumInstances("root", CimName.of("__NAMESPACE"), WBEM_FLAG_DEEP), "Name"))
                .containsExactlyInAnyOrder("cimv2", "default");
        assertThat(repo.getObject("Root\\CimV2", CimObjectPath.forClass("__SystemSecurity"))).isNotNull();
    }

    @Test
    void namespaceInstanceCreatesAndDeletesANamespace() {
        CimClass ns = repo.getClass("root\\cimv2", CimName.of("__NAMESPACE")).orElseThrow();
        repo.putInstance("root\\cimv2", ns.newInstance().set("Name", "Test").build(), WBEM_FLAG_CREATE_ONLY);
        assertThat(repo.hasNamespace("root\\CIMV2\\test")).isTrue();
        repo.putClass("root\\cimv2\\test", base, 0);
        repo.deleteInstance("root\\cimv2", CimObjectPath.parse("__NAMESPACE.Name=\"TEST\""));
        assertThat(repo.hasNamespace("root\\cimv2\\test")).isFalse();
        assertThat(statusOf(() -> repo.getClass("root\\cimv2\\test", CimName.of("T_Base"))))
                .isEqualTo(WbemStatus.WBEM_E_INVALID_NAMESPACE);
    }

    @Test
    void seededWin32ProcessHasWindowsKeyAndTypes() {
        CimClass p = repo.getClass("root\\cimv2", CimName.of("Win32_Process")).orElseThrow();
        assertThat(p.derivation()).extracting(CimName::text)
                .containsExactly("CIM_Process", "CIM_LogicalElement", "CIM_ManagedSystemElement");
        assertThat(p.keys()).extracting(k -> k.name().text()).containsExactly("Handle");
        assertThat(p.property("Handle").orElseThrow().type()).isEqualTo(CimType.STRING);
        assertThat(p.property("ProcessId").orElseThrow().type()).isEqualTo(CimType.UINT32);
        assertThat(p.property("ParentProcessId").orElseThrow().type()).isEqualTo(CimType.UINT32);
        assertThat(p.property("ThreadCount").orElseThrow().type()).isEqualTo(CimType.UINT32);
        assertThat(p.property("WorkingSetSize").orElseThrow().type()).isEqualTo(CimType.UINT64);
        assertThat(p.property("CreationDate").orElseThrow().type()).isEqualTo(CimType.DATETIME);
        assertThat(p.property("CommandLine").orElseThrow().type()).isEqualTo(CimType.STRING);
        assertThat(p.method("GetOwner")).isPresent();
        assertThat(p.method("Terminate").orElseThrow().returnType()).isEqualTo(CimType.UINT32);
        CimClass os = repo.getClass("root\\cimv2", CimName.of("Win32_OperatingSystem")).orElseThrow();
        assertThat(os.keys()).extracting(k -> k.name().text()).containsExactly("Name");
        CimClass env = repo.getClass("root\\cimv2", CimName.of("Win32_Environment")).orElseThrow();
        assertThat(env.keys()).extracting(k -> k.name().text()).containsExactlyInAnyOrder("Name", "UserName");
        for (String c : List.of("Win32_ComputerSystem", "Win32_Processor", "Win32_LogicalDisk", "Win32_Service",
                "Win32_UserAccount", "Win32_Group")) {
            assertThat(repo.getClass("root\\cimv2", CimName.of(c))).as(c).isPresent();
        }
        assertThat(repo.getClass("root\\cimv2", CimName.of("Win32_LogicalDisk")).orElseThrow()
                .property("FreeSpace").orElseThrow().type()).isEqualTo(CimType.UINT64);
    }

    @Test
    void seedingHappensOnce() {
        repo.deleteClass("root\\cimv2", CimName.of("Win32_Group"));
        repo.close();
        repo = CimRepository.open(dir.resolve("repo.db"), "HOST");
        assertThat(repo.getClass("root\\cimv2", CimName.of("Win32_Group"))).isEmpty();
        assertThat(repo.getClass(NS, CimName.of("T_Leaf"))).isPresent();
        assertThat(repo.namespaces()).containsExactly("root", "root\\cimv2", "root\\default");
    }

    @Test
    void wqlRunsOverTheRepository() {
        CimClass proc = repo.getClass("root\\cimv2", CimName.of("Win32_Process")).orElseThrow();
        for (int i = 1; i <= 5; i++) {
            repo.putInstance("root\\cimv2", proc.newInstance().set("Handle", Integer.toString(i * 100))
                    .set("ProcessId", (long) i * 100).set("Name", "p" + i + ".exe").build(), 0);
        }
        WqlEvaluator wql = new WqlEvaluator(repo.querySource("root\\cimv2"));
        try (Stream<CimObject> s = wql.execute("SELECT Name FROM Win32_Process WHERE ProcessId > 250")) {
            assertThat(s.map(o -> o.value(CimName.of("Name")).asString()))
                    .containsExactlyInAnyOrder("p3.exe", "p4.exe", "p5.exe");
        }
        try (Stream<CimObject> s = wql.execute("SELECT Handle FROM CIM_Process WHERE Name LIKE 'p_.exe'")) {
            assertThat(s.count()).isEqualTo(5);
        }
        try (Stream<CimObject> s = wql.execute("SELECT * FROM meta_class WHERE __CLASS = 'Win32_Service'")) {
            assertThat(s.count()).isEqualTo(1);
        }
        assertThatThrownBy(() -> wql.execute("SELECT * FROM Win32_Nope").count())
                .isInstanceOfSatisfying(CimException.class,
                        e -> assertThat(e.status()).isEqualTo(WbemStatus.WBEM_E_INVALID_CLASS));
        assertThat(repo.querySource("root\\cimv2").getInstance(CimObjectPath.parse("Win32_Process.Handle=\"300\"")))
                .isPresent();
    }

    @Test
    void mofCompilesAgainstTheRepository() {
        var unit = MofCompiler.builder().classResolver(repo.classResolver()).defaultNamespace("root\\cimv2").build()
                .compile("app.mof", "class App_Widget : CIM_LogicalElement { [key] string Id; };\n"
                        + "instance of App_Widget { Id = \"w1\"; Caption = \"first\"; };\n");
        repo.load(unit);
        CimInstance w = (CimInstance) repo.getObject("root\\cimv2", CimObjectPath.parse("App_Widget.Id=\"w1\""));
        assertThat(w.value(CimName.of("Caption")).asString()).isEqualTo("first");
        assertThat(w.isA(CimName.of("CIM_ManagedSystemElement"))).isTrue();
    }

    static List<String> ids(Stream<? extends CimObject> s) {
        return ids(s, "Id");
    }

    static List<String> ids(Stream<? extends CimObject> s, String prop) {
        try (s) {
            return s.map(o -> o.value(CimName.of(prop)).asString()).collect(Collectors.toList());
        }
    }

    static List<String> names(Stream<CimClass> s) {
        try (s) {
            return s.map(c -> c.name().text()).collect(Collectors.toList());
        }
    }
}
