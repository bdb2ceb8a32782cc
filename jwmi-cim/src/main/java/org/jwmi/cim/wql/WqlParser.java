package org.jwmi.cim.wql;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jwmi.cim.CimException;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObjectPath;
import org.jwmi.cim.WbemStatus;

/**
 * A hand-written lexer and recursive-descent parser for the WMI Query Language (WMI SDK pages "WQL (SQL for
 * WMI)", "SELECT Statement for Data/Event/Schema Queries", "WHERE Clause", "WQL Operators", "LIKE Operator",
 * "ISA Operator ...", "ASSOCIATORS OF Statement", "REFERENCES OF Statement", "WITHIN Clause", "GROUP Clause",
 * "HAVING Clause").
 *
 * <p>Grammar (keywords case-insensitive; NULL, TRUE, FALSE and the statement keywords are reserved):
 * <pre>
 * statement   = select / associators / references
 * select      = SELECT ("*" / prop *("," prop)) FROM class [WITHIN number] [WHERE cond]
 *               [GROUP WITHIN number [BY prop *("," prop)] [HAVING cond]]
 * cond        = and *(OR and);  and = unary *(AND unary);  unary = NOT unary / "(" cond ")" / predicate
 * predicate   = operand op operand / prop IS [NOT] NULL / prop ISA string / prop [NOT] LIKE string
 * op          = "=" / "&lt;&gt;" / "!=" / "&lt;" / "&gt;" / "&lt;=" / "&gt;="
 * operand     = prop / string / ["-" / "+"] number / TRUE / FALSE / NULL
 * prop        = identifier *("." identifier)
 * associators = ASSOCIATORS OF "{" path "}" [WHERE 1*(AssocClass = c / ClassDefsOnly / KeysOnly / SchemaOnly
 *               / RequiredAssocQualifier = q / RequiredQualifier = q / ResultClass = c / ResultRole = p / Role = p)]
 * references  = REFERENCES OF "{" path "}" [WHERE 1*(ClassDefsOnly / KeysOnly / SchemaOnly
 *               / RequiredQualifier = q / ResultClass = c / Role = p)]
 * </pre>
 * Strings take double or single quotes, with {@code \\}, {@code \"} and {@code \'} escaped by a backslash (another
 * backslash is kept as is). Numbers are decimal or 0x-hexadecimal integers or reals ({@code 1.5}, {@code 2e3}).
 * WITHIN may also follow the WHERE clause. A comparison needs a property on at least one side; NULL is allowed
 * only with =, &lt;&gt; and != (meaning IS [NOT] NULL) and TRUE/FALSE only with =, &lt;&gt; and != (WMI SDK "WHERE
 * Clause").
 *
 * <p>Every failure is a {@link CimException} with WBEM_E_INVALID_QUERY (WBEM_E_MISSING_GROUP_WITHIN for a GROUP
 * without WITHIN, WBEM_E_QUOTA_VIOLATION for a condition with more than {@value #MAX_OPERATORS} operators or
 * nested deeper than {@value #MAX_DEPTH}) and the zero-based position of the offending character.
 */
public final class WqlParser {
    /** Most AND/OR/NOT operators in one condition. */
    public static final int MAX_OPERATORS = 4096;
    /** Deepest nesting of parentheses and NOT. */
    public static final int MAX_DEPTH = 128;

