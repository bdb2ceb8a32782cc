package org.jwmi.wmio.block;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** [MS-WMIO] 2.2.80: which qualifier names are written as dictionary ordinals. */
class DictionaryReferenceTest {

    /** The rule as stated: the named entries, compared as lower case in the root locale. */
    private static DictionaryReference byLowerCase(String name) {
        for (DictionaryReference d : DictionaryReference.values()) {
            if (d != DictionaryReference.QUOTE && d != DictionaryReference.EMPTY_QUOTES
                    && d.text().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        return null;
    }

    @ParameterizedTest
    @CsvSource(value = {"key,KEY", "Key,KEY", "CIMTYPE,CIMTYPE", "CimType,CIMTYPE", "dword,DWORD", "Read,READ",
        "CIMWin32,CIMWIN32", "keys,", "\"\",", "'\"',", "\u212Aey,KEY", "wr\u0130te,", "WRITE,WRITE", "Description,"},
            quoteCharacter = '\'')
    void qualifierNames(String name, DictionaryReference expected) {
        assertThat(DictionaryReference.forQualifierName(name)).isEqualTo(expected).isEqualTo(byLowerCase(name));
    }

    @Property(tries = 2000)
    void agreesWithLowerCasing(@ForAll @StringLength(max = 9) @Chars({'k', 'K', 'e', 'E', 'y', 'Y', 'r', 'R', 'a', 'd',
        'w', 'i', 'I', 't', 'c', 'C', 'm', 'M', 'p', 'P', '\u0130', '\u0131', '\u212A', '\u017F', 's', 'S', '3', '2'})
                              String name) {
        assertThat(DictionaryReference.forQualifierName(name)).isEqualTo(byLowerCase(name));
    }
}
