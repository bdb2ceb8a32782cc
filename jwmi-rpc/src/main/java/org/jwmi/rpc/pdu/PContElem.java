package org.jwmi.rpc.pdu;

import java.util.ArrayList;
import java.util.List;
import org.jwmi.rpc.SyntaxId;
import org.jwmi.wire.WireReader;
import org.jwmi.wire.WireWriter;

/**
 * [C706] 12.6.3.1 p_cont_elem_t: one proposed presentation context.
 *
 * <pre>
 * p_context_id_t p_cont_id;          (u_int16)
 * u_int8         n_transfer_syn;
 * u_int8         reserved;
 * p_syntax_id_t  abstract_syntax;
 * p_syntax_id_t  transfer_syntaxes[n_transfer_syn];
 * </pre>
 */
public record PContElem(int pContId, SyntaxId abstractSyntax, List<SyntaxId> transferSyntaxes, int reserved) {

    public PContElem {
        transferSyntaxes = List.copyOf(transferSyntaxes);
        if (pContId < 0 || pContId > 0xffff || transferSyntaxes.size() > 0xff || reserved < 0 || reserved > 0xff) {
            throw new IllegalArgumentException("p_cont_elem_t field out of range");
        }
    }

    public PContElem(int pContId, SyntaxId abstractSyntax, List<SyntaxId> transferSyntaxes) {
        this(pContId, abstractSyntax, transferSyntaxes, 0);
    }

    public static PContElem decode(WireReader r) {
        r.enter("p_cont_elem");
        int id = r.u16();
        int n = r.u8();
        int reserved = r.u8();
        r.need(20L * (n + 1));
        SyntaxId abs = SyntaxId.decode(r);
        List<SyntaxId> ts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ts.add(SyntaxId.decode(r));
        }
        r.exit();
        return new PContElem(id, abs, ts, reserved);
    }

    public void encode(WireWriter w) {
        w.u16(pContId).u8(transferSyntaxes.size()).u8(reserved);
        abstractSyntax.encode(w);
        for (SyntaxId t : transferSyntaxes) {
            t.encode(w);
        }
    }

    /** [C706] p_cont_list_t: n_context_elem (u8), two reserved fields, the elements. */
    static List<PContElem> decodeList(WireReader r) {
        r.enter("p_context_elem");
        int n = r.u8();
        r.u8();
        r.u16();
        r.need(24L * n);
        List<PContElem> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            r.enter("[" + i + "]");
            out.add(decode(r));
            r.exit();
        }
        r.exit();
        return out;
    }

    static void encodeList(WireWriter w, List<PContElem> list) {
        if (list.size() > 0xff) {
            throw new IllegalArgumentException("at most 255 presentation contexts per PDU");
        }
        w.u8(list.size()).u8(0).u16(0);
        for (PContElem e : list) {
            e.encode(w);
        }
    }
}
