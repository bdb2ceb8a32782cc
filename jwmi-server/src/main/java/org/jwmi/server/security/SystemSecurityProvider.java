package org.jwmi.server.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimException;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimMethod;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.CimType;
import org.jwmi.cim.CimValue;
import org.jwmi.cim.WbemStatus;
import org.jwmi.server.provider.MethodProvider;
import org.jwmi.server.provider.ProviderContext;

/**
 * The methods of [MS-WMI] 2.2.30 __SystemSecurity, on the namespace of the call ({@code ctx.namespace()}):
 * <ul>
 *   <li>{@code GetSD([out] uint8 SD[])} — the effective self-relative descriptor; needs READ_CONTROL;</li>
 *   <li>{@code SetSD([in] uint8 SD[])} — needs WRITE_DAC (see {@link NamespaceSecurity#setSD});</li>
 *   <li>{@code GetCallerAccessRights([out] sint32 Rights)} — the caller's rights; needs only WBEM_ENABLE ("any
 *       enabled client", WMI SDK).</li>
 * </ul>
 * Signatures as the SDK gives them (README pitfall 9). On success {@code ReturnValue} is 0; failures are thrown as
 * {@link CimException} (WBEM_E_ACCESS_DENIED, WBEM_E_INVALID_PARAMETER, ...), i.e. they become the HRESULT of the
 * ExecMethod call, as Windows does per [MS-WMI] notes &lt;8&gt; and &lt;9&gt; ("errors are returned as an error in the
 * IWbemServices interface method call", not through the return value).
 *
 * <p>The service must not demand WBEM_METHOD_EXECUTE before calling these methods: their rights are checked here.
 */
public final class SystemSecurityProvider implements MethodProvider {

    public static final CimName CLASS = CimName.of("__SystemSecurity");
    public static final CimName GET_SD = CimName.of("GetSD");
    public static final CimName SET_SD = CimName.of("SetSD");
    public static final CimName GET_CALLER_ACCESS_RIGHTS = CimName.of("GetCallerAccessRights");

    private final NamespaceSecurity security;

    public SystemSecurityProvider(NamespaceSecurity security) {
        this.security = Objects.requireNonNull(security, "security");
    }

    @Override
    public CimName className() {
        return CLASS;
    }

    @Override
    public CimInstance invoke(ProviderContext ctx, CimClass cls, CimObjectPath target, CimName method,
            CimInstance inParams) {
        String ns = ctx.namespace();
        CallerToken token = ctx.token();
        if (method.equals(GET_SD)) {
            security.check(token, ns, WmiRight.READ_CONTROL.mask());
            return out(cls, method).set("SD", CimValue.array(CimType.UINT8, unsigned(security.getSD(ns))))
                    .set(CimMethod.RETURN_VALUE, CimValue.uint32(0)).build();
        }
        if (method.equals(SET_SD)) {
            CimValue sd = inParams == null ? null : inParams.value(CimName.of("SD"));
            if (sd == null || sd.isNull()) {
                throw new CimException(WbemStatus.WBEM_E_INVALID_PARAMETER, "SetSD needs the in-parameter SD");
            }
            security.setSD(token, ns, bytes(sd));
            return out(cls, method).set(CimMethod.RETURN_VALUE, CimValue.uint32(0)).build();
        }
        if (method.equals(GET_CALLER_ACCESS_RIGHTS)) {
            security.check(token, ns, WmiRight.WBEM_ENABLE.mask());
            return out(cls, method).set("Rights", CimValue.sint32(security.grantedRights(token, ns)))
                    .set(CimMethod.RETURN_VALUE, CimValue.uint32(0)).build();
        }
        throw new CimException(WbemStatus.WBEM_E_INVALID_METHOD, "__SystemSecurity has no method " + method);
    }

    private static CimInstance.Builder out(CimClass cls, CimName method) {
        CimClass out = cls.method(method).map(CimMethod::outParameters).orElseThrow(() -> new CimException(
                WbemStatus.WBEM_E_INVALID_METHOD, cls.name() + "." + method + " has no out-parameters in this schema"));
        return out.newInstance();
    }

    private static List<Integer> unsigned(byte[] b) {
        List<Integer> l = new ArrayList<>(b.length);
        for (byte x : b) {
            l.add(x & 0xff);
        }
        return l;
    }

    private static byte[] bytes(CimValue v) {
        if (v.type() != CimType.UINT8.arrayType()) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_PARAMETER, "SD must be a uint8 array, not " + v.type());
        }
        List<?> l = v.asList();
        byte[] b = new byte[l.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) ((Number) l.get(i)).intValue();
        }
        return b;
    }
}
