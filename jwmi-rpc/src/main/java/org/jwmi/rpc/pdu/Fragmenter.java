package org.jwmi.rpc.pdu;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Splits a stub into request or response fragments no larger than the peer's max_recv_frag ([C706] 12.6.3.2,
 * [MS-RPCE] 2.2.2.6, 2.2.2.11): every fragment carries alloc_hint = the stub bytes remaining from it on; with a
 * verifier each fragment gets its own sec_trailer, the body is padded so that the trailer is 16-byte aligned from
 * the body start (non-last fragments carry a multiple of 16 stub bytes, so only the last is padded) and each
 * fragment is protected in sending order, because the mechanism's sequence numbers advance per fragment.
 */
public final class Fragmenter {

    private static final int ALIGN = 16;

    private Fragmenter() {
    }

    public static List<byte[]> request(int callId, int pContId, int opnum, Optional<UUID> object, byte[] stub,
                                       int maxFrag, Protection protection, PackedDrep drep) {
        PfcFlags base = object.isPresent() ? PfcFlags.of(PfcFlag.OBJECT_UUID) : new PfcFlags(0);
        int header = object.isPresent() ? Request.HEADER_LENGTH_WITH_OBJECT : Request.HEADER_LENGTH;
        return split(stub, maxFrag, header, protection, (flags, hint, chunk, auth) -> new Request(
                new PfcFlags(base.raw() | flags), drep, callId, hint, pContId, opnum, object, chunk, auth).encode());
    }

    public static List<byte[]> response(int callId, int pContId, byte[] stub, int maxFrag, Protection protection,
                                        PackedDrep drep) {
        return split(stub, maxFrag, Response.HEADER_LENGTH, protection, (flags, hint, chunk, auth) -> new Response(
                new PfcFlags(flags), drep, callId, hint, pContId, 0, 0, chunk, auth).encode());
    }

    private interface Builder {
        byte[] build(int flags, int allocHint, byte[] chunk, Optional<AuthVerifier> auth);
    }

    private static List<byte[]> split(byte[] stub, int maxFrag, int headerLength, Protection p, Builder b) {
        boolean verifier = p != null && p.hasVerifier();
        int tokenSize = verifier ? p.tokenSize() : 0;
        int room = maxFrag - headerLength - (verifier ? SecTrailer.LENGTH + tokenSize : 0);
        int chunkMax = verifier ? room & ~(ALIGN - 1) : room & ~7;
        if (chunkMax < ALIGN) {
            throw new IllegalArgumentException("fragment size " + maxFrag + " leaves no room for stub data");
        }
        List<byte[]> out = new ArrayList<>(stub.length / chunkMax + 1);
        int off = 0;
        do {
            int n = Math.min(chunkMax, stub.length - off);
            boolean first = off == 0;
            boolean last = off + n == stub.length;
            int flags = (first ? PfcFlag.FIRST_FRAG.bit() : 0) | (last ? PfcFlag.LAST_FRAG.bit() : 0);
            byte[] chunk = new byte[n];
            System.arraycopy(stub, off, chunk, 0, n);
            Optional<AuthVerifier> auth = Optional.empty();
            if (verifier) {
                int pad = (ALIGN - n % ALIGN) % ALIGN;
                auth = Optional.of(new AuthVerifier(SecTrailer.of(p.authType(), p.wireLevel().value(), pad,
                        p.authContextId()), new byte[tokenSize]));
            }
            byte[] frag = b.build(flags, stub.length - off, chunk, auth);
            if (verifier) {
                PduSecurity.protect(frag, new PduLayout(headerLength, headerLength + n,
                        frag.length - tokenSize - SecTrailer.LENGTH, frag.length), p.context(), p.level(),
                        p.headerSigning());
            }
            out.add(frag);
            off += n;
        } while (off < stub.length);
        return out;
    }
}
