/**
 * [MS-DCOM] 2.2 wire types and their codecs. No I/O, no policy.
 * <ul>
 * <li>Object references: {@link org.jwmi.dcom.wire.ObjRef} and its four forms, {@link org.jwmi.dcom.wire.StdObjRef},
 * {@link org.jwmi.dcom.wire.DualStringArray} (string and security bindings), {@link org.jwmi.dcom.wire.DataElement};
 * raw little-endian inside {@link org.jwmi.dcom.wire.MInterfacePointer} (NDR). OBJREF_CUSTOM payloads are decoded
 * through a {@link org.jwmi.dcom.wire.CustomUnmarshalerRegistry} of
 * {@link org.jwmi.dcom.wire.CustomObjRefCodec}s keyed by CLSID.</li>
 * <li>ORPC: {@link org.jwmi.dcom.wire.OrpcThis}, {@link org.jwmi.dcom.wire.OrpcThat},
 * {@link org.jwmi.dcom.wire.OrpcExtentArray}, {@link org.jwmi.dcom.wire.OrpcExtent},
 * {@link org.jwmi.dcom.wire.ErrorObjectData} (error-information extension), {@link org.jwmi.dcom.wire.Context}.</li>
 * <li>Activation: {@link org.jwmi.dcom.wire.ActivationProperties} (the BLOB of 2.2.22) with
 * {@link org.jwmi.dcom.wire.CustomHeader} and the {@link org.jwmi.dcom.wire.ActivationProperty} records.</li>
 * <li>IRemUnknown structures: {@link org.jwmi.dcom.wire.RemQiResult}, {@link org.jwmi.dcom.wire.RemInterfaceRef}.</li>
 * <li>Identifiers and constants: {@link org.jwmi.dcom.wire.Iids}, {@link org.jwmi.dcom.wire.Clsids},
 * {@link org.jwmi.dcom.wire.DcomConstants}, {@link org.jwmi.dcom.wire.ComVersion}.</li>
 * </ul>
 * Decoders fail only with {@link org.jwmi.wire.ProtocolException}; NDR decoders are side-effect free as
 * {@link org.jwmi.ndr.NdrReader} requires.
 */
package org.jwmi.dcom.wire;
