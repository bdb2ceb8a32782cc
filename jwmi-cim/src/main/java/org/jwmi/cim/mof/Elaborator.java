package org.jwmi.cim.mof;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimDateTime;
import org.jwmi.cim.CimException;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimMethod;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.CimProperty;
import org.jwmi.cim.CimQualifier;
import org.jwmi.cim.CimQualifierSet;
import org.jwmi.cim.CimQualifierType;
import org.jwmi.cim.CimQualifierType.Scope;
import org.jwmi.cim.CimType;
import org.jwmi.cim.CimValue;
import org.jwmi.cim.QualifierFlavor;
import org.jwmi.cim.WbemStatus;
import org.jwmi.cim.mof.MofAst.AliasRef;
import org.jwmi.cim.mof.MofAst.Arr;
import org.jwmi.cim.mof.MofAst.Bool;
import org.jwmi.cim.mof.MofAst.Chr;
import org.jwmi.cim.mof.MofAst.ClassDecl;
import org.jwmi.cim.mof.MofAst.Embedded;
import org.jwmi.cim.mof.MofAst.Feature;
import org.jwmi.cim.mof.MofAst.Ident;
import org.jwmi.cim.mof.MofAst.Init;
import org.jwmi.cim.mof.MofAst.InstanceDecl;
import org.jwmi.cim.mof.MofAst.Int;
import org.jwmi.cim.mof.MofAst.Method;
import org.jwmi.cim.mof.MofAst.Null;
import org.jwmi.cim.mof.MofAst.Pos;
import org.jwmi.cim.mof.MofAst.Pragma;
import org.jwmi.cim.mof.MofAst.Prop;
import org.jwmi.cim.mof.MofAst.Qual;
import org.jwmi.cim.mof.MofAst.QualifierDecl;
import org.jwmi.cim.mof.MofAst.Real;
import org.jwmi.cim.mof.MofAst.Stmt;
import org.jwmi.cim.mof.MofAst.Str;
import org.jwmi.cim.mof.MofAst.TypeRef;
import org.jwmi.cim.mof.MofAst.Value;
import org.jwmi.cim.mof.MofAst.Word;

/**
 * Turns parsed statements into model objects, in text order: pragmas change the namespace and flags, qualifier
 * declarations and classes are built as they come (a superclass must precede its subclass or be known to the
 * resolver), instances are built after the last statement so that aliases may be used before their definition.
 */
final class Elaborator {
    private static final CimName MAX = CimName.of("MAX");
    private static final CimName EMBEDDED_OBJECT = CimName.of("EmbeddedObject");
    private static final CimName EMBEDDED_INSTANCE = CimName.of("EmbeddedInstance");
    private static final CimName INDICATION = CimName.of("Indication");
    private static final Set<CimName> PARAMETER_SYNTAX = Set.of(CimQualifier.IN, CimQualifier.OUT, CimQualifier.ID);
    /** The flavor WMI gives an undeclared {@code key}: ToInstance ToSubClass DisableOverride. */
    private static final QualifierFlavor KEY_FLAVOR = QualifierFlavor.of(QualifierFlavor.PROPAGATE_TO_INSTANCE
            | QualifierFlavor.PROPAGATE_TO_DERIVED_CLASS | QualifierFlavor.NOT_OVERRIDABLE);
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final Set<String> UNSUPPORTED_PRAGMAS = Set.of("amendment", "locale", "source", "sourcetype",
            "nonlocal", "nonlocaltype");

    private final ClassResolver resolver;
    private final boolean strict;
    private final int maxErrors;
    private final List<MofDiagnostic> errors = new ArrayList<>();
    private final Map<String, Space> spaces = new HashMap<>();
    private final Map<String, Alias> aliases = new HashMap<>();
    /** Operations in text order; a {@link Pending} until its instance is built. */
    private final List<Object> slots = new ArrayList<>();
    private final List<Pending> pending = new ArrayList<>();
    private String ns;
    private ChangeFlags classFlags = ChangeFlags.CREATE_OR_UPDATE;
    private ChangeFlags instanceFlags = ChangeFlags.CREATE_OR_UPDATE;
    private boolean autorecover;
    /** True once every statement is read and the instances are being built. */
    private boolean finishing;
    private List<String> files = List.of();

    /** What the unit has defined so far in one namespace. */
    private static final class Space {
        final String name;
        final Map<CimName, CimQualifierType> qualifierTypes = new HashMap<>();
        final Map<CimName, QualifierFlavor> defaultFlavors = new HashMap<>();
        final Map<CimName, CimClass> classes = new LinkedHashMap<>();
        final Set<CimName> deleted = new HashSet<>();
        final Set<CimName> failed = new HashSet<>();

        Space(String name) {
            this.name = name;
        }
    }

    /** An alias: to a class (path = class name) or to an instance (path from its keys). */
    private record Alias(String ns, CimName className, Pending instance) {
    }

    /** A top-level instance, built after all statements. */
    private static final class Pending {
        final String ns;
        final InstanceDecl decl;
        final CimClass cls;
        final ChangeFlags flags;
        CimInstance built;
        CimObjectPath path;
        boolean failed;
        boolean keysInProgress;

        Pending(String ns, InstanceDecl decl, CimClass cls, ChangeFlags flags) {
            this.ns = ns;
            this.decl = decl;
            this.cls = cls;
            this.flags = flags;
        }
    }

    Elaborator(ClassResolver resolver, String defaultNamespace, boolean strict, int maxErrors) {
        this.resolver = resolver;
        this.strict = strict;
        this.maxErrors = maxErrors;
        this.ns = defaultNamespace;
    }

    // ------------------------------------------------------------------ driver

    MofUnit run(List<Stmt> stmts, List<String> files) {
        this.files = files;
        for (Stmt s : stmts) {
            try {
                statement(s);
            } catch (MofFailure f) {
                report(f.diagnostic());
            } catch (CimException e) {
                report(new MofDiagnostic(s.pos().location(), null, e.status(), modelMessage(e)));
            }
        }
        finishing = true;
        for (Pending p : pending) {
            try {
                build(p);
            } catch (MofFailure f) {
                p.failed = true;
                report(f.diagnostic());
            } catch (CimException e) {
                p.failed = true;
                report(new MofDiagnostic(p.decl.pos().location(), null, e.status(), modelMessage(e)));
            }
        }
        if (!errors.isEmpty()) {
            throw new MofException(sorted());
        }
        List<MofOperation> ops = new ArrayList<>();
        for (Object o : slots) {
            if (o instanceof MofOperation op) {
                ops.add(op);
            } else {
                Pending p = (Pending) o;
                ops.add(new MofOperation.PutInstance(p.ns, p.built, p.flags,
                        p.decl.alias() == null ? null : p.decl.alias().text(), p.decl.pos().location()));
            }
        }
        return new MofUnit(ops, autorecover, files);
    }

