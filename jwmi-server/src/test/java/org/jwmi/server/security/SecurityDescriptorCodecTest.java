package org.jwmi.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.WireReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecurityDescriptorCodecTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void msDtypSddlExampleDecodesParsesAndReEncodesByteForByte() {
        byte[] golden = Vectors.load("ms-dtyp/2.5.1.4-sddl-example");
        SecurityDescriptor sd = SecurityDescriptor.decode(golden);
        assertThat(sd.control()).isEqualTo(0xb014);
        assertThat(sd.owner()).isEqualTo(Sid.ADMINISTRATORS);
        assertThat(sd.group()).isEqualTo(Sid.ADMINISTRATORS);
        assertThat(sd.dacl().aces()).hasSize(4);
        assertThat(sd.dacl().aces().get(0)).isEqualTo(new Ace.MaskSidAce(Ace.ACCESS_ALLOWED_ACE_TYPE,
                Ace.CONTAINER_INHERIT_ACE | Ace.OBJECT_INHERIT_ACE, 0xa0000000, Sid.USERS));
        assertThat(sd.sacl().aces()).containsExactly(new Ace.MaskSidAce(Ace.SYSTEM_AUDIT_ACE_TYPE,
                Ace.FAILED_ACCESS_ACE_FLAG, 0x80000000, Sid.EVERYONE));
        assertThat(sd.encode()).isEqualTo(golden);

        SecurityDescriptor parsed = Sddl.parse(
                "O:BAG:BAD:P(A;CIOI;GRGX;;;BU)(A;CIOI;GA;;;BA)(A;CIOI;GA;;;SY)(A;CIOI;GA;;;CO)S:P(AU;FA;GR;;;WD)");
        assertThat(parsed).isEqualTo(sd);
        assertThat(parsed.encode()).isEqualTo(golden);
        assertThat(Sddl.format(sd))
                .isEqualTo("O:BAG:BAD:P(A;OICI;GRGX;;;BU)(A;OICI;GA;;;BA)(A;OICI;GA;;;SY)(A;OICI;GA;;;CO)S:P(AU;FA;GR;;;WD)");
    }

    @Test
    void sdkSetSdExampleIsTheWindowsRootShape() {
        byte[] golden = Vectors.load("wmisdk/systemsecurity-setsd-example");
        SecurityDescriptor sd = SecurityDescriptor.decode(golden);
        assertThat(Sddl.format(sd)).isEqualTo("O:BAG:BAD:AR(A;CI;CCDCLCSWRPWPRCWD;;;BA)(A;CI;CCDCLCSWRPWPRCWD;;;WD)");
        assertThat(sd.dacl().aces().get(0)).isEqualTo(
                Ace.MaskSidAce.allow(Ace.CONTAINER_INHERIT_ACE, WmiRight.ALL_NAMESPACE_RIGHTS, Sid.ADMINISTRATORS));
        assertThat(sd.encode()).isEqualTo(golden);
        assertThat(Sddl.parse(Sddl.format(sd)).encode()).isEqualTo(golden);
    }

    @Test
    void noteThirteenDefaultNamespaceSdFromSddl() {
        // [MS-WMI] note <13> (Vista and later): Authenticated Users, LOCAL SERVICE, NETWORK SERVICE get
        // WBEM_METHOD_EXECUTE | WBEM_FULL_WRITE | WBEM_ENABLE (0x7); BUILTIN\Administrators everything.
        SecurityDescriptor sd = Sddl.parse(
                "O:BAG:BAD:(A;CI;CCDCLCSWRPWPRCWD;;;BA)(A;CI;CCDCLC;;;AU)(A;CI;CCDCLC;;;LS)(A;CI;CCDCLC;;;NS)");
        byte[] expected = HEX.parseHex(
                "01000480" + "70000000" + "80000000" + "00000000" + "14000000"
                + "02005c00" + "04000000"
                + "00021800" + "3f000600" + "0102000000000005" + "20000000" + "20020000"
                + "00021400" + "07000000" + "0101000000000005" + "0b000000"
                + "00021400" + "07000000" + "0101000000000005" + "13000000"
                + "00021400" + "07000000" + "0101000000000005" + "14000000"
                + "0102000000000005" + "20000000" + "20020000"
                + "0102000000000005" + "20000000" + "20020000");
        assertThat(sd.encode()).isEqualTo(expected);
        assertThat(SecurityDescriptor.decode(expected)).isEqualTo(sd);
    }

    @Test
    void defaultRootSdIsTheIssuesShape() {
        assertThat(Sddl.format(NamespaceSecurity.defaultRootSd())).isEqualTo(
                "O:BAG:BAD:(A;CI;CCDCLCSWRPWPRCWD;;;BA)(A;CI;CCDCSW;;;AU)(A;CI;CCDCSW;;;LS)(A;CI;CCDCSW;;;NS)");
    }

    @ParameterizedTest
    @CsvSource({
            "S-1-1-0, 010100000000000100000000",
            "S-1-5-32-544, 01020000000000052000000020020000",
            "S-1-5-21-1004336348-1177238915-682003330-512, 010500000000000515000000dcf4dc3b833d2b46828ba62800020000",
            "S-1-0x123456789ABC, 0100123456789abc",
    })
    void sidBinaryAndStringForms(String text, String hex) {
        Sid sid = Sid.parse(text);
        assertThat(HEX.formatHex(sid.toBytes())).isEqualTo(hex);
        assertThat(Sid.decode(new WireReader(HEX.parseHex(hex)))).isEqualTo(sid);
        assertThat(sid.toString()).isEqualTo(text.replace("0x123456789ABC", "0x123456789ABC"));
        assertThat(Sid.parse(sid.toString())).isEqualTo(sid);
    }

    @ParameterizedTest
    @CsvSource({"S-1", "S-2-5", "X-1-5", "S-1-5-", "S-1-5-4294967296", "S-1-281474976710656",
            "S-1-5-1-2-3-4-5-6-7-8-9-10-11-12-13-14-15-16", "S-1-5-+3"})
    void badSidStringsAreRefused(String text) {
        assertThatThrownBy(() -> Sid.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
            // revision 2
            "0202000000000005200000002002000, BAD_VALUE",
            // 16 sub-authorities
            "0110000000000005, ARRAY_SIZE",
            // truncated
            "010200000000000520000000, BUFSIZE",
    })
    void badSidBytes(String hex, ProtocolException.Kind kind) {
        byte[] b = HEX.parseHex(hex.length() % 2 == 0 ? hex : hex + "0");
        assertThatThrownBy(() -> Sid.decode(new WireReader(b))).isInstanceOfSatisfying(ProtocolException.class,
                e -> assertThat(e.kind()).isEqualTo(kind));
    }

    @ParameterizedTest
    @CsvSource({
            // revision 2
            "02000480000000000000000000000000000000000, BAD_VALUE",
            // not self-relative
            "0100040000000000000000000000000000000000, BAD_VALUE",
            // DACL offset into the header
            "0100048000000000000000000000000008000000, BAD_VALUE",
            // DACL offset beyond the end
            "01000480000000000000000000000000ff000000, BAD_VALUE",
            // SACL offset without SE_SACL_PRESENT
            "01000480000000000000000014000000000000000200080000000000, BAD_VALUE",
            // AclSize larger than what remains
            "0100048000000000000000000000000014000000" + "02001000000000000000, BUFSIZE",
            // AceCount that cannot fit AclSize
            "0100048000000000000000000000000014000000" + "0200080001000000, ARRAY_SIZE",
            // AceSize not a multiple of 4
            "0100048000000000000000000000000014000000" + "020010000100000000000500ffffffff, BAD_VALUE",
            // ACL revision 3
            "0100048000000000000000000000000014000000" + "0300080000000000, BAD_VALUE",
            // truncated header
            "01000480000000, BUFSIZE",
    })
    void malformedDescriptors(String hex, ProtocolException.Kind kind) {
        byte[] b = HEX.parseHex(hex.length() % 2 == 0 ? hex : hex.substring(0, hex.length() - 1));
        assertThatThrownBy(() -> SecurityDescriptor.decode(b)).isInstanceOfSatisfying(ProtocolException.class,
                e -> assertThat(e.kind()).isEqualTo(kind));
    }

    @Test
    void opaqueAcesAndNullDaclRoundTrip() {
        // an ACCESS_ALLOWED_OBJECT_ACE (type 5) kept as bytes; DACL present with offset 0 = NULL DACL
        byte[] sacl = HEX.parseHex("04001800" + "01000000" + "05031000" + "01000000" + "00000000" + "00000000");
        byte[] sd = HEX.parseHex("0100148000000000000000001400000000000000" + HEX.formatHex(sacl));
        SecurityDescriptor d = SecurityDescriptor.decode(sd);
        assertThat(d.dacl()).isNull();
        assertThat(d.has(SecurityDescriptor.SE_DACL_PRESENT)).isTrue();
        assertThat(d.sacl().aces().get(0)).isInstanceOf(Ace.OpaqueAce.class);
        assertThat(d.encode()).isEqualTo(sd);
        assertThat(Sddl.format(d)).startsWith("D:NO_ACCESS_CONTROLS:");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "O:XX",
            "O:BAD:(A;;CC;;;ZZ)",
            "D:(A;;CC;;;BA",
            "D:(XA;;CC;;;BA)",
            "D:(A;QQ;CC;;;BA)",
            "D:(A;;QQ;;;BA)",
            "D:(OA;;CC;bf967aba-0de6-11d0-a285-00aa003049e2;;BA)",
            "Q:BA",
    })
    void sddlOutsideTheSubsetIsRefused(String sddl) {
        assertThatThrownBy(() -> Sddl.parse(sddl)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SDDL position");
    }

    @Property(tries = 500)
    void arbitraryBytesRaiseOnlyProtocolException(@ForAll @Size(max = 200) byte[] bytes) {
        try {
            SecurityDescriptor.decode(bytes);
        } catch (ProtocolException expected) {
            // the only allowed failure
        }
    }

    @Property(tries = 300)
    void mutatedGoldenBytesRaiseOnlyProtocolException(@ForAll int seed) {
        java.util.Random random = new java.util.Random(seed);
        for (String name : List.of("ms-dtyp/2.5.1.4-sddl-example", "wmisdk/systemsecurity-setsd-example")) {
            byte[] b = Vectors.load(name);
            for (int k = 0; k < 4; k++) {
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            try {
                SecurityDescriptor d = SecurityDescriptor.decode(b);
                assertThat(SecurityDescriptor.decode(d.encode())).isEqualTo(d);
            } catch (ProtocolException expected) {
                // the only allowed failure
            }
        }
    }

    @Property(tries = 300)
    void encodeDecodeIsIdentity(@ForAll("descriptors") SecurityDescriptor sd) {
        assertThat(SecurityDescriptor.decode(sd.encode())).isEqualTo(sd);
        int dacLFlags = SecurityDescriptor.SE_DACL_PROTECTED | SecurityDescriptor.SE_DACL_AUTO_INHERITED
                | SecurityDescriptor.SE_DACL_AUTO_INHERIT_REQ;
        SecurityDescriptor sddlShaped = sd.withControl(sd.dacl() == null ? 0 : sd.control() & dacLFlags);
        assertThat(Sddl.parse(Sddl.format(sddlShaped))).isEqualTo(sddlShaped);
    }

    @Provide
    Arbitrary<SecurityDescriptor> descriptors() {
        Arbitrary<Sid> sids = Combinators.combine(Arbitraries.longs().between(0, (1L << 48) - 1),
                        Arbitraries.integers().list().ofMaxSize(15))
                .as((auth, subs) -> Sid.of(auth, subs.stream().mapToInt(Integer::intValue).toArray()));
        Arbitrary<Ace> aces = Combinators.combine(Arbitraries.of(Ace.ACCESS_ALLOWED_ACE_TYPE, Ace.ACCESS_DENIED_ACE_TYPE),
                        Arbitraries.integers().between(0, 0xdf).filter(f -> (f & 0x20) == 0), Arbitraries.integers(), sids)
                .as((t, f, m, s) -> new Ace.MaskSidAce(t, f, m, s));
        Arbitrary<Acl> acls = aces.list().ofMaxSize(8).map(Acl::of);
        return Combinators.combine(Arbitraries.integers().between(0, 0xffff)
                                .map(c -> c & ~(SecurityDescriptor.SE_SACL_PRESENT | 0x4000 | 0x0040 | 0x0080
                                        | SecurityDescriptor.SE_OWNER_DEFAULTED | SecurityDescriptor.SE_GROUP_DEFAULTED
                                        | SecurityDescriptor.SE_DACL_DEFAULTED | SecurityDescriptor.SE_SACL_DEFAULTED
                                        | SecurityDescriptor.SE_SACL_AUTO_INHERIT_REQ | SecurityDescriptor.SE_SACL_PROTECTED
                                        | SecurityDescriptor.SE_SACL_AUTO_INHERITED)),
                        sids.injectNull(0.2), sids.injectNull(0.2), acls.injectNull(0.2))
                .as((c, o, g, d) -> new SecurityDescriptor(d == null ? c & ~SecurityDescriptor.SE_DACL_PRESENT : c, 0,
                        o, g, null, d));
    }
}
