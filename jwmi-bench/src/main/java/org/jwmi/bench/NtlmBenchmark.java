package org.jwmi.bench;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jwmi.auth.AccountStore;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.ClientOptions;
import org.jwmi.auth.Credentials;
import org.jwmi.auth.SecBuffer;
import org.jwmi.auth.SecurityContext;
import org.jwmi.auth.ServerOptions;
import org.jwmi.auth.ntlm.NtlmHashes;
import org.jwmi.auth.ntlm.NtlmSecurityProvider;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * NTLM session security ([MS-NLMP] 3.4) throughput between an established client/server context pair at
 * authentication level pktPrivacy, on PDU-shaped messages: a 24-byte header and an 8-byte trailer that are signed,
 * and a body of {@code size} bytes that is sealed (what the RPC runtime passes for a request or response).
 * <ul>
 * <li>{@code sealSign}: client GSS_WrapEx (RC4 over the body, HMAC-MD5 over header + body + trailer, RC4 over
 *     the checksum).</li>
 * <li>{@code unsealVerify}: server GSS_UnwrapEx of a message the client sealed in the (untimed) per-invocation
 *     setup; the RC4 streams only move forward, so every invocation needs the next message.</li>
 * <li>{@code jdkRc4HmacMd5}: the ceiling: the JDK's raw {@code ARCFOUR} and {@code HmacMD5} over the same bytes,
 *     with no context bookkeeping.</li>
 * </ul>
 * Throughput mode: {@code ops/s} is messages per second; the {@code bytes} auxiliary counter is body bytes per
 * second (bytes/op = {@code size}; divide by 10^6 for MB/s). Run:
 * {@code java -jar jwmi-bench/target/benchmarks.jar NtlmBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NtlmBenchmark {

    private static final int HEADER = 24;
    private static final int TRAILER = 8;

    /** An established client/server pair, the outgoing message, and the raw JDK primitives. */
    @State(Scope.Thread)
    public static class Session {
        /** Body bytes per message. */
        @Param({"4096", "65536"})
        public int size;

        SecurityContext client;
        SecurityContext server;
        byte[] plain;
        byte[] sendBuf;
        List<SecBuffer> sendBuffers;
        Cipher rc4;
        Mac hmac;

        @Setup(Level.Trial)
        public void establish() throws GeneralSecurityException {
            char[] password = "bench-password".toCharArray();
            AccountStore accounts = (domain, user) -> Optional.of(
                    new AccountStore.Account("BENCH", "user", NtlmHashes.ntOwfV1(password)));
            NtlmSecurityProvider ntlm = new NtlmSecurityProvider();
            client = ntlm.newClientContext(Credentials.ofPassword("BENCH", "user", password),
                    new ClientOptions(AuthLevel.PKT_PRIVACY, "BENCHPC", "", Clock.systemUTC(), new SecureRandom()));
            server = ntlm.newServerContext(ServerOptions.of(accounts, "BENCH"));
            byte[] authenticate = client.step(server.step(client.step(null)));
            server.step(authenticate);
            if (!client.isEstablished() || !server.isEstablished()) {
                throw new IllegalStateException("NTLM contexts did not establish");
            }
            plain = new byte[HEADER + size + TRAILER];
            new Random(1).nextBytes(plain);
            sendBuf = plain.clone();
            sendBuffers = buffers(sendBuf, size);

            byte[] key = new byte[16];
            new Random(2).nextBytes(key);
            rc4 = Cipher.getInstance("ARCFOUR");
            rc4.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ARCFOUR"));
            hmac = Mac.getInstance("HmacMD5");
            hmac.init(new SecretKeySpec(key, "HmacMD5"));
        }
    }

    /** The next message the client sealed, prepared outside the measurement for {@link #unsealVerify}. */
    @State(Scope.Thread)
    public static class Incoming {
        /** The pair that sealed {@link #pdu}; JMH may hand a benchmark method another Session instance. */
        Session session;
        byte[] pdu;
        List<SecBuffer> buffers;
        byte[] signature;

        /** The RC4 streams only move forward, so every invocation needs the next message. */
        @Setup(Level.Invocation)
        public void next(Session s) {
            session = s;
            if (pdu == null) {
                pdu = new byte[s.plain.length];
                buffers = buffers(pdu, s.size);
            }
            System.arraycopy(s.plain, 0, pdu, 0, pdu.length);
            signature = s.client.seal(buffers);
        }
    }

    /** Counts body bytes processed, reported by JMH as bytes per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    static List<SecBuffer> buffers(byte[] pdu, int size) {
        return List.of(SecBuffer.signOnly(pdu, 0, HEADER), SecBuffer.sealed(pdu, HEADER, size),
                SecBuffer.signOnly(pdu, HEADER + size, TRAILER));
    }

    @Benchmark
    public byte[] sealSign(Session s, Bytes counter) {
        // The body is sealed in place; sealing ciphertext again costs the same as sealing plaintext.
        byte[] signature = s.server.seal(s.sendBuffers);
        counter.bytes += s.size;
        return signature;
    }

    @Benchmark
    public byte[] unsealVerify(Incoming in, Bytes counter) {
        in.session.server.unseal(in.buffers, in.signature);
        counter.bytes += in.session.size;
        return in.pdu;
    }

    @Benchmark
    public byte[] jdkRc4HmacMd5(Session s, Bytes counter) throws GeneralSecurityException {
        s.hmac.update(s.sendBuf, 0, s.sendBuf.length);
        s.rc4.update(s.sendBuf, HEADER, s.size, s.sendBuf, HEADER);
        byte[] checksum = s.hmac.doFinal();
        s.rc4.update(checksum, 0, 8, checksum, 0);
        counter.bytes += s.size;
        return checksum;
    }
}
