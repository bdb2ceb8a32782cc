package org.jwmi.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimException;
import org.jwmi.cim.CimObject;
import org.jwmi.cim.CimType;
import org.jwmi.cim.CimValue;
import org.jwmi.cim.WbemStatus;
import org.junit.jupiter.api.Test;

/** IEnumWbemClassObject::Next/Skip semantics over a lazy stream ([MS-WMI] 3.1.4.4.2), without the wire. */
class EnumObjectTest {
    private static final CimClass CLS = CimClass.builder("T").property("N", CimType.UINT32, p -> p.flag("key"))
            .build();
    private static final int INFINITE = -1;

    private static Stream<CimObject> numbers(int n, AtomicInteger produced, long delayMs) {
        return IntStream.range(0, n).mapToObj(i -> {
            if (delayMs > 0) {
                try {
                    Thread.sleep(delayMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            produced.incrementAndGet();
            return cls(i);
        });
    }

    private static CimObject cls(int i) {
        return CLS.newInstance().set("N", CimValue.uint32(i)).build();
    }

    private static EnumObject enumerator(int n, AtomicInteger produced, long delayMs, boolean forwardOnly) {
        return new EnumObject(null, "", numbers(n, produced, delayMs), () -> numbers(n, produced, delayMs), forwardOnly);
    }

    private static int pull(EnumObject e, int timeout, long count, List<CimObject> into) {
        return e.pull(timeout, count, o -> {
            into.add(o);
            return 100;
        });
    }

    @Test
    void fewerThanAskedComeWithSFalseAndNothingIsLost() {
        AtomicInteger produced = new AtomicInteger();
        EnumObject e = enumerator(25, produced, 0, true);
        List<CimObject> got = new ArrayList<>();
        assertThat(pull(e, INFINITE, 10, got)).isZero();
        assertThat(pull(e, INFINITE, 10, got)).isZero();
        assertThat(pull(e, INFINITE, 10, got)).isEqualTo(WbemStatus.WBEM_S_FALSE.code());
        assertThat(got).hasSize(25);
        assertThat(pull(e, INFINITE, 10, got)).isEqualTo(WbemStatus.WBEM_S_FALSE.code());
        assertThat(got).hasSize(25);
    }

    @Test
    void objectsAreProducedOnlyAsNextAsksForThem() {
        AtomicInteger produced = new AtomicInteger();
        EnumObject e = enumerator(1_000_000, produced, 0, true);
        List<CimObject> got = new ArrayList<>();
        assertThat(pull(e, INFINITE, 5, got)).isZero();
        assertThat(produced.get()).isEqualTo(5);
    }

    @Test
    void aTimeoutReturnsWhatArrivedWithWbemSTimedOut() {
        AtomicInteger produced = new AtomicInteger();
        EnumObject e = enumerator(100, produced, 30, true);
        List<CimObject> got = new ArrayList<>();
        int hr = pull(e, 100, 50, got);
        assertThat(hr).isEqualTo(WbemStatus.WBEM_S_TIMEDOUT.code());
        assertThat(got).isNotEmpty().hasSizeLessThan(50);
        assertThat(pull(e, 0, 1, got)).isZero();
    }

    @Test
    void aBatchStopsAtItsByteCap() {
        AtomicInteger produced = new AtomicInteger();
        EnumObject e = enumerator(100_000, produced, 0, true);
        List<CimObject> got = new ArrayList<>();
        int hr = e.pull(INFINITE, 0xFFFFFFFFL, o -> {
            got.add(o);
            return 1000;
        });
        assertThat(hr).isEqualTo(WbemStatus.WBEM_S_TIMEDOUT.code());
        assertThat(got).hasSize(EnumObject.MAX_BATCH_BYTES / 1000 + 1);
    }

    @Test
    void skipCountsWithoutKeepingAndResetRewinds() {
        AtomicInteger produced = new AtomicInteger();
        EnumObject e = enumerator(10, produced, 0, false);
        assertThat(e.pull(INFINITE, 4, o -> 0)).isZero();
        List<CimObject> got = new ArrayList<>();
        assertThat(pull(e, INFINITE, 100, got)).isEqualTo(WbemStatus.WBEM_S_FALSE.code());
        assertThat(got).hasSize(6);
        assertThat(((org.jwmi.cim.CimInstance) got.get(0)).value("N").asLong()).isEqualTo(4);
    }

    @Test
    void anErrorMidwayEndsTheBatchAndAnswersTheNextCall() {
        Stream<CimObject> failing = Stream.concat(Stream.of(cls(0), cls(1)), Stream.<CimObject>of((CimObject) null)
                .map(x -> {
                    throw new CimException(WbemStatus.WBEM_E_PROVIDER_FAILURE, "the provider broke");
                }));
        EnumObject e = new EnumObject(null, "", failing, Stream::empty, true);
        List<CimObject> got = new ArrayList<>();
        assertThat(pull(e, INFINITE, 10, got)).isEqualTo(WbemStatus.WBEM_S_TIMEDOUT.code());
        assertThat(got).hasSize(2);
        assertThat(pull(e, INFINITE, 10, got)).isEqualTo(WbemStatus.WBEM_E_PROVIDER_FAILURE.code());
    }

    @Test
    void aNegativeTimeoutOtherThanInfiniteIsInvalid() {
        EnumObject e = enumerator(3, new AtomicInteger(), 0, true);
        assertThat(pull(e, -5, 1, new ArrayList<>())).isEqualTo(WbemStatus.WBEM_E_INVALID_PARAMETER.code());
    }
}
