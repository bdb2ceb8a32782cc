package org.jwmi.wire;

/**
 * The single failure of every pure decoding layer: what went wrong ({@link Kind}), where (byte offset in the
 * buffer being decoded) and in which field (a dotted path such as {@code bind.p_context_elem[1].transfer_syntaxes}).
 * Kinds follow Samba's {@code ndr_err_code} taxonomy.
 */
public final class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The failure taxonomy. */
    public enum Kind {
        /** Fewer bytes remain than the field needs. */
        BUFSIZE,
        /** A count or size is larger than allowed or than what remains. */
        ARRAY_SIZE,
        /** A union discriminant matches no arm. */
        BAD_SWITCH,
        /** A value lies outside the range the format allows. */
        RANGE,
        /** A pointer referent id is invalid (e.g. a null [ref] pointer). */
        INVALID_POINTER,
        /** Bytes were left over where the format says the structure ends. */
        UNREAD_BYTES,
        /** Nesting deeper than {@link Limits#maxNesting()}. */
        MAX_RECURSION,
        /** A value is syntactically valid but not supported (e.g. an EBCDIC data representation). */
        UNSUPPORTED,
        /** A field holds a value the format forbids (bad signature, bad version, inconsistent counts). */
        BAD_VALUE
    }

    private final Kind kind;
    private final long offset;
    private final String path;

    public ProtocolException(Kind kind, long offset, String path, String detail) {
        super(kind + " at offset " + offset + (path == null || path.isEmpty() ? "" : " in " + path) + ": " + detail);
        this.kind = kind;
        this.offset = offset;
        this.path = path == null ? "" : path;
    }

    public Kind kind() {
        return kind;
    }

    public long offset() {
        return offset;
    }

    public String path() {
        return path;
    }
}
