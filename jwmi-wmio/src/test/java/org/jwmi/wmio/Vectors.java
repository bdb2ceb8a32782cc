package org.jwmi.wmio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jwmi.wire.Hex;

/** Loads test vectors from {@code src/test/resources/vectors}. */
public final class Vectors {
    private Vectors() {
    }

    public static byte[] load(String name) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no vector " + name);
            }
            return Hex.decode(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static final String BASE = "MS-WMIO/3-base.hex";
    public static final String MY_CLASS = "MS-WMIO/3-MyClass.hex";
    public static final String MY_INSTANCE = "MS-WMIO/3.1-MyClass-instance.hex";
    public static final String MY_CLASS2 = "MS-WMIO/3.2-MyClass2.hex";
    public static final String WIN32_PROCESS = "windows/Win32_Process-class.hex";
    public static final String WIN32_PROCESS_STARTUP = "windows/Win32_ProcessStartup-class.hex";
}
