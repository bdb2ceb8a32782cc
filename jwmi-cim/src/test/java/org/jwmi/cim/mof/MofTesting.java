package org.jwmi.cim.mof;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimType;

/** Helpers shared by the MOF tests. */
final class MofTesting {
    private MofTesting() {
    }

    /** A repository stand-in: classes by namespace and name. */
    static final class MapResolver implements ClassResolver {
        private final Map<String, Map<CimName, CimClass>> classes = new HashMap<>();

        MapResolver add(String ns, CimClass c) {
            classes.computeIfAbsent(MofUnit.key(ns), k -> new HashMap<>()).put(c.name(), c);
            return this;
        }

        @Override
        public CimClass resolveClass(String namespace, CimName name) {
            return classes.getOrDefault(MofUnit.key(namespace), Map.of()).get(name);
        }
    }

    /** __Namespace as a repository has it (enough for "instance of __Namespace"). */
    static CimClass namespaceClass() {
        return CimClass.builder("__NAMESPACE").property("Name", CimType.STRING, p -> p.key()).build();
    }

    static MofUnit compile(String text) {
        return MofCompiler.standard().compile("test.mof", text);
    }

    static MofException error(String text) {
        return catchThrowableOfType(MofException.class, () -> compile(text));
    }

    static String resource(String name) {
        try (InputStream in = MofTesting.class.getResourceAsStream("/mof/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource mof/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resolves includes from the test resources under mof/. */
    static final IncludeResolver RESOURCES = (name, including) -> new MofSource(name, resource(name));
}
