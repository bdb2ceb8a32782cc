package org.jwmi.server.service;

import java.util.List;
import org.jwmi.cim.CimObject;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.rpc.server.CallContext;

/**
 * Reaches a client's IWbemObjectSink ([MS-WMI] 3.1.4.2): asynchronous calls make the client a DCOM server that
 * the WMI server calls back (see the specs' README, pitfall 7).
 */
public interface SinkConnector {

    /**
     * A proxy for the sink {@code sink} that the client passed in the call {@code caller}.
     *
     * @throws RuntimeException if the client's object exporter cannot be reached
     */
    ObjectSink connect(MInterfacePointer sink, CallContext caller);

    /** A connected IWbemObjectSink. */
    interface ObjectSink extends AutoCloseable {

        /** IWbemObjectSink::Indicate; returns the sink's HRESULT. */
        int indicate(List<CimObject> objects);

        /** IWbemObjectSink::SetStatus; returns the sink's HRESULT. */
        int setStatus(int flags, int hresult, String param, CimObject object);

        /** Releases the proxy (RemRelease). */
        @Override
        void close();
    }
}
