package org.jwmi.cim.wql;

/**
 * A WHERE (or HAVING) condition (WMI SDK "WHERE Clause", "WQL Operators").
 */
public sealed interface WqlExpr permits WqlExpr.And, WqlExpr.Or, WqlExpr.Not, WqlExpr.Comparison, WqlExpr.Like,
        WqlExpr.IsNull, WqlExpr.Isa {

    /** The condition as WQL text; binary operators are fully parenthesized. */
    String toWql();

    /** {@code left AND right}. */
    record And(WqlExpr left, WqlExpr right) implements WqlExpr {
        @Override
        public String toWql() {
            return "(" + left.toWql() + " AND " + right.toWql() + ")";
        }
    }

    /** {@code left OR right}. */
    record Or(WqlExpr left, WqlExpr right) implements WqlExpr {
        @Override
        public String toWql() {
            return "(" + left.toWql() + " OR " + right.toWql() + ")";
        }
    }

    /** {@code NOT operand}. */
    record Not(WqlExpr operand) implements WqlExpr {
        @Override
        public String toWql() {
            return "NOT (" + operand.toWql() + ")";
        }
    }

    /** {@code left op right}; at least one side is a property. */
    record Comparison(WqlOperand left, WqlOperator op, WqlOperand right) implements WqlExpr {
        @Override
        public String toWql() {
            return left.toWql() + " " + op.symbol() + " " + right.toWql();
        }
    }

    /** {@code property LIKE pattern} (WMI SDK "LIKE Operator"). */
    record Like(WqlProperty property, LikePattern pattern, int patternPosition) implements WqlExpr {
        @Override
        public String toWql() {
            return property.toWql() + " LIKE " + WqlLiteral.quote(pattern.text());
        }
    }

    /** {@code property IS [NOT] NULL}. */
    record IsNull(WqlProperty property, boolean negated) implements WqlExpr {
        @Override
        public String toWql() {
            return property.toWql() + (negated ? " IS NOT NULL" : " IS NULL");
        }
    }

    /** {@code property ISA "Class"}: an embedded object (or {@code __this}) is of the class or derives from it. */
    record Isa(WqlProperty property, org.jwmi.cim.CimName className, int classPosition) implements WqlExpr {
        @Override
        public String toWql() {
            return property.toWql() + " ISA " + WqlLiteral.quote(className.text());
        }
    }
}
