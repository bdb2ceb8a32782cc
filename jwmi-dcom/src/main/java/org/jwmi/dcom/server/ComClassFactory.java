package org.jwmi.dcom.server;

/**
 * Creates the objects of one class ([MS-DCOM] 3.1.2.1 CLSID table: "application-defined state for implementation
 * of a class factory"). Throw {@link ComException} to fail the activation with that HRESULT.
 */
@FunctionalInterface
public interface ComClassFactory {

    /** A new instance for {@code ctx}; the exporter asks it for each requested IID. */
    ComObject createInstance(ActivationContext ctx);

    /**
     * The class object handed out by RemoteGetClassObject (and RemoteActivation with Mode 0xFFFFFFFF). The default
     * is an object implementing IClassFactory whose CreateInstance calls {@link #createInstance}.
     */
    default ComObject createClassObject(ActivationContext ctx) {
        return new ClassFactoryObject(this, ctx);
    }
}
