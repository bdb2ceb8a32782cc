package org.jwmi.cim.wql;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A constant in a WQL condition.
 *
 * @param kind     what it is
 * @param value    {@link String} for STRING, {@link BigInteger} for INTEGER, {@link Double} for REAL,
 *                 {@link Boolean} for BOOLEAN, null for NULL
 * @param position zero-based position in the query, -1 if not parsed
 */
public record WqlLiteral(Kind kind, Object value, int position) implements WqlOperand {

    public enum Kind {
        STRING, INTEGER, REAL, BOOLEAN, NULL
    }

    public WqlLiteral {
        Objects.requireNonNull(kind, "kind");
        boolean ok = switch (kind) {
            case STRING -> value instanceof String;
            case INTEGER -> value instanceof BigInteger;
            case REAL -> value instanceof Double d && !d.isNaN() && !d.isInfinite();
            case BOOLEAN -> value instanceof Boolean;
            case NULL -> value == null;
        };
        if (!ok) {
            throw new IllegalArgumentException("bad " + kind + " literal: " + value);
        }
    }

    public static WqlLiteral string(String s) {
        return new WqlLiteral(Kind.STRING, s, -1);
    }

    public static WqlLiteral integer(long v) {
        return new WqlLiteral(Kind.INTEGER, BigInteger.valueOf(v), -1);
    }

    public static WqlLiteral real(double v) {
        return new WqlLiteral(Kind.REAL, v, -1);
    }

    public static WqlLiteral bool(boolean v) {
        return new WqlLiteral(Kind.BOOLEAN, v, -1);
    }

    public static WqlLiteral nullLiteral() {
        return new WqlLiteral(Kind.NULL, null, -1);
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    @Override
    public String toWql() {
        return switch (kind) {
            case STRING -> quote((String) value);
            case INTEGER -> value.toString();
            case REAL -> Double.toString((Double) value);
            case BOOLEAN -> ((Boolean) value) ? "TRUE" : "FALSE";
            case NULL -> "NULL";
        };
    }

    /** The literal without position. */
    public WqlLiteral withoutPosition() {
        return position < 0 ? this : new WqlLiteral(kind, value, -1);
    }

    /** A WQL string literal: double quotes, with {@code \} and {@code "} escaped by a backslash. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    @Override
    public String toString() {
        return toWql();
    }
}
