package org.jwmi.rpc.epm;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jwmi.rpc.SyntaxId;

/**
 * The endpoint map the {@link EpmService} answers from ([C706] Appendix O; [MS-RPCE] 3.3.3.3.1.4 registers dynamic
 * endpoints "in an implementation-specific way"): which interface, for which object, is reachable over which
 * transport at which address. The server owner fills it; it is safe for concurrent use. Entries keep their
 * registration order, which is the order ept_lookup returns them in.
 */
public final class EndpointRegistry {

    /** The transports a registration can name. */
    public enum Protocol {
        /** [MS-RPCE] 2.1.1.1 RPC over TCP/IP. */
        NCACN_IP_TCP("ncacn_ip_tcp");

        private final String protseq;

        Protocol(String protseq) {
            this.protseq = protseq;
        }

        /** The protocol sequence name used in string bindings. */
        public String protseq() {
            return protseq;
        }
    }

    /**
     * One element of the endpoint map.
     *
     * @param iface      the interface UUID and version
     * @param object     the object UUID, empty for "any object" (sent as the nil UUID)
     * @param annotation a short ASCII description (at most 63 characters), sent in ept_entry_t.annotation
     * @param protocol   the transport
     * @param host       the IPv4 address; the wildcard 0.0.0.0 is answered with the address the caller reached
     * @param port       the TCP port
     */
    public record Endpoint(SyntaxId iface, Optional<UUID> object, String annotation, Protocol protocol,
                           Inet4Address host, int port) {

        public Endpoint {
            Objects.requireNonNull(iface, "iface");
            Objects.requireNonNull(object, "object");
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(host, "host");
            checkAnnotation(annotation);
            if (port < 1 || port > 0xffff) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }

        /** The object UUID as ept_entry_t carries it: the nil UUID when none was given. */
        public UUID objectOrNil() {
            return object.orElse(NIL);
        }

        /**
         * The tower of this endpoint (NDR20 transfer syntax). A wildcard host is replaced by {@code reachedVia}
         * when that is an IPv4 address.
         */
        public ProtocolTower tower(Optional<InetAddress> reachedVia) {
            Inet4Address addr = host;
            if (host.isAnyLocalAddress() && reachedVia.isPresent() && reachedVia.get() instanceof Inet4Address a) {
                addr = a;
            }
            return ProtocolTower.ncacnIpTcp(iface, SyntaxId.NDR20, addr, port);
        }

        boolean sameBinding(Endpoint o) {
            return iface.equals(o.iface) && object.equals(o.object) && protocol == o.protocol && host.equals(o.host)
                    && port == o.port;
        }
    }

    /** The nil UUID. */
    public static final UUID NIL = new UUID(0, 0);

    private final Object lock = new Object();
    private volatile List<Endpoint> endpoints = List.of();

    /**
     * Adds an element, or replaces the annotation of an element with the same interface, object, transport,
     * host and port.
     *
     * @return the element as stored
     * @throws IllegalArgumentException if the annotation is too long or not ASCII, the host is not IPv4, or the port
     *                                  is out of range
     */
    public Endpoint register(SyntaxId iface, Optional<UUID> object, String annotation, Protocol protocol,
                             InetAddress host, int port) {
        if (!(host instanceof Inet4Address v4)) {
            throw new IllegalArgumentException("only IPv4 hosts can be described by an ncacn_ip_tcp tower: " + host);
        }
        Endpoint e = new Endpoint(iface, object.filter(u -> !u.equals(NIL)), annotation, protocol, v4, port);
        synchronized (lock) {
            List<Endpoint> next = new ArrayList<>(endpoints);
            next.removeIf(e::sameBinding);
            next.add(e);
            endpoints = List.copyOf(next);
        }
        return e;
    }

    /** Registers every interface of a server (for any object) at one address, e.g. the endpoint mapper itself. */
    public List<Endpoint> registerAll(Collection<SyntaxId> ifaces, String annotation, InetAddress host, int port) {
        List<Endpoint> out = new ArrayList<>();
        for (SyntaxId s : ifaces) {
            out.add(register(s, Optional.empty(), annotation, Protocol.NCACN_IP_TCP, host, port));
        }
        return out;
    }

    /** Removes an element; returns whether it was present. */
    public boolean unregister(Endpoint e) {
        synchronized (lock) {
            List<Endpoint> next = new ArrayList<>(endpoints);
            boolean removed = next.removeIf(e::sameBinding);
            if (removed) {
                endpoints = List.copyOf(next);
                }
            return removed;
        }
    }

    /** A snapshot of the map in registration order. */
    public List<Endpoint> endpoints() {
        return endpoints;
    }

    private static void checkAnnotation(String annotation) {
        Objects.requireNonNull(annotation, "annotation");
        if (annotation.length() >= Epm.MAX_ANNOTATION_SIZE) {
            throw new IllegalArgumentException("annotation longer than " + (Epm.MAX_ANNOTATION_SIZE - 1) + " characters");
        }
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(annotation) || annotation.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("annotation must be ASCII without NUL");
        }
    }
}
