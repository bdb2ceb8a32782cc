package org.jwmi.client;

import java.io.Closeable;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.jwmi.auth.AuthLevel;
import org.jwmi.cim.CimObject;
import org.jwmi.dcom.client.ComProxy;
import org.jwmi.dcom.client.SecurityBlanket;
import org.jwmi.dcom.ops.DcomStatus;
import org.jwmi.dcom.wire.ComVersion;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wmi.marshal.WbemClassObjectMarshaler;

/**
 * What every WMI proxy shares: the DCOM proxy, its blanket (CoSetProxyBlanket semantics), release on close, and
 * typed calls run under the call timeout with failures mapped to {@link WbemException}. Thread-safe.
 */
abstract class WbemProxy implements Closeable {
    /**
     * The request records carry an ORPCTHIS for the server side; the client writes only their parameters
     * ({@code encodeParams}) and {@link ComProxy#call} writes the real ORPCTHIS, so this one is never sent.
     */
    static final OrpcThis UNSENT = OrpcThis.of(ComVersion.V5_7, new UUID(0, 0));

    final Session session;
    final ComProxy proxy;
    private final String name;

    WbemProxy(Session session, ComProxy proxy, String name) {
        this.session = session;
        this.proxy = proxy;
        this.name = name;
    }

    /**
     * CoSetProxyBlanket: this proxy's calls, and the IRemUnknown calls made for it (QueryInterface, AddRef,
     * Release: its IUnknown), use {@code blanket} from now on; fields left at default come from the locator's
     * default blanket (CoInitializeSecurity). Objects this proxy returns later (enumerators, call results,
     * namespaces) start with this blanket.
     */
    public void setBlanket(SecurityBlanket blanket) {
        proxy.setBlanket(blanket);
    }

    /**
     * CoSetProxyBlanket on this proxy's IUnknown, as the SDK's "Setting Authentication Using C++" shows: its
     * QueryInterface, AddRef and Release calls then use {@code blanket}; {@code null} makes them follow
     * {@link #setBlanket} again (the default, which is what nearly every program wants).
     */
    public void setUnknownBlanket(SecurityBlanket blanket) {
        proxy.setUnknownBlanket(blanket);
    }

    /** The blanket set on this proxy. */
    public SecurityBlanket blanket() {
        return proxy.blanket();
    }

    /** The authentication level this proxy's calls use, every default resolved. */
    public AuthLevel authnLevel() {
        return proxy.authnLevel();
    }

    /** The DCOM proxy underneath (for protocol-level use). */
    public ComProxy comProxy() {
        return proxy;
    }

    /** Releases the proxy (RemRelease of its references). Idempotent; never throws. */
    @Override
    public void close() {
        proxy.close();
    }

    /** Calls {@code opnum} under the call timeout; a failure HRESULT in the reply is the decoder's to check. */
    <T> T call(int opnum, String what, Consumer<NdrWriter> params, BiFunction<NdrReader, OrpcThat, T> results) {
        return call(WbemStage.CALL, opnum, what, params, results);
    }

    <T> T call(WbemStage stage, int opnum, String what, Consumer<NdrWriter> params,
               BiFunction<NdrReader, OrpcThat, T> results) {
        return session.stages.run(stage, what, () -> decode(proxy, opnum, what, params, results));
    }

    static <T> T decode(ComProxy proxy, int opnum, String what, Consumer<NdrWriter> params,
                        BiFunction<NdrReader, OrpcThat, T> results) {
        var reply = proxy.call(opnum, params);
        try {
            NdrReader r = reply.results();
            T v = results.apply(r, reply.orpcThat());
            r.expectEnd();
            return v;
        } catch (ProtocolException e) {
            throw new WbemException(DcomStatus.RPC_X_BAD_STUB_DATA.value(), WbemStage.CALL, "the reply to " + what
                    + " is malformed: " + e.getMessage(), e);
        }
    }

    /** Fails with the method's HRESULT when it is a failure. */
    void check(int hresult, String what) {
        if (hresult < 0) {
            throw WbemException.fromResult(hresult, WbemStage.CALL, what, safeLevel());
        }
    }

    AuthLevel safeLevel() {
        try {
            return proxy.authnLevel();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The object in an IWbemClassObject pointer of a reply. */
    CimObject object(MInterfacePointer p, String what) {
        try {
            return WbemClassObjectMarshaler.cimObject(p, session.limits);
        } catch (ProtocolException e) {
            throw new WbemException(DcomStatus.RPC_X_BAD_STUB_DATA.value(), WbemStage.CALL, "the object returned by "
                    + what + " cannot be decoded: " + e.getMessage(), e);
        }
    }

    /**
     * An asynchronous call to {@code server}: exports a sink forwarding to {@code sink}, makes the call with its
     * pointer, and withdraws the sink if the call fails (the server then keeps no reference to it: 3.1.1.1.3).
     */
    void async(String server, String what, WbemObjectSink sink, java.util.function.ToIntFunction<MInterfacePointer> call) {
        java.util.Objects.requireNonNull(sink, "sink");
        Callbacks.Pending p = session.callbacks.export(sink, server);
        int hr;
        try {
            hr = call.applyAsInt(p.pointer());
        } catch (RuntimeException e) {
            p.failed();
            throw e;
        }
        if (hr < 0) {
            p.failed();
            check(hr, what);
        }
        p.started();
    }

    /** A proxy for an interface pointer this proxy's call returned (resolving its exporter if new). */
    ComProxy unmarshal(MInterfacePointer p, String what) {
        return session.stages.run(WbemStage.OXID_RESOLUTION, what, () -> proxy.unmarshal(p));
    }

    @Override
    public String toString() {
        return name + "[" + proxy + "]";
    }
}
