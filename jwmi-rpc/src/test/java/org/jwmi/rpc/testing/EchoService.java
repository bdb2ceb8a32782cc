package org.jwmi.rpc.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jwmi.rpc.RpcFaultException;
import org.jwmi.rpc.RpcStatus;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.rpc.server.CallContext;
import org.jwmi.rpc.server.RpcService;

/**
 * Test interface. opnum 0 echoes the stub; 1 returns as many bytes as the 4-byte little-endian stub says (value i
 * at index i mod 251); 2 describes the call (object UUID, level, auth type, peer); 3 faults with a status given in
 * the stub; anything else is nca_s_op_rng_error. Counts dispatches.
 */
public final class EchoService implements RpcService {
    public static final SyntaxId SYNTAX = new SyntaxId(UUID.fromString("12345678-1234-abcd-ef00-0123456789ab"), 1, 0);
    public static final SyntaxId OTHER = new SyntaxId(UUID.fromString("87654321-4321-dcba-00fe-ba9876543210"), 2, 1);

    public final AtomicInteger dispatches = new AtomicInteger();
    private final SyntaxId syntax;
    public volatile CallContext lastCall;

    public EchoService() {
        this(SYNTAX);
    }

    public EchoService(SyntaxId syntax) {
        this.syntax = syntax;
    }

    @Override
    public SyntaxId syntax() {
        return syntax;
    }

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public byte[] invoke(CallContext call, int opnum, byte[] stub) {
        dispatches.incrementAndGet();
        lastCall = call;
        switch (opnum) {
            case 0:
                return stub;
            case 1: {
                int n = ByteBuffer.wrap(stub).order(ByteOrder.LITTLE_ENDIAN).getInt();
                return pattern(n);
            }
            case 2:
                return (call.object().map(UUID::toString).orElse("-") + "|" + call.authLevel() + "|" + call.authType()
                        + "|" + call.peer().map(Object::toString).orElse("-") + "|" + call.littleEndian())
                        .getBytes(StandardCharsets.UTF_8);
            case 3:
                throw new RpcFaultException(ByteBuffer.wrap(stub).order(ByteOrder.LITTLE_ENDIAN).getInt(), "requested");
            default:
                throw new RpcFaultException(RpcStatus.NCA_S_OP_RNG_ERROR.value(), true, "opnum " + opnum);
        }
    }

    public static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i % 251);
        }
        return b;
    }

    public static byte[] le32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }
}
