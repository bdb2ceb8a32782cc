package org.jwmi.cim.mof;

import java.util.Objects;

/**
 * A place in MOF text: the file (as the caller or an include resolver named it), the 1-based line and column
 * (columns count UTF-16 characters, a tab is one column) and the 0-based character offset.
 *
 * @param file   file name
 * @param line   line number, from 1
 * @param column column number, from 1
 * @param offset character offset in the file, from 0
 */
public record MofLocation(String file, int line, int column, int offset) {

    public MofLocation {
        Objects.requireNonNull(file, "file");
    }

    /** {@code file (line,column)}, the form compilers print. */
    @Override
    public String toString() {
        return file + " (" + line + "," + column + ")";
    }
}
