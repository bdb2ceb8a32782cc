package org.jwmi.cim.mof;

import org.jwmi.cim.WbemStatus;

/** Aborts the current statement (or, for a syntax error, the compilation) with one diagnostic. */
final class MofFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient MofDiagnostic diagnostic;

    MofFailure(MofDiagnostic diagnostic) {
        super(diagnostic.message(), null, false, false);
        this.diagnostic = diagnostic;
    }

    static MofFailure of(SourceText src, int offset, MofErrorCode code, String message) {
        return new MofFailure(new MofDiagnostic(src.location(offset), code, code.status(), message));
    }

    static MofFailure of(MofAst.Pos pos, MofErrorCode code, String message) {
        return of(pos.src(), pos.offset(), code, message);
    }

    static MofFailure of(MofAst.Pos pos, WbemStatus status, String message) {
        return new MofFailure(new MofDiagnostic(pos.location(), null, status, message));
    }

    MofDiagnostic diagnostic() {
        return diagnostic;
    }
}
