package org.jwmi.auth;

/**
 * [MS-RPCE] 2.2.1.1.8 Authentication Levels. {@code DEFAULT} (0) means "let the runtime choose"; on the wire the
 * client sends the level it actually uses.
 */
public enum AuthLevel {
    DEFAULT(0, "default"),
    NONE(1, "none"),
    CONNECT(2, "connect"),
    CALL(3, "call"),
    PKT(4, "pkt"),
    PKT_INTEGRITY(5, "pktIntegrity"),
    PKT_PRIVACY(6, "pktPrivacy");

    private final int value;
    private final String scriptName;

    AuthLevel(int value, String scriptName) {
        this.value = value;
        this.scriptName = scriptName;
    }

    /** The RPC_C_AUTHN_LEVEL_* value. */
    public int value() {
        return value;
    }

    /** The name WMI monikers and this project's command line use ({@code pktPrivacy}). */
    public String scriptName() {
        return scriptName;
    }

    /** The RPC_C_AUTHN_LEVEL_* constant name. */
    public String constantName() {
        return "RPC_C_AUTHN_LEVEL_" + (this == PKT_INTEGRITY ? "PKT_INTEGRITY" : this == PKT_PRIVACY ? "PKT_PRIVACY" : name());
    }

    public static AuthLevel fromValue(int v) {
        for (AuthLevel l : values()) {
            if (l.value == v) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown authentication level " + v);
    }

    /** Parses the script name, the enum name or the number, case-insensitively. */
    public static AuthLevel parse(String s) {
        for (AuthLevel l : values()) {
            if (l.scriptName.equalsIgnoreCase(s) || l.name().equalsIgnoreCase(s) || l.constantName().equalsIgnoreCase(s)
                    || Integer.toString(l.value).equals(s)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown authentication level '" + s
                + "' (use none, connect, call, pkt, pktIntegrity or pktPrivacy)");
    }

    public boolean atLeast(AuthLevel other) {
        return effective().value >= other.effective().value;
    }

    /** CALL is raised to PKT for connection-oriented RPC ([MS-RPCE] 2.2.1.1.8); DEFAULT means CONNECT. */
    public AuthLevel effective() {
        return this == DEFAULT ? CONNECT : this == CALL ? PKT : this;
    }
}
