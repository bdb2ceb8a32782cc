package org.jwmi.cim.wql;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jwmi.cim.CimException;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObjectPath;

class WqlRoundTripTest {
    private static final Set<String> RESERVED = Set.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IS", "ISA",
            "LIKE", "NULL", "TRUE", "FALSE", "WITHIN", "GROUP", "BY", "HAVING", "ASSOCIATORS", "REFERENCES", "OF",
            "META_CLASS");

    Arbitrary<CimName> names() {
        return Combinators.combine(
                Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withChars('_').ofLength(1),
                Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('_').ofMaxLength(7))
                .as((a, b) -> a + b).filter(s -> !RESERVED.contains(s.toUpperCase(Locale.ROOT))).map(CimName::of);
    }

    Arbitrary<WqlProperty> properties() {
        return names().list().ofMinSize(1).ofMaxSize(3).map(l -> new WqlProperty(l, -1));
    }

    Arbitrary<WqlLiteral> literals() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(10).map(WqlLiteral::string),
                Arbitraries.strings().withChars('"', '\'', '\\', '%', '[', ']', 'x', ' ', '{', '}').ofMaxLength(8)
                        .map(WqlLiteral::string),
                Arbitraries.longs().map(WqlLiteral::integer),
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE))
                        .map(b -> new WqlLiteral(WqlLiteral.Kind.INTEGER, b, -1)),
                Arbitraries.doubles().filter(d -> !d.isNaN() && !d.isInfinite()).map(WqlLiteral::real),
                Arbitraries.of(true, false).map(WqlLiteral::bool),
                Arbitraries.just(WqlLiteral.nullLiteral()));
    }

    Arbitrary<WqlExpr> predicates() {
        Arbitrary<WqlExpr> cmp = Combinators.combine(properties(), Arbitraries.of(WqlOperator.class), literals(),
                Arbitraries.integers().between(0, 2), properties()).as((p, op, lit, shape, p2) -> {
                    WqlOperator o = op.isOrdering() && (lit.isNull() || lit.kind() == WqlLiteral.Kind.BOOLEAN)
                            ? WqlOperator.EQ : op;
                    return switch (shape) {
                        case 0 -> new WqlExpr.Comparison(p, o, lit);
                        case 1 -> new WqlExpr.Comparison(lit, o, p);
                        default -> new WqlExpr.Comparison(p, op, p2);
                    };
                });
        Arbitrary<WqlExpr> like = Combinators.combine(properties(),
                Arbitraries.strings().withChars('a', 'b', '%', '_', '^', '-', '"', '\\', 'é').ofMaxLength(6),
                Arbitraries.of("", "[a-c]", "[^x]", "[_]", "[%]", "[]]"))
                .as((p, a, set) -> (WqlExpr) new WqlExpr.Like(p, LikePattern.compile(a + set), -1));
        Arbitrary<WqlExpr> isNull = Combinators.combine(properties(), Arbitraries.of(true, false))
                .as(WqlExpr.IsNull::new);
        Arbitrary<WqlExpr> isa = Combinators.combine(properties(), names()).as((p, n) -> new WqlExpr.Isa(p, n, -1));
        Arbitrary<WqlExpr> isaThis = names().map(n -> new WqlExpr.Isa(new WqlProperty(List.of(WqlProperty.THIS), -1), n, -1));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, cmp), net.jqwik.api.Tuple.of(1, like),
                net.jqwik.api.Tuple.of(1, isNull), net.jqwik.api.Tuple.of(1, isa), net.jqwik.api.Tuple.of(1, isaThis));
    }

    Arbitrary<WqlExpr> exprs(int depth) {
        if (depth == 0) {
            return predicates();
        }
        Arbitrary<WqlExpr> sub = Arbitraries.lazy(() -> exprs(depth - 1));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, predicates()),
                net.jqwik.api.Tuple.of(2, Combinators.combine(sub, sub).as(WqlExpr.And::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(sub, sub).as(WqlExpr.Or::new)),
                net.jqwik.api.Tuple.of(1, sub.map(WqlExpr.Not::new)));
    }

    Arbitrary<Double> intervals() {
        return Arbitraries.oneOf(Arbitraries.integers().between(1, 100000).map(Integer::doubleValue),
                Arbitraries.doubles().between(0.001, 1e6).ofScale(6).filter(d -> d > 0));
    }

    @Provide
    Arbitrary<WqlQuery> queries() {
        Arbitrary<WqlSelect.Group> group = Combinators.combine(intervals(), properties().list().ofMaxSize(3),
                exprs(1).injectNull(0.5)).as(WqlSelect.Group::new);
        Arbitrary<WqlQuery> select = Combinators.combine(properties().list().ofMaxSize(3), names(),
                intervals().injectNull(0.7), exprs(3).injectNull(0.2), group.injectNull(0.8))
                .as((ps, c, w, e, g) -> new WqlSelect(ps, c, -1, w, e, g));
        Arbitrary<WqlQuery> schema = exprs(2).injectNull(0.3)
                .map(e -> new WqlSelect(List.of(), WqlSelect.META_CLASS, -1, null, e, null));
        Arbitrary<CimObjectPath> paths = Arbitraries.of("A.K=1", "\\\\.\\root\\cimv2:Win32_LogicalDisk.DeviceID=\"C:\"",
                "X", "C.S=\"}{'\\\"\",N=-3", "S=@").map(CimObjectPath::parse);
        Arbitrary<WqlQuery> assoc = Combinators.combine(paths, names().injectNull(0.6), names().injectNull(0.6),
                names().injectNull(0.6), names().injectNull(0.6), names().injectNull(0.6), names().injectNull(0.6),
                Arbitraries.integers().between(0, 7)).as((p, ac, rc, rr, r, rq, raq, flags) -> {
                    boolean classDefs = (flags & 1) != 0 && rc == null;
                    boolean schemaOnly = (flags & 2) != 0 && !classDefs;
                    boolean keys = (flags & 4) != 0 && !classDefs && !schemaOnly;
                    return new WqlAssociators(p, -1, ac, rc, rr, r, rq, raq, classDefs, keys, schemaOnly);
                });
        Arbitrary<WqlQuery> refs = Combinators.combine(paths, names().injectNull(0.6), names().injectNull(0.6),
                names().injectNull(0.6), Arbitraries.integers().between(0, 7)).as((p, rc, r, rq, flags) -> {
                    boolean classDefs = (flags & 1) != 0 && rc == null;
                    boolean schemaOnly = (flags & 2) != 0 && !classDefs;
                    boolean keys = (flags & 4) != 0 && !classDefs && !schemaOnly;
                    return new WqlReferences(p, -1, rc, r, rq, classDefs, keys, schemaOnly);
                });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, select), net.jqwik.api.Tuple.of(1, schema),
                net.jqwik.api.Tuple.of(2, assoc), net.jqwik.api.Tuple.of(2, refs));
    }

    @Property(tries = 600)
    void printThenParseGivesTheSameTree(@ForAll("queries") WqlQuery q) {
        String text = q.toWql();
        WqlQuery back = WqlParser.parse(text);
        assertThat(Positions.strip(back)).as(text).isEqualTo(q);
        assertThat(back.toWql()).isEqualTo(text);
    }

    @Provide
    Arbitrary<String> noise() {
        Arbitrary<String> tokens = Arbitraries.of("SELECT", "*", "FROM", "C", "WHERE", "a", "b.c", "=", "<>", "!=",
                "<", ">=", "AND", "OR", "NOT", "(", ")", "'s'", "\"t\"", "'", "\"", "5", "-", "1.5e", "0x", "NULL",
                "TRUE", "IS", "ISA", "LIKE", "'[a'", ",", "WITHIN", "GROUP", "BY", "HAVING", "ASSOCIATORS", "OF",
                "REFERENCES", "{A=1}", "{", "}", "ClassDefsOnly", "ResultClass", "Role", "meta_class", "__this", "\\",
                "!", ";", "é", "\u0000", " ");
        return Arbitraries.oneOf(tokens.list().ofMaxSize(14).map(l -> String.join(" ", l)),
                tokens.list().ofMaxSize(14).map(l -> String.join("", l)),
                Arbitraries.strings().ofMaxLength(40));
    }

    @Property(tries = 3000)
    void arbitraryTextRaisesOnlyCimException(@ForAll("noise") String s) {
        try {
            WqlQuery q = WqlParser.parse(s);
            assertThat(WqlParser.parse(q.toWql()).toWql()).isEqualTo(q.toWql());
        } catch (CimException e) {
            assertThat(e.position()).isBetween(0, s.length());
            assertThat(e.status().isError()).isTrue();
        }
    }
}
