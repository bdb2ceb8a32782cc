package org.jwmi.client.scripting;

import org.jwmi.cim.CimName;
import org.jwmi.cim.CimProperty;
import org.jwmi.cim.CimType;
import org.jwmi.cim.CimValue;

/**
 * SWbemProperty: one property of an {@link SWbemObject}. Value reads the object as it is now and writes through to
 * it (as SWbemProperty.Value does); Put_ sends the object to the server.
 */
public final class SWbemProperty {
    private final SWbemObject owner;
    private final CimProperty declaration;

    SWbemProperty(SWbemObject owner, CimProperty declaration) {
        this.owner = owner;
        this.declaration = declaration;
    }

    /** Name. */
    public String name() {
        return declaration.name().text();
    }

    /** Value: the Java value ({@code null} for NULL; see {@link CimValue#value()}). */
    public Object getValue() {
        return owner.getValue(name());
    }

    /** Value: sets it on the object (converted to the property's type). */
    public void setValue(Object value) {
        owner.setValue(name(), value);
    }

    /** CIMType. */
    public CimType cimType() {
        return declaration.type();
    }

    /** IsArray. */
    public boolean isArray() {
        return declaration.type().isArray();
    }

    /** IsLocal: declared by the object's own class rather than inherited. */
    public boolean isLocal() {
        return !declaration.isInheritedIn(CimName.of(owner.wbemClassObject().className()));
    }

    /** Origin: the class that declared it. */
    public String origin() {
        return declaration.classOfOrigin().text();
    }

    /** Whether the property is a key. */
    public boolean isKey() {
        return declaration.isKey();
    }

    @Override
    public String toString() {
        return name() + "=" + getValue();
    }
}
