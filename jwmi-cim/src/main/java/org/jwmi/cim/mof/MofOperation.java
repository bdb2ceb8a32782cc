package org.jwmi.cim.mof;

import java.util.Objects;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.CimQualifierType;

/**
 * One effect of a compiled unit, in text order: what a repository does to load it (IMofCompiler's sequence of
 * PutQualifier / PutClass / PutInstance / DeleteClass / DeleteInstance calls). Every operation names its
 * namespace (backslash-separated, as {@code #pragma namespace} made it) and where it was written.
 */
public sealed interface MofOperation {

    /** Target namespace, e.g. {@code root\cimv2}. */
    String namespace();

    /** Where the statement starts. */
    MofLocation location();

    /** A qualifier declaration ({@code qualifier Key : boolean = false, scope(property), ...;}). */
    record PutQualifierType(String namespace, CimQualifierType qualifierType, MofLocation location)
            implements MofOperation {
        public PutQualifierType {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(qualifierType, "qualifierType");
        }
    }

    /**
     * A class, complete (inherited members included).
     *
     * @param flags {@code #pragma classflags} in effect
     * @param alias the {@code as $alias} name without the dollar, or null
     */
    record PutClass(String namespace, CimClass cimClass, ChangeFlags flags, String alias, MofLocation location)
            implements MofOperation {
        public PutClass {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(cimClass, "cimClass");
            Objects.requireNonNull(flags, "flags");
        }
    }

    /**
     * An instance; reference values written as aliases hold the aliased object's path.
     *
     * @param flags {@code #pragma instanceflags} in effect
     * @param alias the {@code as $alias} name without the dollar, or null
     */
    record PutInstance(String namespace, CimInstance instance, ChangeFlags flags, String alias,
                       MofLocation location) implements MofOperation {
        public PutInstance {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(flags, "flags");
        }
    }

    /** {@code #pragma deleteclass("Name", FAIL|NOFAIL)}: the class, its subclasses and their instances. */
    record DeleteClass(String namespace, CimName className, boolean failIfMissing, MofLocation location)
            implements MofOperation {
        public DeleteClass {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(className, "className");
        }
    }

    /** {@code #pragma deleteinstance("Class.Key=...", FAIL|NOFAIL)}. */
    record DeleteInstance(String namespace, CimObjectPath path, boolean failIfMissing, MofLocation location)
            implements MofOperation {
        public DeleteInstance {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(path, "path");
        }
    }
}
