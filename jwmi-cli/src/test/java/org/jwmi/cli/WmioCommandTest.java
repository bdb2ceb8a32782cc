package org.jwmi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.jwmi.wire.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jwmi wmio decode} on the [MS-WMIO] section 3 vectors, as files and on standard input. */
class WmioCommandTest {

    /** [MS-WMIO] 3.1: instance of MyClass { Id = 123; Data1 = "StringField"; Array = {1, 2, 3}; } */
    static final String INSTANCE = "MS-WMIO/3.1-MyClass-instance.hex";
    /** [MS-WMIO] 3: class MyClass : Base. */
    static final String CLASS = "MS-WMIO/3-MyClass.hex";

    static final String INSTANCE_MOF = """
            // from server DPRAVAT-DEV, namespace ROOT
            instance of MyClass
            {
                Id = 123;
                Data1 = "StringField";
                // Data2 not set: class default "defaultValue"
                Array = {1, 2, 3};
            };
            """;

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    static Result jwmi(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Jwmi.run(args, new ByteArrayInputStream(stdin), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** One command line run many times (picocli resets the options before each run), for the loops below. */
    static final class Repeated {
        private byte[] stdin = new byte[0];
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private final picocli.CommandLine cl = Jwmi.commandLine(new InputStream() {
            private ByteArrayInputStream current;
            private byte[] source;

            private ByteArrayInputStream current() {
                if (source != stdin) {
                    source = stdin;
                    current = new ByteArrayInputStream(stdin);
                }
                return current;
            }

            @Override
            public int read() {
                return current().read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return current().read(b, off, len);
            }
        }, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        Result run(byte[] input, String... args) {
            stdin = input;
            out.reset();
            err.reset();
            int code = cl.execute(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = WmioCommandTest.class.getResourceAsStream("/vectors/" + name)) {
            return in.readAllBytes();
        }
    }

    static byte[] raw(String name) throws IOException {
        return Hex.decode(new String(resource(name), StandardCharsets.US_ASCII));
    }

    private Path file(String name, byte[] content) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, content);
        return p;
    }

    /** A failure: status 1, nothing on standard output, exactly one line on standard error, no stack trace. */
    static void assertOneLineFailure(Result r, String what) {
        assertThat(r.code()).as(what + ": " + r.err()).isEqualTo(1);
        assertThat(r.out()).as(what).isEmpty();
        assertThat(r.err()).as(what).startsWith("jwmi: ").endsWith("\n").doesNotContain("unexpected error")
                .doesNotContain("Exception");
        assertThat(r.err().split("\n", -1)).as(what + ": " + r.err()).hasSize(2);
    }

    @Test
    void hexVectorFilePrintsTheInstanceAsMof() throws IOException {
        Path hex = file("instance.hex", resource(INSTANCE));
        Result r = jwmi(new byte[0], "wmio", "decode", hex.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo(INSTANCE_MOF);
    }

    @Test
    void rawBytesGiveTheSameTextAsHex() throws IOException {
        Path bin = file("instance.bin", raw(INSTANCE));
        Result r = jwmi(new byte[0], "wmio", "decode", bin.toString(), "--format", "mof");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(INSTANCE_MOF);
    }

    @Test
    void dashReadsStandardInputRawOrHex() throws IOException {
        Result rawIn = jwmi(raw(INSTANCE), "wmio", "decode", "-");
        assertThat(rawIn.code()).as(rawIn.err()).isZero();
        assertThat(rawIn.out()).isEqualTo(INSTANCE_MOF);
        String hexLine = Hex.encode(raw(INSTANCE)) + "\n";
        Result hexIn = jwmi(hexLine.getBytes(StandardCharsets.US_ASCII), "wmio", "decode", "-");
        assertThat(hexIn.code()).as(hexIn.err()).isZero();
        assertThat(hexIn.out()).isEqualTo(INSTANCE_MOF);
    }

    @Test
    void classVectorShowsDerivationQualifiersAndDefaults() throws IOException {
        Result r = jwmi(new byte[0], "wmio", "decode", file("class.hex", resource(CLASS)).toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("// from server DPRAVAT-DEV, namespace ROOT\n")
                .contains("[Description(\"MyClass Example\")]\nclass MyClass : Base\n{")
                .contains("sint32 Id; // from Base")
                .contains("string Data2 = \"defaultValue\";")
                .contains("uint32 Array[];")
                .endsWith("};\n");
    }

    @Test
    void jsonFormat() throws IOException {
        Result r = jwmi(raw(INSTANCE), "wmio", "decode", "-", "--format", "JSON");
        assertThat(r.code()).as(r.err()).isZero();
        String json = r.out();
        assertThat(json).startsWith("[\n  {\n    \"genus\": \"instance\",\n    \"server\": \"DPRAVAT-DEV\"")
                .contains("\"name\": \"Id\"").contains("\"value\": 123")
                .contains("\"name\": \"Data1\"").contains("\"value\": \"StringField\"")
                .contains("\"state\": \"default\"").contains("\"value\": \"defaultValue\"")
                .endsWith("]\n");
        assertThat(json.chars().filter(c -> c == '{').count()).isEqualTo(json.chars().filter(c -> c == '}').count());
        assertThat(jwmi(raw(INSTANCE), "wmio", "decode", "-", "--format", "json").out()).isEqualTo(json);
    }

    @Test
    void truncatedBlobIsOneLineNamingKindOffsetAndField() throws IOException {
        byte[] whole = raw(INSTANCE);
        Result r = jwmi(Arrays.copyOf(whole, 200), "wmio", "decode", "-");
        assertOneLineFailure(r, "200 of " + whole.length + " octets");
        assertThat(r.err()).startsWith("jwmi: standard input: ").contains(" at offset ").contains("EncodingUnit");

        Path cut = file("cut.hex", Hex.encode(whole, 0, 100).getBytes(StandardCharsets.US_ASCII));
        Result f = jwmi(new byte[0], "wmio", "decode", cut.toString(), "--format", "json");
        assertOneLineFailure(f, "hex file cut at 100 octets");
        assertThat(f.err()).startsWith("jwmi: " + cut + ": ");
    }

    /** Every truncation and random corruptions (the codec's fuzz test covers many more) end as one line. */
    @Test
    void truncationsAndRandomCorruptionsFailCleanly() throws IOException {
        byte[] whole = raw(INSTANCE);
        Repeated jwmi = new Repeated();
        assertThat(jwmi.run(whole, "wmio", "decode", "-").out()).isEqualTo(INSTANCE_MOF);
        for (int n = 0; n < whole.length; n++) {
            assertOneLineFailure(jwmi.run(Arrays.copyOf(whole, n), "wmio", "decode", "-"), "first " + n + " octets");
        }
        Random rnd = new Random(7);
        for (int i = 0; i < 2000; i++) {
            byte[] b = whole.clone();
            for (int k = 1 + rnd.nextInt(4); k > 0; k--) {
                b[8 + rnd.nextInt(b.length - 8)] = (byte) rnd.nextInt(256);
            }
            Result r = jwmi.run(b, "wmio", "decode", "-");
            if (r.code() != 0) {
                assertOneLineFailure(r, "corrupted: " + Hex.encode(b));
            } else {
                assertThat(r.err()).isEmpty();
                assertThat(r.out()).contains("instance of ");
            }
        }
    }

    @Test
    void garbageMissingFilesAndBadOptions() throws IOException {
        assertOneLineFailure(jwmi("hello, world\n".getBytes(StandardCharsets.US_ASCII), "wmio", "decode", "-"),
                "text that is not hex");
        Result missing = jwmi(new byte[0], "wmio", "decode", tmp.resolve("nope.hex").toString());
        assertOneLineFailure(missing, "missing file");
        assertThat(missing.err()).contains("no such file");
        assertOneLineFailure(jwmi(new byte[0], "wmio", "decode", tmp.toString()), "a directory");

        Result format = jwmi(raw(INSTANCE), "wmio", "decode", "-", "--format", "xml");
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err()).contains("--format");
        assertThat(jwmi(new byte[0], "wmio", "decode").code()).isEqualTo(2);
        assertThat(jwmi(new byte[0], "wmio").code()).isEqualTo(2);
    }
}
