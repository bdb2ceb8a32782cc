package org.jwmi.wmi.ops;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.wire.ProtocolException.Kind;

/**
 * [MS-WMI] 3.1.4.13.1 IWbemRemoteRefresher::RemoteRefresh (opnum 3), the [out] parameters (the request is a
 * {@link FlagsRequest}).
 * <pre>
 * ORPCTHAT orpcthat,                                                  // implicit
 * [out] long* plNumObjects,
 * [out, size_is(,*plNumObjects)] WBEM_REFRESHED_OBJECT** paObjects,   // unique ptr id, max_count, structures,
 *                                                                     //  then each blob
 * HRESULT
 * </pre>
 *
 * @param paObjects the refreshed objects (plNumObjects is their number); null for a NULL pointer
 */
public record RemoteRefreshResponse(OrpcThat orpcThat, List<WbemRefreshedObject> paObjects, int hresult) {

    public RemoteRefreshResponse {
        Objects.requireNonNull(orpcThat, "orpcThat");
        if (paObjects != null) {
            paObjects = Collections.unmodifiableList(new ArrayList<>(paObjects));
        }
    }

    public static RemoteRefreshResponse decode(NdrReader r) {
        return decodeResults(r, Mip.orpcThat(r));
    }

    /** The [out] parameters and HRESULT after ORPCTHAT (client: {@code OrpcReply.results()}); reads to the end. */
    public static RemoteRefreshResponse decodeResults(NdrReader r, OrpcThat t) {
        int count = r.field("plNumObjects", NdrReader::i32);
        List<WbemRefreshedObject> objects = r.field("paObjects",
                x -> x.uniquePtr(y -> y.conformantArray(WbemRefreshedObject::decode)));
        if (count != (objects == null ? 0 : objects.size())) {
            throw r.fail(Kind.BAD_VALUE, "plNumObjects " + count + " differs from the array's max_count");
        }
        if (objects != null) {
            for (WbemRefreshedObject o : objects) {
                if (!o.isConsistent()) {
                    throw r.fail(Kind.BAD_VALUE, "m_lBlobLength " + o.mLBlobLength() + " differs from its blob");
                }
            }
        }
        return new RemoteRefreshResponse(t, objects, Mip.hresult(r));
    }

    public void encode(NdrWriter w) {
        OrpcThat.encode(w, orpcThat);
        encodeResults(w);
    }

    /** Writes the [out] parameters and HRESULT that follow ORPCTHAT (server: the {@code OrpcReply} body). */
    public void encodeResults(NdrWriter w) {
        w.i32(paObjects == null ? 0 : paObjects.size());
        w.uniquePtr(paObjects, (x, list) -> x.conformantArray(list, WbemRefreshedObject::encode));
        w.i32(hresult);
    }

    public static RemoteRefreshResponse decode(byte[] stub) {
        return Mip.decode(stub, RemoteRefreshResponse::decode);
    }

    public byte[] encode() {
        return Mip.encode(this::encode);
    }
}
