package org.jwmi.cim.mof;

import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimQualifierType;

/**
 * What the compiler may know beyond the unit it compiles (the repository it will be loaded into): classes named
 * as superclasses, by {@code instance of} or by embedded instances, and qualifier declarations. The unit's own
 * definitions always come first; the resolver is asked only for names the unit has not defined (or has deleted
 * with {@code #pragma deleteclass}, in which case it is not asked).
 */
public interface ClassResolver {

    /** The class {@code name} in {@code namespace} (backslash-separated, e.g. {@code root\cimv2}), or null. */
    CimClass resolveClass(String namespace, CimName name);

    /** The qualifier declaration {@code name} in {@code namespace}, or null (the default). */
    default CimQualifierType resolveQualifierType(String namespace, CimName name) {
        return null;
    }

    /** A resolver that knows nothing. */
    ClassResolver NONE = (ns, name) -> null;
}
