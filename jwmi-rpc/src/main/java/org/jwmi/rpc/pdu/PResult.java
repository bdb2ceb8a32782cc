package org.jwmi.rpc.pdu;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;

/**
 * [C706] 12.6.3.1 p_result_t: the server's answer to one proposed presentation context.
 *
 * <pre>
 * p_cont_def_result_t result;          (u_int16: acceptance, user_rejection, provider_rejection, negotiate_ack)
 * p_provider_reason_t reason;          (u_int16; with negotiate_ack the BindTimeFeatureNegotiationResponseBitmask)
 * p_syntax_id_t       transfer_syntax; (the accepted syntax; zero otherwise)
 * </pre>
 */
public record PResult(int result, int reason, SyntaxId transferSyntax) {

    public static final int ACCEPTANCE = 0;
    public static final int USER_REJECTION = 1;
    public static final int PROVIDER_REJECTION = 2;
    /** [MS-RPCE] 2.2.2.4. */
    public static final int NEGOTIATE_ACK = 3;

    public static final int REASON_NOT_SPECIFIED = 0;
    public static final int ABSTRACT_SYNTAX_NOT_SUPPORTED = 1;
    public static final int PROPOSED_TRANSFER_SYNTAXES_NOT_SUPPORTED = 2;
    public static final int LOCAL_LIMIT_EXCEEDED = 3;

    /** The all-zero syntax sent with rejections and negotiate_ack. */
    public static final SyntaxId ZERO_SYNTAX = new SyntaxId(new UUID(0, 0), 0, 0);

    public PResult {
        if (result < 0 || result > 0xffff || reason < 0 || reason > 0xffff) {
            throw new IllegalArgumentException("p_result_t field out of range");
        }
    }

    public static PResult accept(SyntaxId transfer) {
        return new PResult(ACCEPTANCE, REASON_NOT_SPECIFIED, transfer);
    }

    public static PResult reject(int reason) {
        return new PResult(PROVIDER_REJECTION, reason, ZERO_SYNTAX);
    }

    public static PResult negotiateAck(int responseBitmask) {
        return new PResult(NEGOTIATE_ACK, responseBitmask, ZERO_SYNTAX);
    }

    public boolean accepted() {
        return result == ACCEPTANCE;
    }

    public static PResult decode(WireReader r) {
        r.enter("p_result");
        int result = r.u16();
        int reason = r.u16();
        SyntaxId ts = SyntaxId.decode(r);
        r.exit();
        return new PResult(result, reason, ts);
    }

    public void encode(WireWriter w) {
        w.u16(result).u16(reason);
        transferSyntax.encode(w);
    }

    public static String resultName(int result) {
        return switch (result) {
            case ACCEPTANCE -> "acceptance";
            case USER_REJECTION -> "user_rejection";
            case PROVIDER_REJECTION -> "provider_rejection";
            case NEGOTIATE_ACK -> "negotiate_ack";
            default -> "result " + result;
        };
    }

    public static String reasonName(int reason) {
        return switch (reason) {
            case REASON_NOT_SPECIFIED -> "reason_not_specified";
            case ABSTRACT_SYNTAX_NOT_SUPPORTED -> "abstract_syntax_not_supported";
            case PROPOSED_TRANSFER_SYNTAXES_NOT_SUPPORTED -> "proposed_transfer_syntaxes_not_supported";
            case LOCAL_LIMIT_EXCEEDED -> "local_limit_exceeded";
            default -> "reason " + reason;
        };
    }

    @Override
    public String toString() {
        return resultName(result) + (result == NEGOTIATE_ACK ? String.format(" bitmask 0x%04x", reason)
                : result == ACCEPTANCE ? " " + transferSyntax : " " + reasonName(reason));
    }

    /** [C706] p_result_list_t: n_results (u8), two reserved fields, the results. */
    static List<PResult> decodeList(WireReader r) {
        r.enter("p_result_list");
        int n = r.u8();
        r.u8();
        r.u16();
        r.need(24L * n);
        List<PResult> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(decode(r));
        }
        r.exit();
        return out;
    }

    static void encodeList(WireWriter w, List<PResult> list) {
        if (list.size() > 0xff) {
            throw new IllegalArgumentException("at most 255 results per PDU");
        }
        w.u8(list.size()).u8(0).u16(0);
        for (PResult p : list) {
            p.encode(w);
        }
    }
}
