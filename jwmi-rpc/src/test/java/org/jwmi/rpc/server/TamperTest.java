package org.jwmi.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.AuthenticationException;
import org.jwmi.rpc.RpcFaultException;
import org.jwmi.rpc.RpcStatus;
import org.jwmi.rpc.RpcTransportException;
import org.jwmi.rpc.client.ClientConfig;
import org.jwmi.rpc.client.RpcBinding;
import org.jwmi.rpc.client.RpcConnection;
import org.jwmi.rpc.pdu.CommonHeader;
import org.jwmi.rpc.pdu.PType;
import org.jwmi.rpc.testing.EchoService;
import org.jwmi.rpc.testing.Fixtures;
import org.jwmi.rpc.testing.TamperProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every byte of a signed or sealed request (header, body, auth padding, sec_trailer, token) is flipped in turn on
 * the way to the server; a request is also replayed. None of them may reach the service.
 */
class TamperTest {
    private static final ClientConfig CLIENT = ClientConfig.defaults().withReadTimeout(Duration.ofMillis(1500));

    private final EchoService echo = new EchoService();
    private RpcServer server;
    private TamperProxy proxy;

    @BeforeEach
    void start() throws Exception {
        server = Fixtures.server(b -> b.register(echo).readTimeout(Duration.ofMillis(150)));
        proxy = new TamperProxy(server.port());
    }

    @AfterEach
    void stop() throws Exception {
        proxy.close();
        server.close();
    }

    private RpcConnection viaProxy() throws Exception {
        return RpcConnection.connect("127.0.0.1", proxy.port(), CLIENT);
    }

    private static boolean isRequest(byte[] f) {
        return CommonHeader.decode(f).type() == PType.REQUEST;
    }

    /** The length of the request fragment the client sends for a 21-byte stub at this level. */
    private int requestLength(AuthLevel level) throws Exception {
        AtomicInteger len = new AtomicInteger();
        proxy.hook((i, f) -> {
            if (isRequest(f)) {
                len.set(f.length);
            }
            return List.of(f);
        });
        try (RpcConnection c = viaProxy()) {
            c.bind(EchoService.SYNTAX, Fixtures.ntlm(level)).call(0, new byte[21]);
        }
        echo.dispatches.set(0);
        return len.get();
    }

    @ParameterizedTest
    @CsvSource({"PKT, 1", "PKT_INTEGRITY, 1", "PKT_PRIVACY, 1", "PKT_PRIVACY, 255"})
    void aFlippedByteAnywhereIsRefusedAndNotDispatched(AuthLevel level, int mask) throws Exception {
        int length = requestLength(level);
        assertThat(length).isEqualTo(24 + 21 + 11 + 8 + 16);
        List<String> outcomes = new ArrayList<>();
        for (int at = 0; at < length; at++) {
            int pos = at;
            proxy.hook((i, f) -> {
                if (isRequest(f)) {
                    f[pos] ^= (byte) mask;
                }
                return List.of(f);
            });
            try (RpcConnection c = viaProxy()) {
                RpcBinding b = c.bind(EchoService.SYNTAX, Fixtures.ntlm(level));
                Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> b.call(0, new byte[21]));
                assertThat(t).as("flip at %d", pos).isNotNull()
                        .isInstanceOfAny(RpcFaultException.class, AuthenticationException.class, RpcTransportException.class);
                outcomes.add(pos + ":" + t.getClass().getSimpleName());
            }
            assertThat(echo.dispatches).as("dispatches after flipping byte %d (%s)", pos, outcomes).hasValue(0);
        }
        // the token and signed regions are refused by the signature check
        assertThat(outcomes.get(length - 1)).endsWith("AuthenticationException");
        assertThat(outcomes.get(30)).endsWith("AuthenticationException");
    }

    @ParameterizedTest
    @EnumSource(value = AuthLevel.class, names = {"PKT", "PKT_INTEGRITY", "PKT_PRIVACY"})
    void aReplayedRequestIsRefused(AuthLevel level) throws Exception {
        // the same fragment twice in a row: the copy fails the sequence check and the connection is closed
        proxy.hook((i, f) -> isRequest(f) ? List.of(f, f.clone()) : List.of(f));
        try (RpcConnection c = viaProxy()) {
            RpcBinding b = c.bind(EchoService.SYNTAX, Fixtures.ntlm(level));
            assertThat(b.call(0, new byte[] {1, 2})).containsExactly(1, 2);
            assertThatThrownBy(() -> b.call(0, new byte[] {3})).isInstanceOfAny(RpcTransportException.class,
                    RpcFaultException.class, AuthenticationException.class);
        }
        assertThat(echo.dispatches).hasValue(1);

        // an earlier request sent again in place of a later one
        echo.dispatches.set(0);
        AtomicReference<byte[]> first = new AtomicReference<>();
        proxy.hook((i, f) -> {
            if (!isRequest(f)) {
                return List.of(f);
            }
            if (first.get() == null) {
                first.set(f.clone());
                return List.of(f);
            }
            return List.of(first.get());
        });
        try (RpcConnection c = viaProxy()) {
            RpcBinding b = c.bind(EchoService.SYNTAX, Fixtures.ntlm(level));
            b.call(0, new byte[] {1});
            // the server faults the replayed call_id and closes; the client sees a reply for another call
            assertThatThrownBy(() -> b.call(0, new byte[] {2})).isInstanceOf(RpcTransportException.class);
        }
        assertThat(echo.dispatches).hasValue(1);
        assertThat(RpcStatus.RPC_S_SEC_PKG_ERROR.value()).isEqualTo(0x721);
    }
}
