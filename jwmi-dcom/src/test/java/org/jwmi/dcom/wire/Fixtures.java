package org.jwmi.dcom.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jwmi.ndr.NdrEncoder;
import org.jwmi.ndr.NdrWriter;

/** The values generate.py puts into the vectors, built with our records. */
final class Fixtures {
    static final UUID CLSID_T = UUID.fromString("c0ffee00-1234-5678-9abc-def012345678");
    static final UUID IID_T = UUID.fromString("11223344-5566-7788-99aa-bbccddeeff00");
    static final UUID IPID_T = UUID.fromString("00001234-5678-9abc-def0-123456789abc");
    static final UUID IPID_REMUNK = UUID.fromString("0000abcd-0001-0002-0304-050607080900");
    static final long OXID_T = 0x0123456789abcdefL;
    static final long OID_T = 0x1122334455667788L;
    static final UUID CID_T = UUID.fromString("89abcdef-0123-4567-89ab-cdef01234567");
    static final UUID CTX_ID = UUID.fromString("aabbccdd-eeff-0011-2233-445566778899");
    static final int E_NOINTERFACE = 0x80004002;

    static final List<SecurityBinding> SECURITY = List.of(new SecurityBinding(DcomConstants.RPC_C_AUTHN_WINNT, ""),
            new SecurityBinding(DcomConstants.RPC_C_AUTHN_GSS_KERBEROS, "host/jwmi-host"));
    static final DualStringArray RESOLVER = new DualStringArray(
            List.of(StringBinding.tcp("127.0.0.1"), StringBinding.tcp("JWMI-HOST")), SECURITY);
    static final DualStringArray EXPORTER = new DualStringArray(
            List.of(StringBinding.tcp("127.0.0.1", 49667), StringBinding.tcp("JWMI-HOST", 49667)), SECURITY);

    static final StdObjRef STD = new StdObjRef(0x1000, 5, OXID_T, OID_T, IPID_T);
    static final ObjRefStandard OBJREF_STD = new ObjRefStandard(IID_T, STD, RESOLVER);
    static final ObjRefHandler OBJREF_HANDLER = new ObjRefHandler(IID_T, new StdObjRef(0, 1, OXID_T, OID_T, IPID_T),
            CLSID_T, new DualStringArray(List.of(StringBinding.tcp("10.0.0.1")),
            List.of(new SecurityBinding(DcomConstants.RPC_C_AUTHN_GSS_NEGOTIATE, "RestrictedKrbHost/x"))));
    static final ObjRefCustom OBJREF_CUSTOM = new ObjRefCustom(IID_T, CLSID_T, 0, 11,
            "hello world".getBytes(StandardCharsets.US_ASCII), null);

    static final Context CONTEXT = new Context(1, 1, CTX_ID, 2, 0, 0, 0, 0x12345, 1, List.of(
            new PropMarshalHeader(Clsids.GUID_NULL, UUID.fromString("01020304-0506-0708-090a-0b0c0d0e0f10"), 2,
                    OBJREF_STD.encode()),
            new PropMarshalHeader(CLSID_T, UUID.fromString("11111111-2222-3333-4444-555555555555"), 4,
                    "envoy".getBytes(StandardCharsets.US_ASCII))));
    static final ObjRefExtended OBJREF_EXTENDED = new ObjRefExtended(IID_T, STD,
            new DualStringArray(List.of(StringBinding.tcp("JWMI")),
                    List.of(new SecurityBinding(DcomConstants.RPC_C_AUTHN_WINNT, ""))),
            new DataElement(CTX_ID, Context.encode(CONTEXT)));

    static final ErrorObjectData ERROR = new ErrorObjectData(0, 7, IID_T, "jwmi", "Access is denied.", null);

    static final OrpcThis ORPCTHIS = new OrpcThis(ComVersion.V5_7, 0, 0, CID_T, null);
    static final OrpcThis ORPCTHIS_EXT = new OrpcThis(ComVersion.V5_6, 0, 0, CID_T,
            OrpcExtentArray.of(List.of(new OrpcExtent(CLSID_T, "abc".getBytes(StandardCharsets.US_ASCII)))));
    static final OrpcThat ORPCTHAT = OrpcThat.EMPTY;
    static final OrpcThat ORPCTHAT_ERROR = new OrpcThat(0, OrpcExtentArray.of(List.of(OrpcExtent.errorInfo(ERROR),
            new OrpcExtent(CLSID_T, "12345678".getBytes(StandardCharsets.US_ASCII)))));

    static final InstantiationInfoData INSTANTIATION = new InstantiationInfoData(CLSID_T, 0x14, 0x22, 0, 2, 0,
            List.of(Iids.IID_IUNKNOWN, IID_T), 104, ComVersion.V5_7);
    static final SpecialPropertiesData SPECIAL = new SpecialPropertiesData(-1, 0, 0, 0, 5, Clsids.GUID_NULL, 0, 0x14,
            1, 0, 0, List.of(0, 0, 0, 0, 0));
    static final SpecialPropertiesData SPECIAL_ALTERNATE = new SpecialPropertiesData(3, 1, 1, 0, 2, CTX_ID, 0, 0x10,
            0, 0, 0, List.of(1, 2, 3, 4, 5, 6, 7, 8));
    static final InstanceInfoData INSTANCE = new InstanceInfoData("C:\\data\\x.txt", 0x12, null,
            MInterfacePointer.of(OBJREF_STD));
    static final ScmRequestInfoData SCM_REQUEST = new ScmRequestInfoData(null,
            new CustomRemoteRequestScmInfo(2, 2, List.of(DcomConstants.NCACN_IP_TCP, DcomConstants.NCACN_HTTP)));
    static final ActivationContextInfoData ACTIVATION_CONTEXT = ActivationContextInfoData.of(
            MInterfacePointer.of(new Context(1, 1, CTX_ID, 2, 0, 0, 0, 0x12345, 1, List.of()).toObjRef()), null);
    static final LocationInfoData LOCATION = new LocationInfoData("JWMI-HOST", 0, 0, 0);
    static final SecurityInfoData SECURITY_INFO = new SecurityInfoData(0, new CoServerInfo(0, "jwmi-host", null, 0),
            null);
    static final ScmReplyInfoData SCM_REPLY = ScmReplyInfoData.of(new CustomRemoteReplyScmInfo(OXID_T, EXPORTER,
            IPID_REMUNK, 5, ComVersion.V5_7));
    static final PropsOutInfo PROPS_OUT = PropsOutInfo.of(List.of(Iids.IID_IUNKNOWN, IID_T),
            List.of(0, E_NOINTERFACE), Arrays.asList(MInterfacePointer.of(OBJREF_STD), null));

    static final ActivationProperties ACT_IN = ActivationProperties.of(SPECIAL, INSTANTIATION, ACTIVATION_CONTEXT,
            SECURITY_INFO, LocationInfoData.EMPTY, SCM_REQUEST);
    static final ActivationProperties ACT_OUT = ActivationProperties.of(PROPS_OUT, SCM_REPLY);

    /** An OBJREF_CUSTOM of CLSID_ErrorObject whose data is a truncated error object. */
    static final byte[] ERROR_OBJREF_BROKEN = ObjRefCustom.of(Iids.IID_IERRORINFO, Clsids.CLSID_ERROROBJECT,
            new byte[] {0, 0, 0, 0, 7}).encode();

    private Fixtures() {
    }

    static <T> byte[] ndr(T value, NdrEncoder<T> encoder) {
        NdrWriter w = new NdrWriter();
        encoder.encode(w, value);
        return w.toByteArray();
    }
}
