package org.jwmi.cim.mof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.jwmi.cim.mof.MofTesting.compile;

import java.util.List;
import java.util.Set;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.CimType;
import org.jwmi.cim.CimValue;
import org.jwmi.cim.WbemStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Namespaces, flags, deletions, includes and aliases. */
class MofPragmaAndAliasTest {

    private static String nsOf(MofUnit u, int op) {
        return u.operations().get(op).namespace();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "\"\\\\\\\\.\\\\root\\\\cimv2\"      | root\\cimv2",
            "\"\\\\\\\\.\\\\Root\\\\CimV2\"      | Root\\CimV2",
            "\"\\\\\\\\localhost\\\\root\\\\x\"  | root\\x",
            "\"\\\\root\\\\subscription\"        | root\\subscription",
            "\"//./root/wmi\"                    | root\\wmi",
            "\"/root\"                           | root",
            "\"ms_409\"                          | root\\default\\ms_409",
            "\"a\\\\b\"                          | root\\default\\a\\b",
            "\"\\\\\\\\.\\\\\" \"root\"          | root"})
    void namespaceForms(String literal, String expected) {
        MofUnit u = compile("#pragma namespace(" + literal + ")\nclass A { };");
        assertThat(nsOf(u, 0)).isEqualTo(expected);
    }

    @Test
    void relativeNamespacesBuildOnTheCurrentOneAndTheDefaultIsConfigurable() {
        MofUnit u = MofCompiler.builder().defaultNamespace("//./root/cimv2").build().compile("t.mof", """
                class A { };
                #pragma namespace("ms_409")
                class A { };
                #pragma namespace("sub")
                class B { };
                #pragma namespace("\\\\\\\\.\\\\root")
                class C { };""");
        assertThat(u.operations()).extracting(MofOperation::namespace)
                .containsExactly("root\\cimv2", "root\\cimv2\\ms_409", "root\\cimv2\\ms_409\\sub", "root");
        assertThat(u.namespaces()).hasSize(4);
        assertThat(u.namespace("ROOT\\CIMV2\\MS_409").orElseThrow().classes()).hasSize(1);
    }

    @Test
    void classesAreLookedUpPerNamespace() {
        MofException e = MofTesting.error("""
                class Base { };
                #pragma namespace("other")
                class D : Base { };""");
        assertThat(e.status()).isEqualTo(WbemStatus.WBEM_E_INVALID_SUPERCLASS);
        assertThat(e.first().message()).contains("root\\default\\other");
    }

    @Test
    void classAndInstanceFlagsApplyUntilChanged() {
        MofUnit u = compile("""
                class A { [key] string K; };
                #pragma classflags("updateonly, forceupdate")
                class B { };
                #pragma classflags("CreateOnly", "SafeUpdate")
                #pragma instanceflags("updateonly")
                class C { };
                instance of A { K = "1"; };
                #pragma classflags("")
                #pragma instanceflags("")
                class D { };
                instance of A { K = "2"; };""");
        List<ChangeFlags> flags = u.operations().stream().map(o -> o instanceof MofOperation.PutClass c ? c.flags()
                : ((MofOperation.PutInstance) o).flags()).toList();
        assertThat(flags).extracting(ChangeFlags::bits).containsExactly(0x00, 0x41, 0x22, 0x01, 0x00, 0x00);
        assertThat(flags.get(1).flags()).containsExactlyInAnyOrder(ChangeFlags.Flag.UPDATE_ONLY,
                ChangeFlags.Flag.UPDATE_FORCE_MODE);
    }

    @Test
    void deletionsAreOperationsAndShapeTheNamespaceView() {
        MofTesting.MapResolver repo = new MofTesting.MapResolver();
        CimClass old = CimClass.builder("Old").build();
        repo.add("root\\default", old).add("root\\default", CimClass.derive("OldChild", old).build());
        MofUnit u = MofCompiler.builder().classResolver(repo).build().compile("t.mof", """
                class A { [key] string K; };
                class B : A { };
                class Keep { [key] string K; };
                instance of B { K = "b"; };
                instance of Keep { K = "1"; };
                instance of Keep { K = "2"; };
                #pragma deleteclass("A", NOFAIL)
                #pragma deleteinstance("Keep.K=\\"1\\"", FAIL)
                #pragma deleteclass("Old", fail)
                class A { string Again; };""");
        assertThat(u.operations()).hasSize(10);
        MofOperation.DeleteClass dc = (MofOperation.DeleteClass) u.operations().get(6);
        assertThat(dc.className()).isEqualTo(CimName.of("A"));
        assertThat(dc.failIfMissing()).isFalse();
        MofOperation.DeleteInstance di = (MofOperation.DeleteInstance) u.operations().get(7);
        assertThat(di.path()).isEqualTo(CimObjectPath.parse("Keep.K=\"1\""));
        assertThat(di.failIfMissing()).isTrue();
        assertThat(di.location().line()).isEqualTo(8);
        MofNamespace ns = u.namespaces().get(0);
        assertThat(ns.classes()).extracting(c -> c.name().text()).containsExactly("Keep", "A");
        assertThat(ns.cimClass("A").orElseThrow().propertyNames()).extracting(CimName::text).containsExactly("Again");
        assertThat(ns.instances()).extracting(i -> i.value("K").asString()).containsExactly("2");
        // Deleted classes (and their subclasses in the repository) are not found any more.
        MofException e = MofTesting.error("class A { };\n#pragma deleteclass(\"A\", FAIL)\nclass B : A { };");
        assertThat(e.status()).isEqualTo(WbemStatus.WBEM_E_INVALID_SUPERCLASS);
        MofException e2 = catchThrowableOfType(MofException.class, () -> MofCompiler.builder().classResolver(repo)
                .build().compile("t.mof", "#pragma deleteclass(\"Old\", FAIL)\nclass X : OldChild { };"));
        assertThat(e2.status()).isEqualTo(WbemStatus.WBEM_E_INVALID_SUPERCLASS);
    }

    @Test
    void includedFilesShareNamespaceFlagsAndAliases() {
        MofCompiler c = MofCompiler.builder().includeResolver((name, from) -> switch (name) {
            case "schema.mof" -> new MofSource("schema.mof", """
                    #pragma namespace("\\\\\\\\.\\\\root\\\\lib")
                    class Node { [key] string Id; Node ref Next; };
                    #pragma include ("data.mof")
                    """);
            case "data.mof" -> new MofSource("data.mof", "instance of Node as $first { Id = \"1\"; Next = $second; };");
            default -> null;
        }).build();
        MofUnit u = c.compile("main.mof", """
                #include "schema.mof"
                instance of Node as $second { Id = "2"; Next = $first; };""");
        assertThat(u.files()).containsExactly("main.mof", "schema.mof", "data.mof");
        assertThat(u.operations()).extracting(MofOperation::namespace).containsOnly("root\\lib");
        assertThat(u.operations().get(1).location().file()).isEqualTo("data.mof");
        List<CimInstance> nodes = u.instances();
        assertThat(nodes.get(0).value("Next").asString()).isEqualTo("Node.Id=\"2\"");
        assertThat(nodes.get(1).value("Next").asString()).isEqualTo("Node.Id=\"1\"");
    }

    @Test
    void aliasesResolveAcrossNamespacesWithTheNamespaceInThePath() {
        MofUnit u = compile("""
                #pragma namespace("\\\\\\\\.\\\\root\\\\a")
                class T { [key] uint32 N; };
                instance of T as $t { N = 7; };
                class Here { [key] string K; object ref R; object ref Refs[]; };
                instance of Here { K = "same"; R = $t; Refs = {$t, $c, "T.N=1"}; };
                #pragma namespace("\\\\\\\\.\\\\root\\\\b")
                class Other as $c { [key] string K; object ref R; };
                instance of Other { K = "far"; R = $t; };""");
        CimInstance same = u.namespace("root\\a").orElseThrow().instancesOf("Here").get(0);
        assertThat(same.value("R").asString()).isEqualTo("T.N=7");
        assertThat(same.value("Refs")).isEqualTo(CimValue.array(CimType.REFERENCE,
                List.of("T.N=7", "root\\b:Other", "T.N=1")));
        CimInstance far = u.namespace("root\\b").orElseThrow().instancesOf("Other").get(0);
        assertThat(far.value("R").asString()).isEqualTo("root\\a:T.N=7");
        assertThat(far.value("R").asPath().namespace()).isEqualTo("root\\a");
    }

    @Test
    void aliasCyclesThroughNonKeyReferencesAreFine() {
        MofUnit u = compile("""
                class P { [key] string Name; P ref Partner; };
                instance of P as $romeo { Name = "Romeo"; Partner = $juliet; };
                instance of P as $juliet { Name = "Juliet"; Partner = $romeo; };""");
        assertThat(u.instances()).extracting(i -> i.value("Partner").asString())
                .containsExactly("P.Name=\"Juliet\"", "P.Name=\"Romeo\"");
    }

    @Test
    void keyReferencesMayChainThroughAliases() {
        MofUnit u = compile("""
                class N { [key] string Id; };
                [Association] class L { [key] N ref A; [key] N ref B; };
                class Meta { [key] L ref Link; };
                instance of Meta { Link = $link; };
                instance of L as $link { A = $n1; B = $n2; };
                instance of N as $n1 { Id = "1"; };
                instance of N as $n2 { Id = "2"; };""");
        assertThat(u.instances().get(0).value("Link").asString())
                .isEqualTo("L.A=\"N.Id=\\\"1\\\"\",B=\"N.Id=\\\"2\\\"\"");
        assertThat(u.instances().get(0).value("Link").asPath().key(CimName.of("A")).orElseThrow().asString())
                .isEqualTo("N.Id=\"1\"");
    }

    @Test
    void autorecoverIsRecordedAndFlagsDefaultToCreateOrUpdate() {
        assertThat(compile("#pragma AUTORECOVER\nclass A { };").autorecover()).isTrue();
        MofUnit u = compile("class A { };");
        assertThat(u.autorecover()).isFalse();
        assertThat(((MofOperation.PutClass) u.operations().get(0)).flags()).isEqualTo(ChangeFlags.CREATE_OR_UPDATE);
        assertThat(ChangeFlags.of(Set.of(ChangeFlags.Flag.CREATE_ONLY)).mofWords()).isEqualTo("\"createonly\"");
    }
}
