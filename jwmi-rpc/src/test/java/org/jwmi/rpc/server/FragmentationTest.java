package org.jwmi.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jwmi.auth.AuthLevel;
import org.jwmi.rpc.RpcFaultException;
import org.jwmi.rpc.RpcStatus;
import org.jwmi.rpc.RpcTransportException;
import org.jwmi.rpc.client.ClientConfig;
import org.jwmi.rpc.client.RpcBinding;
import org.jwmi.rpc.client.RpcConnection;
import org.jwmi.rpc.client.SecuritySpec;
import org.jwmi.rpc.pdu.CommonHeader;
import org.jwmi.rpc.pdu.PType;
import org.jwmi.rpc.pdu.PfcFlag;
import org.jwmi.rpc.testing.EchoService;
import org.jwmi.rpc.testing.Fixtures;
import org.jwmi.rpc.testing.TamperProxy;
import org.jwmi.wire.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Large stubs both ways, fragment sizes on the wire, and the reassembly limit. */
class FragmentationTest {
    private static final int MB = 1024 * 1024;

    @ParameterizedTest
    @EnumSource(value = AuthLevel.class, names = {"NONE", "CONNECT", "PKT_INTEGRITY", "PKT_PRIVACY"})
    void oneMegabyteEachWay(AuthLevel level) throws Exception {
        EchoService echo = new EchoService();
        Limits limits = Limits.DEFAULT.withMaxBodySize(2 * MB);
        try (RpcServer server = Fixtures.server(b -> b.register(echo).limits(limits));
             TamperProxy proxy = new TamperProxy(server.port())) {
            AtomicInteger requestFrags = new AtomicInteger();
            AtomicInteger maxFrag = new AtomicInteger();
            proxy.hook((i, f) -> {
                CommonHeader h = CommonHeader.decode(f);
                if (h.type() == PType.REQUEST) {
                    requestFrags.incrementAndGet();
                    maxFrag.accumulateAndGet(f.length, Math::max);
                    if (level.atLeast(AuthLevel.PKT_INTEGRITY)) {
                        // the trailer is 16-aligned from the body start in every fragment
                        assertThat((h.fragLength() - h.authLength() - 8 - 24) % 16).isZero();
                    }
                }
                return List.of(f);
            });
            ClientConfig cfg = ClientConfig.defaults().withLimits(limits).withMaxFragmentSize(4280)
                    .withReadTimeout(Duration.ofSeconds(20));
            try (RpcConnection c = RpcConnection.connect("127.0.0.1", proxy.port(), cfg)) {
                RpcBinding b = c.bind(EchoService.SYNTAX,
                        level == AuthLevel.NONE ? SecuritySpec.none() : Fixtures.ntlm(level));
                byte[] big = EchoService.pattern(MB);
                assertThat(b.call(0, big)).isEqualTo(big);
                assertThat(b.call(1, EchoService.le32(MB))).isEqualTo(big);
                assertThat(c.negotiated().maxXmitFrag()).isEqualTo(4280);
            }
            assertThat(maxFrag.get()).isLessThanOrEqualTo(4280);
            assertThat(requestFrags.get()).isGreaterThan(MB / 4280);
            assertThat(echo.dispatches).hasValue(2);
        }
    }

    @Test
    void requestAboveTheBodyLimitIsFaultedAndTheConnectionClosed() {
        EchoService echo = new EchoService();
        try (RpcServer server = Fixtures.server(b -> b.register(echo).limits(Limits.DEFAULT.withMaxBodySize(64 * 1024)));
             RpcConnection c = Fixtures.connect(server)) {
            RpcBinding b = c.bind(EchoService.SYNTAX, Fixtures.ntlm(AuthLevel.PKT_PRIVACY));
            assertThat(b.call(0, new byte[64 * 1024])).hasSize(64 * 1024);
            assertThatThrownBy(() -> b.call(0, new byte[64 * 1024 + 1]))
                    .isInstanceOfSatisfying(RpcFaultException.class,
                            f -> assertThat(f.status()).isEqualTo(RpcStatus.ERROR_ACCESS_DENIED.value()));
            assertThat(c.isOpen()).isFalse();
        }
        assertThat(echo.dispatches).hasValue(1);
    }

    @Test
    void responseAboveTheClientLimitClosesTheConnection() {
        EchoService echo = new EchoService();
        try (RpcServer server = Fixtures.server(b -> b.register(echo));
             RpcConnection c = Fixtures.connect(server, ClientConfig.defaults()
                     .withLimits(Limits.DEFAULT.withMaxBodySize(10_000)))) {
            RpcBinding b = c.bind(EchoService.SYNTAX, SecuritySpec.none());
            assertThat(b.call(1, EchoService.le32(10_000))).hasSize(10_000);
            assertThatThrownBy(() -> b.call(1, EchoService.le32(10_001))).isInstanceOf(RpcTransportException.class)
                    .hasMessageContaining("Limits.maxBodySize");
            assertThat(c.isOpen()).isFalse();
        }
    }

    @Test
    void emptyStubsAndExactFragmentBoundaries() {
        EchoService echo = new EchoService();
        try (RpcServer server = Fixtures.server(b -> b.register(echo).maxFragmentSize(1432));
             RpcConnection c = Fixtures.connect(server, ClientConfig.defaults().withMaxFragmentSize(1432))) {
            RpcBinding b = c.bind(EchoService.SYNTAX, Fixtures.ntlm(AuthLevel.PKT_PRIVACY));
            for (int n : new int[] {0, 1, 15, 16, 17, 1376, 1377, 1384, 1385, 2752, 2753, 5000}) {
                byte[] s = EchoService.pattern(n);
                assertThat(b.call(0, s)).as("stub of %d bytes", n).isEqualTo(s);
            }
        }
        assertThat(PfcFlag.LAST_FRAG.bit()).isEqualTo(2);
    }
}
