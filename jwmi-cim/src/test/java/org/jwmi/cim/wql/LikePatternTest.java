package org.jwmi.cim.wql;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LikePatternTest {

    @ParameterizedTest(name = "[{index}] {0} LIKE {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "Win32_Process | %Win32% | true",
        "win32_process | %WIN32% | true",
        "CIM_Process | %Win32% | false",
        "__NAMESPACE | %[_][_]% | true",
        "_X | %[_][_]% | false",
        "FirstNameLast | FirstName% | true",
        "abc | a_c | true",
        "ac | a_c | false",
        "abc | a%c | true",
        "ac | a%c | true",
        "abcd | a%c | false",
        "d | [a-f] | true",
        "D | [a-f] | true",
        "g | [a-f] | false",
        "g | [^a-f] | true",
        "c | [^abcdef] | false",
        "] | []] | true",
        "- | [a-] | true",
        "% | [%] | true",
        "x | [%] | false",
        "\\\\srv\\p | %\\\\% | true",
        "10.1.1.1 | %10.% | true",
        "`` | % | true",
        "`` | _ | false",
        "`` | `` | true",
        "a | `` | false",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaab | %a%a%a%a%a%a%a%a%b | true",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | %a%a%a%a%a%a%a%a%b | false",
        "ÄBC | äbc | true",
    })
    void matches(String s, String pattern, boolean expected) {
        assertThat(LikePattern.compile(pattern).matches(s)).isEqualTo(expected);
    }

    @Property(tries = 300)
    void percentAloneMatchesEverythingAndLiteralTextMatchesItself(
            @ForAll @StringLength(max = 20) String s) {
        assertThat(LikePattern.compile("%").matches(s)).isTrue();
        String escaped = s.replace("[", "[[]").replace("%", "[%]").replace("_", "[_]");
        assertThat(LikePattern.compile(escaped).matches(s)).isTrue();
        assertThat(LikePattern.compile(escaped).matches(s + "x")).isFalse();
        assertThat(LikePattern.compile("_".repeat(s.length())).matches(s)).isTrue();
    }
}
