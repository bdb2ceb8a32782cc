package org.jwmi.wmio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.jwmi.cim.CimClass;
import org.jwmi.cim.CimInstance;
import org.jwmi.cim.CimObject;
import org.jwmi.wire.Hex;
import org.jwmi.wire.Limits;
import org.jwmi.wire.ProtocolException;
import org.junit.jupiter.api.Test;

/** The MOF-like and JSON renderings behind {@code jwmi wmio decode}. */
class WmioTextTest {

    static byte[] resource(String name) throws IOException {
        try (InputStream in = WmioTextTest.class.getResourceAsStream("/vectors/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void instanceAsMofShowsOriginValuesAndDefaults() throws IOException {
        String mof = WmioText.render(resource(Vectors.MY_INSTANCE), WmioText.Format.MOF);
        assertThat(mof).isEqualTo("""
                // from server DPRAVAT-DEV, namespace ROOT
                instance of MyClass
                {
                    Id = 123;
                    Data1 = "StringField";
                    // Data2 not set: class default "defaultValue"
                    Array = {1, 2, 3};
                };
                """);
    }

    @Test
    void classAsMofShowsQualifierFlavorsAndOrigins() throws IOException {
        String mof = WmioText.render(resource(Vectors.MY_CLASS), WmioText.Format.MOF);
        assertThat(mof).contains("[Description(\"MyClass Example\")]\nclass MyClass : Base\n{")
                .contains("[CIMTYPE(\"sint32\"): ToSubClass ToInstance /*propagated*/, "
                        + "key: ToSubClass ToInstance DisableOverride /*propagated*/]\n    sint32 Id; // from Base")
                .contains("string Data2 = \"defaultValue\";")
                .contains("uint32 Array[];");
        String methods = WmioText.toMof(Wmio.decode(java.util.Arrays.copyOf(Vectors.load(Vectors.MY_CLASS2),
                8 + 0x8BE)));
        assertThat(methods).contains("[execute, performance{\"fast\", \"sideffects\"}]\n    uint32 Restart("
                + "[in, ID(0): ToInstance DisableOverride] string ServiceName, "
                + "[out, ID(1): ToInstance DisableOverride] object:int Status);");
    }

    @Test
    void instanceAsJson() throws IOException {
        String json = WmioText.render(resource(Vectors.MY_INSTANCE), WmioText.Format.JSON);
        assertThat(json).startsWith("[\n  {\n    \"genus\": \"instance\",\n    \"server\": \"DPRAVAT-DEV\"")
                .contains("\"name\": \"Data2\",\n        \"type\": \"string\",\n        \"state\": \"default\",\n"
                        + "        \"value\": \"defaultValue\"")
                .contains("\"value\": 123");
        assertThat(MiniJson.valid(json)).isTrue();
        String big = WmioText.toJson(WmioText.decodeAny(Vectors.load(Vectors.WIN32_PROCESS), Limits.DEFAULT));
        assertThat(MiniJson.valid(big)).isTrue();
        assertThat(big).contains("\"name\": \"Create\"").contains("\"type\": \"object:Win32_ProcessStartup\"");
    }

    @Test
    void inputIsHexTextOrRawBytes() throws IOException {
        byte[] raw = Vectors.load(Vectors.MY_INSTANCE);
        assertThat(WmioText.readInput(resource(Vectors.MY_INSTANCE))).isEqualTo(raw);
        assertThat(WmioText.readInput(raw)).isEqualTo(raw);
        assertThat(WmioText.readInput("78:56:34:12 // sig\n".getBytes())).isEqualTo(Hex.decode("78563412"));
        assertThat(WmioText.render(raw, WmioText.Format.MOF))
                .isEqualTo(WmioText.render(resource(Vectors.MY_INSTANCE), WmioText.Format.MOF));
    }

    @Test
    void decodeAnyTakesEncodingUnitsObjectArraysAndObjectBlocks() {
        CimInstance i = ObjectArrayTest.disk().newInstance().set("Name", "x").build();
        byte[] array = new ObjectArrayWriter(() -> new UUID(1, 2)).write(1, List.of(i, i));
        List<CimObject> fromArray = WmioText.decodeAny(array, Limits.DEFAULT);
        assertThat(fromArray).hasSize(2);
        byte[] unit = Wmio.encode(i);
        byte[] block = Wmio.toBlock(i).toByteArray();
        assertThat(WmioText.decodeAny(unit, Limits.DEFAULT)).containsExactly(fromArray.get(0));
        assertThat(WmioText.decodeAny(block, Limits.DEFAULT)).containsExactly(fromArray.get(0));
        assertThat(WmioText.toMof(fromArray)).contains("instance of Disk").contains("Name = \"x\";");
        assertThatThrownBy(() -> WmioText.decodeAny(new byte[0], Limits.DEFAULT)).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> WmioText.render("zz".getBytes(), WmioText.Format.MOF))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void embeddedObjectsAreRenderedInline() {
        CimObject chain = MalformedInputTest.chain(2);
        String mof = WmioText.toMof(Wmio.decode(Wmio.encode(chain)));
        assertThat(mof).isEqualTo("""
                instance of Node
                {
                    Next = instance of Node
                    {
                        Next = instance of Node
                        {
                            // Next not set: class default NULL
                            Level = 0;
                        };
                        Level = 1;
                    };
                    Level = 2;
                };
                """);
        assertThat(MiniJson.valid(WmioText.toJson(chain))).isTrue();
        CimClass c = (CimClass) Wmio.decode(Wmio.encode(ObjectArrayTest.disk()));
        assertThat(WmioText.toJson(c)).contains("\"defaultInherited\": false");
    }

    /** Just enough of a JSON parser to tell whether text is well-formed JSON. */
    static final class MiniJson {
        private final String s;
        private int i;

        private MiniJson(String s) {
            this.s = s;
        }

        static boolean valid(String s) {
            MiniJson p = new MiniJson(s);
            try {
                p.value();
                p.ws();
                return p.i == s.length();
            } catch (RuntimeException e) {
                return false;
            }
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private void expect(char c) {
            ws();
            if (s.charAt(i++) != c) {
                throw new IllegalStateException("expected " + c + " at " + (i - 1));
            }
        }

        private void value() {
            ws();
            char c = s.charAt(i);
            if (c == '{') {
                i++;
                ws();
                if (s.charAt(i) == '}') {
                    i++;
                    return;
                }
                do {
                    string();
                    expect(':');
                    value();
                    ws();
                } while (s.charAt(i++) == ',');
                if (s.charAt(i - 1) != '}') {
                    throw new IllegalStateException("object");
                }
            } else if (c == '[') {
                i++;
                ws();
                if (s.charAt(i) == ']') {
                    i++;
                    return;
                }
                do {
                    value();
                    ws();
                } while (s.charAt(i++) == ',');
                if (s.charAt(i - 1) != ']') {
                    throw new IllegalStateException("array");
                }
            } else if (c == '"') {
                string();
            } else if (s.startsWith("true", i) || s.startsWith("null", i)) {
                i += 4;
            } else if (s.startsWith("false", i)) {
                i += 5;
            } else {
                int start = i;
                while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                    i++;
                }
                Double.parseDouble(s.substring(start, i));
            }
        }

        private void string() {
            expect('"');
            while (s.charAt(i) != '"') {
                if (s.charAt(i) < 0x20) {
                    throw new IllegalStateException("control character");
                }
                i += s.charAt(i) == '\\' ? (s.charAt(i + 1) == 'u' ? 6 : 2) : 1;
            }
            i++;
        }
    }
}
