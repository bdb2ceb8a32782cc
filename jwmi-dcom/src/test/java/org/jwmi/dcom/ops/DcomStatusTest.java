package org.jwmi.dcom.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The one table of DCOM status codes: names as [MS-ERREF] spells them, and how a code reads in a message. */
class DcomStatusTest {

    @Test
    void describeGivesTheNameAndTheHex() {
        assertThat(DcomStatus.describe(0x80070005)).isEqualTo("E_ACCESSDENIED (0x80070005)");
        assertThat(DcomStatus.describe(0x8001011D)).isEqualTo("RPC_E_INVALID_OBJREF (0x8001011d)");
        assertThat(DcomStatus.describe(0x00000776)).isEqualTo("OR_INVALID_OXID (0x00000776)");
        assertThat(DcomStatus.describe(0x8000401B)).isEqualTo("CO_E_LAUNCH_PERMSSION_DENIED (0x8000401b)");
    }

    @Test
    void faultStatusesFromTheRpcLayerKeepTheirRpcNames() {
        assertThat(DcomStatus.of(0x1C010002)).isNull();
        assertThat(DcomStatus.describe(0x1C010002)).isEqualTo("nca_s_op_rng_error (0x1c010002)");
        assertThat(DcomStatus.describe(0x000006B5)).isEqualTo("RPC_S_UNKNOWN_IF (0x000006b5)");
    }

    @Test
    void aValueWithoutANameShowsItsHex() {
        assertThat(DcomStatus.nameOf(0x8BADF00D)).isNull();
        assertThat(DcomStatus.describe(0x8BADF00D)).isEqualTo("HRESULT 0x8badf00d");
    }

    @Test
    void ofFindsEveryConstantByItsValue() {
        for (DcomStatus s : DcomStatus.values()) {
            assertThat(DcomStatus.of(s.value())).isSameAs(s);
        }
    }

    /**
     * Every name is a row of [MS-ERREF] 2.1.1 or 2.2 with that value; an HRESULT_FROM_WIN32 value (2.1.2) carries
     * the name of its Win32 code. S_OK and S_FALSE are the only names the tables lack.
     */
    @Test
    void namesAndValuesAreThoseOfMsErref() throws IOException {
        String text = Files.readString(IdlConformanceTest.specFile("MS-ERREF.md"));
        Map<String, Set<Integer>> rows = new HashMap<>();
        Matcher m = Pattern.compile("\\|\\s*0x([0-9A-Fa-f]{8})\\s+([A-Za-z0-9_]+)\\s*\\|").matcher(text);
        while (m.find()) {
            rows.computeIfAbsent(m.group(2), k -> new HashSet<>()).add(Integer.parseUnsignedInt(m.group(1), 16));
        }
        List<String> wrong = new ArrayList<>();
        for (DcomStatus s : DcomStatus.values()) {
            if (s == DcomStatus.S_OK || s == DcomStatus.S_FALSE) {
                continue;
            }
            Set<Integer> values = rows.getOrDefault(s.name(), Set.of());
            boolean fromWin32 = (s.value() & 0xFFFF0000) == 0x80070000 && values.contains(s.value() & 0xFFFF);
            if (!values.contains(s.value()) && !fromWin32) {
                wrong.add(DcomStatus.describe(s.value()));
            }
        }
        assertThat(wrong).as("constants not in [MS-ERREF] under that name and value").isEmpty();
    }
}
