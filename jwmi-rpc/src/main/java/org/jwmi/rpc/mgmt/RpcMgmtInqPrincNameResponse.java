package org.jwmi.rpc.mgmt;

import java.util.Objects;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.ndr.VaryingBounds;
import org.jwmi.wire.ProtocolException;

/**
 * [MS-RPCE] 2.2.1.3.4 rpc_mgmt_inq_princ_name (opnum 4), the [out] parameters: a conformant varying char string
 * whose max_count is the request's princ_name_size, then the status. With princ_name_size 0 there is no room
 * even for the terminator, so an empty string is then sent with actual_count 0.
 *
 * @param princNameSize the conformance (the request's princ_name_size)
 * @param princName     the name without its terminator (ISO-8859-1), empty on failure
 * @param status        0 on success
 */
public record RpcMgmtInqPrincNameResponse(int princNameSize, String princName, int status) {

    public RpcMgmtInqPrincNameResponse {
        Objects.requireNonNull(princName, "princName");
        if (princNameSize < 0 || princNameSize > Mgmt.MAX_PRINC_NAME_SIZE) {
            throw new IllegalArgumentException("princ_name_size must be 0.." + Mgmt.MAX_PRINC_NAME_SIZE);
        }
        if (!princName.isEmpty() && princName.length() + 1 > princNameSize) {
            throw new IllegalArgumentException("principal name does not fit princ_name_size " + princNameSize);
        }
    }

    public static RpcMgmtInqPrincNameResponse decode(NdrReader r) {
        record Sized(int maxCount, String value) {
        }
        Sized name = r.field("princ_name", s -> {
            int maxCount = s.maxCount();
            if (maxCount > Mgmt.MAX_PRINC_NAME_SIZE) {
                throw s.fail(ProtocolException.Kind.RANGE, "max_count " + maxCount + " exceeds "
                        + Mgmt.MAX_PRINC_NAME_SIZE);
            }
            VaryingBounds b = s.varyingBounds(maxCount);
            if (b.offset() != 0) {
                throw s.fail(ProtocolException.Kind.BAD_VALUE, "[string] offset must be 0");
            }
            if (b.actualCount() == 0) {
                return new Sized(maxCount, "");
            }
            String v = s.chars(b.actualCount() - 1);
            if (s.u8() != 0) {
                throw s.fail(ProtocolException.Kind.BAD_VALUE, "[string] is not terminated by a zero char");
            }
            return new Sized(maxCount, v);
        });
        int status = (int) r.field("status", NdrReader::u32).longValue();
        r.expectEnd();
        return new RpcMgmtInqPrincNameResponse(name.maxCount(), name.value(), status);
    }

    public void encode(NdrWriter w) {
        w.maxCount(princNameSize);
        if (princNameSize == 0) {
            w.varyingBounds(0, 0);
        } else {
            w.varyingStringA(princNameSize, princName);
        }
        w.u32(status & 0xffffffffL);
    }

    /** Decodes a little-endian stub. */
    public static RpcMgmtInqPrincNameResponse decode(byte[] stub) {
        return decode(NdrReader.of(stub));
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter();
        encode(w);
        return w.toByteArray();
    }
}
