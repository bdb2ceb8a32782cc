package org.jwmi.cim;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A qualifier declaration, as MOF writes it: {@code qualifier Description : string = null,
 * scope(class, property), flavor(ToSubClass, Amended);}. WMI keeps these per namespace (__QualifierDefinitions).
 * Immutable.
 *
 * @param name         qualifier name
 * @param type         type of the qualifier's values
 * @param defaultValue value a use without a value gets (may be NULL, never null)
 * @param scopes       where it may appear (empty = anywhere)
 * @param flavor       the flavor every use gets unless it says otherwise
 */
public record CimQualifierType(CimName name, CimType type, CimValue defaultValue, Set<Scope> scopes,
                               QualifierFlavor flavor) {

    /** MOF {@code scope(...)} keywords. */
    public enum Scope {
        CLASS, ASSOCIATION, INDICATION, PROPERTY, REFERENCE, METHOD, PARAMETER, QUALIFIER, INSTANCE, ANY
    }

    public CimQualifierType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(flavor, "flavor");
        if (defaultValue.type() != type) {
            throw new CimException(WbemStatus.WBEM_E_TYPE_MISMATCH,
                    "default of qualifier " + name + " is " + defaultValue.type() + ", declared " + type);
        }
        scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
    }

    /** True if a qualifier of this type may be attached to {@code where}. */
    public boolean allowedOn(Scope where) {
        return scopes.isEmpty() || scopes.contains(Scope.ANY) || scopes.contains(where)
                || (where == Scope.ASSOCIATION && scopes.contains(Scope.CLASS))
                || (where == Scope.INDICATION && scopes.contains(Scope.CLASS));
    }

    /** A use of this qualifier with its default flavor. */
    public CimQualifier use(CimValue value) {
        return new CimQualifier(name, value, flavor);
    }
}
