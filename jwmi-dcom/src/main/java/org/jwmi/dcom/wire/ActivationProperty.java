package org.jwmi.dcom.wire;

import java.util.UUID;

/**
 * One entry of the Property array of an [MS-DCOM] 2.2.22 Activation Properties BLOB, identified by the CLSID in
 * the matching CustomHeader.pclsid entry and serialized on its own with type serialization version 1
 * ([MS-RPCE] 2.2.6).
 */
public sealed interface ActivationProperty permits InstantiationInfoData, SpecialPropertiesData, InstanceInfoData,
        ScmRequestInfoData, ActivationContextInfoData, LocationInfoData, SecurityInfoData, ScmReplyInfoData,
        PropsOutInfo, UnknownActivationProperty {

    /** The CLSID naming this property in CustomHeader.pclsid. */
    UUID clsid();

    /** The property as a type serialization version 1 stream (headers, NDR body, padding to 8). */
    byte[] serialize();
}
