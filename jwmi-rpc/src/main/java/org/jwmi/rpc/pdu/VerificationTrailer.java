package org.jwmi.rpc.pdu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;

/**
 * [MS-RPCE] 2.2.2.13 verification trailer: after the stub of a request's last fragment, 4-byte aligned (from the
 * start of that PDU; any offset is accepted in the reassembled stub), the 8-byte
 * rpc_sec_verification_trailer signature followed by commands (little-endian, whatever the drep), the last one
 * flagged SEC_VT_COMMAND_END. Windows clients send rpc_sec_vt_bitmask on a connection's first request and
 * rpc_sec_vt_pcontext on the first request of each presentation context (notes 41, 43).
 *
 * <p>The server looks for it from the end of the reassembled stub ([MS-RPCE] 2.2.2.13: search for the signature
 * after the stub), checks it against the request and hands the service the stub without it.
 *
 * @param offset   where the trailer starts in the stub (the stub proper ends here, padding included)
 * @param commands the commands in order
 */
public record VerificationTrailer(int offset, List<Command> commands) {

    /** rpc_sec_verification_trailer signature. */
    static final byte[] SIGNATURE = {(byte) 0x8a, (byte) 0xe3, 0x13, 0x71, 0x02, (byte) 0xf4, 0x36, 0x71};

    public static final int SEC_VT_COMMAND_BITMASK_1 = 0x0001;
    public static final int SEC_VT_COMMAND_PCONTEXT = 0x0002;
    public static final int SEC_VT_COMMAND_HEADER2 = 0x0003;
    public static final int SEC_VT_COMMAND_END = 0x4000;
    public static final int SEC_VT_MUST_PROCESS_COMMAND = 0x8000;
    /** CLIENT_SUPPORT_HEADER_SIGNING in rpc_sec_vt_bitmask.bits. */
    public static final int CLIENT_SUPPORT_HEADER_SIGNING = 0x00000001;

    private static final int MAX_SEARCH = 1024;

    /** One SEC_VT command: the raw command word (type and flags) and its body. */
    public record Command(int command, byte[] body) {
        public Command {
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        public int type() {
            return command & 0x3fff;
        }

        public boolean mustProcess() {
            return (command & SEC_VT_MUST_PROCESS_COMMAND) != 0;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Command c && c.command == command && Arrays.equals(c.body, body);
        }

        @Override
        public int hashCode() {
            return command * 31 + Arrays.hashCode(body);
        }
    }

    /** Finds a well-formed trailer that ends exactly at the end of {@code stub}; empty when there is none. */
    public static Optional<VerificationTrailer> find(byte[] stub) {
        int lowest = Math.max(0, stub.length - MAX_SEARCH);
        for (int p = stub.length - SIGNATURE.length - 4; p >= lowest; p--) {
            if (Arrays.equals(stub, p, p + SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
                List<Command> cmds = parseCommands(stub, p + SIGNATURE.length);
                if (cmds != null) {
                    return Optional.of(new VerificationTrailer(p, cmds));
                }
            }
        }
        return Optional.empty();
    }

    private static List<Command> parseCommands(byte[] stub, int from) {
        WireReader r = new WireReader(stub, from, stub.length - from);
        List<Command> out = new ArrayList<>();
        while (r.remaining() >= 4) {
            int cmd = r.u16();
            int len = r.u16();
            if ((len & 3) != 0 || len > r.remaining()) {
                return null;
            }
            out.add(new Command(cmd, r.bytes(len)));
            if ((cmd & SEC_VT_COMMAND_END) != 0) {
                return r.hasRemaining() ? null : out;
            }
        }
        return null;
    }

    /** rpc_sec_vt_pcontext body: interface id and transfer syntax (always little-endian). */
    public static byte[] pcontextBody(SyntaxId iface, SyntaxId transfer) {
        WireWriter w = new WireWriter(40);
        iface.encode(w);
        transfer.encode(w);
        return w.toByteArray();
    }

    /** rpc_sec_vt_header2 body: PTYPE, two reserved, drep, call_id, p_cont_id, opnum. */
    public static byte[] header2Body(int ptype, PackedDrep drep, int callId, int pContId, int opnum) {
        WireWriter w = new WireWriter(16);
        w.u8(ptype).u8(0).u16(0);
        w.u8(drep.octet(0)).u8(drep.octet(1)).u8(drep.octet(2)).u8(drep.octet(3));
        w.i32(callId).u16(pContId).u16(opnum);
        return w.toByteArray();
    }

    /** Appends a trailer to a stub: zero padding to 4, the signature, the commands (END set on the last). */
    public static byte[] append(byte[] stub, List<Command> commands) {
        WireWriter w = new WireWriter(stub.length + 64);
        w.bytes(stub).align(4).bytes(SIGNATURE);
        for (int i = 0; i < commands.size(); i++) {
            Command c = commands.get(i);
            int cmd = i == commands.size() - 1 ? c.command() | SEC_VT_COMMAND_END : c.command() & ~SEC_VT_COMMAND_END;
            w.u16(cmd).u16(c.body.length).bytes(c.body);
        }
        return w.toByteArray();
    }
}
