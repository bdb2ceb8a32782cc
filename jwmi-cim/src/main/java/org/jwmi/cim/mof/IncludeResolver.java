package org.jwmi.cim.mof;

/**
 * Supplies the text of a file named by {@code #include ("x.mof")} or {@code #pragma include ("x.mof")}. The
 * compiler does no file I/O: the caller decides what a name means (a directory, a classpath resource, a map).
 */
@FunctionalInterface
public interface IncludeResolver {

    /**
     * The file {@code name} as included from {@code includingFile}; null if there is none (the compiler then
     * reports WBEMMOF_E_ERROR_INVALID_INCLUDE_FILE). The returned source's name is used in error locations.
     */
    MofSource resolve(String name, String includingFile);

    /** A resolver that finds nothing. */
    IncludeResolver NONE = (name, including) -> null;
}
