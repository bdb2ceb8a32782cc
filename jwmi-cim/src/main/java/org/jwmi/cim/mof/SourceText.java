package org.jwmi.cim.mof;

import java.util.Arrays;

/** One compiled file: its name, text and line starts (a line ends at LF, CR LF or CR). */
final class SourceText {
    private final String name;
    private final String text;
    private final int[] lineStarts;

    SourceText(String name, String text) {
        this.name = name;
        this.text = text;
        int[] starts = new int[16];
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, n);
    }

    String name() {
        return name;
    }

    String text() {
        return text;
    }

    /** The location of character {@code offset} (clamped to the text). */
    MofLocation location(int offset) {
        int o = Math.max(0, Math.min(offset, text.length()));
        int k = Arrays.binarySearch(lineStarts, o);
        int line = k >= 0 ? k : -k - 2;
        return new MofLocation(name, line + 1, o - lineStarts[line] + 1, o);
    }
}
