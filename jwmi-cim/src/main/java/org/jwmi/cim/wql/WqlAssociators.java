package org.jwmi.cim.wql;

import java.util.Objects;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObjectPath;

/**
 * {@code ASSOCIATORS OF {path} [WHERE keyword ...]} (WMI SDK "ASSOCIATORS OF Statement"): the endpoints
 * associated with the source object. Null fields are keywords not given.
 *
 * @param source                 the source object path
 * @param sourcePosition         position of the path's first character (-1 if not parsed)
 * @param assocClass             AssocClass: association class (or subclass) to go through
 * @param resultClass            ResultClass: endpoints must be of (or derive from) this class
 * @param resultRole             ResultRole: the endpoint's reference property in the association
 * @param role                   Role: the source's reference property in the association
 * @param requiredQualifier      RequiredQualifier: a qualifier the endpoint's class must have
 * @param requiredAssocQualifier RequiredAssocQualifier: a qualifier the association class must have
 * @param classDefsOnly          ClassDefsOnly: return the endpoints' classes
 * @param keysOnly               KeysOnly: return endpoints with their key properties only
 * @param schemaOnly             SchemaOnly: a schema query over classes
 */
public record WqlAssociators(CimObjectPath source, int sourcePosition, CimName assocClass, CimName resultClass,
                             CimName resultRole, CimName role, CimName requiredQualifier,
                             CimName requiredAssocQualifier, boolean classDefsOnly, boolean keysOnly,
                             boolean schemaOnly) implements WqlQuery {

    public WqlAssociators {
        Objects.requireNonNull(source, "source");
    }

    @Override
    public String toWql() {
        StringBuilder sb = new StringBuilder("ASSOCIATORS OF {").append(source).append('}');
        StringBuilder w = new StringBuilder();
        kw(w, "AssocClass", assocClass);
        if (classDefsOnly) {
            w.append(" ClassDefsOnly");
        }
        if (keysOnly) {
            w.append(" KeysOnly");
        }
        kw(w, "RequiredAssocQualifier", requiredAssocQualifier);
        kw(w, "RequiredQualifier", requiredQualifier);
        kw(w, "ResultClass", resultClass);
        kw(w, "ResultRole", resultRole);
        kw(w, "Role", role);
        if (schemaOnly) {
            w.append(" SchemaOnly");
        }
        if (w.length() > 0) {
            sb.append(" WHERE").append(w);
        }
        return sb.toString();
    }

    static void kw(StringBuilder w, String keyword, CimName value) {
        if (value != null) {
            w.append(' ').append(keyword).append(" = ").append(value.text());
        }
    }

    @Override
    public String toString() {
        return toWql();
    }
}
