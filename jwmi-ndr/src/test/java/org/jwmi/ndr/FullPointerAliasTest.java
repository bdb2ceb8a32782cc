package org.jwmi.ndr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.jwmi.wire.Hex;
import org.jwmi.wire.ProtocolException;
import org.junit.jupiter.api.Test;

/** A full-pointer id reused for a referent of another type is a protocol error, never a ClassCastException. */
class FullPointerAliasTest {

    // [ptr] uuid_t *object (id 0x20000, a uuid), then [ptr] long *n reusing id 0x20000.
    private static final byte[] ALIASED = Hex.decode("00 00 02 00 78 57 34 12 34 12 cd ab ef 00 01 23 45 67 89 ab"
            + " 00 00 02 00");

    @Test
    void aliasOfAnotherTypeIsRefusedWhenTyped() {
        NdrReader r = NdrReader.of(ALIASED);
        r.fullPtr(UUID.class, NdrReader::uuid);
        assertThatThrownBy(() -> r.fullPtr(Integer.class, NdrReader::i32)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void aliasOfTheSameTypeResolvesToTheSameObject() {
        NdrReader r = NdrReader.of(ALIASED);
        UUID a = r.fullPtr(UUID.class, NdrReader::uuid);
        UUID b = r.fullPtr(UUID.class, x -> x.uuid());
        assertThat(b).isSameAs(a);
        r.expectEnd();
    }
}
