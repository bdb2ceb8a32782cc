package org.jwmi.client.scripting;

import org.jwmi.cim.CimMethod;
import org.jwmi.cim.CimName;

/** SWbemMethod: one method of a class (Name, Origin, InParameters, OutParameters). */
public final class SWbemMethod {
    private final SWbemObject owner;
    private final CimMethod declaration;

    SWbemMethod(SWbemObject owner, CimMethod declaration) {
        this.owner = owner;
        this.declaration = declaration;
    }

    /** Name. */
    public String name() {
        return declaration.name().text();
    }

    /** Origin: the class that declared it. */
    public String origin() {
        return declaration.classOfOrigin().text();
    }

    /** Whether the object's own class declares it (rather than inheriting it). */
    public boolean isLocal() {
        return !declaration.isInheritedIn(CimName.of(owner.wbemClassObject().className()));
    }

    /**
     * InParameters.SpawnInstance_(): a new instance of the in-parameters to fill and pass to
     * {@link SWbemObject#execMethod(String, SWbemObject)}; null when the method takes none.
     */
    public SWbemObject spawnInParameters() {
        return owner.inParameters(name());
    }

    /** The method's declaration (parameters, qualifiers, return type). */
    public CimMethod declaration() {
        return declaration;
    }

    @Override
    public String toString() {
        return declaration.toString();
    }
}
