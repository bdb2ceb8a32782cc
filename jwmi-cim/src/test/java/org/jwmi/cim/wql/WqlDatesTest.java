package org.jwmi.cim.wql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import org.jwmi.cim.CimDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WqlDatesTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "January 21, 1932 | 19320121000000.000000+000",
        "January 21, 32 | 20320121000000.000000+000",
        "Jan 21 1932 | 19320121000000.000000+000",
        "January 1932 | 19320101000000.000000+000",
        "Jan 1932 21 | 19320121000000.000000+000",
        "21 January, 1932 | 19320121000000.000000+000",
        "21 Jan32 | 20320121000000.000000+000",
        "21 1932 January | 19320121000000.000000+000",
        "1932 January 21 | 19320121000000.000000+000",
        "1932 Jan | 19320101000000.000000+000",
        "1932 21 January | 19320121000000.000000+000",
        "4/16/1998 | 19980416000000.000000+000",
        "04-16-98 | 19980416000000.000000+000",
        "1998-04-16 | 19980416000000.000000+000",
        "1998.04.16 | 19980416000000.000000+000",
        "19980416 | 19980416000000.000000+000",
        "980416 | 19980416000000.000000+000",
        "1998 | 19980101000000.000000+000",
        "1998-04-16 13:58:09 | 19980416135809.000000+000",
        "1998-04-16 13:58:09:250 | 19980416135809.250000+000",
        "1998-04-16 13:58:09.123456 | 19980416135809.123456+000",
        "04/16/1998 1:58 PM | 19980416135800.000000+000",
        "04/16/1998 12:00 AM | 19980416000000.000000+000",
        "19980401135809.000000+060 | 19980401135809.000000+060",
    })
    void parsesTheSdkFormats(String text, String expected) {
        assertThat(WqlDates.parse(text, ZoneOffset.UTC)).contains(CimDateTime.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "1998-04/16", "13/45/1998", "Jan", "Foo 21 1932", "1998-04-16 25:00",
        "04/16/1998 13:00 PM", "1998-04-16-01", "123456789", "1998-02-30"})
    void rejectsOthers(String text) {
        assertThat(WqlDates.parse(text, ZoneOffset.UTC)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void usesTheGivenZone() {
        assertThat(WqlDates.parse("1998-04-16 10:00", ZoneOffset.ofHours(-5)).orElseThrow().text())
                .isEqualTo("19980416100000.000000-300");
    }
}
