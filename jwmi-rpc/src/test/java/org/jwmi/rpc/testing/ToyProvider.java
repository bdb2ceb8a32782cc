package org.jwmi.rpc.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jwmi.auth.AccountStore;
import org.jwmi.auth.AuthenticationException;
import org.jwmi.auth.ClientOptions;
import org.jwmi.auth.Credentials;
import org.jwmi.auth.PeerIdentity;
import org.jwmi.auth.SecBuffer;
import org.jwmi.auth.SecurityContext;
import org.jwmi.auth.SecurityProvider;
import org.jwmi.auth.ServerOptions;

/**
 * A test-only mechanism with four legs (so the RPC runtime must use alter_context, not rpc_auth_3): client nonce,
 * server nonce, client proof, server proof. Keys derive from the account's NT hash with HMAC-SHA256; signatures are
 * a 4-byte sequence number plus 12 bytes of HMAC over every buffer; sealing is AES-CTR with an IV from the sequence.
 */
public final class ToyProvider implements SecurityProvider {
    private final int authType;

    public ToyProvider(int authType) {
        this.authType = authType;
    }

    @Override
    public int authType() {
        return authType;
    }

    @Override
    public String name() {
        return "TOY";
    }

    @Override
    public SecurityContext newClientContext(Credentials credentials, ClientOptions options) {
        byte[] key = credentials.ntHash() != null ? credentials.ntHash() : Fixtures.ntHash(credentials.password());
        byte[] nonce = new byte[16];
        options.random().nextBytes(nonce);
        return new Ctx(true, credentials.user(), key, nonce, null);
    }

    @Override
    public SecurityContext newServerContext(ServerOptions options) {
        byte[] nonce = new byte[16];
        options.random().nextBytes(nonce);
        return new Ctx(false, null, null, nonce, options.accounts());
    }

