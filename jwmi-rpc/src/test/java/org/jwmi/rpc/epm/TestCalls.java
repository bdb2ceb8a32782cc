package org.jwmi.rpc.epm;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.jwmi.auth.AuthLevel;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.rpc.server.CallContext;
import org.jwmi.rpc.server.ServerView;

/** CallContexts for driving services without a network. */
public final class TestCalls {

    private TestCalls() {
    }

    /** A fixed server description. */
    public record FakeServer(List<SyntaxId> interfaces, long[] stats, String ntlmName, int port) implements ServerView {
        @Override
        public Optional<String> principalName(int authType) {
            return authType == 10 && ntlmName != null ? Optional.of(ntlmName) : Optional.empty();
        }
    }

    public static CallContext call(ServerView server, SyntaxId iface, int assocGroupId, boolean littleEndian) {
        return new CallContext(server, 1, assocGroupId, new InetSocketAddress("127.0.0.1", server.port()),
                new InetSocketAddress("127.0.0.1", 50000), iface, Optional.empty(), AuthLevel.NONE, 0,
                Optional.empty(), littleEndian, 1);
    }

    public static CallContext call(ServerView server, SyntaxId iface) {
        return call(server, iface, 0x1234, true);
    }
}
