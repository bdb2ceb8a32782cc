package org.jwmi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every stage ends within its timeout and says which stage failed and where. */
class TimeoutsTest {

    @Test
    void aSilentResolverEndsTheActivationStageInTime() throws Exception {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException ignored) {
                    // closed
                }
            });
            t.setDaemon(true);
            t.start();
            WbemTimeouts timeouts = WbemTimeouts.all(Duration.ofMillis(400));
            try (WbemLocator l = WbemLocator.builder().timeouts(timeouts).resolverPort(silent.getLocalPort()).build()) {
                long start = System.nanoTime();
                assertThatThrownBy(() -> l.connect("\\\\127.0.0.1\\root\\cimv2").user("a").password("p".toCharArray())
                        .open()).isInstanceOfSatisfying(WbemException.class, e -> {
                            assertThat(e.stage()).contains(WbemStage.ACTIVATION);
                            assertThat(e.hresultName()).isEqualTo("RPC_E_TIMEOUT");
                            assertThat(e.getMessage()).contains("activation of WbemLevel1Login on 127.0.0.1:"
                                    + silent.getLocalPort()).contains("400 ms");
                        });
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            }
        } finally {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void aClosedPortIsAConnectFailureNamingTheEndpoint() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (WbemLocator l = WbemLocator.builder().resolverPort(port).build()) {
            assertThatThrownBy(() -> l.connectServer("\\\\127.0.0.1\\root\\cimv2", null, null, null, 0, null, null))
                    .isInstanceOfSatisfying(WbemException.class, e -> {
                        assertThat(e.stage()).contains(WbemStage.CONNECT);
                        assertThat(e.hresultName()).isEqualTo("RPC_S_SERVER_UNAVAILABLE");
                        assertThat(e.getMessage()).contains("127.0.0.1:" + port);
                    });
        }
    }

    @Test
    void timeoutsAreFiniteAndPositive() {
        assertThatThrownBy(() -> WbemTimeouts.DEFAULTS.with(WbemStage.CALL, Duration.ZERO))
                .hasMessageContaining("call timeout must be positive");
        assertThatThrownBy(() -> WbemTimeouts.DEFAULTS.with(WbemStage.NEXT, Duration.ofDays(30)))
                .hasMessageContaining("cannot exceed");
        assertThat(WbemTimeouts.DEFAULTS.of(WbemStage.NEXT)).isEqualTo(Duration.ofSeconds(120));
        assertThatThrownBy(() -> WbemEnumerator.millis(Duration.ofMillis(-1))).hasMessageContaining("finite");
    }
}
