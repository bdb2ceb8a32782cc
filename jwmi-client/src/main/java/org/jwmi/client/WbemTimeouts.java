package org.jwmi.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How long each {@link WbemStage} may take. Every value is finite: a blocked dynamic port or a silent server ends
 * in a {@link WbemException} naming the stage, never in a hang.
 *
 * @param connect        TCP connect to the resolver or an exporter
 * @param activation     the activation at the object resolver (ServerAlive2, RemoteCreateInstance and any OXID
 *                       resolution it needs)
 * @param oxidResolution ResolveOxid2 when an interface pointer names an exporter not seen yet
 * @param exporterBind   the first bind and call on an exporter's dynamic port
 * @param call           each IWbemServices (or IWbemLevel1Login, IWbemCallResult) call
 * @param next           the lTimeout sent with each Next: how long the server may wait for the next batch (the
 *                       client waits this plus {@code call})
 */
public record WbemTimeouts(Duration connect, Duration activation, Duration oxidResolution, Duration exporterBind,
                           Duration call, Duration next) {

    /** The most a WMI Next lTimeout can express (a signed 32-bit count of milliseconds, WBEM_INFINITE excluded). */
    static final Duration MAX_NEXT = Duration.ofMillis(Integer.MAX_VALUE);

    /** The defaults: 10 s connect, 30 s activation, OXID resolution and exporter bind, 60 s per call and per Next. */
    public static final WbemTimeouts DEFAULTS = new WbemTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(60));

    public WbemTimeouts {
        check("connect", connect);
        check("activation", activation);
        check("oxidResolution", oxidResolution);
        check("exporterBind", exporterBind);
        check("call", call);
        check("next", next);
        if (next.compareTo(MAX_NEXT) > 0) {
            throw new IllegalArgumentException("the Next timeout cannot exceed " + MAX_NEXT.toMillis() + " ms");
        }
    }

    private static void check(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("the " + name + " timeout must be positive, not " + d);
        }
    }

    /** The timeout of {@code stage}. */
    public Duration of(WbemStage stage) {
        return switch (stage) {
            case CONNECT -> connect;
            case ACTIVATION -> activation;
            case OXID_RESOLUTION -> oxidResolution;
            case EXPORTER_BIND -> exporterBind;
            case CALL -> call;
            case NEXT -> next.plus(call);
        };
    }

    /** These timeouts with {@code stage}'s set to {@code d} (for NEXT: the lTimeout sent). */
    public WbemTimeouts with(WbemStage stage, Duration d) {
        return new WbemTimeouts(stage == WbemStage.CONNECT ? d : connect,
                stage == WbemStage.ACTIVATION ? d : activation,
                stage == WbemStage.OXID_RESOLUTION ? d : oxidResolution,
                stage == WbemStage.EXPORTER_BIND ? d : exporterBind,
                stage == WbemStage.CALL ? d : call,
                stage == WbemStage.NEXT ? d : next);
    }

    /** Every timeout at {@code d}. */
    public static WbemTimeouts all(Duration d) {
        return new WbemTimeouts(d, d, d, d, d, d);
    }

    /** The longest single wait: what the RPC layer's per-PDU read timeout must allow. */
    Duration longest() {
        Duration m = connect;
        for (WbemStage s : WbemStage.values()) {
            Duration d = of(s);
            if (d.compareTo(m) > 0) {
                m = d;
            }
        }
        return m;
    }
}
