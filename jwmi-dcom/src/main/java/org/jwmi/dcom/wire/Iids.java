package org.jwmi.dcom.wire;

import java.util.UUID;

/** Interface identifiers of [MS-DCOM] 1.9 (Standards Assignments) and the COM interfaces DCOM itself relies on. */
public final class Iids {
    /** IUnknown ([MS-DCOM] 3.1.1.5.8). */
    public static final UUID IID_IUNKNOWN = UUID.fromString("00000000-0000-0000-c000-000000000046");
    /** IClassFactory: what IRemoteSCMActivator::RemoteGetClassObject usually asks for. */
    public static final UUID IID_ICLASSFACTORY = UUID.fromString("00000001-0000-0000-c000-000000000046");
    /** IRemUnknown ([MS-DCOM] 3.1.1.5.6). */
    public static final UUID IID_IREMUNKNOWN = UUID.fromString("00000131-0000-0000-c000-000000000046");
    /** IRemUnknown2 ([MS-DCOM] 3.1.1.5.7). */
    public static final UUID IID_IREMUNKNOWN2 = UUID.fromString("00000143-0000-0000-c000-000000000046");
    /** IRemoteSCMActivator ([MS-DCOM] 3.1.2.5.2.2). */
    public static final UUID IID_IREMOTESCMACTIVATOR = UUID.fromString("000001a0-0000-0000-c000-000000000046");
    /** IActivation ([MS-DCOM] 3.1.2.5.2.1). */
    public static final UUID IID_IACTIVATION = UUID.fromString("4d9f4ab8-7d1c-11cf-861e-0020af6e7c57");
    /** IObjectExporter ([MS-DCOM] 3.1.2.5.1). */
    public static final UUID IID_IOBJECTEXPORTER = UUID.fromString("99fcfec4-5260-101b-bbcb-00aa0021347a");
    /** The iid of the OBJREF_CUSTOM that carries an ActivationPropertiesIn blob. */
    public static final UUID IID_IACTIVATIONPROPERTIESIN = UUID.fromString("000001a2-0000-0000-c000-000000000046");
    /** The iid of the OBJREF_CUSTOM that carries an ActivationPropertiesOut blob. */
    public static final UUID IID_IACTIVATIONPROPERTIESOUT = UUID.fromString("000001a3-0000-0000-c000-000000000046");
    /** The iid of a marshaled client or prototype context ([MS-DCOM] 2.2.20). */
    public static final UUID IID_ICONTEXT = UUID.fromString("000001c0-0000-0000-c000-000000000046");
    /** IErrorInfo: what the OBJREF of the error-information ORPC extension refers to ([MS-DCOM] note 15). */
    public static final UUID IID_IERRORINFO = UUID.fromString("1cf2b120-547d-101b-8e65-08002b2bd119");

    private Iids() {
    }
}
