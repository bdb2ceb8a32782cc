package org.jwmi.cim.mof;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A compiler for Managed Object Format as WMI's mofcomp accepts it (WMI SDK "Managed Object Format (MOF)",
 * "#pragma", "MOF Data Types", "Creating an Alias", "Qualifier Flavors"; DMTF DSP0004 for the grammar mofcomp
 * extends). It compiles text into a {@link MofUnit}: the ordered operations that load it into a repository and,
 * per namespace, the qualifier declarations, classes (built with {@code CimClass.Builder}, so inheritance, qualifier
 * propagation and CIMTYPE are computed) and instances. It does no I/O: included files come from an
 * {@link IncludeResolver}, classes the unit does not define from a {@link ClassResolver}.
 *
 * <p>Immutable and thread-safe; one compiler may compile many units. {@link #compile(String, String)} throws
 * {@link MofException} (a {@code CimException}) and nothing else for bad text.
 *
 * <p>Decisions where mofcomp is loosely documented (also in the package documentation):
 * <ul>
 *   <li>Qualifiers need no declaration unless {@link Builder#strictQualifiers(boolean)} is on. An undeclared
 *       qualifier's type comes from its value (boolean, sint32 — sint64/uint64 when too large —, real64, string,
 *       char16, or arrays of them; no value means boolean TRUE; NULL is a NULL string) and its flavor is 0
 *       (restricted, overridable), except {@code key}, which gets ToInstance ToSubClass DisableOverride (0x13) as
 *       WMI stores it. A declaration (in the unit, or from the resolver) gives the type, the default flavor and the
 *       scopes, which are checked.</li>
 *   <li>Syntax errors stop at the first; semantic errors are collected per statement up to
 *       {@link Builder#maxErrors(int)}.</li>
 * </ul>
 */
public final class MofCompiler {
    /** Where mofcomp puts what the text does not place with {@code #pragma namespace}. */
    public static final String DEFAULT_NAMESPACE = "root\\default";
    /** Default limit on collected errors. */
    public static final int DEFAULT_MAX_ERRORS = 100;

    private final ClassResolver classResolver;
    private final IncludeResolver includeResolver;
    private final String defaultNamespace;
    private final boolean strictQualifiers;
    private final int maxErrors;

    private MofCompiler(Builder b) {
        this.classResolver = b.classResolver;
        this.includeResolver = b.includeResolver;
        this.defaultNamespace = b.defaultNamespace;
        this.strictQualifiers = b.strictQualifiers;
        this.maxErrors = b.maxErrors;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A compiler with no resolvers, the default namespace root\default and lenient qualifiers. */
    public static MofCompiler standard() {
        return builder().build();
    }

    /**
     * Compiles {@code text}, reporting errors under {@code fileName}.
     *
     * @throws MofException for any error in the text, its includes, or what it builds
     */
    public MofUnit compile(String fileName, String text) {
        return compile(new MofSource(fileName, text));
    }

    /** Compiles {@code source}. */
    public MofUnit compile(MofSource source) {
        List<String> files = new ArrayList<>();
        List<MofAst.Stmt> stmts;
        try {
            stmts = MofParser.parse(new SourceText(source.name(), source.text()), includeResolver, files);
        } catch (MofFailure f) {
            throw new MofException(List.of(f.diagnostic()));
        }
        return new Elaborator(classResolver, defaultNamespace, strictQualifiers, maxErrors).run(stmts, files);
    }


    /** Configures a {@link MofCompiler}. */
    public static final class Builder {
        private ClassResolver classResolver = ClassResolver.NONE;
        private IncludeResolver includeResolver = IncludeResolver.NONE;
        private String defaultNamespace = DEFAULT_NAMESPACE;
        private boolean strictQualifiers;
        private int maxErrors = DEFAULT_MAX_ERRORS;

        private Builder() {
        }

        /** Where classes and qualifier declarations the unit does not define are looked up. */
        public Builder classResolver(ClassResolver r) {
            this.classResolver = Objects.requireNonNull(r, "classResolver");
            return this;
        }

        /** Where {@code #include} finds files (default: none; an include is an error). */
        public Builder includeResolver(IncludeResolver r) {
            this.includeResolver = Objects.requireNonNull(r, "includeResolver");
            return this;
        }

        /**
         * The namespace before any {@code #pragma namespace} (mofcomp's {@code -N:}): {@code root\cimv2},
         * {@code \\.\root\cimv2} or {@code //./root/cimv2} (the local server only).
         */
        public Builder defaultNamespace(String ns) {
            String n = Objects.requireNonNull(ns, "defaultNamespace").replace('/', '\\');
            if (n.startsWith("\\\\")) {
                int k = n.indexOf('\\', 2);
                String server = k < 0 ? n.substring(2) : n.substring(2, k);
                if (!server.equals(".") && !server.equalsIgnoreCase("localhost")) {
                    throw new IllegalArgumentException("the default namespace must be on the local server: " + ns);
                }
                n = k < 0 ? "" : n.substring(k + 1);
            } else if (n.startsWith("\\")) {
                n = n.substring(1);
            }
            if (!Elaborator.isNamespacePath(n)) {
                throw new IllegalArgumentException("not a namespace path: " + ns);
            }
            this.defaultNamespace = n;
            return this;
        }

        /**
         * Whether every qualifier must be declared (in the unit or by the class resolver); {@code in}, {@code out}
         * and {@code id} on parameters are exempt. Default false, as mofcomp.
         */
        public Builder strictQualifiers(boolean on) {
            this.strictQualifiers = on;
            return this;
        }

        /** Stop after this many errors (at least 1). */
        public Builder maxErrors(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxErrors must be at least 1");
            }
            this.maxErrors = n;
            return this;
        }

        public MofCompiler build() {
            return new MofCompiler(this);
        }
    }
}
