package org.jwmi.dcom.client;

import java.util.Arrays;
import java.util.Objects;
import org.jwmi.dcom.wire.OrpcThat;
import org.jwmi.ndr.DataRepresentation;
import org.jwmi.ndr.NdrReader;
import org.jwmi.wire.Limits;

/**
 * The response of an ORPC call ([MS-DCOM] 3.2.4.2): the ORPCTHAT the server put first, and the whole response stub
 * so the method's own [out] parameters can be decoded with NDR alignment counted from the start of the stub.
 *
 * @param orpcThat      the implicit first result (extensions such as error information, if any)
 * @param stub          the whole response stub, ORPCTHAT included (not copied; do not modify)
 * @param resultsOffset where the method's own results start in {@code stub}
 * @param limits        the limits to decode with
 */
public record OrpcReply(OrpcThat orpcThat, byte[] stub, int resultsOffset, Limits limits) {

    public OrpcReply {
        Objects.requireNonNull(orpcThat, "orpcThat");
        Objects.requireNonNull(stub, "stub");
        Objects.requireNonNull(limits, "limits");
        if (resultsOffset < 0 || resultsOffset > stub.length) {
            throw new IllegalArgumentException("resultsOffset " + resultsOffset + " outside the stub");
        }
    }

    /** Parses a response stub: ORPCTHAT first. */
    static OrpcReply parse(byte[] stub, Limits limits) {
        NdrReader r = new NdrReader(stub, 0, stub.length, DataRepresentation.LITTLE_ENDIAN, limits);
        OrpcThat that = r.field("ORPCthat", OrpcThat::decode);
        return new OrpcReply(that, stub, r.position(), limits);
    }

    /**
     * A reader positioned on the method's results; alignment is relative to the start of the stub, as NDR requires.
     * Call {@link NdrReader#expectEnd()} after the last result.
     */
    public NdrReader results() {
        NdrReader r = new NdrReader(stub, 0, stub.length, DataRepresentation.LITTLE_ENDIAN, limits);
        OrpcThat.decode(r);
        return r;
    }

    /** The bytes after ORPCTHAT (a copy). */
    public byte[] resultBytes() {
        return Arrays.copyOfRange(stub, resultsOffset, stub.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrpcReply r && orpcThat.equals(r.orpcThat) && Arrays.equals(stub, r.stub)
                && resultsOffset == r.resultsOffset;
    }

    @Override
    public int hashCode() {
        return orpcThat.hashCode() * 31 + Arrays.hashCode(stub);
    }

    @Override
    public String toString() {
        return "OrpcReply[" + orpcThat + ", " + (stub.length - resultsOffset) + " bytes of results]";
    }
}
