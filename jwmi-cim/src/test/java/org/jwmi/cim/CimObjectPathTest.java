package org.jwmi.cim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CimObjectPathTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // input | canonical output | server | namespace | class | keys
        "Win32_LogicalDisk | Win32_LogicalDisk | | | Win32_LogicalDisk | 0",
        "\\\\Admin\\Root\\CimV2:Win32_LogicalDisk | \\\\Admin\\Root\\CimV2:Win32_LogicalDisk | Admin | Root\\CimV2 | Win32_LogicalDisk | 0",
        "//Admin/root/cimv2:Win32_LogicalDisk | \\\\Admin\\root\\cimv2:Win32_LogicalDisk | Admin | root\\cimv2 | Win32_LogicalDisk | 0",
        "root\\cimv2:Win32_Process.Handle=\"4\" | root\\cimv2:Win32_Process.Handle=\"4\" | | root\\cimv2 | Win32_Process | 1",
        "MyClass.MyProp=\"e:\" | MyClass.MyProp=\"e:\" | | | MyClass | 1",
        "MyClass=\"e:\" | MyClass=\"e:\" | | | MyClass | 1",
        "MyOtherClass.FirstKey=1,SecondKey=2 | MyOtherClass.FirstKey=1,SecondKey=2 | | | MyOtherClass | 2",
        "MySingletonClass=@ | MySingletonClass=@ | | | MySingletonClass | 0",
        "ComPort=2 | ComPort=2 | | | ComPort | 1",
        "C.K='single' | C.K=\"single\" | | | C | 1",
        "C.K=0x1F | C.K=31 | | | C | 1",
        "C.K=-5 | C.K=-5 | | | C | 1",
        "C.K=18446744073709551615 | C.K=18446744073709551615 | | | C | 1",
        "C.B=true | C.B=TRUE | | | C | 1",
        "C.R=1.5 | C.R=1.5 | | | C | 1",
        "C.K=\"a\\\"b\\\\c\" | C.K=\"a\\\"b\\\\c\" | | | C | 1",
        "C.K=\"a,b=c.d:e\" | C.K=\"a,b=c.d:e\" | | | C | 1",
        "Win32_Directory.Name=\"C:\\\\\" | Win32_Directory.Name=\"C:\\\\\" | | | Win32_Directory | 1",
        "\\\\.\\root\\default | \\\\.\\root\\default | . | root\\default | | 0",
        "root\\cimv2 | root\\cimv2 | | root\\cimv2 | | 0",
    })
    void parsesAndFormats(String in, String out, String server, String ns, String cls, int keys) {
        CimObjectPath p = CimObjectPath.parse(in);
        assertThat(p.toString()).isEqualTo(out);
        assertThat(p.server()).isEqualTo(server);
        assertThat(p.namespace()).isEqualTo(ns);
        assertThat(p.className() == null ? null : p.className().text()).isEqualTo(cls);
        assertThat(p.keys()).hasSize(keys);
        assertThat(CimObjectPath.parse(out)).isEqualTo(p);
    }

    @Test
    void referenceValuedKeyRoundTrips() {
        CimObjectPath inner = CimObjectPath.parse("\\\\.\\root\\cimv2:Win32_Account.Domain=\"D\",Name=\"A\\\\B\"");
        CimObjectPath outer = CimObjectPath.forInstance(CimName.of("Win32_LoggedOnUser"), List.of(
                new CimObjectPath.KeyBinding(CimName.of("Antecedent"), CimValue.reference(inner))));
        String text = outer.toString();
        assertThat(text).isEqualTo("Win32_LoggedOnUser.Antecedent="
                + "\"\\\\\\\\.\\\\root\\\\cimv2:Win32_Account.Domain=\\\"D\\\",Name=\\\"A\\\\\\\\B\\\"\"");
        CimObjectPath back = CimObjectPath.parse(text);
        assertThat(back).isEqualTo(outer);
        assertThat(back.key(CimName.of("antecedent")).orElseThrow().asString()).isEqualTo(inner.toString());
        assertThat(CimObjectPath.parse(back.keys().get(0).value().asString())).isEqualTo(inner);
    }

    @Test
    void equalityIgnoresCaseAndKeyOrder() {
        assertThat(CimObjectPath.parse("MyClass.IntVal=33,StrVal=\"AAA\""))
                .isEqualTo(CimObjectPath.parse("myclass.StrVal=\"aaa\",INTVAL=33"))
                .hasSameHashCodeAs(CimObjectPath.parse("myclass.StrVal=\"aaa\",INTVAL=33"));
        assertThat(CimObjectPath.parse("C.K=33")).isEqualTo(CimObjectPath.parse("C.K=0x21"));
        assertThat(CimObjectPath.parse("C.K=33")).isNotEqualTo(CimObjectPath.parse("C.K=\"33\""));
        assertThat(CimObjectPath.parse("\\\\S\\ROOT:C")).isEqualTo(CimObjectPath.parse("//s/root:c"));
        assertThat(CimObjectPath.parse("C=1")).isNotEqualTo(CimObjectPath.parse("C.K=1"));
    }

    /** Rejected paths and the position of the error; "~" stands for a tab. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`` | 0",
        "Class. | 6",
        "Class.Key | 9",
        "Class.Key= | 10",
        "Class.Key=\"abc | 10",
        "Class.Key=abc | 10",
        "Class.Key=1,Key=2 | 12",
        "Class.K=1, L=2 | 10",
        "Class .K=1 | 5",
        "Class.K=1~ | 9",
        "1Class | 0",
        "Class=@x | 7",
        "Class=@,K=1 | 7",
        "\\\\server | 8",
        "\\\\ | 2",
        "\\\\srv\\:C | 6",
        "root\\\\cimv2:C | 5",
        "root\\cimv2: | 11",
        "Class.K=1.5.5 | 11",
        "Class.K=99999999999999999999999 | 8",
        "Class.K=0x | 10",
        "Class.K=1x | 9",
        "Class:Bad:X | 9",
        "C.K=\"a\"junk | 7",
    })
    void rejectsWithPosition(String in, int position) {
        String text = in.replace('~', '\t');
        CimException e = catchThrowableOfType(() -> CimObjectPath.parse(text), CimException.class);
        assertThat(e).as("no exception for %s", text).isNotNull();
        assertThat(e.status()).isEqualTo(WbemStatus.WBEM_E_INVALID_OBJECT_PATH);
        assertThat(e.hresult()).isEqualTo(0x8004103A);
        assertThat(e.position()).as(e.getMessage()).isEqualTo(position);
    }

    @Test
    void designatesInstancesWithWmiKeyConversions() {
        CimClass c = CimClass.builder("Disk").property("DeviceID", CimType.STRING, p -> p.key())
                .property("Size", CimType.UINT64).build();
        CimClass sub = CimClass.derive("SubDisk", c).build();
        CimInstance d = sub.newInstance().set("DeviceID", "C:").build();
        assertThat(CimObjectPath.parse("SubDisk.DeviceID=\"c:\"").designates(d)).isTrue();
        assertThat(CimObjectPath.parse("Disk.DeviceID=\"C:\"").designates(d)).isTrue();
        assertThat(CimObjectPath.parse("Disk=\"C:\"").designates(d)).isTrue();
        assertThat(CimObjectPath.parse("Disk.DeviceID=\"D:\"").designates(d)).isFalse();
        assertThat(CimObjectPath.parse("Disk.Size=\"C:\"").designates(d)).isFalse();
        assertThat(CimObjectPath.parse("Other.DeviceID=\"C:\"").designates(d)).isFalse();
        CimClass n = CimClass.builder("N").property("Id", CimType.UINT32, p -> p.key()).build();
        CimInstance i = n.newInstance().set("Id", 7L).build();
        assertThat(CimObjectPath.parse("N.Id=7").designates(i)).isTrue();
        assertThat(CimObjectPath.parse("N.Id=\"7\"").designates(i)).isTrue();
        assertThat(CimObjectPath.parse("N.Id=8").designates(i)).isFalse();
        assertThat(i.relPath()).isEqualTo(CimObjectPath.parse("N.Id=7"));
    }

    // ---------------------------------------------------------------- properties

    @Provide
    Arbitrary<String> identifiers() {
        return Combinators.combine(Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withChars('_')
                        .ofLength(1),
                Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('_', 'é').ofMaxLength(8))
                .as((a, b) -> a + b);
    }

    Arbitrary<CimValue> keyValues() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).map(CimValue::string),
                Arbitraries.strings().withChars('"', '\\', '\'', ',', '=', '.', ':', '{', '}', 'a', ' ').ofMaxLength(10)
                        .map(CimValue::string),
                Arbitraries.longs().map(CimValue::sint64),
                Arbitraries.longs().lessOrEqual(-1).map(CimValue::uint64),
                Arbitraries.of(true, false).map(CimValue::bool));
    }

    @Provide
    Arbitrary<CimObjectPath> paths() {
        Arbitrary<CimName> names = identifiers().map(CimName::of);
        Arbitrary<List<CimObjectPath.KeyBinding>> keys = Combinators.combine(names, keyValues())
                .as(CimObjectPath.KeyBinding::new).list().ofMinSize(1).ofMaxSize(4)
                .filter(l -> l.stream().map(CimObjectPath.KeyBinding::name).distinct().count() == l.size());
        Arbitrary<CimObjectPath> rel = Arbitraries.oneOf(
                names.map(CimObjectPath::forClass),
                names.map(CimObjectPath::singleton),
                Combinators.combine(names, keyValues()).as((n, v) -> CimObjectPath.forInstance(n,
                        List.of(new CimObjectPath.KeyBinding(null, v)))),
                Combinators.combine(names, keys).as(CimObjectPath::forInstance));
        Arbitrary<String> ns = identifiers().list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("\\", l));
        Arbitrary<String> server = Arbitraries.oneOf(identifiers(), Arbitraries.of(".", "127.0.0.1", "host-1.example"));
        return Combinators.combine(rel, ns, server, Arbitraries.integers().between(0, 2)).as((p, n, s, mode) ->
                mode == 0 ? p : p.withLocation(mode == 2 ? s : null, n));
    }

    @Property(tries = 400)
    void formatThenParseIsIdentity(@ForAll("paths") CimObjectPath p) {
        CimObjectPath back = CimObjectPath.parse(p.toString());
        assertThat(back).isEqualTo(p);
        assertThat(back.toString()).isEqualTo(p.toString());
        assertThat(back.keys()).hasSameSizeAs(p.keys());
        for (int i = 0; i < p.keys().size(); i++) {
            assertThat(back.keys().get(i).name()).isEqualTo(p.keys().get(i).name());
            assertThat(CimObjectPath.keyValueEquals(back.keys().get(i).value(), p.keys().get(i).value())).isTrue();
        }
    }

    @Property(tries = 1000)
    void arbitraryTextRaisesOnlyCimException(@ForAll("noise") String s) {
        try {
            CimObjectPath p = CimObjectPath.parse(s);
            assertThat(CimObjectPath.parse(p.toString())).isEqualTo(p);
        } catch (CimException e) {
            assertThat(e.status()).isEqualTo(WbemStatus.WBEM_E_INVALID_OBJECT_PATH);
            assertThat(e.position()).isBetween(0, s.length());
        }
    }

    @Provide
    Arbitrary<String> noise() {
        Arbitrary<String> fragments = Arbitraries.of("\\\\", "//", "\\", "/", ":", ".", "=", ",", "@", "\"", "'", "x",
                "Cls", "root", "1", "-", "0x", "TRUE", " ", "\\\"", "é", "{", "}", "9999999999999999999999");
        return Arbitraries.oneOf(fragments.list().ofMaxSize(12).map(l -> String.join("", l)),
                Arbitraries.strings().ofMaxLength(30));
    }

    @Test
    void rejectsBadConstruction() {
        assertThatThrownBy(() -> CimObjectPath.forInstance(CimName.of("C"), List.of()))
                .isInstanceOf(CimException.class);
        assertThatThrownBy(() -> new CimObjectPath.KeyBinding(CimName.of("K"), CimValue.nullOf(CimType.STRING)))
                .isInstanceOf(CimException.class);
        List<CimObjectPath.KeyBinding> two = new ArrayList<>();
        two.add(new CimObjectPath.KeyBinding(null, CimValue.sint32(1)));
        two.add(new CimObjectPath.KeyBinding(CimName.of("K"), CimValue.sint32(1)));
        assertThatThrownBy(() -> CimObjectPath.forInstance(CimName.of("C"), two)).isInstanceOf(CimException.class);
    }
}
