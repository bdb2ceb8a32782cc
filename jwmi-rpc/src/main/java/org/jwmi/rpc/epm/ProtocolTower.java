package org.jwmi.rpc.epm;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.wire.ProtocolException;
import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;

/**
 * [C706] Appendix L protocol_tower_t: the concrete encoding of a protocol tower carried in
 * {@link Twr#towerOctetString()}. Not NDR: a little-endian u16 floor count, then the floors ({@link TowerFloor}).
 * For ncacn_ip_tcp the floors are ([C706] Appendix I, [MS-RPCE] 2.1.1.1):
 * <pre>
 *   1  0x0d + interface UUID + major version (u16 LE)   | minor version (u16 LE)
 *   2  0x0d + transfer syntax UUID + major version      | minor version
 *   3  0x0b (RPC connection-oriented)                   | minor protocol version (u16, 0)
 *   4  0x07 (TCP)                                       | port (u16 BIG-endian)
 *   5  0x09 (IP)                                        | IPv4 address (4 bytes, network order)
 * </pre>
 *
 * @param floors the floors, bottom (interface) first
 */
public record ProtocolTower(List<TowerFloor> floors) {

    /** [C706] Appendix I: floor holding a UUID and a version (interface or transfer syntax). */
    public static final int PROTOCOL_UUID = 0x0d;
    /** [C706] Appendix I: RPC connection-oriented protocol (ncacn). */
    public static final int PROTOCOL_NCACN = 0x0b;
    /** [C706] Appendix I: RPC connectionless protocol (ncadg). */
    public static final int PROTOCOL_NCADG = 0x0a;
    /** [C706] Appendix I: TCP port. */
    public static final int PROTOCOL_TCP = 0x07;
    /** [C706] Appendix I: UDP port. */
    public static final int PROTOCOL_UDP = 0x08;
    /** [C706] Appendix I: IPv4 host address. */
    public static final int PROTOCOL_IP = 0x09;
    /** [MS-RPCE] 2.1.1.2: SMB named pipe (ncacn_np). */
    public static final int PROTOCOL_NAMED_PIPE = 0x0f;
    /** [MS-RPCE] 2.1.1.7: local RPC (ncalrpc). */
    public static final int PROTOCOL_LRPC = 0x10;
    /** [C706] Appendix I: NetBIOS host name. */
    public static final int PROTOCOL_NETBIOS = 0x11;
    /** [MS-RPCE] 2.1.1.6: RPC over HTTP port (ncacn_http). */
    public static final int PROTOCOL_HTTP = 0x1f;

    /** [MS-RPCE] 3.1.3.5.3: towers with more than six floors SHOULD be rejected. */
    public static final int MAX_FLOORS = 6;

    public ProtocolTower {
        floors = List.copyOf(floors);
        if (floors.isEmpty() || floors.size() > MAX_FLOORS) {
            throw new IllegalArgumentException("a tower has 1.." + MAX_FLOORS + " floors");
        }
    }

    /** The five-floor ncacn_ip_tcp tower for an interface reachable at {@code host:port}. */
    public static ProtocolTower ncacnIpTcp(SyntaxId iface, SyntaxId transferSyntax, Inet4Address host, int port) {
        if (port < 0 || port > 0xffff) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        return new ProtocolTower(List.of(
                uuidFloor(iface),
                uuidFloor(transferSyntax),
                TowerFloor.of(PROTOCOL_NCACN, new byte[] {0, 0}),
                TowerFloor.of(PROTOCOL_TCP, new byte[] {(byte) (port >>> 8), (byte) port}),
                TowerFloor.of(PROTOCOL_IP, host.getAddress())));
    }

    /** A floor naming an interface or transfer syntax: 0x0d, UUID, major version | minor version. */
    public static TowerFloor uuidFloor(SyntaxId id) {
        WireWriter lhs = new WireWriter(19);
        lhs.u8(PROTOCOL_UUID).uuid(id.uuid()).u16(id.versionMajor());
        WireWriter rhs = new WireWriter(2);
        rhs.u16(id.versionMinor());
        return new TowerFloor(lhs.toByteArray(), rhs.toByteArray());
    }

