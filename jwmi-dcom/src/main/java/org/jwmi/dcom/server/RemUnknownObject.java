package org.jwmi.dcom.server;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jwmi.auth.PeerIdentity;
import org.jwmi.dcom.ops.Codec;
import org.jwmi.dcom.ops.DcomInterfaces;
import org.jwmi.dcom.ops.DcomStatus;
import org.jwmi.dcom.ops.OrpcStatusResponse;
import org.jwmi.dcom.ops.RemAddRefRequest;
import org.jwmi.dcom.ops.RemAddRefResponse;
import org.jwmi.dcom.ops.RemQueryInterface2Request;
import org.jwmi.dcom.ops.RemQueryInterface2Response;
import org.jwmi.dcom.ops.RemQueryInterfaceRequest;
import org.jwmi.dcom.ops.RemQueryInterfaceResponse;
import org.jwmi.dcom.ops.RemReleaseRequest;
import org.jwmi.dcom.wire.Iids;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.ObjRefStandard;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.RemInterfaceRef;
import org.jwmi.dcom.wire.RemQiResult;
import org.jwmi.ndr.NdrReader;
import org.jwmi.rpc.RpcFaultException;
import org.jwmi.rpc.RpcStatus;

/**
 * The exporter's Remote Unknown: IRemUnknown ([MS-DCOM] 3.1.1.5.6: RemQueryInterface 3, RemAddRef 4, RemRelease 5)
 * and IRemUnknown2 (3.1.1.5.7: RemQueryInterface2 6) over the {@link ObjectExporter}'s tables. Overall HRESULTs:
 * S_OK when every element succeeded, S_FALSE when some did (RemQueryInterface), E_NOINTERFACE when no IID was found,
 * RPC_E_INVALID_OBJECT for an unknown ripid, E_INVALIDARG when a RemAddRef element names an unknown IPID.
 */
final class RemUnknownObject implements ComObject {

    private final ObjectExporter exporter;

    RemUnknownObject(ObjectExporter exporter) {
        this.exporter = exporter;
    }

    @Override
    public OrpcDispatcher queryInterface(UUID iid) {
        return Iids.IID_IREMUNKNOWN.equals(iid) || Iids.IID_IREMUNKNOWN2.equals(iid) ? this::invoke : null;
    }

    private OrpcReply invoke(OrpcCall call) {
        NdrReader r = Codec.reader(call.stub(), call.context().littleEndian(), call.limits());
        String client = call.context().peer().map(PeerIdentity::qualifiedName).orElse("");
        boolean v2 = DcomInterfaces.IREMUNKNOWN2.uuid().equals(call.context().abstractSyntax().uuid());
        switch (call.opnum()) {
            case DcomInterfaces.OP_REM_QUERY_INTERFACE:
                return reply(remQueryInterface(RemQueryInterfaceRequest.decode(r)).encode());
            case DcomInterfaces.OP_REM_ADD_REF:
                return reply(remAddRef(RemAddRefRequest.decode(r), client).encode());
            case DcomInterfaces.OP_REM_RELEASE: {
                RemReleaseRequest q = RemReleaseRequest.decode(r);
                List<UUID> ipids = new ArrayList<>();
                List<long[]> counts = new ArrayList<>();
                for (RemInterfaceRef ref : q.interfaceRefs()) {
                    ipids.add(ref.ipid());
                    counts.add(new long[] {Integer.toUnsignedLong(ref.cPublicRefs()),
                            Integer.toUnsignedLong(ref.cPrivateRefs())});
                }
                exporter.release(counts, ipids, client);
                return reply(new OrpcStatusResponse(OrpcThat.EMPTY, 0).encode());
            }
            case DcomInterfaces.OP_REM_QUERY_INTERFACE2:
                if (v2) {
                    return reply(remQueryInterface2(RemQueryInterface2Request.decode(r), call).encode());
                }
                break;
            default:
                break;
        }
        throw new RpcFaultException(RpcStatus.NCA_S_OP_RNG_ERROR.value(), true, (v2 ? "IRemUnknown2" : "IRemUnknown")
                + " has no opnum " + call.opnum());
    }

    /** The whole response was encoded with ORPCTHAT first; split it back into ORPCTHAT (8 bytes) and body. */
    private static OrpcReply reply(byte[] whole) {
        byte[] body = new byte[whole.length - 8];
        System.arraycopy(whole, 8, body, 0, body.length);
        return OrpcReply.of(body);
    }

    private RemQueryInterfaceResponse remQueryInterface(RemQueryInterfaceRequest q) {
        List<ObjectExporter.QiResult> results = exporter.queryInterface(q.ripid(), Integer.toUnsignedLong(q.cRefs()),
                q.iids());
        if (results == null) {
            return new RemQueryInterfaceResponse(OrpcThat.EMPTY, null, DcomStatus.RPC_E_INVALID_OBJECT.value());
        }
        List<RemQiResult> out = new ArrayList<>(results.size());
        for (ObjectExporter.QiResult x : results) {
            out.add(new RemQiResult(x.hresult(), x.std()));
        }
        return new RemQueryInterfaceResponse(OrpcThat.EMPTY, out, overall(results));
    }

    private RemQueryInterface2Response remQueryInterface2(RemQueryInterface2Request q, OrpcCall call) {
        List<ObjectExporter.QiResult> results = exporter.queryInterface(q.ripid(), ObjectExporter.INITIAL_PUBLIC_REFS,
                q.iids());
        if (results == null) {
            List<MInterfacePointer> none = new ArrayList<>();
            List<Integer> hrs = new ArrayList<>();
            for (int i = 0; i < q.iids().size(); i++) {
                none.add(null);
                hrs.add(DcomStatus.RPC_E_INVALID_OBJECT.value());
            }
            return new RemQueryInterface2Response(OrpcThat.EMPTY, hrs, none, DcomStatus.RPC_E_INVALID_OBJECT.value());
        }
        List<Integer> phr = new ArrayList<>();
        List<MInterfacePointer> mif = new ArrayList<>();
        for (ObjectExporter.QiResult x : results) {
            phr.add(x.hresult());
            mif.add(x.hresult() != 0 ? null : MInterfacePointer.of(new ObjRefStandard(x.iid(), x.std(),
                    exporter.resolverBindings(call.context()))));
        }
        return new RemQueryInterface2Response(OrpcThat.EMPTY, phr, mif, overall(results));
    }

    private static int overall(List<ObjectExporter.QiResult> results) {
        long ok = results.stream().filter(x -> x.hresult() == 0).count();
        if (ok == results.size()) {
            return 0;
        }
        return ok == 0 ? DcomStatus.E_NOINTERFACE.value() : DcomStatus.S_FALSE.value();
    }

    private RemAddRefResponse remAddRef(RemAddRefRequest q, String client) {
        List<Integer> results = new ArrayList<>();
        int hr = 0;
        for (RemInterfaceRef ref : q.interfaceRefs()) {
            int r = exporter.addRef(ref.ipid(), Integer.toUnsignedLong(ref.cPublicRefs()),
                    Integer.toUnsignedLong(ref.cPrivateRefs()), client);
            results.add(r);
            if (r != 0) {
                hr = DcomStatus.E_INVALIDARG.value();
            }
        }
        return new RemAddRefResponse(OrpcThat.EMPTY, results, hr);
    }

}
