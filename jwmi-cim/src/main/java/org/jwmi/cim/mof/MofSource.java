package org.jwmi.cim.mof;

import java.util.Objects;

/**
 * MOF text and the name it is reported under (errors, {@link MofLocation#file()}).
 *
 * @param name file name
 * @param text the MOF text
 */
public record MofSource(String name, String text) {

    public MofSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }
}
