package org.jwmi.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jwmi.auth.AuthLevel;
import org.jwmi.rpc.client.RpcBinding;
import org.jwmi.rpc.client.RpcConnection;
import org.jwmi.rpc.client.SecuritySpec;
import org.jwmi.rpc.testing.EchoService;
import org.jwmi.rpc.testing.Fixtures;
import org.jwmi.wire.Limits;
import org.junit.jupiter.api.Test;

/** Start, bounded connections, timeouts and shutdown of the server. */
class LifecycleTest {

    @Test
    void closeEndsEveryThreadAndSocket() throws Exception {
        String prefix = Fixtures.prefix();
        EchoService echo = new EchoService();
        RpcServer server = Fixtures.server(b -> b.register(echo).threadNamePrefix(prefix));
        assertThat(server.port()).isPositive();
        assertThat(server.localAddress().getAddress().isLoopbackAddress()).isTrue();
        List<RpcConnection> open = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            RpcConnection c = Fixtures.connect(server);
            RpcBinding b = c.bind(EchoService.SYNTAX, Fixtures.ntlm(AuthLevel.PKT_INTEGRITY));
            b.call(0, new byte[1]);
            open.add(c);
        }
        Socket idle = new Socket("127.0.0.1", server.port());
        assertThat(Fixtures.threadsNamed(prefix)).hasSizeGreaterThanOrEqualTo(6);
        Fixtures.await(() -> server.activeConnections() == 6, "six connections");
        server.close();
        assertThat(Fixtures.threadsNamed(prefix)).isEmpty();
        assertThat(server.activeConnections()).isZero();
        idle.setSoTimeout(2000);
        assertThat(idle.getInputStream().read()).as("server side of an idle socket closed").isEqualTo(-1);
        idle.close();
        for (RpcConnection c : open) {
            c.close();
        }
        assertThatThrownBy(() -> new Socket("127.0.0.1", server.port()).close()).isInstanceOf(IOException.class);
        server.close();
    }

    @Test
    void connectionsBeyondTheLimitAreClosedAtOnce() throws Exception {
        String prefix = Fixtures.prefix();
        try (RpcServer server = Fixtures.server(b -> b.register(new EchoService()).threadNamePrefix(prefix)
                .limits(Limits.DEFAULT.withMaxConnections(2)))) {
            RpcConnection a = Fixtures.connect(server);
            RpcConnection b = Fixtures.connect(server);
            a.bind(EchoService.SYNTAX, SecuritySpec.none());
            b.bind(EchoService.SYNTAX, SecuritySpec.none());
            try (Socket third = new Socket("127.0.0.1", server.port())) {
                third.setSoTimeout(2000);
                InputStream in = third.getInputStream();
                assertThat(in.read()).isEqualTo(-1);
            }
            a.close();
            Fixtures.await(() -> server.activeConnections() == 1, "a slot to free up");
            try (RpcConnection c = Fixtures.connect(server)) {
                assertThat(c.bind(EchoService.SYNTAX, SecuritySpec.none()).call(0, new byte[] {4})).containsExactly(4);
            }
            b.close();
        }
        assertThat(Fixtures.threadsNamed(prefix)).isEmpty();
    }

    @Test
    void idleAndStalledConnectionsAreClosed() throws Exception {
        try (RpcServer server = Fixtures.server(b -> b.register(new EchoService())
                .idleTimeout(Duration.ofMillis(200)).readTimeout(Duration.ofMillis(200)))) {
            try (Socket idle = new Socket("127.0.0.1", server.port())) {
                idle.setSoTimeout(3000);
                long t0 = System.nanoTime();
                assertThat(idle.getInputStream().read()).isEqualTo(-1);
                assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2500);
            }
            try (Socket stalled = new Socket("127.0.0.1", server.port())) {
                stalled.setSoTimeout(3000);
                stalled.getOutputStream().write(new byte[] {5, 0, 11, 3, 16, 0, 0, 0, 72, 0});
                assertThat(stalled.getInputStream().read()).isEqualTo(-1);
            }
        }
    }

    @Test
    void aPortInUseIsReportedClearly() throws Exception {
        try (RpcServer first = Fixtures.server(b -> { })) {
            RpcServer second = RpcServer.builder().bindAddress(InetAddress.getLoopbackAddress()).port(first.port())
                    .threadNamePrefix(Fixtures.prefix()).build();
            assertThatThrownBy(second::start).isInstanceOf(BindException.class)
                    .hasMessageContaining("cannot bind 127.0.0.1:" + first.port())
                    .hasMessageContaining("address already in use").hasMessageContaining("use --port");
            second.close();
        }
    }

    @Test
    void aPrivilegedPortNamesTheFix() throws Exception {
        RpcServer s = RpcServer.builder().bindAddress(InetAddress.getLoopbackAddress()).port(135)
                .threadNamePrefix(Fixtures.prefix()).build();
        try {
            s.start();
            // running as root (or with CAP_NET_BIND_SERVICE): binding works and nothing is to be explained
            assertThat(s.port()).isEqualTo(135);
        } catch (BindException e) {
            assertThat(e.getMessage()).satisfiesAnyOf(
                    m -> assertThat(m).contains("cannot bind 127.0.0.1:135: permission denied — ports below 1024 need"
                            + " root or CAP_NET_BIND_SERVICE; use --port"),
                    m -> assertThat(m).contains("address already in use"));
        } finally {
            s.close();
        }
    }

    @Test
    void bindFailuresSayWhatToDo() throws Exception {
        InetAddress any = InetAddress.getByAddress(new byte[4]);
        assertThat(RpcServer.bindFailure(any, 135, new java.net.SocketException("Permission denied")))
                .hasMessage("cannot bind 0.0.0.0:135: permission denied — ports below 1024 need root or"
                        + " CAP_NET_BIND_SERVICE; use --port")
                .hasCauseInstanceOf(java.net.SocketException.class);
        assertThat(RpcServer.bindFailure(any, 5000, new BindException("Address already in use")))
                .hasMessageContaining("cannot bind 0.0.0.0:5000: address already in use");
        assertThat(RpcServer.bindFailure(InetAddress.getByName("192.0.2.1"), 5000,
                new BindException("Cannot assign requested address"))).hasMessageContaining("not local");
    }

    @Test
    void startTwiceOrAfterCloseIsRefused() throws Exception {
        RpcServer s = Fixtures.server(b -> { });
        assertThatThrownBy(s::start).isInstanceOf(IllegalStateException.class);
        s.close();
        assertThatThrownBy(s::start).isInstanceOf(IllegalStateException.class);
    }
}
