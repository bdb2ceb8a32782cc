package org.jwmi.cim.mof;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimQualifierType;

/**
 * What a unit leaves in one namespace once its operations are applied in order to an empty namespace: the last
 * declaration of each qualifier and class (in order of first appearance), and the instances (a later instance
 * with the same path replaces an earlier one). Deletions remove what the unit itself defined before them.
 *
 * @param name           namespace, backslash-separated
 * @param qualifierTypes qualifier declarations
 * @param classes        classes, each complete
 * @param instances      instances
 */
public record MofNamespace(String name, List<CimQualifierType> qualifierTypes, List<CimClass> classes,
                           List<CimInstance> instances) {

    public MofNamespace {
        Objects.requireNonNull(name, "name");
        qualifierTypes = List.copyOf(qualifierTypes);
        classes = List.copyOf(classes);
        instances = List.copyOf(instances);
    }

    /** The class {@code className} (case-insensitive). */
    public Optional<CimClass> cimClass(String className) {
        CimName n = CimName.of(className);
        return classes.stream().filter(c -> c.name().equals(n)).findFirst();
    }

    /** The qualifier declaration {@code qualifierName} (case-insensitive). */
    public Optional<CimQualifierType> qualifierType(String qualifierName) {
        CimName n = CimName.of(qualifierName);
        return qualifierTypes.stream().filter(q -> q.name().equals(n)).findFirst();
    }

    /** The instances whose class is {@code className} (exactly, not subclasses). */
    public List<CimInstance> instancesOf(String className) {
        CimName n = CimName.of(className);
        return instances.stream().filter(i -> i.className().equals(n)).toList();
    }
}
