package org.jwmi.server.service;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.jwmi.cim.CimObject;
import org.jwmi.cim.WbemStatus;
import org.jwmi.dcom.server.ComObject;
import org.jwmi.dcom.server.OrpcCall;
import org.jwmi.dcom.server.OrpcDispatcher;
import org.jwmi.dcom.server.OrpcReply;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.wmi.WbemConstants;
import org.jwmi.wmi.WmiIds;
import org.jwmi.wmi.WmiOpnums;
import org.jwmi.wmi.marshal.WbemClassObjectMarshaler;
import org.jwmi.wmi.ops.InterfacePointerResponse;
import org.jwmi.wmi.ops.NextAsyncRequest;
import org.jwmi.wmi.ops.NextRequest;
import org.jwmi.wmi.ops.NextResponse;
import org.jwmi.wmi.ops.OrpcThisRequest;
import org.jwmi.wmi.ops.SmartEnumNextRequest;
import org.jwmi.wmi.ops.SmartEnumNextResponse;
import org.jwmi.wmio.ObjectArrayWriter;
import org.jwmi.wmio.objectarray.ObjectArray;

/**
 * An enumerator ([MS-WMI] 3.1.4.4 IEnumWbemClassObject, 3.1.4.6 IWbemFetchSmartEnum and, through its smart
 * enumerator, 3.1.4.7 IWbemWCOSmartEnum) over a lazy result stream: objects are pulled from the provider or the
 * repository only as Next asks for them, so an enumeration of any size holds one batch at a time.
 *
 * <p>Next semantics (3.1.4.4.2): up to uCount objects; WBEM_S_FALSE when the enumeration ended with fewer (and those
 * objects are still returned); WBEM_S_TIMEDOUT when the timeout expired first, or when the batch reached
 * {@link #MAX_BATCH_BYTES} encoded (the client calls again). An error met while producing ends the batch early:
 * the objects gathered go out with WBEM_S_TIMEDOUT and the error answers the next call. Reset and Clone re-run the
 * query (a forward-only enumerator refuses both with WBEM_E_INVALID_OPERATION).
 */
final class EnumObject implements ComObject {

    /** The largest number of encoded bytes one Next or smart Next gathers before returning. */
    static final int MAX_BATCH_BYTES = 1 << 20;

    private final WmiService service;
    private final String owner;
    private final Supplier<Stream<? extends CimObject>> query;
    private final boolean forwardOnly;
    private final Object lock = new Object();
    private Stream<? extends CimObject> stream;
    private Iterator<? extends CimObject> iterator;
    private RuntimeException pending;
    private long position;
    private boolean closed;
    private ObjectArrayWriter smartWriter;
    /** Lays out the objects Next sends, reusing each class's layout (pull holds {@link #lock} while it runs). */
    private final ObjectArrayWriter units = new ObjectArrayWriter(UUID::randomUUID);
    private UUID smartProxy;

    /**
     * @param owner the principal whose call created the enumerator ({@link Wire#caller}); only it may use it
     * @param first the first run of the query (already validated by the caller)
     * @param query runs the query again (Reset, Clone)
     */
    EnumObject(WmiService service, String owner, Stream<? extends CimObject> first,
               Supplier<Stream<? extends CimObject>> query, boolean forwardOnly) {
        this.service = service;
        this.owner = owner;
        this.query = query;
        this.forwardOnly = forwardOnly;
        this.stream = first;
        this.iterator = first.iterator();
    }

    @Override
    public OrpcDispatcher queryInterface(UUID iid) {
        if (WmiIds.IID_IENUM_WBEM_CLASS_OBJECT.equals(iid)) {
            return this::enumerator;
        }
        if (WmiIds.IID_IWBEM_FETCH_SMART_ENUM.equals(iid)) {
            return this::fetchSmartEnum;
        }
        return null;
    }

