package org.jwmi.dcom.ops;

import java.util.UUID;
import org.jwmi.dcom.wire.Iids;
import org.jwmi.rpc.SyntaxId;

/**
 * [MS-DCOM] 1.9, 3.1.1.5.6, 3.1.1.5.7, 3.1.2.5.1, 3.1.2.5.2: the RPC identities (interface UUID, version 0.0) and
 * operation numbers of the DCOM interfaces, as in the IDL of [MS-DCOM] 6.
 */
public final class DcomInterfaces {

    /** IObjectExporter 99fcfec4-5260-101b-bbcb-00aa0021347a version 0.0 (native RPC, endpoint-mapper port). */
    public static final SyntaxId IOBJECTEXPORTER = of(Iids.IID_IOBJECTEXPORTER);
    /** IActivation 4d9f4ab8-7d1c-11cf-861e-0020af6e7c57 version 0.0 (native RPC, endpoint-mapper port). */
    public static final SyntaxId IACTIVATION = of(Iids.IID_IACTIVATION);
    /** IRemoteSCMActivator 000001a0-0000-0000-c000-000000000046 version 0.0 (native RPC, endpoint-mapper port). */
    public static final SyntaxId IREMOTESCMACTIVATOR = of(Iids.IID_IREMOTESCMACTIVATOR);
    /** IRemUnknown 00000131-0000-0000-c000-000000000046 version 0.0 (ORPC, object exporter). */
    public static final SyntaxId IREMUNKNOWN = of(Iids.IID_IREMUNKNOWN);
    /** IRemUnknown2 00000143-0000-0000-c000-000000000046 version 0.0 (ORPC, object exporter). */
    public static final SyntaxId IREMUNKNOWN2 = of(Iids.IID_IREMUNKNOWN2);

    /** IObjectExporter::ResolveOxid. */
    public static final int OP_RESOLVE_OXID = 0;
    /** IObjectExporter::SimplePing. */
    public static final int OP_SIMPLE_PING = 1;
    /** IObjectExporter::ComplexPing. */
    public static final int OP_COMPLEX_PING = 2;
    /** IObjectExporter::ServerAlive. */
    public static final int OP_SERVER_ALIVE = 3;
    /** IObjectExporter::ResolveOxid2. */
    public static final int OP_RESOLVE_OXID2 = 4;
    /** IObjectExporter::ServerAlive2. */
    public static final int OP_SERVER_ALIVE2 = 5;

    /** IActivation::RemoteActivation. */
    public static final int OP_REMOTE_ACTIVATION = 0;

    /** IRemoteSCMActivator::RemoteGetClassObject (opnums 0-2 are reserved for local use). */
    public static final int OP_REMOTE_GET_CLASS_OBJECT = 3;
    /** IRemoteSCMActivator::RemoteCreateInstance. */
    public static final int OP_REMOTE_CREATE_INSTANCE = 4;

    /**
     * The first opnum of an ORPC interface's own methods: 0-2 are IUnknown's QueryInterface, AddRef and Release,
     * which are never sent on the wire ([MS-DCOM] 3.1.1.5.8).
     */
    public static final int FIRST_ORPC_OPNUM = 3;
    /** IRemUnknown::RemQueryInterface. */
    public static final int OP_REM_QUERY_INTERFACE = 3;
    /** IRemUnknown::RemAddRef. */
    public static final int OP_REM_ADD_REF = 4;
    /** IRemUnknown::RemRelease. */
    public static final int OP_REM_RELEASE = 5;
    /** IRemUnknown2::RemQueryInterface2. */
    public static final int OP_REM_QUERY_INTERFACE2 = 6;

    private DcomInterfaces() {
    }

    /** The RPC abstract syntax of a COM interface: its IID, version 0.0. */
    public static SyntaxId of(UUID iid) {
        return new SyntaxId(iid, 0, 0);
    }
}