    /**
     * Decodes tower_octet_string. Every count is checked against what remains and the octets must end exactly
     * after the last floor.
     *
     * @throws ProtocolException if the octets are not a well-formed tower
     */
    public static ProtocolTower decode(byte[] octets) {
        WireReader r = new WireReader(octets);
        r.enter("tower_octet_string");
        int count = r.u16();
        if (count == 0 || count > MAX_FLOORS) {
            throw r.fail(ProtocolException.Kind.ARRAY_SIZE, "floor count " + count + " outside 1.." + MAX_FLOORS);
        }
        List<TowerFloor> floors = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            r.enter("floor[" + (i + 1) + "]");
            floors.add(TowerFloor.decode(r));
            r.exit();
        }
        r.expectEnd();
        r.exit();
        return new ProtocolTower(floors);
    }

    /** The tower_octet_string bytes. */
    public byte[] encode() {
        int size = 2;
        for (TowerFloor f : floors) {
            size += f.encodedLength();
        }
        WireWriter w = new WireWriter(size);
        w.u16(floors.size());
        for (TowerFloor f : floors) {
            f.encode(w);
        }
        return w.toByteArray();
    }

    /** Floor 1 as an interface identifier, if it is a well-formed UUID floor. */
    public Optional<SyntaxId> interfaceId() {
        return uuidAt(0);
    }

    /** Floor 2 as a transfer syntax, if it is a well-formed UUID floor. */
    public Optional<SyntaxId> transferSyntax() {
        return uuidAt(1);
    }

    /** The protocol identifier of floor 3 (the RPC protocol: 0x0b for ncacn), if there is a floor 3. */
    public OptionalInt rpcProtocol() {
        return floors.size() > 2 ? OptionalInt.of(floors.get(2).protocolId()) : OptionalInt.empty();
    }

    /** The port of the first TCP floor, if any (its right-hand side is big-endian). */
    public OptionalInt tcpPort() {
        for (TowerFloor f : floors.subList(Math.min(3, floors.size()), floors.size())) {
            byte[] rhs = f.rhs();
            if (f.protocolId() == PROTOCOL_TCP && rhs.length == 2) {
                return OptionalInt.of((rhs[0] & 0xff) << 8 | (rhs[1] & 0xff));
            }
        }
        return OptionalInt.empty();
    }

    /** The address of the first IP floor, if any. */
    public Optional<Inet4Address> ipv4Address() {
        for (TowerFloor f : floors.subList(Math.min(3, floors.size()), floors.size())) {
            byte[] rhs = f.rhs();
            if (f.protocolId() == PROTOCOL_IP && rhs.length == 4) {
                try {
                    return Optional.of((Inet4Address) InetAddress.getByAddress(rhs));
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A string binding for the transport floors, e.g. {@code ncacn_ip_tcp:127.0.0.1[49664]} or
     * {@code ncacn_np:HOST[\pipe\lsass]}; unrecognised transports show as {@code unknown_proto_0xNN}.
     */
    public String stringBinding() {
        if (floors.size() < 4) {
            return "incomplete tower";
        }
        String endpoint = null;
        String seq = null;
        String host = "";
        for (TowerFloor f : floors.subList(3, floors.size())) {
            byte[] rhs = f.rhs();
            switch (f.protocolId()) {
                case PROTOCOL_TCP, PROTOCOL_UDP, PROTOCOL_HTTP -> {
                    if (rhs.length != 2) {
                        return "malformed port floor";
                    }
                    seq = f.protocolId() == PROTOCOL_TCP ? "ncacn_ip_tcp" : f.protocolId() == PROTOCOL_UDP
                            ? "ncadg_ip_udp" : "ncacn_http";
                    endpoint = Integer.toString((rhs[0] & 0xff) << 8 | (rhs[1] & 0xff));
                }
                case PROTOCOL_IP -> host = ipv4Address().map(InetAddress::getHostAddress).orElse("?");
                case PROTOCOL_NAMED_PIPE -> {
                    seq = "ncacn_np";
                    endpoint = asciiz(rhs);
                }
                case PROTOCOL_LRPC -> {
                    seq = "ncalrpc";
                    endpoint = asciiz(rhs);
                }
                case PROTOCOL_NETBIOS -> host = asciiz(rhs);
                default -> {
                    return String.format("unknown_proto_0x%02x", f.protocolId());
                }
            }
        }
        if (seq == null) {
            return "incomplete tower";
        }
        return seq + ":" + host + "[" + endpoint + "]";
    }

    private static String asciiz(byte[] b) {
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, StandardCharsets.US_ASCII);
    }

    private Optional<SyntaxId> uuidAt(int index) {
        if (floors.size() <= index) {
            return Optional.empty();
        }
        TowerFloor f = floors.get(index);
        byte[] lhs = f.lhs();
        byte[] rhs = f.rhs();
        if (f.protocolId() != PROTOCOL_UUID || lhs.length != 19 || rhs.length != 2) {
            return Optional.empty();
        }
        WireReader r = new WireReader(lhs);
        r.skip(1);
        var uuid = r.uuid();
        int major = r.u16();
        int minor = new WireReader(rhs).u16();
        return Optional.of(new SyntaxId(uuid, major, minor));
    }
}