    @Override
    public void released() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            closeStream();
        }
        if (service != null) {
            service.enumeratorClosed(owner);
        }
    }

    private void closeStream() {
        if (stream != null) {
            try {
                stream.close();
            } catch (RuntimeException e) {
                // the provider's close failing does not concern the client
            }
            stream = null;
        }
        iterator = null;
    }

    private OrpcReply enumerator(OrpcCall call) {
        if (!Wire.sameCaller(call, owner)) {
            return refuse(call);
        }
        switch (call.opnum()) {
            case WmiOpnums.EnumWbemClassObject.RESET: {
                OrpcThisRequest.decodeParams(call.body(), call.orpcThis());
                return Wire.status(call, reset());
            }
            case WmiOpnums.EnumWbemClassObject.NEXT: {
                NextRequest q = NextRequest.decodeParams(call.body(), call.orpcThis());
                List<MInterfacePointer> out = new ArrayList<>();
                int hr = pull(q.lTimeout(), q.uCount(), o -> {
                    MInterfacePointer p = WbemClassObjectMarshaler.pointer(units.encodingUnit(o));
                    out.add(p);
                    return p.abData().length;
                });
                return Wire.reply(call, new NextResponse(OrpcThat.EMPTY, q.uCount(), out, hr)::encodeResults);
            }
            case WmiOpnums.EnumWbemClassObject.NEXT_ASYNC: {
                NextAsyncRequest q = NextAsyncRequest.decodeParams(call.body(), call.orpcThis());
                return Wire.status(call, service.nextAsync(call, this, q));
            }
            case WmiOpnums.EnumWbemClassObject.CLONE: {
                OrpcThisRequest.decodeParams(call.body(), call.orpcThis());
                return cloneEnum(call);
            }
            case WmiOpnums.EnumWbemClassObject.SKIP: {
                NextRequest q = NextRequest.decodeParams(call.body(), call.orpcThis());
                return Wire.status(call, pull(q.lTimeout(), q.uCount(), o -> 0));
            }
            default:
                throw Wire.noSuchOpnum("IEnumWbemClassObject", call.opnum());
        }
    }

    private int reset() {
        synchronized (lock) {
            if (forwardOnly) {
                return WbemStatus.WBEM_E_INVALID_OPERATION.code();
            }
            closeStream();
            pending = null;
            position = 0;
            return 0;
        }
    }

    private OrpcReply cloneEnum(OrpcCall call) {
        if (forwardOnly) {
            return Wire.reply(call, new InterfacePointerResponse(OrpcThat.EMPTY, null,
                    WbemStatus.WBEM_E_INVALID_OPERATION.code())::encodeResults);
        }
        long at;
        synchronized (lock) {
            at = position;
        }
        Stream<? extends CimObject> s;
        try {
            s = query.get().skip(at);
        } catch (RuntimeException e) {
            return Wire.reply(call, new InterfacePointerResponse(OrpcThat.EMPTY, null,
                    Wire.hresult(e))::encodeResults);
        }
        try {
            service.enumeratorOpened(owner);
        } catch (RuntimeException e) {
            s.close();
            return Wire.reply(call, new InterfacePointerResponse(OrpcThat.EMPTY, null,
                    Wire.hresult(e))::encodeResults);
        }
        EnumObject copy = new EnumObject(service, owner, s, query, false);
        copy.position = at;
        MInterfacePointer p = call.exporter().marshal(copy, WmiIds.IID_IENUM_WBEM_CLASS_OBJECT, call.context());
        return Wire.reply(call, new InterfacePointerResponse(OrpcThat.EMPTY, p, 0)::encodeResults);
    }

    /** Answers a call from another principal with WBEM_E_ACCESS_DENIED, in the shape of the opnum's reply. */
    private static OrpcReply refuse(OrpcCall call) {
        int denied = WbemStatus.WBEM_E_ACCESS_DENIED.code();
        int op = call.opnum();
        if (op == WmiOpnums.EnumWbemClassObject.NEXT) {
            long count = NextRequest.decodeParams(call.body(), call.orpcThis()).uCount();
            return Wire.reply(call, new NextResponse(OrpcThat.EMPTY, count, List.of(), denied)::encodeResults);
        }
        if (op == WmiOpnums.EnumWbemClassObject.CLONE) {
            return Wire.reply(call, new InterfacePointerResponse(OrpcThat.EMPTY, null, denied)::encodeResults);
        }
        if (op == WmiOpnums.EnumWbemClassObject.RESET || op == WmiOpnums.EnumWbemClassObject.SKIP
                || op == WmiOpnums.EnumWbemClassObject.NEXT_ASYNC) {
            return Wire.status(call, denied);
        }
        throw Wire.noSuchOpnum("IEnumWbemClassObject", op);
    }

    private OrpcReply fetchSmartEnum(OrpcCall call) {
        if (!Wire.sameCaller(call, owner)) {
            return Wire.reply(call, new InterfacePointerResponse(OrpcThat.EMPTY, null,
                    WbemStatus.WBEM_E_ACCESS_DENIED.code())::encodeResults);
        }
        if (call.opnum() != WmiOpnums.FetchSmartEnum.GET_SMART_ENUM) {
            throw Wire.noSuchOpnum("IWbemFetchSmartEnum", call.opnum());
        }
        OrpcThisRequest.decodeParams(call.body(), call.orpcThis());
        ComObject smart = iid -> WmiIds.IID_IWBEM_WCO_SMART_ENUM.equals(iid) ? this::smartNext : null;
        MInterfacePointer p = call.exporter().marshal(smart, WmiIds.IID_IWBEM_WCO_SMART_ENUM, call.context());
        return Wire.reply(call, new InterfacePointerResponse(OrpcThat.EMPTY, p, 0)::encodeResults);
    }

    /**
     * IWbemWCOSmartEnum::Next (3.1.4.7.1): the batch as one ObjectArray (2.2.14). The classes already sent to the
     * same proxy GUID are not sent again.
     */
    private OrpcReply smartNext(OrpcCall call) {
        if (call.opnum() != WmiOpnums.WcoSmartEnum.NEXT) {
            throw Wire.noSuchOpnum("IWbemWCOSmartEnum", call.opnum());
        }
        SmartEnumNextRequest q = SmartEnumNextRequest.decodeParams(call.body(), call.orpcThis());
        if (!Wire.sameCaller(call, owner)) {
            return Wire.reply(call, new SmartEnumNextResponse(OrpcThat.EMPTY, 0, null,
                    WbemStatus.WBEM_E_ACCESS_DENIED.code())::encodeResults);
        }
        List<CimObject> objects = new ArrayList<>();
        int hr = pull(q.lTimeout(), q.uCount(), o -> {
            objects.add(o);
            return service.encodedSize(o);
        });
        byte[] buffer;
        synchronized (lock) {
            if (smartWriter == null || !q.proxyGuid().equals(smartProxy)) {
                SecureRandom random = new SecureRandom();
                smartWriter = new ObjectArrayWriter(() -> new UUID(random.nextLong(), random.nextLong()));
                smartProxy = q.proxyGuid();
            }
            buffer = objects.isEmpty() ? null : smartWriter.write(ObjectArray.PACKET_SMART_ENUM, objects);
        }
        return Wire.reply(call, new SmartEnumNextResponse(OrpcThat.EMPTY, objects.size(), buffer,
                hr)::encodeResults);
    }

    /**
     * Pulls up to {@code count} objects within {@code timeoutMs} (WBEM_INFINITE: no limit), handing each to
     * {@code sink}, which returns its encoded size (0 for Skip). Returns the HRESULT of the batch.
     */
    int pull(int timeoutMs, long count, ToLongFunction<CimObject> sink) {
        if (timeoutMs < 0 && timeoutMs != WbemConstants.WBEM_INFINITE) {
            return WbemStatus.WBEM_E_INVALID_PARAMETER.code();
        }
        long deadline = timeoutMs == WbemConstants.WBEM_INFINITE ? Long.MAX_VALUE
                : System.nanoTime() + timeoutMs * 1_000_000L;
        synchronized (lock) {
            if (closed) {
                return WbemStatus.WBEM_E_CALL_CANCELLED.code();
            }
            if (pending != null) {
                RuntimeException e = pending;
                pending = null;
                return Wire.hresult(e);
            }
            long bytes = 0;
            long taken = 0;
            try {
                if (iterator == null) {
                    stream = query.get();
                    iterator = stream.iterator();
                }
                while (taken < count) {
                    if (!iterator.hasNext()) {
                        closeStream();
                        iterator = Collections.emptyIterator();
                        return WbemStatus.WBEM_S_FALSE.code();
                    }
                    CimObject o = iterator.next();
                    taken++;
                    position++;
                    bytes += sink.applyAsLong(o);
                    if (taken < count && (bytes >= MAX_BATCH_BYTES || System.nanoTime() - deadline >= 0)) {
                        return WbemStatus.WBEM_S_TIMEDOUT.code();
                    }
                }
                return 0;
            } catch (RuntimeException e) {
                if (taken == 0) {
                    return Wire.hresult(e);
                }
                pending = e;
                return WbemStatus.WBEM_S_TIMEDOUT.code();
            }
        }
    }
}
