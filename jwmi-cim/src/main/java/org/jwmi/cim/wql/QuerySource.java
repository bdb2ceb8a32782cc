package org.jwmi.cim.wql;

import java.util.Optional;
import java.util.stream.Stream;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.CimType;
import org.jwmi.cim.CimValue;

/**
 * What {@link WqlEvaluator} needs from a namespace: its classes, instances and associations. A server plugs its
 * repository in here; {@link InMemoryQuerySource} is a simple implementation. The default methods are correct
 * but scan; a repository with indexes should override them.
 */
public interface QuerySource {

    /** The class called {@code name}, if the namespace has it. */
    Optional<CimClass> getClass(CimName name);

    /** Every class of the namespace. */
    Stream<CimClass> classes();

    /** The instances of {@code className} and of all classes derived from it (a deep enumeration). */
    Stream<CimInstance> instances(CimName className);

    /** The instance {@code path} designates (server and namespace ignored), if any. */
    default Optional<CimInstance> getInstance(CimObjectPath path) {
        if (path.className() == null || !path.isInstancePath()) {
            return Optional.empty();
        }
        CimObjectPath p = getClass(path.className()).map(path::resolveKeyNames).orElse(path);
        return instances(path.className()).filter(p::designates).findFirst();
    }

    /**
     * The association instances (instances of classes with the {@code association} qualifier) that have a
     * reference property designating {@code target}.
     */
    default Stream<CimInstance> referencesTo(CimInstance target) {
        return classes().filter(CimClass::isAssociation)
                .flatMap(c -> instances(c.name()).filter(i -> i.cimClass().name().equals(c.name())))
                .filter(a -> refersTo(a, target, null));
    }

    /**
     * True if a reference property of {@code association} (only {@code role}, when not null) designates
     * {@code target}.
     */
    static boolean refersTo(CimInstance association, CimInstance target, CimName role) {
        for (var p : association.cimClass().properties()) {
            if (p.type() != CimType.REFERENCE || (role != null && !role.equals(p.name()))) {
                continue;
            }
            CimValue v = association.value(p.name());
            if (v != null && !v.isNull() && designates(v.asString(), target)) {
                return true;
            }
        }
        return false;
    }

    /** True if the reference text {@code path} designates {@code target} (false if it is not a path). */
    static boolean designates(String path, CimInstance target) {
        try {
            CimObjectPath p = CimObjectPath.parse(path);
            return p.resolveKeyNames(target.cimClass()).designates(target);
        } catch (org.jwmi.cim.CimException e) {
            return false;
        }
    }
}
