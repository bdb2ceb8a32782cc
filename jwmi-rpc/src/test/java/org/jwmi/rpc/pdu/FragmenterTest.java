package org.jwmi.rpc.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.AuthenticationException;
import org.jwmi.auth.ClientOptions;
import org.jwmi.auth.SecurityContext;
import org.jwmi.rpc.testing.EchoService;
import org.jwmi.rpc.testing.Fixtures;

/** Splitting, protecting, checking and reassembling stubs without sockets (toy mechanism, both directions). */
class FragmenterTest {

    private static SecurityContext[] pair() {
        SecurityContext c = Fixtures.TOY.newClientContext(Fixtures.alice(),
                new ClientOptions(AuthLevel.PKT_PRIVACY, "W", "", Clock.systemUTC(), new SecureRandom()));
        SecurityContext s = Fixtures.TOY.newServerContext(Fixtures.serverOptions());
        byte[] t = c.step(null);
        t = s.step(t);
        t = c.step(t);
        t = s.step(t);
        c.step(t);
        return new SecurityContext[] {c, s};
    }

    @Property(tries = 60)
    void fragmentsRespectTheSizeAndReassembleToTheStub(@ForAll @IntRange(min = 0, max = 20000) int size,
            @ForAll @IntRange(min = 1432, max = 6000) int maxFrag, @ForAll boolean seal, @ForAll boolean object) {
        SecurityContext[] p = pair();
        AuthLevel level = seal ? AuthLevel.PKT_PRIVACY : AuthLevel.PKT_INTEGRITY;
        Protection prot = new Protection(p[0], level, Fixtures.TOY_AUTH_TYPE, 7, true, false);
        byte[] stub = EchoService.pattern(size);
        Optional<UUID> obj = object ? Optional.of(UUID.randomUUID()) : Optional.empty();
        List<byte[]> frags = Fragmenter.request(9, 1, 2, obj, stub, maxFrag, prot, PackedDrep.LITTLE_ENDIAN);
        Reassembler r = new Reassembler(1 << 20, size);
        for (int i = 0; i < frags.size(); i++) {
            byte[] f = frags.get(i);
            assertThat(f.length).isLessThanOrEqualTo(maxFrag);
            Request q = (Request) Pdu.decode(f);
            assertThat(q.pfcFlags().has(PfcFlag.FIRST_FRAG)).isEqualTo(i == 0);
            assertThat(q.pfcFlags().has(PfcFlag.LAST_FRAG)).isEqualTo(i == frags.size() - 1);
            assertThat(q.auth().orElseThrow().trailer().authPadLength()).isEqualTo(
                    i == frags.size() - 1 ? (16 - q.stubLength() % 16) % 16 : 0);
            assertThat(q.object()).isEqualTo(obj);
            PduLayout l = PduLayout.of(f, q);
            assertThat((l.trailerOffset() - l.bodyOffset()) % 16).isZero();
            PduSecurity.unprotect(f, l, p[1], level, true);
            assertThat(r.append(f, l.bodyOffset(), l.stubLength())).isTrue();
        }
        assertThat(r.toByteArray()).isEqualTo(stub);
    }

    @Property(tries = 40)
    void anyFlippedBitFailsVerification(@ForAll @IntRange(min = 0, max = 10000) int bit, @ForAll boolean seal) {
        SecurityContext[] p = pair();
        AuthLevel level = seal ? AuthLevel.PKT_PRIVACY : AuthLevel.PKT;
        byte[] f = Fragmenter.response(3, 0, EchoService.pattern(100), 5840,
                new Protection(p[1], level, Fixtures.TOY_AUTH_TYPE, 1, false, false), PackedDrep.LITTLE_ENDIAN).get(0);
        Response r = (Response) Pdu.decode(f);
        int at = bit % (f.length * 8);
        f[at / 8] ^= (byte) (1 << (at % 8));
        assertThatThrownBy(() -> {
            Pdu d = Pdu.decode(f);
            PduSecurity.unprotect(f, PduLayout.of(f, d), p[0], level, false);
        }).isInstanceOfAny(AuthenticationException.class, org.jwmi.wire.ProtocolException.class,
                IllegalArgumentException.class);
        assertThat(r.stubLength()).isEqualTo(100);
    }

    @Property(tries = 20)
    void withoutSecurityOnlyTheSizeMatters(@ForAll @IntRange(min = 0, max = 5000) int size) {
        List<byte[]> frags = Fragmenter.response(1, 0, new byte[size], 1432, null, PackedDrep.BIG_ENDIAN);
        int total = 0;
        for (byte[] f : frags) {
            Response r = (Response) Pdu.decode(f);
            assertThat(r.auth()).isEmpty();
            assertThat(r.allocHintUnsigned()).isEqualTo(size - total);
            total += r.stubLength();
        }
        assertThat(total).isEqualTo(size);
    }

    @org.junit.jupiter.api.Test
    void aFragmentSizeWithNoRoomIsRefused() {
        assertThatThrownBy(() -> Fragmenter.response(1, 0, new byte[10], 30, null, PackedDrep.LITTLE_ENDIAN))
                .isInstanceOf(IllegalArgumentException.class);
        Reassembler r = new Reassembler(10, 0xffffffffL);
        assertThat(r.append(new byte[10], 0, 10)).isTrue();
        assertThat(r.append(new byte[1], 0, 1)).isFalse();
        assertThat(r.length()).isEqualTo(10);
    }
}
