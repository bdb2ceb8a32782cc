/**
 * [MS-WMI] 3.1.4 operations: request and response records, each with {@code decode(NdrReader)} (whole stub,
 * ends with expectEnd), {@code decode(byte[])}, {@code encode(NdrWriter)} and {@code encode()}. Records shared by
 * methods of the same shape say which in their Javadoc (e.g. {@link org.jwmi.wmi.ops.PathRequest} for
 * OpenNamespace and GetObject, {@link org.jwmi.wmi.ops.InterfacePointerResponse} for every method whose only
 * [out] parameter is an interface pointer). BSTRs are {@link org.jwmi.wmi.ops.Bstr}; [in, out, unique] IXxx**
 * parameters are {@link org.jwmi.wmi.ops.InterfacePointerRef}. Methods with no [out] parameters answer with
 * {@code org.jwmi.dcom.ops.OrpcStatusResponse}.
 */
package org.jwmi.wmi.ops;
