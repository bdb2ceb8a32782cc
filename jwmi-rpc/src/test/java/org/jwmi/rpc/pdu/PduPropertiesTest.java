package org.jwmi.rpc.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.wire.ProtocolException;

/** Round trips of every PDU type in both byte orders; arbitrary and mutated bytes raise only ProtocolException. */
class PduPropertiesTest {

    Arbitrary<byte[]> bytes(int max) {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(max);
    }

    Arbitrary<PackedDrep> drep() {
        return Arbitraries.of(PackedDrep.LITTLE_ENDIAN, PackedDrep.BIG_ENDIAN);
    }

    Arbitrary<PfcFlags> flags() {
        return Arbitraries.integers().between(0, 0x7f).map(PfcFlags::new);
    }

    Arbitrary<SyntaxId> syntax() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs(), Arbitraries.integers().between(0, 0xffff),
                Arbitraries.integers().between(0, 0xffff)).as((a, b, ma, mi) -> new SyntaxId(new UUID(a, b), ma, mi));
    }

    Arbitrary<Optional<AuthVerifier>> auth() {
        Arbitrary<AuthVerifier> v = Combinators.combine(Arbitraries.integers().between(0, 255),
                Arbitraries.integers().between(0, 255), Arbitraries.integers().between(0, 15), Arbitraries.integers(),
                bytes(64).filter(b -> b.length > 0))
                .as((t, l, p, c, tok) -> new AuthVerifier(SecTrailer.of(t, l, p, c), tok));
        return v.optional(0.6);
    }

    Arbitrary<PContElem> elem() {
        return Combinators.combine(Arbitraries.integers().between(0, 0xffff), syntax(), syntax().list().ofMaxSize(3))
                .as(PContElem::new);
    }

    Arbitrary<PResult> result() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 0xffff),
                syntax()).as(PResult::new);
    }

    @Provide
    Arbitrary<Pdu> pdus() {
        Arbitrary<Integer> u16 = Arbitraries.integers().between(0, 0xffff);
        Arbitrary<Integer> any = Arbitraries.integers();
        Arbitrary<Pdu> bind = Combinators.combine(flags(), drep(), any, u16, u16, any, elem().list().ofMaxSize(4), auth())
                .as(Bind::new);
        Arbitrary<Pdu> alter = Combinators.combine(flags(), drep(), any, u16, u16, any, elem().list().ofMaxSize(4), auth())
                .as(AlterContext::new);
        Arbitrary<String> addr = Arbitraries.strings().withCharRange('0', '9').ofMaxLength(6);
        Arbitrary<Pdu> ack = Combinators.combine(flags(), drep(), any, u16, u16, any, addr, result().list().ofMaxSize(4))
                .flatAs((f, d, c, x, r, g, a, res) -> auth().map(v -> new BindAck(f, d, c, x, r, g, a, res, v)));
        Arbitrary<Pdu> ackAlter = Combinators.combine(flags(), drep(), any, u16, u16, any, addr, result().list().ofMaxSize(4))
                .flatAs((f, d, c, x, r, g, a, res) -> auth().map(v -> new AlterContextResp(f, d, c, x, r, g, a, res, v)));
        Arbitrary<Pdu> nak = Combinators.combine(flags(), drep(), any, u16,
                Combinators.combine(Arbitraries.integers().between(0, 255), Arbitraries.integers().between(0, 255))
                        .as(BindNak.Version::new).list().ofMaxSize(3)).as((f, d, c, r, v) -> new BindNak(f, d, c, r, v,
                Optional.empty(), new byte[0]));
        Arbitrary<Pdu> request = Combinators.combine(flags(), drep(), any, any, u16, u16,
                Arbitraries.create(UUID::randomUUID).optional(0.5), bytes(200))
                .flatAs((f, d, c, h, ctx, op, obj, stub) -> auth().map(v -> new Request(
                        obj.isPresent() ? f.with(PfcFlag.OBJECT_UUID) : f.without(PfcFlag.OBJECT_UUID), d, c, h, ctx,
                        op, obj, stub, v)));
        Arbitrary<Pdu> response = Combinators.combine(flags(), drep(), any, any, u16,
                Arbitraries.integers().between(0, 255), bytes(200), auth())
                .as((f, d, c, h, ctx, cc, stub, v) -> new Response(f, d, c, h, ctx, cc, 0, stub, v));
        Arbitrary<Pdu> fault = Combinators.combine(flags(), drep(), any, any, u16, Arbitraries.integers().between(0, 1),
                any, auth()).as((f, d, c, h, ctx, fl, st, v) -> new Fault(f, d, c, h, ctx, 0, fl, st, 0, new byte[0], v));
        Arbitrary<Pdu> auth3 = Combinators.combine(flags(), drep(), any, any, auth().filter(Optional::isPresent))
                .as((f, d, c, p, v) -> new RpcAuth3(f, d, c, p, v.get()));
        Arbitrary<Pdu> shutdown = Combinators.combine(flags(), drep(), any).as((f, d, c) -> new Shutdown(f, d, c, new byte[0]));
        Arbitrary<Pdu> cancel = Combinators.combine(flags(), drep(), any, auth()).as((f, d, c, v) -> new CoCancel(f, d, c, new byte[0], v));
        Arbitrary<Pdu> orphan = Combinators.combine(flags(), drep(), any, auth()).as((f, d, c, v) -> new Orphaned(f, d, c, new byte[0], v));
        return Arbitraries.oneOf(bind, alter, ack, ackAlter, nak, request, response, fault, auth3, shutdown, cancel, orphan);
    }

    @Property(tries = 300)
    void roundTripIsIdentity(@ForAll("pdus") Pdu pdu) {
        byte[] b = pdu.encode();
        Pdu back = Pdu.decode(b);
        assertThat(back).isEqualTo(pdu);
        assertThat(back.encode()).isEqualTo(b);
        assertThat(CommonHeader.decode(b).fragLength()).isEqualTo(b.length);
    }

    private static void decodeOnlyProtocolException(byte[] b) {
        try {
            Pdu.decode(b);
        } catch (ProtocolException expected) {
            // the one allowed failure
        }
    }

    @Property(tries = 1000)
    void arbitraryBytesRaiseOnlyProtocolException(@ForAll @Size(max = 300) byte[] b) {
        decodeOnlyProtocolException(b);
    }

    @Property(tries = 800)
    void arbitraryBodiesBehindAPlausibleHeaderRaiseOnlyProtocolException(@ForAll @IntRange(min = 0, max = 19) int ptype,
            @ForAll @Size(max = 200) byte[] body, @ForAll @IntRange(min = 0, max = 300) int authLength,
            @ForAll boolean bigEndian) {
        byte[] b = new byte[16 + body.length];
        b[0] = 5;
        b[2] = (byte) ptype;
        b[3] = 3;
        b[4] = (byte) (bigEndian ? 0 : 0x10);
        int len = b.length;
        if (bigEndian) {
            b[8] = (byte) (len >> 8);
            b[9] = (byte) len;
            b[10] = (byte) (authLength >> 8);
            b[11] = (byte) authLength;
        } else {
            b[8] = (byte) len;
            b[9] = (byte) (len >> 8);
            b[10] = (byte) authLength;
            b[11] = (byte) (authLength >> 8);
        }
        System.arraycopy(body, 0, b, 16, body.length);
        decodeOnlyProtocolException(b);
    }

    @Property(tries = 800)
    void mutatedValidPdusRaiseOnlyProtocolException(@ForAll("pdus") Pdu pdu, @ForAll @IntRange(min = 0, max = 400) int at,
            @ForAll byte value, @ForAll @IntRange(min = 0, max = 400) int cut) {
        byte[] b = pdu.encode();
        byte[] m = b.clone();
        m[at % m.length] = value;
        decodeOnlyProtocolException(m);
        decodeOnlyProtocolException(java.util.Arrays.copyOf(m, Math.min(m.length, cut)));
    }

    @Property(tries = 300)
    void drepDecidesTheByteOrderOfTheWholePdu(@ForAll("pdus") Pdu pdu) {
        byte[] b = pdu.encode();
        assertThat(CommonHeader.decode(b).littleEndian()).isEqualTo(pdu.drep().littleEndian());
        assertThat(CommonHeader.decode(b).callId()).isEqualTo(pdu.callId());
    }

    @Property(tries = 50)
    void listsAreKeptInOrder(@ForAll @IntRange(min = 0, max = 40) int n) {
        List<PContElem> elems = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            elems.add(new PContElem(i, SyntaxId.NDR20, List.of(SyntaxId.NDR64)));
        }
        Bind b = new Bind(PfcFlags.FIRST_LAST, PackedDrep.LITTLE_ENDIAN, 1, 1432, 1432, 0, elems, Optional.empty());
        assertThat(((Bind) Pdu.decode(b.encode())).contexts()).isEqualTo(elems);
    }
}
