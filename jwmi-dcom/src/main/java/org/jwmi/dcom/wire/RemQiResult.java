package org.jwmi.dcom.wire;

import java.util.Objects;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;

/**
 * [MS-DCOM] 2.2.24 REMQIRESULT: one result of IRemUnknown::RemQueryInterface (NDR).
 * <pre>
 * typedef struct tagREMQIRESULT {
 *     HRESULT hResult;
 *     STDOBJREF std;        // ignored when hResult is an error
 * } REMQIRESULT;
 * </pre>
 *
 * @param hResult the HRESULT
 * @param std     the reference to the new interface
 */
public record RemQiResult(int hResult, StdObjRef std) {

    public RemQiResult {
        Objects.requireNonNull(std, "std");
    }

    public static RemQiResult decode(NdrReader r) {
        return r.struct("REMQIRESULT", 8, s -> new RemQiResult(s.i32(), StdObjRef.decode(s)));
    }

    public static void encode(NdrWriter w, RemQiResult v) {
        w.struct(8, s -> {
            s.i32(v.hResult);
            StdObjRef.encode(s, v.std);
        });
    }
}
