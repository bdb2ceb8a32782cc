package org.jwmi.client;

/**
 * The stages of a WMI conversation, each with its own timeout ({@link WbemTimeouts}); a {@link WbemException}
 * names the stage that failed.
 */
public enum WbemStage {
    /** TCP connect to the object resolver (port 135) or to an object exporter. */
    CONNECT("TCP connect"),
    /** ServerAlive2 and RemoteCreateInstance of CLSID_WbemLevel1Login at the object resolver ([MS-DCOM] 3.2.4.1.1). */
    ACTIVATION("activation"),
    /** ResolveOxid2 of an object exporter the client has not seen yet ([MS-DCOM] 3.2.4.1.2.2). */
    OXID_RESOLUTION("OXID resolution"),
    /** The first bind and IRemUnknown call on the object exporter's dynamic port. */
    EXPORTER_BIND("exporter bind"),
    /** One IWbemServices, IWbemLevel1Login or IWbemCallResult call. */
    CALL("call"),
    /** One IEnumWbemClassObject::Next or IWbemWCOSmartEnum::Next. */
    NEXT("Next");

    private final String label;

    WbemStage(String label) {
        this.label = label;
    }

    /** How messages name the stage. */
    public String label() {
        return label;
    }
}
