package org.jwmi.auth.ntlm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;

/**
 * [MS-NLMP] 2.2.2.1 AV_PAIR sequence, as carried in CHALLENGE_MESSAGE.TargetInfo and in
 * NTLMv2_CLIENT_CHALLENGE.AvPairs. The terminating MsvAvEOL is implied: {@link #pairs()} never contains it and
 * {@link #encode} always writes it.
 *
 * @param pairs the pairs in wire order, without MsvAvEOL
 */
public record AvPairs(List<AvPair> pairs) {

    public AvPairs {
        for (AvPair p : pairs) {
            if (p.is(AvId.MsvAvEOL)) {
                throw new IllegalArgumentException("MsvAvEOL is implied, do not add it");
            }
        }
        pairs = List.copyOf(pairs);
    }

    public static AvPairs empty() {
        return new AvPairs(List.of());
    }

    /**
     * Reads pairs up to and including MsvAvEOL; what follows in the reader is left unread. Fails when MsvAvEOL is
     * missing, when a known id has a value of the wrong size, or when a known id occurs twice.
     */
    public static AvPairs decode(WireReader r) {
        List<AvPair> out = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0;; i++) {
            r.enter("AV_PAIR[" + i + "]");
            int id = r.u16();
            int len = r.u16();
            if (id == AvId.MsvAvEOL.value()) {
                if (len != 0) {
                    throw r.fail(ProtocolException.Kind.BAD_VALUE, "MsvAvEOL with AvLen " + len);
                }
                r.exit();
                return new AvPairs(out);
            }
            r.need(len);
            Optional<AvId> known = AvId.fromValue(id);
            if (known.isPresent()) {
                if (!known.get().acceptsLength(len)) {
                    throw r.fail(ProtocolException.Kind.BAD_VALUE, known.get() + " with AvLen " + len);
                }
                if (!seen.add(id)) {
                    throw r.fail(ProtocolException.Kind.BAD_VALUE, "duplicate " + known.get());
                }
            }
            out.add(new AvPair(id, r.bytes(len)));
            r.exit();
        }
    }

    /** Decodes a whole TargetInfo field; bytes after MsvAvEOL are ignored. */
    public static AvPairs decode(byte[] b) {
        return decode(new WireReader(b));
    }

    public void encode(WireWriter w) {
        for (AvPair p : pairs) {
            byte[] v = p.value();
            w.u16(p.avId()).u16(v.length).bytes(v);
        }
        w.u16(AvId.MsvAvEOL.value()).u16(0);
    }

    public byte[] encode() {
        WireWriter w = new WireWriter(64);
        encode(w);
        return w.toByteArray();
    }

    public Optional<AvPair> get(AvId id) {
        for (AvPair p : pairs) {
            if (p.is(id)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public Optional<String> text(AvId id) {
        return get(id).map(AvPair::text);
    }

    /** MsvAvTimestamp, a FILETIME. */
    public OptionalLong timestamp() {
        Optional<AvPair> p = get(AvId.MsvAvTimestamp);
        return p.isPresent() ? OptionalLong.of(p.get().number()) : OptionalLong.empty();
    }

    /** MsvAvFlags. */
    public OptionalInt flags() {
        Optional<AvPair> p = get(AvId.MsvAvFlags);
        return p.isPresent() ? OptionalInt.of((int) p.get().number()) : OptionalInt.empty();
    }

    /** A copy with {@code pair} replacing the first pair of the same id, or appended when there is none. */
    public AvPairs with(AvPair pair) {
        List<AvPair> out = new ArrayList<>(pairs);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).avId() == pair.avId()) {
                out.set(i, pair);
                return new AvPairs(out);
            }
        }
        out.add(pair);
        return new AvPairs(out);
    }

    @Override
    public String toString() {
        return pairs.toString();
    }
}
