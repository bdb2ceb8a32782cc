package org.jwmi.rpc.epm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.wire.Hex;
import org.jwmi.wire.ProtocolException;
import org.junit.jupiter.api.Test;

class ProtocolTowerCodecTest {

    private static final byte[] EPM_TOWER = EpmVectors.load("L-tower-ncacn_ip_tcp-epm.hex");

    private static Inet4Address v4(String s) throws Exception {
        return (Inet4Address) InetAddress.getByName(s);
    }

    @Test
    void encodesTheNcacnIpTcpTowerImpacketBuilds() throws Exception {
        ProtocolTower t = ProtocolTower.ncacnIpTcp(Epm.SYNTAX, SyntaxId.NDR20, v4("127.0.0.1"), 135);
        assertThat(Hex.encode(t.encode())).isEqualTo(Hex.encode(EPM_TOWER));
    }

    @Test
    void decodesTheImpacketTower() throws Exception {
        ProtocolTower t = ProtocolTower.decode(EPM_TOWER);
        assertThat(t.floors()).hasSize(5);
        assertThat(t.interfaceId()).contains(Epm.SYNTAX);
        assertThat(t.transferSyntax()).contains(SyntaxId.NDR20);
        assertThat(t.rpcProtocol()).hasValue(ProtocolTower.PROTOCOL_NCACN);
        assertThat(t.tcpPort()).hasValue(135);
        assertThat(t.ipv4Address()).contains(v4("127.0.0.1"));
        assertThat(t.stringBinding()).isEqualTo("ncacn_ip_tcp:127.0.0.1[135]");
        assertThat(t.encode()).isEqualTo(EPM_TOWER);
    }

    @Test
    void portIsBigEndianAndVersionsLittleEndian() throws Exception {
        SyntaxId iface = new SyntaxId(UUID.fromString("12345678-1234-abcd-ef00-0123456789ab"), 0x0102, 0x0304);
        byte[] b = ProtocolTower.ncacnIpTcp(iface, SyntaxId.NDR20, v4("10.1.2.3"), 0xc200).encode();
        // floor 1: lhs count 19, 0x0d, uuid (DCE layout), major 0x0102 LE; rhs count 2, minor 0x0304 LE
        assertThat(Hex.encode(Arrays.copyOfRange(b, 0, 27)))
                .isEqualTo("0500" + "1300" + "0d" + "78563412" + "3412" + "cdab" + "ef000123456789ab" + "0201"
                        + "0200" + "0403");
        // floor 4: 0x07, rhs 0xc2 0x00 (big-endian 49664); floor 5: 0x09, 10.1.2.3
        assertThat(Hex.encode(Arrays.copyOfRange(b, b.length - 16, b.length)))
                .isEqualTo("0100" + "07" + "0200" + "c200" + "0100" + "09" + "0400" + "0a010203");
    }

    @Test
    void everyTruncationFailsWithProtocolException() {
        for (int n = 0; n < EPM_TOWER.length; n++) {
            byte[] cut = Arrays.copyOf(EPM_TOWER, n);
            assertThatThrownBy(() -> ProtocolTower.decode(cut)).as("length %d", n)
                    .isInstanceOf(ProtocolException.class);
        }
    }

    @Test
    void rejectsTrailingBytes() {
        byte[] longer = Arrays.copyOf(EPM_TOWER, EPM_TOWER.length + 1);
        assertThatThrownBy(() -> ProtocolTower.decode(longer)).isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).kind()).isEqualTo(ProtocolException.Kind.UNREAD_BYTES);
    }

    @Test
    void rejectsZeroAndMoreThanSixFloors() {
        assertThatThrownBy(() -> ProtocolTower.decode(new byte[] {0, 0})).isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).kind()).isEqualTo(ProtocolException.Kind.ARRAY_SIZE);
        byte[] seven = new byte[2 + 7 * 5];
        seven[0] = 7;
        for (int i = 0; i < 7; i++) {
            seven[2 + i * 5] = 1;       // lhs count 1
            seven[2 + i * 5 + 2] = 0x07; // protocol id
        }
        assertThatThrownBy(() -> ProtocolTower.decode(seven)).isInstanceOf(ProtocolException.class);
        seven[0] = 6;
        assertThatThrownBy(() -> ProtocolTower.decode(seven)).isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).kind()).isEqualTo(ProtocolException.Kind.UNREAD_BYTES);
    }

    @Test
    void rejectsAnEmptyLeftHandSide() {
        byte[] b = Hex.decode("0100 0000 0000");
        assertThatThrownBy(() -> ProtocolTower.decode(b)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("floor[1]");
    }

    @Test
    void rejectsSideLengthsBeyondTheOctets() {
        byte[] lhs = Hex.decode("0100 ffff 0d");
        assertThatThrownBy(() -> ProtocolTower.decode(lhs)).isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).kind()).isEqualTo(ProtocolException.Kind.BUFSIZE);
        byte[] rhs = Hex.decode("0100 0100 07 ffff 0000");
        assertThatThrownBy(() -> ProtocolTower.decode(rhs)).isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).kind()).isEqualTo(ProtocolException.Kind.BUFSIZE);
    }

    @Test
    void malformedUuidFloorsYieldNoInterface() {
        // floor 1 has a 3-byte rhs: structurally a tower, but not an interface floor
        byte[] b = Hex.decode("0100 1300 0d0883afe11f5dc91191a408002b14a0fa0300 0300 000000");
        ProtocolTower t = ProtocolTower.decode(b);
        assertThat(t.interfaceId()).isEmpty();
        assertThat(t.tcpPort()).isEmpty();
        assertThat(t.stringBinding()).isEqualTo("incomplete tower");
    }

    @Property(tries = 2000)
    void arbitraryBytesRaiseOnlyProtocolException(@ForAll @Size(max = 80) byte[] bytes) {
        try {
            ProtocolTower t = ProtocolTower.decode(bytes);
            assertThat(t.encode()).isEqualTo(bytes);
            t.stringBinding();
            t.interfaceId();
            t.ipv4Address();
        } catch (ProtocolException expected) {
            // the only failure allowed
        }
    }

    @Property(tries = 300)
    void roundTripIsIdentity(@ForAll byte[] uuidBytes, @ForAll short major, @ForAll short minor,
                             @ForAll int addr, @ForAll char port) throws Exception {
        UUID u = UUID.nameUUIDFromBytes(uuidBytes);
        SyntaxId iface = new SyntaxId(u, major & 0xffff, minor & 0xffff);
        Inet4Address host = (Inet4Address) InetAddress.getByAddress(
                new byte[] {(byte) (addr >>> 24), (byte) (addr >>> 16), (byte) (addr >>> 8), (byte) addr});
        ProtocolTower t = ProtocolTower.ncacnIpTcp(iface, SyntaxId.NDR20, host, port);
        ProtocolTower back = ProtocolTower.decode(t.encode());
        assertThat(back).isEqualTo(t);
        assertThat(back.interfaceId()).contains(iface);
        assertThat(back.tcpPort()).hasValue((int) port);
        assertThat(back.ipv4Address()).contains(host);
    }
}
