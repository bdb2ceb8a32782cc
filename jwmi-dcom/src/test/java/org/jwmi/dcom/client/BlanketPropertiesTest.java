package org.jwmi.dcom.client;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jwmi.auth.AuthLevel;
import org.jwmi.auth.Credentials;
import org.jwmi.dcom.wire.StringBinding;

/** Properties of blanket layering and of string-binding parsing. */
class BlanketPropertiesTest {
    private static final Credentials ALICE = Credentials.ofPassword("D", "alice", "pw".toCharArray());

    @Provide
    Arbitrary<SecurityBlanket> blankets() {
        return Combinators.combine(Arbitraries.of(SecurityBlanket.AUTHN_DEFAULT, SecurityBlanket.AUTHN_WINNT,
                        SecurityBlanket.AUTHN_GSS_KERBEROS),
                Arbitraries.of(SecurityBlanket.AUTHZ_DEFAULT, SecurityBlanket.AUTHZ_NONE),
                Arbitraries.strings().alpha().ofMaxLength(8).injectNull(0.5),
                Arbitraries.of(AuthLevel.class),
                Arbitraries.of(ImpersonationLevel.class),
                Arbitraries.just(ALICE).injectNull(0.5),
                Arbitraries.of(Capability.EOAC_DEFAULT.value(), 0, Capability.EOAC_MUTUAL_AUTH.value()))
                .as(SecurityBlanket::new);
    }

    @Property
    void theDefaultBlanketIsNeutralOnBothSides(@ForAll("blankets") SecurityBlanket b) {
        assertThat(SecurityBlanket.DEFAULT.orElse(b)).isEqualTo(b);
        assertThat(b.orElse(SecurityBlanket.DEFAULT)).isEqualTo(b);
    }

    @Property
    void layeringIsAssociative(@ForAll("blankets") SecurityBlanket a, @ForAll("blankets") SecurityBlanket b,
                               @ForAll("blankets") SecurityBlanket c) {
        assertThat(a.orElse(b).orElse(c)).isEqualTo(a.orElse(b.orElse(c)));
    }

    @Property
    void aSetFieldAlwaysWins(@ForAll("blankets") SecurityBlanket over, @ForAll("blankets") SecurityBlanket base) {
        SecurityBlanket m = over.orElse(base);
        if (over.authnLevel() != AuthLevel.DEFAULT) {
            assertThat(m.authnLevel()).isEqualTo(over.authnLevel());
        }
        if (over.identity() != null) {
            assertThat(m.identity()).isSameAs(over.identity());
        }
        if (over.impersonationLevel() != ImpersonationLevel.DEFAULT) {
            assertThat(m.impersonationLevel()).isEqualTo(over.impersonationLevel());
        }
    }

    @Property
    void anyNetworkAddressParsesOrIsSkipped(@ForAll("addresses") String addr) {
        // never an exception: a binding we cannot use is left out of the candidates
        Endpoint.of(StringBinding.tcp(addr), 135).ifPresent(e -> {
            assertThat(e.port()).isBetween(1, 65535);
            assertThat(e.host()).isNotEmpty();
        });
    }

    @Provide
    Arbitrary<String> addresses() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("ab1.:[]-9").ofMaxLength(12),
                Arbitraries.strings().ofMaxLength(12).filter(s -> s.indexOf('\0') < 0));
    }
}
