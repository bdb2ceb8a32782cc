package org.jwmi.rpc;

import java.util.UUID;
import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;

/**
 * [C706] p_syntax_id_t / [MS-RPCE] 2.2.2.7 RPC_SYNTAX_IDENTIFIER: an interface or transfer syntax UUID and its
 * version (major in the low 16 bits of if_version, minor in the high 16 bits).
 *
 * <p>if_version is one u_int32 on the wire, so its halves trade places with the byte order: little-endian
 * {@code major minor}, big-endian {@code minor major} (Samba's {@code bigendian} clients send
 * {@code 00 00 00 01} for version 1.0).
 */
public record SyntaxId(UUID uuid, int versionMajor, int versionMinor) {

    /** [MS-RPCE] 2.2.4.12 NDR transfer syntax, version 2.0. */
    public static final SyntaxId NDR20 = new SyntaxId(UUID.fromString("8a885d04-1ceb-11c9-9fe8-08002b104860"), 2, 0);
    /** [MS-RPCE] 2.2.5.1 NDR64 transfer syntax, version 1.0 (recognised so that it can be refused properly). */
    public static final SyntaxId NDR64 = new SyntaxId(UUID.fromString("71710533-beba-4937-8319-b5dbef9ccc36"), 1, 0);

    public SyntaxId {
        if (versionMajor < 0 || versionMajor > 0xffff || versionMinor < 0 || versionMinor > 0xffff) {
            throw new IllegalArgumentException("version out of range");
        }
    }

    /** Reads if_uuid and if_version in the reader's byte order. */
    public static SyntaxId decode(WireReader r) {
        UUID u = r.uuid();
        int ifVersion = r.i32();
        return new SyntaxId(u, ifVersion & 0xffff, ifVersion >>> 16);
    }

    /** Writes if_uuid and if_version in the writer's byte order. */
    public void encode(WireWriter w) {
        w.uuid(uuid).i32(versionMinor << 16 | versionMajor);
    }

    @Override
    public String toString() {
        return uuid + " v" + versionMajor + "." + versionMinor;
    }
}
