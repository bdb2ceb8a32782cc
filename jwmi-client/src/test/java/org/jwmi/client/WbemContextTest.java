package org.jwmi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jwmi.wire.Limits;
import org.jwmi.wmi.marshal.WbemContextBuffer;
import org.jwmi.wmi.marshal.WbemContextProperty;
import org.junit.jupiter.api.Test;

class WbemContextTest {

    @Test
    void valuesTravelAsTheirVariantTypes() {
        WbemContext c = new WbemContext().setValue("__ProviderArchitecture", 64).setValue("Name", "x")
                .setValue("Flag", true).setValue("Ratio", 0.5).setValue("List", List.of("a", "b"))
                .setValue("name", "y");
        assertThat(c.names()).containsExactly("__ProviderArchitecture", "Name", "Flag", "Ratio", "List");
        byte[] wire = WbemContextBuffer.encode(c.toBuffer());
        WbemContextBuffer back = WbemContextBuffer.decode(wire, Limits.DEFAULT);
        assertThat(back.guids()).hasSize(1);
        assertThat(back.property("__ProviderArchitecture").propertyType()).isEqualTo(WbemContextProperty.VT_I4);
        assertThat(back.property("__ProviderArchitecture").value()).isEqualTo(64L);
        assertThat(back.property("NAME").value()).isEqualTo("y");
        assertThat(back.property("Flag").value()).isEqualTo(true);
        assertThat(back.property("Ratio").value()).isEqualTo(0.5);
        assertThat(back.property("List").value()).isEqualTo(List.of("a", "b"));
    }

    @Test
    void unsupportedValuesAreRefusedWhenSet() {
        assertThatThrownBy(() -> new WbemContext().setValue("big", 1L << 40)).hasMessageContaining("VT_I4");
        assertThatThrownBy(() -> new WbemContext().setValue("x", new Object())).hasMessageContaining("cannot carry");
        assertThatThrownBy(() -> new WbemContext().setValue("x", List.of("a", 1))).hasMessageContaining("one scalar");
    }

    @Test
    void cloneIsIndependent() {
        WbemContext a = new WbemContext().setValue("a", 1);
        WbemContext b = a.cloneContext();
        b.setValue("b", 2);
        a.deleteValue("a");
        assertThat(a.names()).isEmpty();
        assertThat(b.names()).containsExactly("a", "b");
    }
}