    static byte[] hmac(byte[] key, byte[]... parts) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] p : parts) {
                m.update(p);
            }
            return m.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Ctx implements SecurityContext {
        private final boolean client;
        private String user;
        private byte[] key;
        private final byte[] myNonce;
        private final AccountStore accounts;
        private byte[] peerNonce;
        private int leg;
        private boolean established;
        private byte[] session;
        private int sendSeq;
        private int recvSeq;

        Ctx(boolean client, String user, byte[] key, byte[] nonce, AccountStore accounts) {
            this.client = client;
            this.user = user;
            this.key = key;
            this.myNonce = nonce;
            this.accounts = accounts;
        }

        private byte[] transcript() {
            return client ? concat(myNonce, peerNonce) : concat(peerNonce, myNonce);
        }

        @Override
        public byte[] step(byte[] in) {
            leg++;
            if (client) {
                switch (leg) {
                    case 1:
                        return concat("TOY1".getBytes(StandardCharsets.US_ASCII), myNonce);
                    case 2:
                        expect(in, "TOY2", 16);
                        peerNonce = Arrays.copyOfRange(in, 4, 20);
                        return concat("TOY3".getBytes(StandardCharsets.US_ASCII), hmac(key, "client".getBytes(StandardCharsets.US_ASCII), transcript()),
                                user.getBytes(StandardCharsets.UTF_8));
                    case 3:
                        expect(in, "TOY4", 32);
                        if (!MessageDigest.isEqual(Arrays.copyOfRange(in, 4, 36), hmac(key, "server".getBytes(StandardCharsets.US_ASCII), transcript()))) {
                            throw new AuthenticationException(AuthenticationException.SEC_E_LOGON_DENIED, "server proof wrong");
                        }
                        finish();
                        return null;
                    default:
                        throw new IllegalStateException("no more legs");
                }
            }
            switch (leg) {
                case 1:
                    expect(in, "TOY1", 16);
                    peerNonce = Arrays.copyOfRange(in, 4, 20);
                    return concat("TOY2".getBytes(StandardCharsets.US_ASCII), myNonce);
                case 2: {
                    expect(in, "TOY3", 32);
                    user = new String(in, 36, in.length - 36, StandardCharsets.UTF_8);
                    Optional<AccountStore.Account> acc = accounts.lookup("", user);
                    if (acc.isEmpty()) {
                        throw new AuthenticationException(AuthenticationException.SEC_E_LOGON_DENIED, "unknown user " + user);
                    }
                    key = acc.get().ntHash();
                    if (!MessageDigest.isEqual(Arrays.copyOfRange(in, 4, 36), hmac(key, "client".getBytes(StandardCharsets.US_ASCII), transcript()))) {
                        throw new AuthenticationException(AuthenticationException.SEC_E_LOGON_DENIED, "wrong password for " + user);
                    }
                    finish();
                    return concat("TOY4".getBytes(StandardCharsets.US_ASCII), hmac(key, "server".getBytes(StandardCharsets.US_ASCII), transcript()));
                }
                default:
                    throw new IllegalStateException("no more legs");
            }
        }

        private void finish() {
            session = hmac(key, "session".getBytes(StandardCharsets.US_ASCII), transcript());
            established = true;
        }

        private static void expect(byte[] in, String tag, int min) {
            if (in == null || in.length < 4 + min || !new String(in, 0, 4, StandardCharsets.US_ASCII).equals(tag)) {
                throw new AuthenticationException(AuthenticationException.SEC_E_INVALID_TOKEN, "expected " + tag);
            }
        }

        @Override
        public boolean isEstablished() {
            return established;
        }

        @Override
        public byte[] sessionKey() {
            return session.clone();
        }

        @Override
        public PeerIdentity peer() {
            return new PeerIdentity("", user, "", false);
        }

        @Override
        public int signatureSize() {
            return 16;
        }

        private byte[] dirKey(boolean fromClient, String use) {
            return hmac(session, (use + (fromClient ? "c" : "s")).getBytes(StandardCharsets.US_ASCII));
        }

        private byte[] mac(boolean fromClient, int seq, List<SecBuffer> bufs) {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(new SecretKeySpec(dirKey(fromClient, "sign"), "HmacSHA256"));
                m.update(ByteBuffer.allocate(4).putInt(seq).array());
                for (SecBuffer b : bufs) {
                    m.update(b.data(), b.offset(), b.length());
                }
                byte[] full = m.doFinal();
                return concat(ByteBuffer.allocate(4).putInt(seq).array(), Arrays.copyOf(full, 12));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private void crypt(boolean fromClient, int seq, List<SecBuffer> bufs, int mode) {
            try {
                Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
                byte[] iv = new byte[16];
                ByteBuffer.wrap(iv).putInt(seq);
                c.init(mode, new SecretKeySpec(Arrays.copyOf(dirKey(fromClient, "seal"), 16), "AES"), new IvParameterSpec(iv));
                for (SecBuffer b : bufs) {
                    if (b.seal()) {
                        byte[] outb = c.update(b.data(), b.offset(), b.length());
                        if (outb != null) {
                            System.arraycopy(outb, 0, b.data(), b.offset(), outb.length);
                        }
                    }
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public byte[] sign(List<SecBuffer> buffers) {
            return mac(client, sendSeq++, buffers);
        }

        @Override
        public void verify(List<SecBuffer> buffers, byte[] signature) {
            byte[] want = mac(!client, recvSeq++, buffers);
            if (!MessageDigest.isEqual(want, signature)) {
                throw new AuthenticationException(AuthenticationException.SEC_E_MESSAGE_ALTERED, "toy signature mismatch");
            }
        }

        @Override
        public byte[] seal(List<SecBuffer> buffers) {
            int seq = sendSeq;
            byte[] sig = mac(client, seq, buffers);
            crypt(client, seq, buffers, Cipher.ENCRYPT_MODE);
            sendSeq++;
            return sig;
        }

        @Override
        public void unseal(List<SecBuffer> buffers, byte[] signature) {
            int seq = recvSeq;
            crypt(!client, seq, buffers, Cipher.DECRYPT_MODE);
            verify(buffers, signature);
        }
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }
}
