package org.jwmi.rpc.epm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jwmi.wire.Hex;

/** Loads the hex vectors under {@code src/test/resources/vectors/epm/}. */
public final class EpmVectors {

    private EpmVectors() {
    }

    public static byte[] load(String name) {
        try (InputStream in = EpmVectors.class.getResourceAsStream("/vectors/epm/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no vector " + name);
            }
            return Hex.decode(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
