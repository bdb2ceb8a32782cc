package org.jwmi.wmi.ops;

import org.jwmi.dcom.wire.MInterfacePointer;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.dcom.wire.OrpcThis;
import org.jwmi.ndr.NdrDecoder;
import org.jwmi.ndr.NdrReader;
import org.jwmi.ndr.NdrWriter;
import org.jwmi.wire.Limits;
import org.jwmi.dcom.ops.Codec;

/** What the operation codecs share. */
final class Mip {

    private Mip() {
    }

    /** [MS-DCOM] 2.2.16 PMInterfacePointer: a unique pointer to an MInterfacePointer (interface pointers). */
    static MInterfacePointer read(NdrReader r, String field) {
        return r.field(field, x -> x.uniquePtr(MInterfacePointer::decode));
    }

    static void write(NdrWriter w, MInterfacePointer v) {
        w.uniquePtr(v, MInterfacePointer::encode);
    }

    static OrpcThis orpcThis(NdrReader r) {
        return r.field("ORPCthis", OrpcThis::decode);
    }

    static OrpcThat orpcThat(NdrReader r) {
        return r.field("ORPCthat", OrpcThat::decode);
    }

    static int hresult(NdrReader r) {
        int hr = r.field("HRESULT", NdrReader::i32);
        r.expectEnd();
        return hr;
    }

    static <T> T decode(byte[] stub, NdrDecoder<T> d) {
        return d.decode(Codec.reader(stub, true, Limits.DEFAULT));
    }

    static byte[] encode(java.util.function.Consumer<NdrWriter> body) {
        NdrWriter w = Codec.writer(Limits.DEFAULT);
        body.accept(w);
        return w.toByteArray();
    }
}
