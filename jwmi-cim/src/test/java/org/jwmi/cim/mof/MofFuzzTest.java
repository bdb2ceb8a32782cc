package org.jwmi.cim.mof;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the text, the compiler either compiles it or throws a {@link MofException}; nothing else. */
class MofFuzzTest {
    private static final String SAMPLE = MofTesting.resource("sample.mof");
    private static final List<String> TOKENS = List.of("class", "instance", "of", "as", "$a", "$b", "qualifier",
            "#pragma", "#include", "namespace", "classflags", "deleteclass", "deleteinstance", "instanceflags",
            "autorecover", "amendment", "(", ")", "{", "}", "[", "]", ";", ",", ":", "=", "-", "ref", "object",
            "void", "uint32", "string", "sint8", "real32", "datetime", "char16", "boolean", "A", "B", "K", "key",
            "in", "out", "id", "Association", "Abstract", "ToSubClass", "DisableOverride", "Restricted",
            "EmbeddedObject", "EmbeddedInstance", "MAX", "CIMTYPE", "scope", "flavor", "property", "class", "TRUE",
            "NULL", "0", "1", "-1", "0x10", "077", "101b", "1.5", "1e400", "\"s\"", "\"A.K=1\"",
            "\"\\\\\\\\.\\\\root\"", "\"20240101000000.000000+000\"", "'c'", "FAIL", "NOFAIL", "\n", " ", "//x\n",
            "/*", "*/", "\"createonly\"", "ReturnValue");

    private static MofCompiler compiler() {
        return MofCompiler.builder()
                .includeResolver((n, from) -> n.equals("qualifiers.mof")
                        ? new MofSource(n, MofTesting.resource("qualifiers.mof")) : null)
                .classResolver(new MofTesting.MapResolver().add("root", MofTesting.namespaceClass())).build();
    }

    private static void compileSafely(String text) {
        try {
            MofUnit u = compiler().compile("fuzz.mof", text);
            assertThat(u).isNotNull();
            MofWriter.unitText(u);
        } catch (MofException e) {
            assertThat(e.diagnostics()).isNotEmpty();
            assertThat(e.getMessage()).startsWith("fuzz.mof").doesNotContain("null (");
        }
    }

    @Property(tries = 500)
    void arbitraryText(@ForAll String text) {
        compileSafely(text);
    }

    @Provide
    Arbitrary<String> tokenSoup() {
        return Arbitraries.of(TOKENS).list().ofMaxSize(60).map(l -> String.join(" ", l));
    }

    @Property(tries = 1000)
    void tokenSequences(@ForAll("tokenSoup") String text) {
        compileSafely(text);
    }

    @Provide
    Arbitrary<String> mutatedSample() {
        Arbitrary<int[]> edit = Arbitraries.integers().between(0, SAMPLE.length() - 1).flatMap(at ->
                Arbitraries.integers().between(0, 12).flatMap(len ->
                        Arbitraries.integers().between(0, TOKENS.size() - 1).map(t -> new int[] {at, len, t})));
        return edit.list().ofMinSize(1).ofMaxSize(4).map(edits -> {
            StringBuilder sb = new StringBuilder(SAMPLE);
            for (int[] e : edits) {
                int at = Math.min(e[0], sb.length());
                int end = Math.min(at + e[1], sb.length());
                sb.replace(at, end, e[1] % 3 == 0 ? "" : TOKENS.get(e[2]));
            }
            return sb.toString();
        });
    }

    @Property(tries = 600)
    void mutationsOfTheSample(@ForAll("mutatedSample") String text) {
        compileSafely(text);
    }
}
