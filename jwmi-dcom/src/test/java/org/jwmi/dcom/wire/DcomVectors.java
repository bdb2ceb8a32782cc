package org.jwmi.dcom.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jwmi.wire.Hex;

/** Loads the hex vectors under {@code src/test/resources/vectors/dcom/} (see generate.py there). */
final class DcomVectors {

    private DcomVectors() {
    }

    static byte[] load(String name) {
        try (InputStream in = DcomVectors.class.getResourceAsStream("/vectors/dcom/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no vector " + name);
            }
            return Hex.decode(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
