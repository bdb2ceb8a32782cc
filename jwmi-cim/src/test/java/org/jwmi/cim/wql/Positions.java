package org.jwmi.cim.wql;

import java.util.ArrayList;
import java.util.List;

/** Test helper: the same tree with every position set to -1, so that trees compare by content. */
final class Positions {
    private Positions() {
    }

    static WqlQuery strip(WqlQuery q) {
        if (q instanceof WqlSelect s) {
            WqlSelect.Group g = s.group() == null ? null : new WqlSelect.Group(s.group().within(),
                    props(s.group().by()), strip(s.group().having()));
            return new WqlSelect(props(s.properties()), s.className(), -1, s.within(), strip(s.where()), g);
        }
        if (q instanceof WqlAssociators a) {
            return new WqlAssociators(a.source(), -1, a.assocClass(), a.resultClass(), a.resultRole(), a.role(),
                    a.requiredQualifier(), a.requiredAssocQualifier(), a.classDefsOnly(), a.keysOnly(), a.schemaOnly());
        }
        WqlReferences r = (WqlReferences) q;
        return new WqlReferences(r.source(), -1, r.resultClass(), r.role(), r.requiredQualifier(), r.classDefsOnly(),
                r.keysOnly(), r.schemaOnly());
    }

    private static List<WqlProperty> props(List<WqlProperty> l) {
        List<WqlProperty> out = new ArrayList<>();
        for (WqlProperty p : l) {
            out.add(p.withoutPosition());
        }
        return out;
    }

    static WqlExpr strip(WqlExpr e) {
        if (e == null) {
            return null;
        }
        if (e instanceof WqlExpr.And a) {
            return new WqlExpr.And(strip(a.left()), strip(a.right()));
        }
        if (e instanceof WqlExpr.Or o) {
            return new WqlExpr.Or(strip(o.left()), strip(o.right()));
        }
        if (e instanceof WqlExpr.Not n) {
            return new WqlExpr.Not(strip(n.operand()));
        }
        if (e instanceof WqlExpr.IsNull n) {
            return new WqlExpr.IsNull(n.property().withoutPosition(), n.negated());
        }
        if (e instanceof WqlExpr.Isa i) {
            return new WqlExpr.Isa(i.property().withoutPosition(), i.className(), -1);
        }
        if (e instanceof WqlExpr.Like l) {
            return new WqlExpr.Like(l.property().withoutPosition(), l.pattern(), -1);
        }
        WqlExpr.Comparison c = (WqlExpr.Comparison) e;
        return new WqlExpr.Comparison(strip(c.left()), c.op(), strip(c.right()));
    }

    private static WqlOperand strip(WqlOperand o) {
        return o instanceof WqlProperty p ? p.withoutPosition() : ((WqlLiteral) o).withoutPosition();
    }
}
