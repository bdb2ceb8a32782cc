package org.jwmi.dcom.wire;

import java.util.UUID;

/**
 * Class identifiers of [MS-DCOM] 1.9 (Standards Assignments): custom unmarshalers, activation property ids and
 * ORPC extension ids.
 */
public final class Clsids {
    /** GUID_NULL. */
    public static final UUID GUID_NULL = new UUID(0, 0);
    /** Unmarshaler of an ActivationPropertiesIn blob (OBJREF_CUSTOM.clsid). */
    public static final UUID CLSID_ACTIVATIONPROPERTIESIN = UUID.fromString("00000338-0000-0000-c000-000000000046");
    /** Unmarshaler of an ActivationPropertiesOut blob (OBJREF_CUSTOM.clsid). */
    public static final UUID CLSID_ACTIVATIONPROPERTIESOUT = UUID.fromString("00000339-0000-0000-c000-000000000046");
    /** ActivationContextInfoData ([MS-DCOM] 2.2.22.2.5). */
    public static final UUID CLSID_ACTIVATIONCONTEXTINFO = UUID.fromString("000001a5-0000-0000-c000-000000000046");
    /** InstantiationInfoData ([MS-DCOM] 2.2.22.2.1). */
    public static final UUID CLSID_INSTANTIATIONINFO = UUID.fromString("000001ab-0000-0000-c000-000000000046");
    /** InstanceInfoData ([MS-DCOM] 2.2.22.2.3). */
    public static final UUID CLSID_INSTANCEINFO = UUID.fromString("000001ad-0000-0000-c000-000000000046");
    /** ScmRequestInfoData ([MS-DCOM] 2.2.22.2.4). */
    public static final UUID CLSID_SCMREQUESTINFO = UUID.fromString("000001aa-0000-0000-c000-000000000046");
    /** ScmReplyInfoData ([MS-DCOM] 2.2.22.2.8). */
    public static final UUID CLSID_SCMREPLYINFO = UUID.fromString("000001b6-0000-0000-c000-000000000046");
    /** SecurityInfoData ([MS-DCOM] 2.2.22.2.7). */
    public static final UUID CLSID_SECURITYINFO = UUID.fromString("000001a6-0000-0000-c000-000000000046");
    /** LocationInfoData ([MS-DCOM] 2.2.22.2.6). */
    public static final UUID CLSID_SERVERLOCATIONINFO = UUID.fromString("000001a4-0000-0000-c000-000000000046");
    /** SpecialPropertiesData ([MS-DCOM] 2.2.22.2.2). */
    public static final UUID CLSID_SPECIALSYSTEMPROPERTIES =
            UUID.fromString("000001b9-0000-0000-c000-000000000046");
    /** PropsOutInfo ([MS-DCOM] 2.2.22.2.9); the same value as {@link #CLSID_ACTIVATIONPROPERTIESOUT}, as printed. */
    public static final UUID CLSID_PROPSOUTINFO = UUID.fromString("00000339-0000-0000-c000-000000000046");
    /** The context ORPC extension ([MS-DCOM] 2.2.21.4). */
    public static final UUID CLSID_CONTEXT_EXTENSION = UUID.fromString("00000334-0000-0000-c000-000000000046");
    /** Unmarshaler of a marshaled context ([MS-DCOM] 2.2.20). */
    public static final UUID CLSID_CONTEXTMARSHALER = UUID.fromString("0000033b-0000-0000-c000-000000000046");
    /** The error-information ORPC extension ([MS-DCOM] 2.2.21.1). */
    public static final UUID CLSID_ERROR_EXTENSION = UUID.fromString("0000031c-0000-0000-c000-000000000046");
    /** Unmarshaler of custom-marshaled error information ([MS-DCOM] 2.2.21.2). */
    public static final UUID CLSID_ERROROBJECT = UUID.fromString("0000031b-0000-0000-c000-000000000046");

    private Clsids() {
    }
}
