package org.jwmi.cim.wql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.jwmi.cim.CimDateTime;
import org.jwmi.cim.CimException;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObject;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.CimType;
import org.jwmi.cim.CimValue;

/**
 * A WHERE condition compiled into a predicate over classes and instances, with WMI's comparison rules:
 * <ul>
 *   <li>strings compare without regard to case (ordering too); numbers of any integer or real type compare by
 *       value (a string literal holding a number matches a numeric property);</li>
 *   <li>booleans compare only for (in)equality, with TRUE/FALSE, 1/0 or the strings "TRUE"/"FALSE";</li>
 *   <li>datetimes compare as points in time (UTC offsets applied) or durations; a literal may be in the CIM
 *       form or a WQL date format ({@link WqlDates}, in the filter's zone); values with asterisks compare
 *       character for character;</li>
 *   <li>references compare as object paths ({@link CimObjectPath#sameObject});</li>
 *   <li>a comparison with a NULL (or missing) property is false, whatever the operator; {@code = NULL} and
 *       {@code <> NULL} mean IS NULL and IS NOT NULL; NOT is plain negation;</li>
 *   <li>embedded-object paths ({@code TargetInstance.Name}) navigate into embedded objects; a path that does
 *       not exist is NULL;</li>
 *   <li>ISA holds when the embedded object (or {@code __this}) is of the class or derives from it; arrays and
 *       embedded objects never satisfy a comparison.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class WqlFilter implements Predicate<CimObject> {
    private interface Node {
        boolean eval(CimObject o);
    }

    private final WqlExpr expr;
    private final Node root;

    private WqlFilter(WqlExpr expr, Node root) {
        this.expr = expr;
        this.root = root;
    }

    /** A filter for {@code expr} (null: everything matches), reading WQL dates in UTC. */
    public static WqlFilter compile(WqlExpr expr) {
        return compile(expr, ZoneOffset.UTC);
    }

    /** A filter for {@code expr} (null: everything matches), reading WQL dates without zone in {@code zone}. */
    public static WqlFilter compile(WqlExpr expr, ZoneId zone) {
        return new WqlFilter(expr, expr == null ? o -> true : node(expr, zone));
    }

    /** The condition compiled. */
    public WqlExpr expr() {
        return expr;
    }

    @Override
    public boolean test(CimObject o) {
        return root.eval(o);
    }

    private static Node node(WqlExpr e, ZoneId zone) {
        if (e instanceof WqlExpr.And a) {
            Node l = node(a.left(), zone);
            Node r = node(a.right(), zone);
            return o -> l.eval(o) && r.eval(o);
        }
        if (e instanceof WqlExpr.Or a) {
            Node l = node(a.left(), zone);
            Node r = node(a.right(), zone);
            return o -> l.eval(o) || r.eval(o);
        }
        if (e instanceof WqlExpr.Not n) {
            Node x = node(n.operand(), zone);
            return o -> !x.eval(o);
        }
        if (e instanceof WqlExpr.IsNull n) {
            WqlProperty p = n.property();
            return o -> {
                CimValue v = resolve(o, p);
                return (v == null || v.isNull()) != n.negated();
            };
        }
        if (e instanceof WqlExpr.Isa i) {
            WqlProperty p = i.property();
            CimName cls = i.className();
            if (p.isThis()) {
                return o -> o.isA(cls);
            }
            return o -> {
                CimValue v = resolve(o, p);
                return v != null && !v.isNull() && v.type() == CimType.OBJECT && v.asObject().isA(cls);
            };
        }
        if (e instanceof WqlExpr.Like l) {
            WqlProperty p = l.property();
            LikePattern pat = l.pattern();
            return o -> {
                CimValue v = resolve(o, p);
                String s = v == null ? null : text(v);
                return s != null && pat.matches(s);
            };
        }
        WqlExpr.Comparison c = (WqlExpr.Comparison) e;
        WqlOperand left = c.left();
        WqlOperand right = c.right();
        WqlOperator op = c.op();
        if (left instanceof WqlLiteral) {
            WqlOperand t = left;
            left = right;
            right = t;
            op = op.flipped();
        }
        WqlProperty lp = (WqlProperty) left;
        WqlOperator fop = op;
        if (right instanceof WqlLiteral lit) {
            if (lit.isNull()) {
                boolean wantNull = fop == WqlOperator.EQ;
                return o -> {
                    CimValue v = resolve(o, lp);
                    return (v == null || v.isNull()) == wantNull;
                };
            }
            Operand k = Operand.of(lit, zone);
            return o -> compare(resolve(o, lp), fop, k, zone);
        }
        WqlProperty rp = (WqlProperty) right;
        return o -> {
            CimValue b = resolve(o, rp);
            if (b == null || b.isNull()) {
                return false;
            }
            return compare(resolve(o, lp), fop, Operand.of(b, zone), zone);
        };
    }

    /** The value {@code p} designates in {@code o}, or null if the path does not exist. */
    static CimValue resolve(CimObject o, WqlProperty p) {
        List<CimName> path = p.path();
        CimObject cur = o;
        for (int i = 0; i < path.size() - 1; i++) {
            CimValue v = cur.value(path.get(i));
            if (v == null || v.isNull() || v.type() != CimType.OBJECT) {
                return null;
            }
            cur = v.asObject();
        }
        CimName last = path.get(path.size() - 1);
        if (last.equals(WqlProperty.THIS)) {
            return CimValue.object(cur);
        }
        return cur.value(last);
    }

    /** Text of a scalar value for LIKE and string comparison, or null (NULL, arrays, objects). */
    private static String text(CimValue v) {
        if (v.isNull() || v.type().isArray() || v.type() == CimType.OBJECT) {
            return null;
        }
        return switch (v.type()) {
            case STRING, REFERENCE, DATETIME -> v.asString();
            case BOOLEAN -> v.asBoolean() ? "TRUE" : "FALSE";
            case CHAR16 -> String.valueOf(v.asChar());
            case UINT64 -> Long.toUnsignedString(v.asLong());
            case REAL32, REAL64 -> String.valueOf(v.value());
            default -> String.valueOf(v.asLong());
        };
    }

    /** A comparison operand converted to every form a property might need. */
    private record Operand(String text, String folded, BigDecimal number, Boolean bool, CimDateTime dateTime,
                           boolean isString, Long exact) {
        Operand(String text, String folded, BigDecimal number, Boolean bool, CimDateTime dateTime, boolean isString) {
            this(text, folded, number, bool, dateTime, isString, exactLong(number));
        }

        private static Long exactLong(BigDecimal n) {
            if (n == null) {
                return null;
            }
            try {
                return n.longValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }

        static Operand of(WqlLiteral l, ZoneId zone) {
            switch (l.kind()) {
                case STRING: {
                    String s = (String) l.value();
                    return new Operand(s, fold(s), parseNumber(s), parseBool(s),
                            WqlDates.parse(s, zone).orElse(null), true);
                }
                case INTEGER: {
                    BigInteger b = (BigInteger) l.value();
                    return new Operand(b.toString(), b.toString(), new BigDecimal(b), b.signum() != 0, null, false);
                }
                case REAL: {
                    double d = (Double) l.value();
                    return new Operand(Double.toString(d), Double.toString(d), new BigDecimal(d), d != 0, null, false);
                }
                default: {
                    boolean b = (Boolean) l.value();
                    return new Operand(b ? "TRUE" : "FALSE", b ? "true" : "false", null, b, null, false);
                }
            }
        }

        static Operand of(CimValue v, ZoneId zone) {
            String t = WqlFilter.text(v);
            if (t == null) {
                return new Operand(null, null, null, null, null, false);
            }
            BigDecimal n = v.type().isNumeric() ? WqlFilter.number(v) : v.type() == CimType.CHAR16 ? BigDecimal.valueOf(v.asChar())
                    : parseNumber(t);
            Boolean b = v.type() == CimType.BOOLEAN ? v.asBoolean() : n != null ? n.signum() != 0 : parseBool(t);
            CimDateTime d = v.type() == CimType.DATETIME ? v.asDateTime()
                    : v.type() == CimType.STRING ? WqlDates.parse(t, zone).orElse(null) : null;
            boolean str = v.type() == CimType.STRING || v.type() == CimType.REFERENCE || v.type() == CimType.DATETIME
                    || v.type() == CimType.CHAR16;
            return new Operand(t, fold(t), n, b, d, str);
        }
    }

    private static BigDecimal parseNumber(String s) {
        String t = s.strip();
        if (t.isEmpty() || t.length() > 64) {
            return null;
        }
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return new BigDecimal(new BigInteger(t.substring(2), 16));
            }
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Boolean parseBool(String s) {
        String t = s.strip();
        if (t.equalsIgnoreCase("true") || t.equals("1")) {
            return Boolean.TRUE;
        }
        if (t.equalsIgnoreCase("false") || t.equals("0")) {
            return Boolean.FALSE;
        }
        return null;
    }

    private static BigDecimal number(CimValue v) {
        if (v.type() == CimType.REAL32 || v.type() == CimType.REAL64) {
            double d = v.asDouble();
            return Double.isNaN(d) || Double.isInfinite(d) ? null : new BigDecimal(d);
        }
        if (v.type() == CimType.UINT64 && v.asLong() < 0) {
            return new BigDecimal(v.asBigInteger());
        }
        return BigDecimal.valueOf(v.asLong());
    }

    /** {@code fold(a).compareTo(foldedB)} without allocating. */
    static int compareFolded(String a, String foldedB) {
        int n = Math.min(a.length(), foldedB.length());
        for (int i = 0; i < n; i++) {
            char x = LikePattern.fold(a.charAt(i));
            char y = foldedB.charAt(i);
            if (x != y) {
                return x - y;
            }
        }
        return a.length() - foldedB.length();
    }

    static String fold(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            sb.append(Character.toLowerCase(Character.toUpperCase(s.charAt(i))));
        }
        return sb.toString();
    }

    private static boolean compare(CimValue v, WqlOperator op, Operand k, ZoneId zone) {
        if (v == null || v.isNull() || v.type().isArray() || k.text() == null) {
            return false;
        }
        CimType t = v.type();
        switch (t) {
            case SINT8, UINT8, SINT16, UINT16, SINT32, UINT32, SINT64, UINT64, REAL32, REAL64: {
                if (k.exact() != null && t.isInteger() && !(t == CimType.UINT64 && v.asLong() < 0)) {
                    return op.test(Long.compare(v.asLong(), k.exact()));
                }
                BigDecimal a = number(v);
                return a != null && k.number() != null && op.test(a.compareTo(k.number()));
            }
            case BOOLEAN:
                return !op.isOrdering() && k.bool() != null && op.test(v.asBoolean() == k.bool() ? 0 : 1);
            case STRING:
                return op.test(compareFolded(v.asString(), k.folded()));
            case CHAR16: {
                if (k.isString() && k.text().length() == 1) {
                    return op.test(Character.compare(LikePattern.fold(v.asChar()), LikePattern.fold(k.text().charAt(0))));
                }
                return k.number() != null && op.test(BigDecimal.valueOf(v.asChar()).compareTo(k.number()));
            }
            case DATETIME: {
                CimDateTime a = v.asDateTime();
                CimDateTime b = k.dateTime();
                if (b == null) {
                    return false;
                }
                return op.test(compareDateTimes(a, b));
            }
            case REFERENCE: {
                if (!op.isOrdering()) {
                    boolean same;
                    try {
                        same = CimObjectPath.sameObject(CimObjectPath.parse(v.asString()), CimObjectPath.parse(k.text()));
                    } catch (CimException e) {
                        same = fold(v.asString()).equals(k.folded());
                    }
                    return op.test(same ? 0 : 1);
                }
                return op.test(fold(v.asString()).compareTo(k.folded()));
            }
            default:
                return false;
        }
    }

    /** Points in time by instant, intervals by length, anything with asterisks character by character. */
    static int compareDateTimes(CimDateTime a, CimDateTime b) {
        Optional<java.time.OffsetDateTime> x = a.toOffsetDateTime();
        Optional<java.time.OffsetDateTime> y = b.toOffsetDateTime();
        if (x.isPresent() && y.isPresent()) {
            return x.get().toInstant().compareTo(y.get().toInstant());
        }
        if (a.isInterval() && b.isInterval()) {
            return a.toDuration().orElseThrow().compareTo(b.toDuration().orElseThrow());
        }
        return a.text().toLowerCase(Locale.ROOT).compareTo(b.text().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return expr == null ? "TRUE" : expr.toWql();
    }
}
