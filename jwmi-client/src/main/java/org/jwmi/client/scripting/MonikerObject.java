package org.jwmi.client.scripting;

/**
 * What a moniker names ({@link Wmi#getObject}, {@link SWbemLocator#getObject}): an {@link SWbemServices} for a
 * namespace, an {@link SWbemObject} for a class or instance. Closing it releases the connection the moniker opened.
 */
public sealed interface MonikerObject extends AutoCloseable permits SWbemServices, SWbemObject {

    /** Security_: the settings the moniker gave, on top of the locator's. */
    SWbemSecurity security();

    @Override
    void close();
}
