package org.jwmi.dcom.wire;

import java.util.Objects;

/**
 * [MS-DCOM] 2.2.19.3 STRINGBINDING: an RPC protocol sequence and a network address, optionally with an endpoint
 * ({@code "servername"} for resolvers, {@code "servername[endpoint]"} for exporters, e.g. {@code "10.0.0.1[5000]"}).
 *
 * @param wTowerId     protocol sequence identifier ([C706] Appendix I, e.g. {@link DcomConstants#NCACN_IP_TCP});
 *                     1..65535 (zero is the array terminator)
 * @param aNetworkAddr the address without its terminator; must not contain U+0000
 */
public record StringBinding(int wTowerId, String aNetworkAddr) {

    public StringBinding {
        if (wTowerId <= 0 || wTowerId > 0xffff) {
            throw new IllegalArgumentException("wTowerId must be 1..65535, got " + wTowerId);
        }
        Objects.requireNonNull(aNetworkAddr, "aNetworkAddr");
        if (aNetworkAddr.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("aNetworkAddr must not contain U+0000");
        }
    }

    /** An ncacn_ip_tcp binding. */
    public static StringBinding tcp(String networkAddr) {
        return new StringBinding(DcomConstants.NCACN_IP_TCP, networkAddr);
    }

    /** An ncacn_ip_tcp binding with an endpoint, formatted {@code host[port]}. */
    public static StringBinding tcp(String host, int port) {
        return new StringBinding(DcomConstants.NCACN_IP_TCP, host + "[" + port + "]");
    }

    /** Number of unsigned shorts this binding takes in a DUALSTRINGARRAY. */
    int units() {
        return 1 + aNetworkAddr.length() + 1;
    }
}
