package org.jwmi.cim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CimValueTest {

    @Test
    void typeCodesFollowMsWmio() {
        assertThat(CimType.SINT8.code()).isEqualTo(16);
        assertThat(CimType.SINT16.code()).isEqualTo(2);
        assertThat(CimType.SINT32.code()).isEqualTo(3);
        assertThat(CimType.REAL32.code()).isEqualTo(4);
        assertThat(CimType.REAL64.code()).isEqualTo(5);
        assertThat(CimType.STRING.code()).isEqualTo(8);
        assertThat(CimType.BOOLEAN.code()).isEqualTo(11);
        assertThat(CimType.OBJECT.code()).isEqualTo(13);
        assertThat(CimType.UINT8.code()).isEqualTo(17);
        assertThat(CimType.UINT16.code()).isEqualTo(18);
        assertThat(CimType.UINT32.code()).isEqualTo(19);
        assertThat(CimType.SINT64.code()).isEqualTo(20);
        assertThat(CimType.UINT64.code()).isEqualTo(21);
        assertThat(CimType.DATETIME.code()).isEqualTo(101);
        assertThat(CimType.REFERENCE.code()).isEqualTo(102);
        assertThat(CimType.CHAR16.code()).isEqualTo(103);
        // pitfall 1: the rule base|0x2000, not the misprinted 8201/8202/8203
        assertThat(CimType.UINT32_ARRAY.code()).isEqualTo(0x2013);
        assertThat(CimType.SINT64_ARRAY.code()).isEqualTo(0x2014);
        assertThat(CimType.UINT64_ARRAY.code()).isEqualTo(0x2015);
        assertThat(CimType.BOOLEAN_ARRAY.code()).isEqualTo(8203);
        assertThat(CimType.STRING_ARRAY.code()).isEqualTo(0x2008);
        for (CimType t : CimType.values()) {
            assertThat(CimType.fromCode(t.code())).isSameAs(t);
            assertThat(CimType.fromCode(t.code() | 0x7FFF0000)).isSameAs(t);
            assertThat(t.arrayType().baseType()).isSameAs(t.baseType());
            assertThat(t.arrayType().code()).isEqualTo(t.baseType().code() | CimType.ARRAY_FLAG);
        }
        assertThatThrownBy(() -> CimType.fromCode(0x2001)).isInstanceOf(CimException.class)
                .extracting(e -> ((CimException) e).status()).isEqualTo(WbemStatus.WBEM_E_INVALID_CIM_TYPE);
    }

    @Test
    void cimtypeQualifierValues() {
        assertThat(CimType.REFERENCE.cimtypeQualifierValue(CimName.of("Win32_Account"))).isEqualTo("ref:Win32_Account");
        assertThat(CimType.REFERENCE.cimtypeQualifierValue(null)).isEqualTo("ref:object");
        assertThat(CimType.OBJECT_ARRAY.cimtypeQualifierValue(CimName.of("X"))).isEqualTo("object:X");
        assertThat(CimType.OBJECT.cimtypeQualifierValue(null)).isEqualTo("object");
        assertThat(CimType.DATETIME_ARRAY.cimtypeQualifierValue(null)).isEqualTo("datetime");
        assertThat(CimProperty.typeClassFromCimtype("ref:Foo")).isEqualTo(CimName.of("foo"));
        assertThat(CimProperty.typeClassFromCimtype("object:Foo")).isEqualTo(CimName.of("Foo"));
        assertThat(CimProperty.typeClassFromCimtype("ref:object")).isNull();
        assertThat(CimProperty.typeClassFromCimtype("uint32")).isNull();
    }

    @ParameterizedTest
    @CsvSource({"SINT8,-129", "SINT8,128", "UINT8,-1", "UINT8,256", "SINT16,32768", "UINT16,65536",
        "SINT32,2147483648", "UINT32,-1", "UINT32,4294967296"})
    void integerRangesAreEnforced(CimType t, long v) {
        assertThatThrownBy(() -> CimValue.of(t, v)).isInstanceOf(CimException.class)
                .extracting(e -> ((CimException) e).status()).isEqualTo(WbemStatus.WBEM_E_VALUE_OUT_OF_RANGE);
    }

    @Test
    void integersAndUnsigned64() {
        assertThat(CimValue.of(CimType.UINT8, 255).asLong()).isEqualTo(255);
        assertThat(CimValue.of(CimType.UINT32, 4294967295L).asLong()).isEqualTo(4294967295L);
        CimValue max = CimValue.of(CimType.UINT64, new BigInteger("18446744073709551615"));
        assertThat(max.asLong()).isEqualTo(-1L);
        assertThat(max.asBigInteger()).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(max.toString()).isEqualTo("18446744073709551615");
        assertThat(max.asDouble()).isEqualTo(1.8446744073709552E19);
        assertThatThrownBy(() -> CimValue.of(CimType.UINT64, -1)).isInstanceOf(CimException.class);
        assertThatThrownBy(() -> CimValue.of(CimType.UINT64, BigInteger.ONE.shiftLeft(64)))
                .isInstanceOf(CimException.class);
        assertThatThrownBy(() -> CimValue.of(CimType.SINT32, "5")).isInstanceOf(CimException.class)
                .extracting(e -> ((CimException) e).status()).isEqualTo(WbemStatus.WBEM_E_TYPE_MISMATCH);
    }

    @Test
    void nullIsTypedAndDistinct() {
        CimValue n = CimValue.nullOf(CimType.STRING);
        assertThat(n.isNull()).isTrue();
        assertThat(n).isNotEqualTo(CimValue.nullOf(CimType.UINT32)).isNotEqualTo(CimValue.string(""));
        assertThat(n.toString()).isEqualTo("NULL");
        assertThatThrownBy(n::asString).extracting(e -> ((CimException) e).status())
                .isEqualTo(WbemStatus.WBEM_E_ILLEGAL_NULL);
        assertThat(CimValue.of(CimType.SINT32, null)).isEqualTo(CimValue.nullOf(CimType.SINT32));
    }

    @Test
    void arraysAreImmutableAndNullFree() {
        CimValue a = CimValue.of(CimType.UINT32_ARRAY, new long[] {1, 2, 3});
        assertThat(a.asList()).isEqualTo(List.of(1L, 2L, 3L));
        assertThat(a.toString()).isEqualTo("{1, 2, 3}");
        assertThat(a.elements()).containsExactly(CimValue.uint32(1), CimValue.uint32(2), CimValue.uint32(3));
        assertThatThrownBy(() -> a.asList().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> CimValue.array(CimType.STRING, java.util.Arrays.asList("a", null)))
                .isInstanceOf(CimException.class);
        assertThat(CimValue.array(CimType.STRING, List.of("a\"b", "c\\d")).toString())
                .isEqualTo("{\"a\\\"b\", \"c\\\\d\"}");
    }

    @Test
    void namesCompareWithoutCase() {
        assertThat(CimName.of("Win32_Process")).isEqualTo(CimName.of("WIN32_PROCESS"))
                .hasSameHashCodeAs(CimName.of("win32_process"));
        assertThat(CimName.of("Win32_Process").toString()).isEqualTo("Win32_Process");
        assertThat(CimName.of("abc").compareTo(CimName.of("ABD"))).isNegative();
        assertThat(CimName.of("Straße")).isEqualTo(CimName.of("STRASSE".toLowerCase().replace("ss", "ß")));
        assertThat(CimName.isIdentifier("_x1")).isTrue();
        assertThat(CimName.isIdentifier("1x")).isFalse();
        assertThat(CimName.isIdentifier("a b")).isFalse();
        assertThatThrownBy(() -> CimName.of("")).isInstanceOf(CimException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"19980416******.000000+***", "****0401******.000000+***", "19980401135809.000000+***",
        "19980401135809.000000-***", "20230102030405.123456-300", "20230102030405.123***+000",
        "00000001120032.000000:000", "99999999235959.999999:000"})
    void validDateTimes(String s) {
        assertThat(CimDateTime.parse(s).text()).isEqualTo(s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1998-04-16 ******:***", "199*0416******.000000+***", "19980416", "",
        "20230101000000.000000*000", "00000001120032.000000:001", "0000000*120032.000000:000",
        "20230101000000,000000+000", "20230101000000.*12345+000", "2023010100000.000000+0000", "x"})
    void invalidDateTimes(String s) {
        assertThat(CimDateTime.isValid(s)).isFalse();
        assertThatThrownBy(() -> CimDateTime.parse(s)).isInstanceOf(CimException.class);
    }

    @Test
    void dateTimeConversions() {
        CimDateTime t = CimDateTime.parse("20230102030405.123456-300");
        assertThat(t.toOffsetDateTime()).contains(OffsetDateTime.of(2023, 1, 2, 3, 4, 5, 123456000,
                ZoneOffset.ofHours(-5)));
        assertThat(t.utcOffsetMinutes()).hasValue(-300);
        assertThat(CimDateTime.of(OffsetDateTime.of(2023, 1, 2, 3, 4, 5, 123456789, ZoneOffset.ofHoursMinutes(5, 30)))
                .text()).isEqualTo("20230102030405.123456+330");
        CimDateTime i = CimDateTime.parse("00000001120032.000000:000");
        assertThat(i.isInterval()).isTrue();
        assertThat(i.toDuration()).contains(Duration.ofDays(1).plusHours(12).plusSeconds(32));
        assertThat(CimDateTime.ofInterval(Duration.ofDays(1).plusHours(12).plusSeconds(32))).isEqualTo(i);
        CimDateTime w = CimDateTime.parse("****0401******.000000+***");
        assertThat(w.hasWildcards()).isTrue();
        assertThat(w.year()).isEmpty();
        assertThat(w.month()).hasValue(4);
        assertThat(w.toOffsetDateTime()).isEmpty();
        assertThat(CimDateTime.parse("20230231000000.000000+000").toOffsetDateTime()).isEmpty();
        // shapes WMI providers return for "no date": accepted, kept, not a point in time
        for (String s : new String[] {"00000000000000.000000+000", "**************.******+***",
            "20231301000000.000000+000", "20230101256199.000000+000"}) {
            assertThat(CimDateTime.parse(s).text()).isEqualTo(s);
            assertThat(CimDateTime.parse(s).toOffsetDateTime()).isEmpty();
        }
        assertThat(CimValue.of(CimType.DATETIME, "20230102030405.123456-300").asDateTime()).isEqualTo(t);
    }

    @Test
    void statusCodesMatchTheSdk() {
        assertThat(WbemStatus.WBEM_E_INVALID_QUERY.code()).isEqualTo(0x80041017);
        assertThat(WbemStatus.WBEM_E_INVALID_CLASS.code()).isEqualTo(0x80041010);
        assertThat(WbemStatus.WBEM_E_INVALID_PROPERTY.code()).isEqualTo(0x80041031);
        assertThat(WbemStatus.WBEM_E_PROVIDER_NOT_FOUND.code()).isEqualTo(0x80041011);
        assertThat(WbemStatus.WBEM_E_INVALID_OBJECT_PATH.code()).isEqualTo(0x8004103A);
        assertThat(WbemStatus.WBEM_E_INVALID_QUERY_TYPE.code()).isEqualTo(0x80041018);
        assertThat(WbemStatus.WBEM_E_NOT_FOUND.code()).isEqualTo(0x80041002);
        assertThat(WbemStatus.WBEM_E_TYPE_MISMATCH.code()).isEqualTo(0x80041005);
        assertThat(WbemStatus.WBEM_E_INVALID_PARAMETER.code()).isEqualTo(0x80041008);
        assertThat(WbemStatus.WBEM_E_METHOD_DISABLED.code()).isEqualTo(0x80041056);
        assertThat(WbemStatus.WBEM_E_PROVIDER_ALREADY_REGISTERED.code()).isEqualTo(0x80041084);
        assertThat(WbemStatus.WBEM_S_FALSE.isError()).isFalse();
        assertThat(WbemStatus.fromCode(0x8004103A)).isEqualTo(WbemStatus.WBEM_E_INVALID_OBJECT_PATH);
        assertThat(WbemStatus.fromCode(0x12345)).isNull();
        assertThat(java.util.Arrays.stream(WbemStatus.values()).map(WbemStatus::code).distinct().count())
                .isEqualTo(WbemStatus.values().length);
        assertThat(new CimException(WbemStatus.WBEM_E_INVALID_QUERY, "bad", 7).getMessage())
                .isEqualTo("WBEM_E_INVALID_QUERY (0x80041017): bad (at position 7)");
    }
}
