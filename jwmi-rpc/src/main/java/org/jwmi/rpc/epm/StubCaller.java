package org.jwmi.rpc.epm;

/**
 * Sends one request stub and returns the response stub: {@code RpcBinding::call} in production, a service's
 * {@code invoke} in tests.
 */
@FunctionalInterface
public interface StubCaller {
    /**
     * @param opnum the operation number
     * @param stub  the NDR20 little-endian request stub
     * @return the NDR20 little-endian response stub
     */
    byte[] call(int opnum, byte[] stub);
}
