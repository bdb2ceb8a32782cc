package org.jwmi.cim.wql;

import java.util.Objects;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObjectPath;

/**
 * {@code REFERENCES OF {path} [WHERE keyword ...]} (WMI SDK "REFERENCES OF Statement"): the association objects
 * that refer to the source object. Null fields are keywords not given.
 *
 * @param source            the source object path
 * @param sourcePosition    position of the path's first character (-1 if not parsed)
 * @param resultClass       ResultClass: associations of (or derived from) this class
 * @param role              Role: the source's reference property in the association
 * @param requiredQualifier RequiredQualifier: a qualifier the association class must have
 * @param classDefsOnly     ClassDefsOnly: return the association classes
 * @param keysOnly          KeysOnly: return associations with their key properties only
 * @param schemaOnly        SchemaOnly: a schema query over classes
 */
public record WqlReferences(CimObjectPath source, int sourcePosition, CimName resultClass, CimName role,
                            CimName requiredQualifier, boolean classDefsOnly, boolean keysOnly, boolean schemaOnly)
        implements WqlQuery {

    public WqlReferences {
        Objects.requireNonNull(source, "source");
    }

    @Override
    public String toWql() {
        StringBuilder sb = new StringBuilder("REFERENCES OF {").append(source).append('}');
        StringBuilder w = new StringBuilder();
        if (classDefsOnly) {
            w.append(" ClassDefsOnly");
        }
        if (keysOnly) {
            w.append(" KeysOnly");
        }
        WqlAssociators.kw(w, "RequiredQualifier", requiredQualifier);
        WqlAssociators.kw(w, "ResultClass", resultClass);
        WqlAssociators.kw(w, "Role", role);
        if (schemaOnly) {
            w.append(" SchemaOnly");
        }
        if (w.length() > 0) {
            sb.append(" WHERE").append(w);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return toWql();
    }
}
