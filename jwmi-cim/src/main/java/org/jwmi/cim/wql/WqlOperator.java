package org.jwmi.cim.wql;

/** The WQL comparison operators (WMI SDK "WQL Operators"); {@code !=} parses as {@link #NE}. */
public enum WqlOperator {
    EQ("="), NE("<>"), LT("<"), GT(">"), LE("<="), GE(">=");

    private final String symbol;

    WqlOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** True for {@code <, >, <=, >=}. */
    public boolean isOrdering() {
        return this != EQ && this != NE;
    }

    /** The operator with its operands swapped ({@code 5 < x} is {@code x > 5}). */
    public WqlOperator flipped() {
        return switch (this) {
            case LT -> GT;
            case GT -> LT;
            case LE -> GE;
            case GE -> LE;
            default -> this;
        };
    }

    /** Whether {@code cmp} (a compareTo result) satisfies this operator. */
    public boolean test(int cmp) {
        return switch (this) {
            case EQ -> cmp == 0;
            case NE -> cmp != 0;
            case LT -> cmp < 0;
            case GT -> cmp > 0;
            case LE -> cmp <= 0;
            case GE -> cmp >= 0;
        };
    }
}