    /** The errors in text order: by file (in order of inclusion), then by offset. */
    private List<MofDiagnostic> sorted() {
        List<MofDiagnostic> l = new ArrayList<>(errors);
        l.sort(Comparator.<MofDiagnostic>comparingInt(d -> files.indexOf(d.location().file()))
                .thenComparingInt(d -> d.location().offset()));
        return l;
    }

    private void report(MofDiagnostic d) {
        for (MofDiagnostic e : errors) {
            if (e.location().equals(d.location()) && e.message().equals(d.message())) {
                return;
            }
        }
        errors.add(d);
        if (errors.size() >= maxErrors) {
            throw new MofException(sorted());
        }
    }

    /** The model's message without the status prefix CimException adds. */
    private static String modelMessage(CimException e) {
        String m = e.getMessage();
        String prefix = e.status().describe() + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    private Space space(String name) {
        return spaces.computeIfAbsent(MofUnit.key(name), k -> new Space(name));
    }

    private void statement(Stmt s) {
        if (s instanceof Pragma p) {
            pragma(p);
        } else if (s instanceof QualifierDecl q) {
            qualifierDecl(q);
        } else if (s instanceof ClassDecl c) {
            classDecl(c);
        } else if (s instanceof InstanceDecl i) {
            instanceDecl(i);
        }
    }

    private static MofFailure fail(Pos pos, MofErrorCode code, String msg) {
        return MofFailure.of(pos, code, msg);
    }

    private static MofFailure fail(Pos pos, WbemStatus status, String msg) {
        return MofFailure.of(pos, status, msg);
    }

    private static CimName name(Ident id) {
        return CimName.of(id.text());
    }

    // ------------------------------------------------------------------ lookups

    /** The class {@code n} in namespace {@code space}: the unit's own, else the resolver's (unless deleted). */
    private CimClass lookupClass(String space, CimName n) {
        Space sp = space(space);
        CimClass c = sp.classes.get(n);
        if (c != null || sp.deleted.contains(n)) {
            return c;
        }
        c = resolver.resolveClass(sp.name, n);
        if (c != null) {
            for (CimName d : c.derivation()) {
                if (sp.deleted.contains(d)) {
                    return null;
                }
            }
        }
        return c;
    }

    private CimQualifierType lookupQualifierType(String space, CimName n) {
        Space sp = space(space);
        CimQualifierType t = sp.qualifierTypes.get(n);
        return t != null ? t : resolver.resolveQualifierType(sp.name, n);
    }

    private String missingClass(String space, CimName n) {
        return space(space).failed.contains(n) ? " (its definition above failed)" : "";
    }

    // ------------------------------------------------------------------ pragmas

    private void pragma(Pragma p) {
        String name = p.name().text().toLowerCase(Locale.ROOT);
        switch (name) {
            case "namespace" -> {
                if (p.args().size() != 1 || !(p.args().get(0) instanceof Str s)) {
                    throw fail(p.pos(), MofErrorCode.WBEMMOF_E_INVALID_NAMESPACE_SYNTAX,
                            "#pragma namespace takes one string: #pragma namespace(\"\\\\\\\\.\\\\root\\\\cimv2\")");
                }
                ns = resolveNamespace(s.pos(), s.value());
                space(ns);
            }
            case "classflags" -> classFlags = flags(p, true);
            case "instanceflags" -> instanceFlags = flags(p, false);
            case "deleteclass" -> deleteClass(p);
            case "deleteinstance" -> deleteInstance(p);
            case "autorecover" -> {
                if (!p.args().isEmpty()) {
                    throw fail(p.pos(), MofErrorCode.WBEMMOF_E_INVALID_PRAGMA, "#pragma autorecover takes no arguments");
                }
                autorecover = true;
            }
            default -> {
                if (UNSUPPORTED_PRAGMAS.contains(name)) {
                    throw fail(p.name().pos(), MofErrorCode.WBEMMOF_E_INVALID_PRAGMA, "#pragma " + p.name().text()
                            + " is not supported by this compiler (supported: namespace, classflags, instanceflags, "
                            + "deleteclass, deleteinstance, include, autorecover)");
                }
                throw fail(p.name().pos(), MofErrorCode.WBEMMOF_E_INVALID_PRAGMA, "#pragma " + p.name().text()
                        + " is not a pragma WMI defines");
            }
        }
    }

    /** True for {@code a\b\c} with identifier elements. */
    static boolean isNamespacePath(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (String e : s.split("\\\\", -1)) {
            if (!CimName.isIdentifier(e)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code \\server\ns} and {@code //server/ns} (server "." or "localhost") and {@code \ns} are absolute; anything
     * else is relative to the current namespace.
     */
    private String resolveNamespace(Pos pos, String raw) {
        String s = raw.replace('/', '\\');
        String path;
        if (s.startsWith("\\\\")) {
            String rest = s.substring(2);
            int k = rest.indexOf('\\');
            String server = k < 0 ? rest : rest.substring(0, k);
            if (!server.equals(".") && !server.equalsIgnoreCase("localhost")) {
                throw fail(pos, MofErrorCode.WBEMMOF_E_INVALID_NAMESPACE_SPECIFICATION, "namespace \"" + raw
                        + "\" names server '" + server + "'; only the local server (\\\\.) may be named");
            }
            path = k < 0 ? "" : rest.substring(k + 1);
        } else if (s.startsWith("\\")) {
            path = s.substring(1);
        } else {
            path = s.isEmpty() ? "" : ns + "\\" + s;
        }
        if (!isNamespacePath(path)) {
            throw fail(pos, MofErrorCode.WBEMMOF_E_INVALID_NAMESPACE_SYNTAX, "\"" + raw
                    + "\" is not a namespace path such as \\\\.\\root\\cimv2 or a relative name");
        }
        return path;
    }

    private ChangeFlags flags(Pragma p, boolean classes) {
        EnumSet<ChangeFlags.Flag> set = EnumSet.noneOf(ChangeFlags.Flag.class);
        String what = classes ? "classflags" : "instanceflags";
        for (Value a : p.args()) {
            if (!(a instanceof Str s)) {
                throw fail(a.pos(), MofErrorCode.WBEMMOF_E_INVALID_FLAGS_SYNTAX, "#pragma " + what
                        + " takes quoted flags, e.g. #pragma " + what + "(\"createonly\")");
            }
            for (String w : s.value().split(",", -1)) {
                String word = w.trim();
                if (word.isEmpty() && s.value().trim().isEmpty()) {
                    continue;
                }
                ChangeFlags.Flag f = ChangeFlags.Flag.ofMofWord(word);
                if (f == null || (!classes && (f == ChangeFlags.Flag.UPDATE_SAFE_MODE
                        || f == ChangeFlags.Flag.UPDATE_FORCE_MODE))) {
                    throw fail(s.pos(), MofErrorCode.WBEMMOF_E_INVALID_FLAGS_SYNTAX, "'" + word + "' is not a flag of #pragma "
                            + what + " (" + (classes ? "createonly, updateonly, safeupdate, forceupdate"
                            : "createonly, updateonly") + ")");
                }
                set.add(f);
            }
        }
        if (set.contains(ChangeFlags.Flag.CREATE_ONLY) && set.contains(ChangeFlags.Flag.UPDATE_ONLY)) {
            throw fail(p.pos(), MofErrorCode.WBEMMOF_E_INVALID_FLAGS_SYNTAX, "createonly and updateonly exclude each other");
        }
        if (set.contains(ChangeFlags.Flag.UPDATE_SAFE_MODE) && set.contains(ChangeFlags.Flag.UPDATE_FORCE_MODE)) {
            throw fail(p.pos(), MofErrorCode.WBEMMOF_E_INVALID_FLAGS_SYNTAX, "safeupdate and forceupdate exclude each other");
        }
        return ChangeFlags.of(set);
    }

    /** The FAIL/NOFAIL word of deleteclass/deleteinstance; null if it is not one. */
    private static Boolean failWord(List<Value> args) {
        if (args.size() != 2 || !(args.get(1) instanceof Word w)) {
            return null;
        }
        if (w.text().equalsIgnoreCase("fail")) {
            return true;
        }
        return w.text().equalsIgnoreCase("nofail") ? false : null;
    }

    private void deleteClass(Pragma p) {
        Boolean failIfMissing = failWord(p.args());
        if (failIfMissing == null || !(p.args().get(0) instanceof Str s) || !CimName.isIdentifier(s.value())) {
            throw fail(p.pos(), MofErrorCode.WBEMMOF_E_INVALID_DELETECLASS_SYNTAX,
                    "expected #pragma deleteclass(\"ClassName\", FAIL) or (\"ClassName\", NOFAIL)");
        }
        CimName n = CimName.of(s.value());
        Space sp = space(ns);
        sp.classes.values().removeIf(c -> {
            boolean gone = c.name().equals(n) || c.derivation().contains(n);
            if (gone) {
                sp.deleted.add(c.name());
            }
            return gone;
        });
        sp.deleted.add(n);
        slots.add(new MofOperation.DeleteClass(ns, n, failIfMissing, p.pos().location()));
    }

    private void deleteInstance(Pragma p) {
        Boolean failIfMissing = failWord(p.args());
        CimObjectPath path = null;
        if (failIfMissing != null && p.args().get(0) instanceof Str s) {
            try {
                path = CimObjectPath.parse(s.value());
            } catch (CimException e) {
                throw fail(s.pos(), MofErrorCode.WBEMMOF_E_INVALID_DELETEINSTANCE_SYNTAX,
                        "\"" + s.value() + "\" is not an instance path: " + modelMessage(e));
            }
        }
        if (path == null || !path.isInstancePath()) {
            throw fail(p.pos(), MofErrorCode.WBEMMOF_E_INVALID_DELETEINSTANCE_SYNTAX,
                    "expected #pragma deleteinstance(\"Class.Key=value\", FAIL) or (..., NOFAIL)");
        }
        slots.add(new MofOperation.DeleteInstance(ns, path, failIfMissing, p.pos().location()));
    }

    // ------------------------------------------------------------------ qualifiers

    private void qualifierDecl(QualifierDecl d) {
        CimName n = name(d.name());
        if (n.equals(CimQualifier.CIMTYPE)) {
            throw fail(d.name().pos(), MofErrorCode.WBEMMOF_E_CIMTYPE_QUALIFIER,
                    "the CIMTYPE qualifier is the compiler's; it cannot be declared");
        }
        QualifierFlavor flavor = applyFlavors(QualifierFlavor.DEFAULT, d.flavors());
        Space sp = space(ns);
        if (d.type() == null) {
            sp.defaultFlavors.put(n, flavor);
            return;
        }
        CimType type = d.arraySize() != null ? d.type().builtin().arrayType() : d.type().builtin();
        CimValue def = d.defaultValue() == null ? CimValue.nullOf(type)
                : qualifierValue(d.defaultValue(), type, "default of qualifier " + n);
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (Ident s : d.scopes()) {
            try {
                scopes.add(Scope.valueOf(s.text().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw fail(s.pos(), MofErrorCode.WBEMMOF_E_INVALID_QUALIFIER_SYNTAX, "'" + s.text()
                        + "' is not a scope (class, association, indication, property, reference, method, parameter,"
                        + " qualifier, instance, any)");
            }
        }
        CimQualifierType t = new CimQualifierType(CimName.of(d.name().text()), type, def, scopes, flavor);
        sp.qualifierTypes.put(n, t);
        slots.add(new MofOperation.PutQualifierType(ns, t, d.pos().location()));
    }

    /** Applies MOF flavor words to {@code base} (its origin bits cleared). */
    private static QualifierFlavor applyFlavors(QualifierFlavor base, List<Ident> words) {
        int bits = base.bits() & ~(QualifierFlavor.ORIGIN_PROPAGATED | QualifierFlavor.ORIGIN_SYSTEM);
        Set<String> seen = new HashSet<>();
        for (Ident w : words) {
            String f = w.text().toLowerCase(Locale.ROOT);
            switch (f) {
                case "toinstance" -> bits |= QualifierFlavor.PROPAGATE_TO_INSTANCE;
                case "nottoinstance" -> bits &= ~QualifierFlavor.PROPAGATE_TO_INSTANCE;
                case "tosubclass" -> bits |= QualifierFlavor.PROPAGATE_TO_DERIVED_CLASS;
                case "nottosubclass" -> bits &= ~QualifierFlavor.PROPAGATE_TO_DERIVED_CLASS;
                case "restricted" -> bits &= ~(QualifierFlavor.PROPAGATE_TO_INSTANCE
                        | QualifierFlavor.PROPAGATE_TO_DERIVED_CLASS);
                case "enableoverride" -> bits &= ~QualifierFlavor.NOT_OVERRIDABLE;
                case "disableoverride" -> bits |= QualifierFlavor.NOT_OVERRIDABLE;
                case "amended" -> bits |= QualifierFlavor.AMENDED;
                case "translatable" -> { }
                default -> throw fail(w.pos(), MofErrorCode.WBEMMOF_E_EXPECTED_FLAVOR_TYPE, "'" + w.text()
                        + "' is not a flavor (ToInstance, ToSubClass, NotToInstance, NotToSubClass, Restricted, "
                        + "EnableOverride, DisableOverride, Amended, Translatable)");
            }
            seen.add(f);
            if (seen.contains("enableoverride") && seen.contains("disableoverride")) {
                throw fail(w.pos(), MofErrorCode.WBEMMOF_E_INCOMPATIBLE_FLAVOR_TYPES,
                        "EnableOverride and DisableOverride exclude each other");
            }
            if ((seen.contains("restricted") && (seen.contains("toinstance") || seen.contains("tosubclass")))
                    || (seen.contains("toinstance") && seen.contains("nottoinstance"))
                    || (seen.contains("tosubclass") && seen.contains("nottosubclass"))) {
                throw fail(w.pos(), MofErrorCode.WBEMMOF_E_INCOMPATIBLE_FLAVOR_TYPES2, "flavor " + w.text()
                        + " contradicts an earlier flavor of the same qualifier");
            }
        }
        return QualifierFlavor.of(bits);
    }

    private static boolean allowed(CimQualifierType t, Scope where) {
        if (where == Scope.INSTANCE) {
            return t.allowedOn(Scope.INSTANCE) || t.allowedOn(Scope.CLASS);
        }
        return t.allowedOn(where);
    }

    /**
     * Compiles a qualifier list for an element with scope {@code where} in namespace {@code space};
     * {@code inherited} holds what the element inherits (for the DisableOverride check).
     */
    private List<CimQualifier> qualifiers(List<Qual> quals, Scope where, String space, CimQualifierSet inherited) {
        List<CimQualifier> out = new ArrayList<>();
        Set<CimName> seen = new HashSet<>();
        for (Qual q : quals) {
            CimName n = name(q.name());
            if (n.equals(CimQualifier.CIMTYPE)) {
                throw fail(q.pos(), MofErrorCode.WBEMMOF_E_CIMTYPE_QUALIFIER,
                        "the CIMTYPE qualifier cannot be written in MOF; the compiler sets it from the declared type");
            }
            if (!seen.add(n)) {
                throw fail(q.pos(), MofErrorCode.WBEMMOF_E_DUPLICATE_QUALIFIER, "qualifier " + q.name().text()
                        + " is used twice on the same element");
            }
            CimQualifierType decl = lookupQualifierType(space, n);
            if (decl == null && strict && !(where == Scope.PARAMETER && PARAMETER_SYNTAX.contains(n))) {
                throw fail(q.pos(), WbemStatus.WBEM_E_INVALID_QUALIFIER, "qualifier " + q.name().text()
                        + " is not declared in namespace " + space(space).name + " (strict qualifier checking)");
            }
            if (decl != null && !allowed(decl, where)) {
                throw fail(q.pos(), MofErrorCode.WBEMMOF_E_QUALIFIER_USED_OUTSIDE_SCOPE, "qualifier " + q.name().text()
                        + " is declared with scope " + scopeText(decl) + " and cannot qualify a "
                        + where.name().toLowerCase(Locale.ROOT));
            }
            CimValue v;
            String what = "qualifier " + q.name().text();
            if (q.value() == null) {
                v = decl == null || decl.type() == CimType.BOOLEAN ? CimValue.bool(true) : decl.defaultValue();
            } else if (decl != null) {
                v = qualifierValue(q.value(), decl.type(), what);
            } else {
                v = inferQualifierValue(q.value(), what);
            }
            QualifierFlavor base = decl != null ? decl.flavor() : space(space).defaultFlavors.get(n);
            if (base == null) {
                base = n.equals(CimQualifier.KEY) ? KEY_FLAVOR : QualifierFlavor.DEFAULT;
            }
            CimQualifier cq = new CimQualifier(n, v, applyFlavors(base, q.flavors()));
            CimQualifier old = inherited.get(n).orElse(null);
            if (old != null && !old.flavor().overridable() && !old.value().equals(v)) {
                throw fail(q.pos(), WbemStatus.WBEM_E_OVERRIDE_NOT_ALLOWED, "qualifier " + q.name().text()
                        + " is inherited with DisableOverride and cannot change its value " + old.value());
            }
            out.add(cq);
        }
        return out;
    }

    private static String scopeText(CimQualifierType t) {
        List<String> l = new ArrayList<>();
        for (Scope s : t.scopes()) {
            l.add(s.name().toLowerCase(Locale.ROOT));
        }
        l.sort(null);
        return "(" + String.join(", ", l) + ")";
    }

    /** A qualifier value of a declared type: constants only; a scalar given for an array type becomes a
     * one-element array. */
    private CimValue qualifierValue(Value v, CimType type, String what) {
        constantsOnly(v, what);
        if (type.isArray() && !(v instanceof Arr) && !(v instanceof Null)) {
            v = new Arr(v.pos(), List.of(v));
        }
        return convert(v, type, null, what, null);
    }

    private static void constantsOnly(Value v, String what) {
        if (v instanceof AliasRef a) {
            throw fail(a.pos(), MofErrorCode.WBEMMOF_E_UNEXPECTED_ALIAS, what + " cannot be an alias ($" + a.name()
                    + "); only a reference property can");
        }
        if (v instanceof Embedded e) {
            throw fail(e.pos(), MofErrorCode.WBEMMOF_E_UNSUPPORTED_CIMV22_QUAL_VALUE, what
                    + " cannot be an embedded instance");
        }
        if (v instanceof Arr a) {
            for (Value e : a.elements()) {
                constantsOnly(e, what);
            }
        }
    }

    /** The type of an undeclared qualifier's value, from the literal. */
    private CimValue inferQualifierValue(Value v, String what) {
        constantsOnly(v, what);
        if (v instanceof Null) {
            return CimValue.nullOf(CimType.STRING);
        }
        if (v instanceof Arr a) {
            CimType elem = null;
            for (Value e : a.elements()) {
                if (e instanceof Null) {
                    throw fail(e.pos(), MofErrorCode.WBEMMOF_E_NULL_ARRAY_ELEM, what + ": array elements cannot be NULL");
                }
                CimType t = scalarKind(e);
                if (elem == null || elem == t) {
                    elem = t;
                } else if (isIntegerLike(elem) && isIntegerLike(t)) {
                    elem = wider(elem, t);
                } else if ((elem == CimType.REAL64 && isIntegerLike(t)) || (t == CimType.REAL64 && isIntegerLike(elem))) {
                    elem = CimType.REAL64;
                } else {
                    throw fail(e.pos(), MofErrorCode.WBEMMOF_E_TYPE_MISMATCH, what
                            + ": array elements must all have one type");
                }
            }
            CimType t = (elem == null ? CimType.STRING : elem).arrayType();
            return convert(v, t, null, what, null);
        }
        return convert(v, scalarKind(v), null, what, null);
    }

    private static boolean isIntegerLike(CimType t) {
        return t == CimType.SINT32 || t == CimType.SINT64 || t == CimType.UINT64;
    }

    private static CimType wider(CimType a, CimType b) {
        if (a == CimType.UINT64 || b == CimType.UINT64) {
            return CimType.UINT64;
        }
        return a == CimType.SINT64 || b == CimType.SINT64 ? CimType.SINT64 : CimType.SINT32;
    }

    private static CimType scalarKind(Value v) {
        if (v instanceof Bool) {
            return CimType.BOOLEAN;
        }
        if (v instanceof Int i) {
            BigInteger b = i.value();
            if (b.bitLength() <= 31) {
                return CimType.SINT32;
            }
            if (b.bitLength() <= 63) {
                return CimType.SINT64;
            }
            return b.signum() > 0 && b.compareTo(UINT64_MAX) <= 0 ? CimType.UINT64 : CimType.SINT64;
        }
        if (v instanceof Real) {
            return CimType.REAL64;
        }
        if (v instanceof Chr) {
            return CimType.CHAR16;
        }
        return CimType.STRING;
    }

    // ------------------------------------------------------------------ values

    /**
     * {@code v} as a value of {@code type}. {@code typeClass} is the class an embedded instance must be; {@code ctx}
     * is the namespace for aliases and embedded instances (null where neither is allowed).
     */
    private CimValue convert(Value v, CimType type, CimName typeClass, String what, String ctx) {
        if (v instanceof Null) {
            return CimValue.nullOf(type);
        }
        if (type.isArray()) {
            if (!(v instanceof Arr a)) {
                throw fail(v.pos(), MofErrorCode.WBEMMOF_E_TYPE_MISMATCH, what + " is an array of "
                        + type.mofName() + "; give its value as {...}");
            }
            List<Object> elems = new ArrayList<>();
            for (Value e : a.elements()) {
                if (e instanceof Null) {
                    throw fail(e.pos(), MofErrorCode.WBEMMOF_E_NULL_ARRAY_ELEM, what + ": array elements cannot be NULL");
                }
                elems.add(scalar(e, type.baseType(), typeClass, what, ctx).value());
            }
            return CimValue.of(type, elems);
        }
        if (v instanceof Arr) {
            throw fail(v.pos(), MofErrorCode.WBEMMOF_E_UNEXPECTED_ARRAY_INIT, what + " is not an array; "
                    + "declare it with [] to give it {...}");
        }
        return scalar(v, type, typeClass, what, ctx);
    }

    private static MofFailure mismatch(Value v, CimType t, String what) {
        return fail(v.pos(), MofErrorCode.WBEMMOF_E_TYPE_MISMATCH, what + " is " + t.mofName() + " and cannot take "
                + literalKind(v));
    }

    private static String literalKind(Value v) {
        if (v instanceof Int) {
            return "an integer";
        }
        if (v instanceof Real) {
            return "a real number";
        }
        if (v instanceof Str) {
            return "a string";
        }
        if (v instanceof Chr) {
            return "a character";
        }
        if (v instanceof Bool) {
            return "a boolean";
        }
        if (v instanceof Embedded) {
            return "an embedded instance";
        }
        if (v instanceof Word w) {
            return "the word " + w.text();
        }
        return "this value";
    }

    private CimValue scalar(Value v, CimType t, CimName typeClass, String what, String ctx) {
        if (v instanceof AliasRef a) {
            if (t != CimType.REFERENCE) {
                throw fail(a.pos(), MofErrorCode.WBEMMOF_E_UNEXPECTED_ALIAS, what + " is " + t.mofName()
                        + "; only a reference can take an alias ($" + a.name() + ")");
            }
            if (ctx == null) {
                throw fail(a.pos(), MofErrorCode.WBEMMOF_E_UNEXPECTED_ALIAS, what + " cannot be an alias");
            }
            return CimValue.reference(aliasPath(a, ctx));
        }
        if (v instanceof Embedded e) {
            if (t != CimType.OBJECT) {
                throw mismatch(v, t, what);
            }
            if (ctx == null) {
                throw fail(e.pos(), MofErrorCode.WBEMMOF_E_TYPE_MISMATCH, what + " cannot be an embedded instance");
            }
            return CimValue.object(embedded(e.instance(), typeClass, ctx));
        }
        switch (t) {
            case SINT8, UINT8, SINT16, UINT16, SINT32, UINT32, SINT64, UINT64 -> {
                if (!(v instanceof Int i)) {
                    throw mismatch(v, t, what);
                }
                try {
                    return CimValue.of(t, i.value());
                } catch (CimException e) {
                    throw fail(v.pos(), MofErrorCode.WBEMMOF_E_OUT_OF_RANGE, what + ": " + i.value()
                            + " is out of range for " + t.mofName());
                }
            }
            case REAL32 -> {
                float f;
                if (v instanceof Int i) {
                    f = i.value().floatValue();
                } else if (v instanceof Real r) {
                    f = Float.parseFloat(r.text());
                } else {
                    throw mismatch(v, t, what);
                }
                if (Float.isInfinite(f)) {
                    throw fail(v.pos(), MofErrorCode.WBEMMOF_E_OUT_OF_RANGE, what + ": out of range for real32");
                }
                return CimValue.real32(f);
            }
            case REAL64 -> {
                double d;
                if (v instanceof Int i) {
                    d = i.value().doubleValue();
                } else if (v instanceof Real r) {
                    d = Double.parseDouble(r.text());
                } else {
                    throw mismatch(v, t, what);
                }
                if (Double.isInfinite(d)) {
                    throw fail(v.pos(), MofErrorCode.WBEMMOF_E_OUT_OF_RANGE, what + ": out of range for real64");
                }
                return CimValue.real64(d);
            }
            case BOOLEAN -> {
                if (v instanceof Bool b) {
                    return CimValue.bool(b.value());
                }
                throw mismatch(v, t, what);
            }
            case STRING -> {
                if (v instanceof Str s) {
                    return CimValue.string(s.value());
                }
                throw mismatch(v, t, what);
            }
            case DATETIME -> {
                if (!(v instanceof Str s)) {
                    throw mismatch(v, t, what);
                }
                if (!CimDateTime.isValid(s.value())) {
                    throw fail(v.pos(), MofErrorCode.WBEMMOF_E_TYPE_MISMATCH, what + ": \"" + s.value()
                            + "\" is not a datetime (yyyymmddHHMMSS.mmmmmmsUUU or ddddddddHHMMSS.mmmmmm:000)");
                }
                return CimValue.datetime(CimDateTime.parse(s.value()));
            }
            case REFERENCE -> {
                if (!(v instanceof Str s)) {
                    throw mismatch(v, t, what);
                }
                try {
                    CimObjectPath.parse(s.value());
                } catch (CimException e) {
                    throw fail(v.pos(), WbemStatus.WBEM_E_INVALID_OBJECT_PATH, what + ": \"" + s.value()
                            + "\" is not an object path: " + modelMessage(e));
                }
                return CimValue.reference(s.value());
            }
            case CHAR16 -> {
                if (v instanceof Chr c) {
                    return CimValue.char16(c.value());
                }
                if (v instanceof Int i) {
                    if (i.value().signum() < 0 || i.value().bitLength() > 16) {
                        throw fail(v.pos(), MofErrorCode.WBEMMOF_E_OUT_OF_RANGE, what + ": " + i.value()
                                + " is out of range for char16");
                    }
                    return CimValue.char16((char) i.value().intValue());
                }
                throw mismatch(v, t, what);
            }
            default -> throw mismatch(v, t, what);
        }
    }

    // ------------------------------------------------------------------ types

    /** A resolved property/parameter type. */
    private record Typed(CimType type, CimName typeClass) {
    }

    /**
     * The CIM type of a declaration: builtin, {@code Class ref}, embedded {@code Class}/{@code object}, or a string
     * with EmbeddedObject / EmbeddedInstance("Class") (DMTF's notation for an embedded object).
     */
    private static Typed typed(TypeRef t, Integer arraySize, List<CimQualifier> quals) {
        CimType base;
        CimName cls = null;
        if (t.builtin() != null) {
            base = t.builtin();
            if (base == CimType.STRING) {
                for (CimQualifier q : quals) {
                    if (q.name().equals(EMBEDDED_OBJECT) && q.isTrue()) {
                        base = CimType.OBJECT;
                    } else if (q.name().equals(EMBEDDED_INSTANCE) && q.value().type() == CimType.STRING
                            && !q.value().isNull() && CimName.isIdentifier(q.value().asString())) {
                        base = CimType.OBJECT;
                        cls = CimName.of(q.value().asString());
                    }
                }
            }
        } else if (t.ref()) {
            base = CimType.REFERENCE;
            cls = t.className() == null ? null : CimName.of(t.className());
        } else {
            base = CimType.OBJECT;
            cls = t.className() == null ? null : CimName.of(t.className());
        }
        return new Typed(arraySize != null ? base.arrayType() : base, cls);
    }

    private static List<CimQualifier> withMax(List<CimQualifier> quals, Integer arraySize) {
        if (arraySize == null || arraySize < 0) {
            return quals;
        }
        for (CimQualifier q : quals) {
            if (q.name().equals(MAX)) {
                return quals;
            }
        }
        List<CimQualifier> l = new ArrayList<>(quals);
        l.add(new CimQualifier(MAX, CimValue.sint32(arraySize), QualifierFlavor.DEFAULT));
        return l;
    }

    // ------------------------------------------------------------------ classes

    private void classDecl(ClassDecl d) {
        CimName n = name(d.name());
        Space sp = space(ns);
        try {
            classDecl(d, n);
        } catch (MofFailure | CimException e) {
            sp.failed.add(n);
            throw e;
        }
    }

    private void classDecl(ClassDecl d, CimName n) {
        CimClass sup = null;
        if (d.superclass() != null) {
            CimName sn = name(d.superclass());
            if (sn.equals(n)) {
                throw fail(d.superclass().pos(), WbemStatus.WBEM_E_CIRCULAR_REFERENCE, "class " + n
                        + " cannot derive from itself");
            }
            sup = lookupClass(ns, sn);
            if (sup == null) {
                throw fail(d.superclass().pos(), WbemStatus.WBEM_E_INVALID_SUPERCLASS, "superclass "
                        + d.superclass().text() + " of class " + n + " is not defined in namespace " + ns
                        + missingClass(ns, sn));
            }
            if (sup.derivation().contains(n)) {
                throw fail(d.superclass().pos(), WbemStatus.WBEM_E_CIRCULAR_REFERENCE, "class " + n
                        + " cannot derive from its own subclass " + sup.name());
            }
        }
        boolean association = sup != null && sup.isAssociation();
        boolean indication = sup != null && sup.qualifiers().isTrue(INDICATION);
        for (Qual q : d.qualifiers()) {
            association |= q.name().text().equalsIgnoreCase("association") && !(q.value() instanceof Bool b && !b.value());
            indication |= q.name().text().equalsIgnoreCase("indication") && !(q.value() instanceof Bool b && !b.value());
        }
        Scope where = association ? Scope.ASSOCIATION : indication ? Scope.INDICATION : Scope.CLASS;
        CimClass.Builder b = CimClass.builder(d.name().text());
        if (sup != null) {
            b.superclass(sup);
        }
        for (CimQualifier q : qualifiers(d.qualifiers(), where, ns,
                sup == null ? CimQualifierSet.EMPTY : sup.qualifiers().propagatedToSubclass())) {
            b.qualifier(q);
        }
        Map<CimName, Feature> seen = new HashMap<>();
        boolean superHasKeys = sup != null && !sup.keys().isEmpty();
        for (Feature f : d.features()) {
            CimName fn = name(f.name());
            if (seen.putIfAbsent(fn, f) != null) {
                throw fail(f.name().pos(), MofErrorCode.WBEMMOF_E_DUPLICATE_PROPERTY, (f instanceof Method ? "method "
                        : "property ") + f.name().text() + " is declared twice in class " + n);
            }
            if (f instanceof Prop p) {
                property(b, sup, superHasKeys, n, p);
            } else {
                method(b, sup, (Method) f);
            }
        }
        CimClass c;
        try {
            c = b.build();
        } catch (CimException e) {
            throw fail(d.name().pos(), e.status(), "class " + n + ": " + modelMessage(e));
        }
        Space sp = space(ns);
        sp.classes.remove(n);
        sp.classes.put(n, c);
        sp.deleted.remove(n);
        sp.failed.remove(n);
        String alias = null;
        if (d.alias() != null) {
            defineAlias(d.alias(), new Alias(ns, n, null));
            alias = d.alias().text();
        }
        slots.add(new MofOperation.PutClass(ns, c, classFlags, alias, d.pos().location()));
    }

    private void property(CimClass.Builder b, CimClass sup, boolean superHasKeys, CimName owner, Prop p) {
        CimName pn = name(p.name());
        CimProperty inherited = sup == null ? null : sup.property(pn).orElse(null);
        if (inherited == null && sup != null && sup.method(pn).isPresent()) {
            throw fail(p.name().pos(), MofErrorCode.WBEMMOF_E_DUPLICATE_PROPERTY, "property " + pn
                    + " has the name of a method class " + owner + " inherits");
        }
        Scope where = p.type().ref() ? Scope.REFERENCE : Scope.PROPERTY;
        List<CimQualifier> quals = qualifiers(p.qualifiers(), where, ns,
                inherited == null ? CimQualifierSet.EMPTY : inherited.qualifiers());
        Typed t = typed(p.type(), p.arraySize(), quals);
        List<CimQualifier> all = withMax(quals, p.arraySize());
        CimQualifierSet localSet = CimQualifierSet.of(all);
        boolean key = localSet.isTrue(CimQualifier.KEY);
        if (key && (t.type().isArray() || t.type() == CimType.REAL32 || t.type() == CimType.REAL64
                || t.type() == CimType.OBJECT)) {
            throw fail(p.name().pos(), WbemStatus.WBEM_E_CANNOT_BE_KEY, "property " + pn + " of type "
                    + t.type().mofName() + (t.type().isArray() ? "[]" : "") + " cannot be a key");
        }
        if (inherited != null) {
            if (inherited.type() != t.type()) {
                throw fail(p.name().pos(), WbemStatus.WBEM_E_TYPE_MISMATCH, "property " + pn + " is inherited from "
                        + inherited.classOfOrigin() + " as " + typeText(inherited.type()) + " and cannot be redeclared as "
                        + typeText(t.type()));
            }
            // mofcomp lets a class make inherited properties keys while no ancestor has keys (CIM_System.Name);
            // below a keyed class the key set is fixed.
            boolean keyNow = localSet.contains(CimQualifier.KEY) ? key : inherited.isKey();
            if (superHasKeys && keyNow != inherited.isKey()) {
                throw fail(p.name().pos(), WbemStatus.WBEM_E_CANNOT_CHANGE_KEY_INHERITANCE, "inherited property "
                        + pn + (keyNow ? " cannot become a key" : " cannot stop being a key") + " in class " + owner
                        + ": its superclass " + sup.name() + " already has keys");
            }
        } else if (key && superHasKeys) {
            throw fail(p.name().pos(), WbemStatus.WBEM_E_CANNOT_CHANGE_KEY_INHERITANCE, "class " + owner
                    + " cannot add key " + pn + ": its superclass " + sup.name() + " already has keys");
        }
        CimValue def = p.defaultValue() == null ? null
                : convert(p.defaultValue(), t.type(), t.typeClass(), "property " + pn, ns);
        List<CimQualifier> specQuals = all;
        b.property(p.name().text(), t.type(), spec -> {
            if (t.typeClass() != null) {
                spec.typeClass(t.typeClass().text());
            }
            specQuals.forEach(spec::qualifier);
            if (def != null) {
                spec.defaultValue(def);
            }
        });
    }

    private static String typeText(CimType t) {
        return t.mofName() + (t.isArray() ? "[]" : "");
    }

    /** One parameter after its direction and ID are read. */
    private record Param(Prop decl, Typed type, List<CimQualifier> qualifiers, boolean in, boolean out, Integer id,
                         CimValue defaultValue) {
    }

    private void method(CimClass.Builder b, CimClass sup, Method m) {
        CimName mn = name(m.name());
        CimMethod inherited = sup == null ? null : sup.method(mn).orElse(null);
        if (inherited == null && sup != null && sup.property(mn).isPresent()) {
            throw fail(m.name().pos(), MofErrorCode.WBEMMOF_E_DUPLICATE_PROPERTY, "method " + mn
                    + " has the name of an inherited property");
        }
        List<CimQualifier> quals = qualifiers(m.qualifiers(), Scope.METHOD, ns,
                inherited == null ? CimQualifierSet.EMPTY : inherited.qualifiers());
        Typed ret = m.returnType().isVoid() ? null : typed(m.returnType(), null, List.of());
        LinkedHashMap<CimName, Param> params = new LinkedHashMap<>();
        for (Prop p : m.params()) {
            Param q = param(p);
            CimName pn = name(p.name());
            if (pn.equals(CimMethod.RETURN_VALUE)) {
                throw fail(p.name().pos(), WbemStatus.WBEM_E_INVALID_METHOD_PARAMETERS, "ReturnValue is the name of "
                        + "the return value and cannot name a parameter");
            }
            Param prev = params.get(pn);
            if (prev != null) {
                if (!(prev.in() != q.in() && prev.out() != q.out() && prev.type().equals(q.type()))) {
                    throw fail(p.name().pos(), WbemStatus.WBEM_E_INVALID_DUPLICATE_PARAMETER, "parameter " + pn
                            + " of method " + mn + " is declared twice");
                }
                if (prev.id() != null && q.id() != null && !prev.id().equals(q.id())) {
                    throw fail(p.name().pos(), WbemStatus.WBEM_E_INVALID_PARAMETER_ID, "the in and out declarations of "
                            + "parameter " + pn + " have different IDs");
                }
                q = new Param(prev.decl(), prev.type(), prev.qualifiers(), true, true,
                        prev.id() != null ? prev.id() : q.id(), prev.defaultValue());
            }
            params.put(pn, q);
        }
        List<Param> ordered = new ArrayList<>(params.values());
        long withId = ordered.stream().filter(p -> p.id() != null).count();
        if (withId > 0) {
            for (Param p : ordered) {
                if (p.id() == null) {
                    throw fail(p.decl().pos(), WbemStatus.WBEM_E_MISSING_PARAMETER_ID, "parameter " + p.decl().name().text()
                            + " has no ID qualifier while other parameters of " + mn + " do");
                }
            }
            ordered.sort((x, y) -> Integer.compare(x.id(), y.id()));
            for (int i = 0; i < ordered.size(); i++) {
                Param p = ordered.get(i);
                if (i > 0 && ordered.get(i - 1).id().equals(p.id())) {
                    throw fail(p.decl().pos(), WbemStatus.WBEM_E_INVALID_PARAMETER_ID, "two parameters of " + mn
                            + " have ID " + p.id());
                }
                if (p.id() != i) {
                    throw fail(p.decl().pos(), WbemStatus.WBEM_E_NONCONSECUTIVE_PARAMETER_IDS, "the parameter IDs of "
                            + mn + " must run 0, 1, 2, ... without gaps; " + p.decl().name().text() + " has ID " + p.id());
                }
            }
        }
        b.method(m.name().text(), ret == null ? null : ret.type(), ms -> {
            if (ret != null && ret.typeClass() != null) {
                ms.returnTypeClass(ret.typeClass().text());
            }
            quals.forEach(ms::qualifier);
            for (Param p : ordered) {
                Consumer<CimClass.PropertySpec> spec = s -> {
                    if (p.type().typeClass() != null) {
                        s.typeClass(p.type().typeClass().text());
                    }
                    p.qualifiers().forEach(s::qualifier);
                    if (p.defaultValue() != null) {
                        s.defaultValue(p.defaultValue());
                    }
                };
                String pn = p.decl().name().text();
                if (p.in() && p.out()) {
                    ms.inOut(pn, p.type().type(), spec);
                } else if (p.in()) {
                    ms.in(pn, p.type().type(), spec);
                } else {
                    ms.out(pn, p.type().type(), spec);
                }
            }
        });
    }

    private Param param(Prop p) {
        List<CimQualifier> raw = qualifiers(p.qualifiers(), Scope.PARAMETER, ns, CimQualifierSet.EMPTY);
        boolean in = false;
        boolean out = false;
        Integer id = null;
        List<CimQualifier> rest = new ArrayList<>();
        for (CimQualifier q : raw) {
            if (q.name().equals(CimQualifier.IN)) {
                in = q.isTrue();
            } else if (q.name().equals(CimQualifier.OUT)) {
                out = q.isTrue();
            } else if (q.name().equals(CimQualifier.ID)) {
                if (q.value().isNull() || !q.value().type().isInteger() || q.value().asLong() < 0
                        || q.value().asLong() > Integer.MAX_VALUE) {
                    throw fail(p.pos(), WbemStatus.WBEM_E_INVALID_PARAMETER_ID, "the ID of parameter "
                            + p.name().text() + " must be a number from 0");
                }
                id = (int) q.value().asLong();
            } else {
                rest.add(q);
            }
        }
        if (!in && !out) {
            throw fail(p.name().pos(), MofErrorCode.WBEMMOF_E_MUST_BE_IN_OR_OUT, "parameter " + p.name().text()
                    + " needs an [in] or [out] qualifier");
        }
        Typed t = typed(p.type(), p.arraySize(), rest);
        List<CimQualifier> all = withMax(rest, p.arraySize());
        CimValue def = p.defaultValue() == null ? null
                : convert(p.defaultValue(), t.type(), t.typeClass(), "parameter " + p.name().text(), ns);
        return new Param(p, t, all, in, out, id, def);
    }

    // ------------------------------------------------------------------ instances and aliases

    private void defineAlias(Ident a, Alias target) {
        String k = a.text().toLowerCase(Locale.ROOT);
        if (aliases.containsKey(k)) {
            throw fail(a.pos(), MofErrorCode.WBEMMOF_E_MULTIPLE_ALIASES, "alias $" + a.text() + " is defined twice");
        }
        aliases.put(k, target);
    }

    private void instanceDecl(InstanceDecl d) {
        CimName cn = name(d.className());
        CimClass cls = lookupClass(ns, cn);
        if (cls == null) {
            throw fail(d.className().pos(), WbemStatus.WBEM_E_INVALID_CLASS, "class " + d.className().text()
                    + " is not defined in namespace " + ns + missingClass(ns, cn));
        }
        if (cls.isAbstract()) {
            throw fail(d.className().pos(), WbemStatus.WBEM_E_INVALID_OPERATION, "class " + cls.name()
                    + " is abstract and cannot have instances");
        }
        Pending p = new Pending(ns, d, cls, instanceFlags);
        if (d.alias() != null) {
            defineAlias(d.alias(), new Alias(ns, null, p));
        }
        pending.add(p);
        slots.add(p);
    }

    private void build(Pending p) {
        CimInstance inst = instance(p.decl, p.cls, p.ns, false);
        for (CimProperty k : p.cls.keys()) {
            if (inst.value(k.name()).isNull()) {
                throw fail(p.decl.pos(), WbemStatus.WBEM_E_ILLEGAL_NULL, "key property " + k.name()
                        + " of the instance of " + p.cls.name() + " has no value");
            }
        }
        p.built = inst;
    }

    /** Builds an instance (all properties, or only the keys for an alias path). */
    private CimInstance instance(InstanceDecl d, CimClass cls, String space, boolean keysOnly) {
        CimInstance.Builder b = cls.newInstance();
        if (!keysOnly) {
            for (CimQualifier q : qualifiers(d.qualifiers(), Scope.INSTANCE, space,
                    cls.qualifiers().propagatedToInstance())) {
                b.qualifier(q);
            }
        }
        Set<CimName> seen = new HashSet<>();
        for (Init i : d.inits()) {
            CimName pn = name(i.name());
            if (!seen.add(pn)) {
                throw fail(i.name().pos(), MofErrorCode.WBEMMOF_E_DUPLICATE_PROPERTY, "property " + i.name().text()
                        + " is set twice in the instance of " + cls.name());
            }
            CimProperty prop = cls.property(pn).orElse(null);
            if (prop == null) {
                throw fail(i.name().pos(), WbemStatus.WBEM_E_NOT_FOUND, "class " + cls.name() + " has no property "
                        + i.name().text());
            }
            if (keysOnly && !prop.isKey()) {
                continue;
            }
            b.set(pn, convert(i.value(), prop.type(), prop.typeClass(), "property " + prop.name(), space));
            if (!keysOnly) {
                for (CimQualifier q : qualifiers(i.qualifiers(), prop.type().baseType() == CimType.REFERENCE
                        ? Scope.REFERENCE : Scope.PROPERTY, space, prop.qualifiers().propagatedToInstance())) {
                    b.propertyQualifier(pn.text(), q);
                }
            }
        }
        return b.build();
    }

    private CimInstance embedded(InstanceDecl d, CimName typeClass, String space) {
        CimName cn = name(d.className());
        CimClass cls = lookupClass(space, cn);
        if (cls == null) {
            throw fail(d.className().pos(), WbemStatus.WBEM_E_INVALID_CLASS, "class " + d.className().text()
                    + " of the embedded instance is not defined in namespace " + space(space).name
                    + missingClass(space, cn));
        }
        if (typeClass != null && !cls.isA(typeClass)) {
            throw fail(d.className().pos(), MofErrorCode.WBEMMOF_E_TYPE_MISMATCH, "an instance of " + cls.name()
                    + " is not a " + typeClass + " and cannot be embedded here");
        }
        return instance(d, cls, space, false);
    }

    /** The object path an alias stands for, relative if the target is in namespace {@code space}. */
    private String aliasPath(AliasRef a, String space) {
        Alias t = aliases.get(a.name().toLowerCase(Locale.ROOT));
        if (t == null) {
            throw fail(a.pos(), WbemStatus.WBEM_E_NOT_FOUND, "alias $" + a.name() + " is not defined"
                    + (finishing ? "" : " (class defaults may only use aliases defined earlier;"
                    + " instances may use any alias of the file)"));
        }
        CimObjectPath path;
        String targetNs = t.ns();
        if (t.className() != null) {
            path = CimObjectPath.forClass(t.className());
        } else {
            path = keyPath(t.instance(), a);
        }
        if (!MofUnit.key(targetNs).equals(MofUnit.key(space))) {
            path = path.withLocation(null, targetNs);
        }
        return path.toString();
    }

    private CimObjectPath keyPath(Pending p, AliasRef via) {
        if (p.path != null) {
            return p.path;
        }
        if (p.failed) {
            throw fail(via.pos(), WbemStatus.WBEM_E_NOT_FOUND, "alias $" + via.name()
                    + " names an instance that failed to compile");
        }
        if (p.keysInProgress) {
            throw fail(via.pos(), WbemStatus.WBEM_E_CIRCULAR_REFERENCE, "alias $" + via.name()
                    + " is used in its own key values (circular aliases are not allowed)");
        }
        p.keysInProgress = true;
        try {
            CimObjectPath path = p.built != null ? p.built.relPath()
                    : instance(p.decl, p.cls, p.ns, true).relPath();
            if (path == null) {
                throw fail(via.pos(), WbemStatus.WBEM_E_INVALID_OBJECT_PATH, "alias $" + via.name()
                        + " names an instance of " + p.cls.name() + " whose keys are not all set: it has no path");
            }
            p.path = path;
            return path;
        } finally {
            p.keysInProgress = false;
        }
    }
}