    private static final Set<String> RESERVED = Set.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IS", "ISA",
            "LIKE", "NULL", "TRUE", "FALSE", "WITHIN", "GROUP", "BY", "HAVING", "ASSOCIATORS", "REFERENCES", "OF");

    private enum T { IDENT, STRING, NUMBER, OP, LPAREN, RPAREN, COMMA, STAR, DOT, SIGN, PATH, EOF }

    private record Token(T kind, String text, int pos) {
        boolean is(String keyword) {
            return kind == T.IDENT && text.equalsIgnoreCase(keyword);
        }
    }

    private final String query;
    private final List<Token> tokens;
    private int next;
    private int operators;
    private int depth;

    private WqlParser(String query) {
        this.query = query;
        this.tokens = lex(query);
    }

    /** Parses any WQL statement. */
    public static WqlQuery parse(String query) {
        if (query == null) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_PARAMETER, "query is null");
        }
        return new WqlParser(query).statement();
    }

    /**
     * Parses {@code query} in {@code language}, as IWbemServices::ExecQuery receives them: the language must be
     * "WQL" (WBEM_E_INVALID_QUERY_TYPE otherwise).
     */
    public static WqlQuery parse(String language, String query) {
        if (language == null || !language.equalsIgnoreCase("WQL")) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_QUERY_TYPE, "query language must be WQL, not " + language);
        }
        return parse(query);
    }

    /**
     * Parses a data, schema or association query (IWbemServices::ExecQuery): event clauses (WITHIN, GROUP) are
     * rejected with WBEM_E_INVALID_QUERY.
     */
    public static WqlQuery parseDataQuery(String query) {
        WqlQuery q = parse(query);
        if (q instanceof WqlSelect s && s.hasEventClauses()) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_QUERY, "WITHIN and GROUP belong to event queries",
                    s.classPosition());
        }
        return q;
    }

    /**
     * Parses an event query (IWbemServices::ExecNotificationQuery): it must be a SELECT from an event class, not
     * from meta_class and not an association statement (WBEM_E_INVALID_QUERY otherwise).
     */
    public static WqlSelect parseEventQuery(String query) {
        WqlQuery q = parse(query);
        if (!(q instanceof WqlSelect s) || s.isSchemaQuery()) {
            throw new CimException(WbemStatus.WBEM_E_INVALID_QUERY, "an event query is a SELECT from an event class", 0);
        }
        return s;
    }

    // ------------------------------------------------------------------ lexer

    private static CimException error(String message, int pos) {
        return new CimException(WbemStatus.WBEM_E_INVALID_QUERY, message, pos);
    }

    private static boolean identStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    private static boolean identPart(char c) {
        return identStart(c) || (c >= '0' && c <= '9');
    }

    private static List<Token> lex(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (identStart(c) && !Character.isWhitespace(c)) {
                while (i < n && identPart(s.charAt(i)) && !Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                out.add(new Token(T.IDENT, s.substring(start, i), start));
            } else if (c >= '0' && c <= '9' || (c == '.' && i + 1 < n && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '9')) {
                i = number(s, i);
                out.add(new Token(T.NUMBER, s.substring(start, i), start));
            } else if (c == '"' || c == '\'') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw error("unterminated string", start);
                    }
                    char x = s.charAt(i++);
                    if (x == c) {
                        break;
                    }
                    if (x == '\\' && i < n && (s.charAt(i) == '\\' || s.charAt(i) == '"' || s.charAt(i) == '\'')) {
                        sb.append(s.charAt(i++));
                    } else {
                        sb.append(x);
                    }
                }
                out.add(new Token(T.STRING, sb.toString(), start));
            } else if (c == '{') {
                i++;
                char quote = 0;
                while (true) {
                    if (i >= n) {
                        throw error("unterminated object path: '}' expected", start);
                    }
                    char x = s.charAt(i);
                    if (quote != 0) {
                        if (x == '\\' && i + 1 < n) {
                            i += 2;
                            continue;
                        }
                        if (x == quote) {
                            quote = 0;
                        }
                    } else if (x == '"' || x == '\'') {
                        quote = x;
                    } else if (x == '}') {
                        break;
                    }
                    i++;
                }
                out.add(new Token(T.PATH, s.substring(start + 1, i), start + 1));
                i++;
            } else {
                switch (c) {
                    case '(' -> out.add(new Token(T.LPAREN, "(", i++));
                    case ')' -> out.add(new Token(T.RPAREN, ")", i++));
                    case ',' -> out.add(new Token(T.COMMA, ",", i++));
                    case '*' -> out.add(new Token(T.STAR, "*", i++));
                    case '.' -> out.add(new Token(T.DOT, ".", i++));
                    case '-', '+' -> out.add(new Token(T.SIGN, String.valueOf(c), i++));
                    case '=' -> out.add(new Token(T.OP, "=", i++));
                    case '<' -> {
                        if (i + 1 < n && (s.charAt(i + 1) == '=' || s.charAt(i + 1) == '>')) {
                            out.add(new Token(T.OP, s.substring(i, i + 2), i));
                            i += 2;
                        } else {
                            out.add(new Token(T.OP, "<", i++));
                        }
                    }
                    case '>' -> {
                        if (i + 1 < n && s.charAt(i + 1) == '=') {
                            out.add(new Token(T.OP, ">=", i));
                            i += 2;
                        } else {
                            out.add(new Token(T.OP, ">", i++));
                        }
                    }
                    case '!' -> {
                        if (i + 1 < n && s.charAt(i + 1) == '=') {
                            out.add(new Token(T.OP, "!=", i));
                            i += 2;
                        } else {
                            throw error("'!' must be followed by '='", i);
                        }
                    }
                    default -> throw error("unexpected character '" + printable(c) + "'", i);
                }
            }
        }
        out.add(new Token(T.EOF, "", n));
        return out;
    }

    private static String printable(char c) {
        return c < 0x20 || c == 0x7F ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    private static int number(String s, int i) {
        int n = s.length();
        int start = i;
        if (s.charAt(i) == '0' && i + 1 < n && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')) {
            i += 2;
            int h = i;
            while (i < n && Character.digit(s.charAt(i), 16) >= 0 && s.charAt(i) < 0x80) {
                i++;
            }
            if (i == h) {
                throw error("hexadecimal digits expected", h);
            }
        } else {
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            if (i < n && s.charAt(i) == '.') {
                i++;
                while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    i++;
                }
            }
            if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                int e = i + 1;
                if (e < n && (s.charAt(e) == '+' || s.charAt(e) == '-')) {
                    e++;
                }
                int d = e;
                while (e < n && s.charAt(e) >= '0' && s.charAt(e) <= '9') {
                    e++;
                }
                if (e == d) {
                    throw error("exponent digits expected", d);
                }
                i = e;
            }
        }
        if (i < n && identPart(s.charAt(i)) && !Character.isWhitespace(s.charAt(i))) {
            throw error("malformed number", start);
        }
        if (i - start > 64) {
            throw error("number too long", start);
        }
        return i;
    }

    // ------------------------------------------------------------------ parser helpers

    private Token peek() {
        return tokens.get(next);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(next + ahead, tokens.size() - 1));
    }

    private Token take() {
        Token t = tokens.get(next);
        if (t.kind != T.EOF) {
            next++;
        }
        return t;
    }

    private CimException unexpected(Token t, String expected) {
        String found = t.kind == T.EOF ? "end of query" : "'" + abbreviate(t.text) + "'";
        return error(expected + " expected, found " + found, t.pos);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private Token keyword(String kw) {
        Token t = take();
        if (!t.is(kw)) {
            throw unexpected(t, kw);
        }
        return t;
    }

    private static boolean isReserved(Token t) {
        return t.kind == T.IDENT && RESERVED.contains(t.text.toUpperCase(Locale.ROOT));
    }

    private CimName name(String what) {
        Token t = take();
        if (t.kind != T.IDENT || isReserved(t)) {
            throw unexpected(t, what);
        }
        return CimName.of(t.text);
    }

    private void expectEnd() {
        Token t = peek();
        if (t.kind != T.EOF) {
            throw error("unexpected '" + abbreviate(t.text) + "' after the end of the statement", t.pos);
        }
    }

    // ------------------------------------------------------------------ statements

    private WqlQuery statement() {
        Token t = peek();
        WqlQuery q;
        if (t.is("SELECT")) {
            q = select();
        } else if (t.is("ASSOCIATORS")) {
            q = associators();
        } else if (t.is("REFERENCES")) {
            q = references();
        } else {
            throw unexpected(t, "SELECT, ASSOCIATORS OF or REFERENCES OF");
        }
        expectEnd();
        return q;
    }

    private WqlSelect select() {
        keyword("SELECT");
        List<WqlProperty> props = new ArrayList<>();
        Token starTok = peek();
        if (starTok.kind == T.STAR) {
            take();
        } else {
            props.add(property());
            while (peek().kind == T.COMMA) {
                take();
                props.add(property());
            }
        }
        keyword("FROM");
        Token clsTok = peek();
        CimName cls = name("class name");
        boolean schema = cls.equals(WqlSelect.META_CLASS);
        if (schema && !props.isEmpty()) {
            throw error("schema queries (FROM meta_class) only support SELECT *", props.get(0).position());
        }
        Double within = null;
        WqlExpr where = null;
        WqlSelect.Group group = null;
        if (peek().is("WITHIN")) {
            within = interval(take());
        }
        if (peek().is("WHERE")) {
            take();
            where = condition();
        }
        if (within == null && peek().is("WITHIN")) {
            within = interval(take());
        }
        if (peek().is("GROUP")) {
            Token g = take();
            if (!peek().is("WITHIN")) {
                throw new CimException(WbemStatus.WBEM_E_MISSING_GROUP_WITHIN, "GROUP must be followed by WITHIN",
                        peek().pos);
            }
            double gw = interval(take());
            List<WqlProperty> by = new ArrayList<>();
            if (peek().is("BY")) {
                take();
                by.add(property());
                while (peek().kind == T.COMMA) {
                    take();
                    by.add(property());
                }
            }
            WqlExpr having = null;
            if (peek().is("HAVING")) {
                take();
                having = condition();
            }
            group = new WqlSelect.Group(gw, by, having);
            if (schema) {
                throw error("GROUP is not allowed in a schema query", g.pos);
            }
        } else if (peek().is("HAVING") || peek().is("BY")) {
            throw new CimException(WbemStatus.WBEM_E_MISSING_GROUP_WITHIN, peek().text.toUpperCase(Locale.ROOT)
                    + " needs GROUP WITHIN", peek().pos);
        }
        if (schema && within != null) {
            throw error("WITHIN is not allowed in a schema query", clsTok.pos);
        }
        return new WqlSelect(props, cls, clsTok.pos, within, where, group);
    }

    private double interval(Token withinTok) {
        Token t = take();
        if (t.kind != T.NUMBER) {
            throw unexpected(t, "interval (seconds) after " + withinTok.text.toUpperCase(Locale.ROOT));
        }
        WqlLiteral lit = numberLiteral(t, false);
        double d = lit.kind() == WqlLiteral.Kind.REAL ? (Double) lit.value() : ((BigInteger) lit.value()).doubleValue();
        if (!(d > 0) || Double.isInfinite(d)) {
            throw error("the interval must be a positive number of seconds", t.pos);
        }
        return d;
    }

    private WqlProperty property() {
        Token first = peek();
        List<CimName> path = new ArrayList<>();
        path.add(name("property name"));
        while (peek().kind == T.DOT) {
            take();
            path.add(name("property name after '.'"));
        }
        return new WqlProperty(path, first.pos);
    }

    private CimObjectPath sourcePath(Token of) {
        Token t = take();
        if (t.kind != T.PATH) {
            throw unexpected(t, "'{' object path '}' after " + of.text.toUpperCase(Locale.ROOT));
        }
        String raw = t.text;
        int lead = 0;
        while (lead < raw.length() && Character.isWhitespace(raw.charAt(lead))) {
            lead++;
        }
        String p = raw.strip();
        try {
            return CimObjectPath.parse(p);
        } catch (CimException e) {
            throw error("invalid object path: " + e.getMessage(), t.pos + lead + Math.max(0, e.position()));
        }
    }

    private WqlAssociators associators() {
        keyword("ASSOCIATORS");
        Token of = keyword("OF");
        Token pathTok = peek();
        CimObjectPath source = sourcePath(of);
        Keywords k = whereKeywords(Set.of("ASSOCCLASS", "CLASSDEFSONLY", "KEYSONLY", "REQUIREDASSOCQUALIFIER",
                "REQUIREDQUALIFIER", "RESULTCLASS", "RESULTROLE", "ROLE", "SCHEMAONLY"));
        return new WqlAssociators(source, pathTok.pos, k.get("ASSOCCLASS"), k.get("RESULTCLASS"), k.get("RESULTROLE"),
                k.get("ROLE"), k.get("REQUIREDQUALIFIER"), k.get("REQUIREDASSOCQUALIFIER"), k.has("CLASSDEFSONLY"),
                k.has("KEYSONLY"), k.has("SCHEMAONLY"));
    }

    private WqlReferences references() {
        keyword("REFERENCES");
        Token of = keyword("OF");
        Token pathTok = peek();
        CimObjectPath source = sourcePath(of);
        Keywords k = whereKeywords(Set.of("CLASSDEFSONLY", "KEYSONLY", "REQUIREDQUALIFIER", "RESULTCLASS", "ROLE",
                "SCHEMAONLY"));
        return new WqlReferences(source, pathTok.pos, k.get("RESULTCLASS"), k.get("ROLE"), k.get("REQUIREDQUALIFIER"),
                k.has("CLASSDEFSONLY"), k.has("KEYSONLY"), k.has("SCHEMAONLY"));
    }

    private static final Set<String> FLAG_KEYWORDS = Set.of("CLASSDEFSONLY", "KEYSONLY", "SCHEMAONLY");

    private static final class Keywords {
        final java.util.Map<String, CimName> values = new java.util.HashMap<>();
        final java.util.Map<String, Integer> positions = new java.util.HashMap<>();

        CimName get(String k) {
            return values.get(k);
        }

        boolean has(String k) {
            return positions.containsKey(k);
        }
    }

    private Keywords whereKeywords(Set<String> allowed) {
        Keywords k = new Keywords();
        if (!peek().is("WHERE")) {
            return k;
        }
        Token where = take();
        while (peek().kind != T.EOF) {
            Token t = take();
            String kw = t.kind == T.IDENT ? t.text.toUpperCase(Locale.ROOT) : "";
            if (!allowed.contains(kw)) {
                if (t.is("AND") || t.is("OR")) {
                    throw error(t.text + " cannot join the keywords of this statement; list them separated by spaces",
                            t.pos);
                }
                throw unexpected(t, "one of the keywords " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
            if (k.positions.containsKey(kw)) {
                throw error("keyword " + t.text + " given twice", t.pos);
            }
            k.positions.put(kw, t.pos);
            if (!FLAG_KEYWORDS.contains(kw)) {
                Token op = take();
                if (op.kind != T.OP || !op.text.equals("=")) {
                    throw unexpected(op, "'=' after " + t.text);
                }
                Token v = take();
                if (v.kind == T.IDENT && !isReserved(v) || v.kind == T.STRING && !v.text.isEmpty()) {
                    try {
                        k.values.put(kw, CimName.of(v.text));
                    } catch (CimException e) {
                        throw error("empty name after " + t.text, v.pos);
                    }
                } else {
                    throw unexpected(v, "a name after " + t.text + " =");
                }
            }
        }
        if (k.positions.isEmpty()) {
            throw error("keyword expected after WHERE", where.pos + where.text.length());
        }
        if (k.has("CLASSDEFSONLY") && k.positions.containsKey("RESULTCLASS")) {
            throw error("ClassDefsOnly and ResultClass are mutually exclusive", k.positions.get("RESULTCLASS"));
        }
        if (k.has("CLASSDEFSONLY") && k.has("SCHEMAONLY")) {
            throw error("ClassDefsOnly and SchemaOnly are mutually exclusive", k.positions.get("SCHEMAONLY"));
        }
        if (k.has("KEYSONLY") && (k.has("SCHEMAONLY") || k.has("CLASSDEFSONLY"))) {
            throw error("KeysOnly applies to instances, not to class results", k.positions.get("KEYSONLY"));
        }
        return k;
    }

    // ------------------------------------------------------------------ conditions

    private void countOperator(Token t) {
        if (++operators > MAX_OPERATORS) {
            throw new CimException(WbemStatus.WBEM_E_QUOTA_VIOLATION, "too many AND/OR/NOT operators", t.pos);
        }
    }

    private WqlExpr condition() {
        Token start = peek();
        if (++depth > MAX_DEPTH) {
            throw new CimException(WbemStatus.WBEM_E_QUOTA_VIOLATION, "condition nested too deeply", start.pos);
        }
        WqlExpr e = andExpr();
        while (peek().is("OR")) {
            countOperator(take());
            e = new WqlExpr.Or(e, andExpr());
        }
        depth--;
        return e;
    }

    private WqlExpr andExpr() {
        WqlExpr e = unary();
        while (peek().is("AND")) {
            countOperator(take());
            e = new WqlExpr.And(e, unary());
        }
        return e;
    }

    private WqlExpr unary() {
        Token t = peek();
        if (t.is("NOT")) {
            countOperator(take());
            if (++depth > MAX_DEPTH) {
                throw new CimException(WbemStatus.WBEM_E_QUOTA_VIOLATION, "condition nested too deeply", t.pos);
            }
            WqlExpr e = new WqlExpr.Not(unary());
            depth--;
            return e;
        }
        if (t.kind == T.LPAREN) {
            take();
            WqlExpr e = condition();
            Token r = take();
            if (r.kind != T.RPAREN) {
                throw unexpected(r, "')'");
            }
            return e;
        }
        return predicate();
    }

    private WqlExpr predicate() {
        WqlOperand left = operand();
        Token t = peek();
        if (left instanceof WqlProperty p) {
            if (t.is("IS")) {
                take();
                boolean not = false;
                if (peek().is("NOT")) {
                    take();
                    not = true;
                }
                Token nul = take();
                if (!nul.is("NULL")) {
                    throw unexpected(nul, "NULL (IS and IS NOT only compare with NULL)");
                }
                return new WqlExpr.IsNull(p, not);
            }
            if (t.is("ISA")) {
                take();
                Token c = take();
                if (c.kind != T.STRING || !CimName.isIdentifier(c.text)) {
                    throw unexpected(c, "a quoted class name after ISA");
                }
                return new WqlExpr.Isa(p, CimName.of(c.text), c.pos);
            }
            if (t.is("LIKE") || (t.is("NOT") && peek(1).is("LIKE"))) {
                boolean not = t.is("NOT");
                if (not) {
                    take();
                }
                take();
                Token s = take();
                if (s.kind != T.STRING) {
                    throw unexpected(s, "a quoted pattern after LIKE");
                }
                WqlExpr like = new WqlExpr.Like(p, LikePattern.compile(s.text, s.pos), s.pos);
                return not ? new WqlExpr.Not(like) : like;
            }
        } else if (t.is("IS") || t.is("ISA") || t.is("LIKE")) {
            throw error(t.text.toUpperCase(Locale.ROOT) + " needs a property on its left", left.position());
        }
        Token opTok = take();
        if (opTok.kind != T.OP) {
            throw unexpected(opTok, "comparison operator");
        }
        WqlOperator op = switch (opTok.text) {
            case "=" -> WqlOperator.EQ;
            case "<>", "!=" -> WqlOperator.NE;
            case "<" -> WqlOperator.LT;
            case ">" -> WqlOperator.GT;
            case "<=" -> WqlOperator.LE;
            default -> WqlOperator.GE;
        };
        WqlOperand right = operand();
        if (left instanceof WqlLiteral && right instanceof WqlLiteral) {
            throw error("a comparison needs a property on one side", left.position());
        }
        for (WqlOperand o : new WqlOperand[] {left, right}) {
            if (o instanceof WqlLiteral l && op.isOrdering()
                    && (l.kind() == WqlLiteral.Kind.NULL || l.kind() == WqlLiteral.Kind.BOOLEAN)) {
                throw error(l.toWql() + " can only be compared with =, <> or !=", l.position());
            }
        }
        return new WqlExpr.Comparison(left, op, right);
    }

    private WqlOperand operand() {
        Token t = peek();
        switch (t.kind) {
            case STRING:
                take();
                return new WqlLiteral(WqlLiteral.Kind.STRING, t.text, t.pos);
            case NUMBER:
                take();
                return numberLiteral(t, false);
            case SIGN: {
                take();
                Token num = take();
                if (num.kind != T.NUMBER || num.pos != t.pos + 1) {
                    throw unexpected(num, "number after '" + t.text + "'");
                }
                WqlLiteral l = numberLiteral(num, t.text.equals("-"));
                return new WqlLiteral(l.kind(), l.value(), t.pos);
            }
            case IDENT:
                if (t.is("NULL")) {
                    take();
                    return new WqlLiteral(WqlLiteral.Kind.NULL, null, t.pos);
                }
                if (t.is("TRUE") || t.is("FALSE")) {
                    take();
                    return new WqlLiteral(WqlLiteral.Kind.BOOLEAN, t.is("TRUE"), t.pos);
                }
                if (isReserved(t)) {
                    throw unexpected(t, "property or constant");
                }
                return property();
            default:
                throw unexpected(t, "property or constant");
        }
    }

    private WqlLiteral numberLiteral(Token t, boolean negative) {
        String s = t.text;
        if (s.length() > 2 && (s.charAt(1) == 'x' || s.charAt(1) == 'X')) {
            if (s.length() - 2 > 16) {
                throw error("number out of range", t.pos);
            }
            BigInteger v = new BigInteger(s.substring(2), 16);
            return new WqlLiteral(WqlLiteral.Kind.INTEGER, negative ? v.negate() : v, t.pos);
        }
        if (s.indexOf('.') >= 0 || s.indexOf('e') >= 0 || s.indexOf('E') >= 0) {
            double d = Double.parseDouble(s);
            if (Double.isInfinite(d)) {
                throw error("number out of range", t.pos);
            }
            return new WqlLiteral(WqlLiteral.Kind.REAL, negative ? -d : d, t.pos);
        }
        BigInteger v = new BigInteger(s);
        if (v.bitLength() > 64) {
            throw error("number out of range", t.pos);
        }
        return new WqlLiteral(WqlLiteral.Kind.INTEGER, negative ? v.negate() : v, t.pos);
    }
}
