package org.jwmi.cim.wql;

/** One side of a comparison: a property or a literal. */
public sealed interface WqlOperand permits WqlProperty, WqlLiteral {
    String toWql();

    /** Zero-based position in the query text, or -1 for a tree not made by the parser. */
    int position();
}
