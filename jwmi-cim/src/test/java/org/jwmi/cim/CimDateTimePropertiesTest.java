package org.jwmi.cim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CimDateTimePropertiesTest {

    @Provide
    Arbitrary<OffsetDateTime> times() {
        return Combinators.combine(Arbitraries.longs().between(-62_000_000_000L, 253_000_000_000L),
                Arbitraries.integers().between(0, 999_999_999), Arbitraries.integers().between(-999, 999))
                .as((s, n, off) -> OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(s, n),
                        ZoneOffset.ofTotalSeconds(off * 60)))
                .filter(t -> t.getYear() >= 0 && t.getYear() <= 9999);
    }

    @Property(tries = 300)
    void timestampsRoundTripToTheMicrosecond(@ForAll("times") OffsetDateTime t) {
        CimDateTime d = CimDateTime.of(t);
        CimDateTime back = CimDateTime.parse(d.text());
        assertThat(back).isEqualTo(d);
        assertThat(back.toOffsetDateTime()).contains(t.truncatedTo(ChronoUnit.MICROS));
    }

    @Property(tries = 300)
    void intervalsRoundTrip(@ForAll("durations") Duration d) {
        CimDateTime i = CimDateTime.ofInterval(d);
        assertThat(CimDateTime.parse(i.text()).toDuration()).contains(d.truncatedTo(ChronoUnit.MICROS));
    }

    @Provide
    Arbitrary<Duration> durations() {
        return Arbitraries.longs().between(0, 99_999_999L * 86_400L).map(Duration::ofSeconds)
                .flatMap(d -> Arbitraries.integers().between(0, 999_999_999).map(d::plusNanos));
    }

    @Property(tries = 1000)
    void arbitraryTextRaisesOnlyCimException(@ForAll("noise") String s) {
        try {
            CimDateTime d = CimDateTime.parse(s);
            assertThat(d.text()).isEqualTo(s);
            d.toOffsetDateTime();
            d.toDuration();
        } catch (CimException e) {
            assertThat(e.status()).isEqualTo(WbemStatus.WBEM_E_TYPE_MISMATCH);
        }
    }

    @Provide
    Arbitrary<String> noise() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("0123456789*.+-:").ofLength(25),
                Arbitraries.strings().ofMaxLength(30));
    }
}
