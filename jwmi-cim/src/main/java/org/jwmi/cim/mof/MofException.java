package org.jwmi.cim.mof;

import java.util.List;
import org.jwmi.cim.CimException;

/**
 * MOF compilation failed. Carries every error found ({@link #diagnostics()}, in text order, at least one); the
 * first one gives {@link #status()}, {@link #position()} (character offset in its file), {@link #location()} and
 * {@link #code()}. {@link #hresult()} is the WBEMMOF_E code when the first error is a language error.
 *
 * <p>Syntax errors stop the compiler at the first one (as mofcomp does); semantic errors (types, qualifiers,
 * superclasses, aliases...) are collected statement by statement, up to the compiler's error limit.
 */
public final class MofException extends CimException {
    private static final long serialVersionUID = 1L;

    private final transient List<MofDiagnostic> diagnostics;

    public MofException(List<MofDiagnostic> diagnostics) {
        super(diagnostics.get(0).status(), diagnostics.get(0).message(), diagnostics.get(0).location().offset());
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** Every error, in the order found. */
    public List<MofDiagnostic> diagnostics() {
        return diagnostics;
    }

    /** The first error. */
    public MofDiagnostic first() {
        return diagnostics.get(0);
    }

    /** Location of the first error. */
    public MofLocation location() {
        return first().location();
    }

    /** File of the first error. */
    public String fileName() {
        return first().location().file();
    }

    /** Line of the first error, from 1. */
    public int line() {
        return first().location().line();
    }

    /** Column of the first error, from 1. */
    public int column() {
        return first().location().column();
    }

    /** MOF code of the first error, or null when it is a model error (see {@link #status()}). */
    public MofErrorCode code() {
        return first().code();
    }

    @Override
    public int hresult() {
        return first().hresult();
    }

    /** The first error in mofcomp's layout, and how many more there are. */
    @Override
    public String getMessage() {
        String m = first().toString();
        return diagnostics.size() == 1 ? m : m + " (and " + (diagnostics.size() - 1) + " more error"
                + (diagnostics.size() == 2 ? "" : "s") + ")";
    }
}
