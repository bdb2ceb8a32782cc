package org.jwmi.dcom.server;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jwmi.auth.AuthLevel;
import org.jwmi.dcom.ops.DcomStatus;
import org.jwmi.dcom.wire.ComVersion;
import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.rpc.server.CallContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What IRemoteSCMActivator and IActivation share ([MS-DCOM] 3.1.2.5.2.3): the activation hardening check, COM
 * version negotiation, the CLSID lookup, creating the object and marshaling one reference per requested IID.
 */
final class Activator {

    private static final Logger LOG = LoggerFactory.getLogger(Activator.class);

    /** The outcome of an activation: the HRESULT and, on success, one pointer and one HRESULT per IID. */
    record Result(int hr, List<MInterfacePointer> interfaces, List<Integer> results) {
        static Result failure(int hr) {
            return new Result(hr, List.of(), List.of());
        }

        boolean failed() {
            return hr != 0;
        }
    }

    private final ObjectExporter exporter;
    private final ClassRegistry classes;

    Activator(ObjectExporter exporter, ClassRegistry classes) {
        this.exporter = exporter;
        this.classes = classes;
    }

    ObjectExporter exporter() {
        return exporter;
    }

    /**
     * The refusal the request gets before anything is decoded, or 0: activation requests below PktIntegrity are
     * refused with E_ACCESSDENIED while the hardening is on (KB5004442 / CVE-2021-26414); Windows logs event 10036.
     */
    int checkLevel(CallContext call) {
        DcomConfig c = exporter.config();
        if (c.activationHardening() && !call.authLevel().atLeast(AuthLevel.PKT_INTEGRITY)) {
            LOG.warn("refused activation from {} ({}): authentication level {} is below pktIntegrity; raise the "
                            + "client's activation authentication level to pktIntegrity", call.remote(),
                    call.peer().map(Object::toString).orElse("anonymous"), call.authLevel().scriptName());
            return DcomStatus.E_ACCESSDENIED.value();
        }
        return 0;
    }

    /** RPC_E_VERSION_MISMATCH unless the client's version is 5.1 up to the server's ([MS-DCOM] 1.7). */
    int checkVersion(ComVersion client) {
        return exporter.config().supports(client) ? 0 : DcomStatus.RPC_E_VERSION_MISMATCH.value();
    }

    Result activate(CallContext call, UUID clsid, List<UUID> iids, ComVersion clientVersion, boolean classObject) {
        ComClassFactory factory = classes.find(clsid).orElse(null);
        if (factory == null) {
            LOG.debug("activation of unknown class {} from {}", clsid, call.remote());
            return Result.failure(DcomStatus.REGDB_E_CLASSNOTREG.value());
        }
        ActivationContext ctx = new ActivationContext(call, clsid, iids, clientVersion, classObject);
        ComObject object;
        try {
            object = classObject ? factory.createClassObject(ctx) : factory.createInstance(ctx);
        } catch (ComException e) {
            return Result.failure(e.hresult());
        }
        if (object == null) {
            return Result.failure(DcomStatus.CLASS_E_CLASSNOTAVAILABLE.value());
        }
        List<MInterfacePointer> out = new ArrayList<>(iids.size());
        List<Integer> results = new ArrayList<>(iids.size());
        boolean any = false;
        for (UUID iid : iids) {
            try {
                out.add(exporter.marshal(object, iid, call));
                results.add(0);
                any = true;
            } catch (ComException e) {
                out.add(null);
                results.add(e.hresult());
            }
        }
        if (!any) {
            exporter.discard(object);
            return Result.failure(DcomStatus.E_NOINTERFACE.value());
        }
        return new Result(0, out, results);
    }
}
