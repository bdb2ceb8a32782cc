package org.jwmi.auth.ntlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.Credentials;
import org.jwmi.auth.SecBuffer;
import org.jwmi.auth.SecurityContext;
import org.jwmi.wire.Hex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop with an independent implementation: impacket's {@code ntlm} module (Debian python3-impacket), driven
 * by {@code src/test/resources/interop/impacket_ntlm.py} over stdin/stdout. Skipped when /usr/bin/python3 cannot
 * import impacket.
 */
class ImpacketInteropTest {

    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    static Path dir;
    private static Path script;

    @BeforeAll
    static void findImpacket() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(PYTHON)), "no " + PYTHON);
        Process p = python("-c", "import impacket.ntlm, Cryptodome.Cipher.ARC4").start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assumeTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "impacket is not importable");
        script = dir.resolve("impacket_ntlm.py");
        try (InputStream in = ImpacketInteropTest.class.getResourceAsStream("/interop/impacket_ntlm.py")) {
            Files.copy(in, script);
        }
    }

    private static ProcessBuilder python(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(PYTHON);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("PYTHONPATH");
        pb.environment().remove("PYTHONHOME");
        return pb;
    }

    /** A line-based conversation with the script. */
    private static final class Peer implements AutoCloseable {
        final Process process;
        final BufferedReader in;
        final Writer out;
        final List<String> transcript = new ArrayList<>();

        Peer(String mode, String user, String password, String domain) throws IOException {
            process = python(script.toString(), mode, user, password, domain).start();
            in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            out = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        }

        String[] read(String tag) throws IOException {
            String line = in.readLine();
            transcript.add("< " + line);
            if (line == null || !line.startsWith(tag + " ")) {
                StringBuilder rest = new StringBuilder();
                for (String l = in.readLine(); l != null; l = in.readLine()) {
                    rest.append(l).append('\n');
                }
                throw new AssertionError("expected " + tag + " from impacket, got " + line + "\n" + rest);
            }
            return line.substring(tag.length() + 1).split(" ");
        }

        void write(String tag, byte[]... parts) throws IOException {
            StringBuilder sb = new StringBuilder(tag);
            for (byte[] p : parts) {
                sb.append(' ').append(Hex.encode(p));
            }
            transcript.add("> " + sb);
            out.write(sb.append('\n').toString());
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
            boolean exited;
            try {
                exited = process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted waiting for impacket", e);
            } finally {
                process.destroy();
            }
            assertThat(exited).as("impacket script exits").isTrue();
            assertThat(process.exitValue()).as(String.join("\n", transcript)).isZero();
        }
    }

    private static List<SecBuffer> pdu(byte[] header, byte[] body, byte[] trailer, byte[] whole) {
        System.arraycopy(header, 0, whole, 0, header.length);
        System.arraycopy(body, 0, whole, header.length, body.length);
        System.arraycopy(trailer, 0, whole, header.length + body.length, trailer.length);
        return List.of(SecBuffer.signOnly(whole, 0, header.length),
                SecBuffer.sealed(whole, header.length, body.length),
                SecBuffer.signOnly(whole, header.length + body.length, trailer.length));
    }

    /** Receives the peer's three sealed messages and checks their plaintext. */
    private static void unsealFromPeer(Peer peer, SecurityContext ctx, String who) throws IOException {
        for (int seq = 0; seq < 3; seq++) {
            String[] w = peer.read("MSG");
            byte[] header = Hex.decode(w[0]);
            byte[] body = Hex.decode(w[1]);
            byte[] trailer = Hex.decode(w[2]);
            byte[] whole = new byte[header.length + body.length + trailer.length];
            List<SecBuffer> buffers = pdu(header, body, trailer, whole);
            ctx.unseal(buffers, Hex.decode(w[3]));
            String text = new String(whole, header.length, body.length, StandardCharsets.US_ASCII);
            assertThat(text).startsWith("sealed body " + seq + " from " + who);
        }
    }

    /** Sends three sealed messages and expects the peer to unseal and verify them. */
    private static void sealToPeer(Peer peer, SecurityContext ctx) throws IOException {
        List<byte[]> bodies = new ArrayList<>();
        for (int seq = 0; seq < 3; seq++) {
            byte[] header = ("java-header-" + seq).getBytes(StandardCharsets.US_ASCII);
            byte[] body = ("java says hello " + seq + " ").repeat(seq * 20 + 1).getBytes(StandardCharsets.US_ASCII);
            byte[] trailer = {0x0A, 6, 0, 0, (byte) seq, 0, 0, 0};
            bodies.add(body);
            byte[] whole = new byte[header.length + body.length + trailer.length];
            List<SecBuffer> buffers = pdu(header, body, trailer, whole);
            byte[] sig = ctx.seal(buffers);
            byte[] sealed = java.util.Arrays.copyOfRange(whole, header.length, header.length + body.length);
            peer.write("MSG", header, sealed, trailer, sig);
        }
        for (int seq = 0; seq < 3; seq++) {
            String[] answer = peer.read("OK");
            assertThat(Hex.decode(answer[0])).containsExactly(bodies.get(seq));
        }
    }

    @Test
    void impacketClientLogsOnToOurServer() throws Exception {
        SecurityContext server = NtlmTestSupport.PROVIDER.newServerContext(NtlmTestSupport.serverOptions());
        try (Peer peer = new Peer("client", "alice", NtlmTestSupport.PASSWORD, "WMIHOST")) {
            byte[] neg = Hex.decode(peer.read("NEG")[0]);
            peer.write("CHAL", server.step(neg));
            byte[] auth = Hex.decode(peer.read("AUTH")[0]);
            assertThat(server.step(auth)).isNull();
            assertThat(server.peer().qualifiedName()).isEqualTo("WMIHOST\\alice");
            assertThat(server.peer().workstation()).isEqualTo("PYCLIENT");
            unsealFromPeer(peer, server, "client");
            sealToPeer(peer, server);
        }
    }

    @Test
    void impacketClientWithWrongPasswordIsRefused() throws Exception {
        SecurityContext server = NtlmTestSupport.PROVIDER.newServerContext(NtlmTestSupport.serverOptions());
        Peer peer = new Peer("client", "alice", "not-the-password", "WMIHOST");
        byte[] neg = Hex.decode(peer.read("NEG")[0]);
        peer.write("CHAL", server.step(neg));
        byte[] auth = Hex.decode(peer.read("AUTH")[0]);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> server.step(auth))
                .hasMessageContaining("wrong password");
        peer.process.destroy();
        peer.process.waitFor(30, TimeUnit.SECONDS);
    }

    @Test
    void impacketVerifiesOurClient() throws Exception {
        SecurityContext client = NtlmTestSupport.PROVIDER.newClientContext(
                Credentials.ofPassword("WMIHOST", "alice", NtlmTestSupport.PASSWORD.toCharArray()),
                NtlmTestSupport.clientOptions(AuthLevel.PKT_PRIVACY));
        SecurityContext server = NtlmTestSupport.PROVIDER.newServerContext(NtlmTestSupport.serverOptions());
        try (Peer peer = new Peer("verify", "alice", NtlmTestSupport.PASSWORD, "WMIHOST")) {
            byte[] neg = client.step(null);
            byte[] chal = server.step(neg);
            byte[] auth = client.step(chal);
            peer.write("NEG", neg);
            peer.write("CHAL", chal);
            peer.write("AUTH", auth);
            assertThat(peer.read("AUTH")).containsExactly("OK");
            sealToPeer(peer, client);
            unsealFromPeer(peer, client, "server");
        }
    }
}
