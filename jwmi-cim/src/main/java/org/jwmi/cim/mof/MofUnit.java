package org.jwmi.cim.mof;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.CimQualifierType;

/**
 * The result of compiling a MOF file (with its includes): the ordered {@link #operations()} a repository applies
 * to load it, and per namespace the resulting {@link #namespaces() qualifier declarations, classes and
 * instances}. Immutable.
 */
public final class MofUnit {
    private final List<MofOperation> operations;
    private final List<MofNamespace> namespaces;
    private final boolean autorecover;
    private final List<String> files;

    MofUnit(List<MofOperation> operations, boolean autorecover, List<String> files) {
        this.operations = List.copyOf(operations);
        this.autorecover = autorecover;
        this.files = List.copyOf(files);
        this.namespaces = views(this.operations);
    }

    /** Every effect, in text order. */
    public List<MofOperation> operations() {
        return operations;
    }

    /** The namespaces the unit touches, in order of first use. */
    public List<MofNamespace> namespaces() {
        return namespaces;
    }

    /** The namespace {@code name} (case-insensitive, backslash or slash separated). */
    public Optional<MofNamespace> namespace(String name) {
        String k = key(name);
        return namespaces.stream().filter(n -> key(n.name()).equals(k)).findFirst();
    }

    /** True if the text says {@code #pragma autorecover} (the file is to be recompiled when the repository is
     * rebuilt). */
    public boolean autorecover() {
        return autorecover;
    }

    /** The file compiled and every file it included, in order of first inclusion. */
    public List<String> files() {
        return files;
    }

    /** All classes of all namespaces. */
    public List<CimClass> classes() {
        List<CimClass> l = new ArrayList<>();
        namespaces.forEach(n -> l.addAll(n.classes()));
        return l;
    }

    /** All instances of all namespaces. */
    public List<CimInstance> instances() {
        List<CimInstance> l = new ArrayList<>();
        namespaces.forEach(n -> l.addAll(n.instances()));
        return l;
    }

    static String key(String ns) {
        return ns.replace('/', '\\').toLowerCase(Locale.ROOT);
    }

    private static final class View {
        final String name;
        final LinkedHashMap<CimName, CimQualifierType> qualifiers = new LinkedHashMap<>();
        final LinkedHashMap<CimName, CimClass> classes = new LinkedHashMap<>();
        final List<CimInstance> instances = new ArrayList<>();

        View(String name) {
            this.name = name;
        }
    }

    private static List<MofNamespace> views(List<MofOperation> ops) {
        Map<String, View> m = new LinkedHashMap<>();
        for (MofOperation op : ops) {
            View v = m.computeIfAbsent(key(op.namespace()), k -> new View(op.namespace()));
            if (op instanceof MofOperation.PutQualifierType q) {
                v.qualifiers.put(q.qualifierType().name(), q.qualifierType());
            } else if (op instanceof MofOperation.PutClass c) {
                v.classes.put(c.cimClass().name(), c.cimClass());
            } else if (op instanceof MofOperation.PutInstance i) {
                CimObjectPath p = i.instance().relPath();
                if (p != null) {
                    v.instances.removeIf(x -> p.equals(x.relPath()));
                }
                v.instances.add(i.instance());
            } else if (op instanceof MofOperation.DeleteClass d) {
                v.classes.values().removeIf(c -> c.name().equals(d.className())
                        || c.derivation().contains(d.className()));
                v.instances.removeIf(x -> x.className().equals(d.className())
                        || x.derivation().contains(d.className()));
            } else if (op instanceof MofOperation.DeleteInstance d) {
                CimObjectPath p = d.path().relative();
                v.instances.removeIf(x -> p.equals(x.relPath()));
            }
        }
        List<MofNamespace> out = new ArrayList<>();
        for (View v : m.values()) {
            out.add(new MofNamespace(v.name, new ArrayList<>(v.qualifiers.values()),
                    new ArrayList<>(v.classes.values()), v.instances));
        }
        return out;
    }

    @Override
    public String toString() {
        return "MofUnit" + files + " " + operations.size() + " operations in " + namespaces.size() + " namespaces";
    }
}
