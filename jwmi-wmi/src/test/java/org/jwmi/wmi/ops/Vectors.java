package org.jwmi.wmi.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jwmi.wire.Hex;

/** Reads the golden stubs under src/test/resources/vectors/wmi ("#" lines are comments). */
final class Vectors {

    private Vectors() {
    }

    static byte[] load(String name) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/wmi/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no vector " + name);
            }
            StringBuilder hex = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (!line.startsWith("#")) {
                    hex.append(line.replaceAll("\\s+", ""));
                }
            }
            return Hex.decode(hex.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
