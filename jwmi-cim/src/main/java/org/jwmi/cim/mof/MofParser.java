package org.jwmi.cim.mof;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jwmi.cim.CimType;
import org.jwmi.cim.mof.MofAst.Arr;
import org.jwmi.cim.mof.MofAst.Bool;
import org.jwmi.cim.mof.MofAst.Chr;
import org.jwmi.cim.mof.MofAst.ClassDecl;
import org.jwmi.cim.mof.MofAst.Embedded;
import org.jwmi.cim.mof.MofAst.Feature;
import org.jwmi.cim.mof.MofAst.Ident;
import org.jwmi.cim.mof.MofAst.Init;
import org.jwmi.cim.mof.MofAst.InstanceDecl;
import org.jwmi.cim.mof.MofAst.Int;
import org.jwmi.cim.mof.MofAst.Method;
import org.jwmi.cim.mof.MofAst.Null;
import org.jwmi.cim.mof.MofAst.Pos;
import org.jwmi.cim.mof.MofAst.Pragma;
import org.jwmi.cim.mof.MofAst.Prop;
import org.jwmi.cim.mof.MofAst.Qual;
import org.jwmi.cim.mof.MofAst.QualifierDecl;
import org.jwmi.cim.mof.MofAst.Real;
import org.jwmi.cim.mof.MofAst.Stmt;
import org.jwmi.cim.mof.MofAst.Str;
import org.jwmi.cim.mof.MofAst.TypeRef;
import org.jwmi.cim.mof.MofAst.Value;
import org.jwmi.cim.mof.MofAst.Word;
import org.jwmi.cim.mof.MofLexer.Kind;
import org.jwmi.cim.mof.MofLexer.Token;

/**
 * Recursive-descent parser for the MOF mofcomp accepts. Includes are read here (through the
 * {@link IncludeResolver}), so that a syntax error anywhere stops the compilation before anything is built.
 *
 * <pre>
 * unit        = *( pragma / include / qualifierDecl / classDecl / instanceDecl )
 * pragma      = "#" "pragma" name [ "(" [ arg *( "," arg ) ] ")" ]       arg = string / ["-"] integer / identifier
 * include     = "#" ( "include" / "pragma" "include" ) ( "(" string ")" / string )
 * qualifierDecl = QUALIFIER name ":" ( 1*flavor                         ; WMI: default flavors only
 *               / type [ "[" [integer] "]" ] [ "=" value ] *( [","] ( SCOPE / FLAVOR ) "(" words ")" ) ) ";"
 * classDecl   = [quals] CLASS name [AS $alias] [ ":" superclass ] [AS $alias] "{" *feature "}" ";"
 * feature     = [quals] type name ( [ "[" [integer] "]" ] [ "=" value ] / "(" [param *("," param)] ")" ) ";"
 * param       = [quals] type name [ "[" [integer] "]" ] [ "=" value ]
 * type        = builtin / object / Class / ( Class / object ) REF / void
 * instanceDecl = [quals] INSTANCE OF Class [AS $alias] "{" *( [quals] name "=" value ";" ) "}" ";"
 * quals       = "[" qual *( "," qual ) "]"        qual = name [ "(" value ")" / array ] [ ":" 1*flavor ]
 * value       = ["-"/"+"] number / 1*string / char / TRUE / FALSE / NULL / $alias / array
 *             / [quals] INSTANCE OF Class "{" ... "}"
 * array       = "{" [ value *( "," value ) ] "}"
 * </pre>
 */
final class MofParser {
    /** Deepest nesting of embedded instances and arrays in one value. */
    static final int MAX_DEPTH = 32;
    /** Deepest nesting of included files. */
    static final int MAX_INCLUDE_DEPTH = 16;

    static final Set<String> FLAVORS = Set.of("toinstance", "tosubclass", "enableoverride", "disableoverride",
            "restricted", "nottoinstance", "nottosubclass", "amended", "translatable");

    private final SourceText src;
    private final MofLexer lexer;
    private final List<Token> toks = new ArrayList<>();
    private final IncludeResolver includes;
    private final List<String> fileStack;
    private final List<String> files;
    private int p;
    private int depth;

    private MofParser(SourceText src, IncludeResolver includes, List<String> fileStack, List<String> files) {
        this.src = src;
        this.lexer = new MofLexer(src);
        this.includes = includes;
        this.fileStack = fileStack;
        this.files = files;
    }

    /**
     * Parses {@code src} and everything it includes into one statement list; {@code files} receives the names of
     * the files read. Throws {@link MofFailure} at the first syntax error.
     */
    static List<Stmt> parse(SourceText src, IncludeResolver includes, List<String> files) {
        List<Stmt> out = new ArrayList<>();
        List<String> stack = new ArrayList<>();
        stack.add(src.name());
        files.add(src.name());
        new MofParser(src, includes, stack, files).unit(out);
        return out;
    }

    // ------------------------------------------------------------------ helpers

    /** The token {@code k} places ahead, lexing only as far as needed (so that errors come in text order). */
    private Token peek(int k) {
        while (toks.size() <= p + k) {
            if (!toks.isEmpty() && toks.get(toks.size() - 1).is(Kind.EOF)) {
                return toks.get(toks.size() - 1);
            }
            toks.add(lexer.next());
        }
        return toks.get(p + k);
    }

    private Token peek() {
        return peek(0);
    }

    private Token take() {
        Token t = peek();
        if (t.kind() != Kind.EOF) {
            p++;
        }
        return t;
    }

    private Pos pos(Token t) {
        return new Pos(src, t.offset());
    }

    private MofFailure err(Token at, MofErrorCode code, String msg) {
        return MofFailure.of(src, at.offset(), code, msg + ", found " + at.describe());
    }

    private Token expect(Kind k, MofErrorCode code, String what) {
        Token t = peek();
        if (t.kind() != k) {
            throw err(t, code, "expected " + what);
        }
        return take();
    }

    private Ident ident(MofErrorCode code, String what) {
        Token t = expect(Kind.IDENT, code, what);
        return new Ident(t.text(), pos(t));
    }

    // ------------------------------------------------------------------ top level

    private void unit(List<Stmt> out) {
        while (!peek().is(Kind.EOF)) {
            Token t = peek();
            if (t.is(Kind.HASH)) {
                directive(out);
            } else if (t.is("qualifier")) {
                out.add(qualifierDecl());
            } else if (t.is("typedef") || t.is("enum")) {
                throw err(t, MofErrorCode.WBEMMOF_E_TYPEDEF_NOT_SUPPORTED, "typedefs and enumerations are not supported");
            } else if (t.is(Kind.LBRACK) || t.is("class") || t.is("instance")) {
                List<Qual> quals = t.is(Kind.LBRACK) ? qualifierList() : List.of();
                Token k = peek();
                if (k.is("class")) {
                    out.add(classDecl(t, quals));
                } else if (k.is("instance")) {
                    InstanceDecl d = instance(t, quals, true);
                    expect(Kind.SEMI, MofErrorCode.WBEMMOF_E_EXPECTED_SEMI, "';' after the instance's closing '}'");
                    out.add(d);
                } else {
                    throw err(k, MofErrorCode.WBEMMOF_E_INVALID_CLASS_DECLARATION,
                            "a qualifier list at file scope must be followed by 'class' or 'instance of'");
                }
            } else {
                throw err(t, MofErrorCode.WBEMMOF_E_UNRECOGNIZED_TOKEN,
                        "expected '#pragma', 'qualifier', 'class', 'instance of' or '[' at file scope");
            }
        }
    }

    private void directive(List<Stmt> out) {
        Token hash = take();
        Token name = peek();
        if (name.is("include")) {
            take();
            include(hash, out);
            return;
        }
        if (!name.is("pragma")) {
            throw err(name, MofErrorCode.WBEMMOF_E_INVALID_PRAGMA, "'#' must be followed by 'pragma' or 'include'");
        }
        take();
        Token pn = peek();
        if (!pn.is(Kind.IDENT)) {
            throw err(pn, MofErrorCode.WBEMMOF_E_INVALID_PRAGMA, "'#pragma' must be followed by a pragma name");
        }
        take();
        if (pn.is("include")) {
            include(hash, out);
            return;
        }
        List<Value> args = new ArrayList<>();
        if (peek().is(Kind.LPAREN)) {
            take();
            if (!peek().is(Kind.RPAREN)) {
                args.add(pragmaArg());
                while (peek().is(Kind.COMMA)) {
                    take();
                    args.add(pragmaArg());
                }
            }
            expect(Kind.RPAREN, MofErrorCode.WBEMMOF_E_EXPECTED_CLOSE_PAREN, "')' closing the #pragma arguments");
        }
        out.add(new Pragma(pos(hash), new Ident(pn.text(), pos(pn)), args));
    }

    private Value pragmaArg() {
        Token t = peek();
        if (t.is(Kind.IDENT)) {
            take();
            return new Word(pos(t), t.text());
        }
        if (t.is(Kind.STRING) || t.is(Kind.INT) || t.is(Kind.MINUS)) {
            return value();
        }
        throw err(t, MofErrorCode.WBEMMOF_E_INVALID_PRAGMA, "expected a string, a number or a word as #pragma argument");
    }

    private void include(Token hash, List<Stmt> out) {
        boolean paren = peek().is(Kind.LPAREN);
        if (paren) {
            take();
        }
        Token name = expect(Kind.STRING, MofErrorCode.WBEMMOF_E_ERROR_INVALID_INCLUDE_FILE,
                "the quoted name of the file to include");
        while (peek().is(Kind.STRING)) {
            name = new Token(Kind.STRING, name.text() + take().text(), null, name.offset(), name.end());
        }
        if (paren) {
            expect(Kind.RPAREN, MofErrorCode.WBEMMOF_E_EXPECTED_CLOSE_PAREN, "')' after the include file name");
        }
        if (fileStack.size() >= MAX_INCLUDE_DEPTH) {
            throw err(name, MofErrorCode.WBEMMOF_E_ERROR_INVALID_INCLUDE_FILE,
                    "includes nested deeper than " + MAX_INCLUDE_DEPTH + " files");
        }
        MofSource s = includes.resolve(name.text(), src.name());
        if (s == null) {
            throw MofFailure.of(src, name.offset(), MofErrorCode.WBEMMOF_E_ERROR_INVALID_INCLUDE_FILE,
                    "cannot include \"" + name.text() + "\": the include resolver does not know it");
        }
        for (String f : fileStack) {
            if (f.equalsIgnoreCase(s.name())) {
                throw MofFailure.of(src, name.offset(), MofErrorCode.WBEMMOF_E_ERROR_INVALID_INCLUDE_FILE,
                        "\"" + s.name() + "\" includes itself (through " + String.join(" -> ", fileStack) + ")");
            }
        }
        SourceText sub = new SourceText(s.name(), s.text());
        if (files.stream().noneMatch(f -> f.equalsIgnoreCase(s.name()))) {
            files.add(s.name());
        }
        out.add(new MofAst.IncludeStart(pos(hash), s.name()));
        fileStack.add(s.name());
        new MofParser(sub, includes, fileStack, files).unit(out);
        fileStack.remove(fileStack.size() - 1);
    }

    // ------------------------------------------------------------------ qualifier declarations

    private QualifierDecl qualifierDecl() {
        Token start = take();
        Ident name = ident(MofErrorCode.WBEMMOF_E_EXPECTED_QUALIFIER_NAME, "a qualifier name after 'qualifier'");
        expect(Kind.COLON, MofErrorCode.WBEMMOF_E_INVALID_QUALIFIER_SYNTAX, "':' after the qualifier name");
        Token t = peek();
        if (t.is(Kind.IDENT) && FLAVORS.contains(t.text().toLowerCase(Locale.ROOT))) {
            List<Ident> flavors = new ArrayList<>();
            while (peek().is(Kind.IDENT) || peek().is(Kind.COMMA)) {
                Token f = take();
                if (f.is(Kind.IDENT)) {
                    flavors.add(new Ident(f.text(), pos(f)));
                }
            }
            expect(Kind.SEMI, MofErrorCode.WBEMMOF_E_EXPECTED_SEMI, "';' after the qualifier's flavors");
            return new QualifierDecl(pos(start), name, null, null, null, List.of(), flavors);
        }
        Token typeTok = expect(Kind.IDENT, MofErrorCode.WBEMMOF_E_EXPECTED_TYPE_IDENTIFIER,
                "a type or flavors after 'qualifier " + name.text() + " :'");
        CimType type = builtin(typeTok.text());
        if (type == null) {
            throw err(typeTok, MofErrorCode.WBEMMOF_E_UNRECOGNIZED_TYPE,
                    "a qualifier's type is one of the CIM types (boolean, string, sint32, real64, ...)");
        }
        Integer size = null;
        if (peek().is(Kind.LBRACK)) {
            size = arraySuffix();
        }
        Value def = null;
        if (peek().is(Kind.EQ)) {
            take();
            def = value();
        }
        List<Ident> scopes = null;
        List<Ident> flavors = null;
        while (!peek().is(Kind.SEMI)) {
            if (peek().is(Kind.COMMA)) {
                take();
            }
            Token kw = peek();
            if (kw.is("scope") && scopes == null) {
                take();
                scopes = words("scope");
            } else if (kw.is("flavor") && flavors == null) {
                take();
                flavors = words("flavor");
            } else {
                throw err(kw, MofErrorCode.WBEMMOF_E_INVALID_QUALIFIER_SYNTAX,
                        "expected 'scope(...)', 'flavor(...)' or ';' in the declaration of qualifier " + name.text());
            }
        }
        take();
        return new QualifierDecl(pos(start), name, new TypeRef(pos(typeTok), type, false, null), size, def,
                scopes == null ? List.of() : scopes, flavors == null ? List.of() : flavors);
    }

    private List<Ident> words(String what) {
        expect(Kind.LPAREN, MofErrorCode.WBEMMOF_E_EXPECTED_OPEN_PAREN, "'(' after '" + what + "'");
        List<Ident> l = new ArrayList<>();
        l.add(ident(MofErrorCode.WBEMMOF_E_INVALID_QUALIFIER_SYNTAX, "a " + what + " word"));
        while (peek().is(Kind.COMMA)) {
            take();
            l.add(ident(MofErrorCode.WBEMMOF_E_INVALID_QUALIFIER_SYNTAX, "a " + what + " word"));
        }
        expect(Kind.RPAREN, MofErrorCode.WBEMMOF_E_EXPECTED_CLOSE_PAREN, "')' closing '" + what + "('");
        return l;
    }

    // ------------------------------------------------------------------ qualifier lists

    private List<Qual> qualifierList() {
        take();
        List<Qual> l = new ArrayList<>();
        l.add(qualifier());
        while (peek().is(Kind.COMMA)) {
            take();
            l.add(qualifier());
        }
        expect(Kind.RBRACK, MofErrorCode.WBEMMOF_E_EXPECTED_CLOSE_BRACKET, "',' or ']' in the qualifier list");
        return l;
    }

    private Qual qualifier() {
        Token n = expect(Kind.IDENT, MofErrorCode.WBEMMOF_E_EXPECTED_QUALIFIER_NAME, "a qualifier name");
        Value v = null;
        if (peek().is(Kind.LPAREN)) {
            take();
            v = value();
            expect(Kind.RPAREN, MofErrorCode.WBEMMOF_E_EXPECTED_CLOSE_PAREN, "')' after the value of qualifier " + n.text());
        } else if (peek().is(Kind.LBRACE)) {
            v = value();
        }
        List<Ident> flavors = List.of();
        if (peek().is(Kind.COLON)) {
            take();
            flavors = new ArrayList<>();
            while (peek().is(Kind.IDENT)) {
                Token f = take();
                flavors.add(new Ident(f.text(), pos(f)));
            }
            if (flavors.isEmpty()) {
                throw err(peek(), MofErrorCode.WBEMMOF_E_EXPECTED_FLAVOR_TYPE,
                        "expected a flavor (ToInstance, ToSubClass, EnableOverride, DisableOverride, Restricted, "
                                + "Amended) after ':'");
            }
        }
        return new Qual(pos(n), new Ident(n.text(), pos(n)), v, flavors);
    }

    // ------------------------------------------------------------------ classes

    private ClassDecl classDecl(Token start, List<Qual> quals) {
        take();
        Ident name = ident(MofErrorCode.WBEMMOF_E_EXPECTED_CLASS_NAME, "a class name after 'class'");
        Ident alias = optionalAlias();
        Ident sup = null;
        if (peek().is(Kind.COLON)) {
            take();
            sup = ident(MofErrorCode.WBEMMOF_E_EXPECTED_CLASS_NAME, "the superclass name after ':'");
        }
        if (alias == null) {
            alias = optionalAlias();
        }
        expect(Kind.LBRACE, MofErrorCode.WBEMMOF_E_EXPECTED_OPEN_BRACE, "'{' opening the body of class " + name.text());
        List<Feature> features = new ArrayList<>();
        while (!peek().is(Kind.RBRACE)) {
            if (peek().is(Kind.EOF)) {
                throw err(peek(), MofErrorCode.WBEMMOF_E_EXPECTED_BRACE_OR_BAD_TYPE,
                        "class " + name.text() + " is not closed by '};'");
            }
            features.add(feature());
        }
        take();
        expect(Kind.SEMI, MofErrorCode.WBEMMOF_E_EXPECTED_SEMI, "';' after the closing '}' of class " + name.text());
        return new ClassDecl(pos(start), quals, name, sup, alias, features);
    }

    private Ident optionalAlias() {
        if (!peek().is("as")) {
            return null;
        }
        take();
        Token a = expect(Kind.ALIAS, MofErrorCode.WBEMMOF_E_EXPECTED_DOLLAR, "an alias '$name' after 'as'");
        return new Ident(a.text(), pos(a));
    }

    private static CimType builtin(String word) {
        if (word.equalsIgnoreCase("ref") || word.equalsIgnoreCase("object")) {
            return null;
        }
        return CimType.fromMofName(word);
    }

    private TypeRef type() {
        Token t = peek();
        if (!t.is(Kind.IDENT)) {
            throw err(t, MofErrorCode.WBEMMOF_E_EXPECTED_BRACE_OR_BAD_TYPE, "expected a type (or '}' ending the class)");
        }
        take();
        CimType b = builtin(t.text());
        if (b != null) {
            return new TypeRef(pos(t), b, false, null);
        }
        if (t.is("ref")) {
            throw err(t, MofErrorCode.WBEMMOF_E_UNRECOGNIZED_TYPE, "'ref' follows a class name or 'object'");
        }
        if (t.is("void")) {
            return new TypeRef(pos(t), null, false, "void");
        }
        String cls = t.is("object") ? null : t.text();
        if (peek().is("ref") && peek(1).is(Kind.IDENT)) {
            take();
            return new TypeRef(pos(t), null, true, cls);
        }
        return new TypeRef(pos(t), null, false, cls);
    }

    private Feature feature() {
        Token start = peek();
        List<Qual> quals = start.is(Kind.LBRACK) ? qualifierList() : List.of();
        TypeRef type = type();
        Ident name = ident(MofErrorCode.WBEMMOF_E_EXPECTED_PROPERTY_NAME, "a property or method name");
        if (peek().is(Kind.LPAREN)) {
            take();
            List<Prop> params = new ArrayList<>();
            if (!peek().is(Kind.RPAREN)) {
                params.add(param());
                while (peek().is(Kind.COMMA)) {
                    take();
                    params.add(param());
                }
            }
            expect(Kind.RPAREN, MofErrorCode.WBEMMOF_E_EXPECTED_CLOSE_PAREN, "',' or ')' in the parameters of " + name.text());
            if (peek().is(Kind.LBRACK)) {
                throw err(peek(), MofErrorCode.WBEMMOF_E_NO_ARRAYS_RETURNED, "a method cannot return an array");
            }
            expect(Kind.SEMI, MofErrorCode.WBEMMOF_E_EXPECTED_SEMI, "';' after method " + name.text());
            return new Method(pos(start), quals, type, name, params);
        }
        if (type.isVoid()) {
            throw MofFailure.of(type.pos(), MofErrorCode.WBEMMOF_E_UNRECOGNIZED_TYPE,
                    "'void' is only a method return type; property " + name.text() + " needs a type");
        }
        Integer size = peek().is(Kind.LBRACK) ? arraySuffix() : null;
        Value def = null;
        if (peek().is(Kind.EQ)) {
            take();
            def = value();
        }
        expect(Kind.SEMI, MofErrorCode.WBEMMOF_E_EXPECTED_SEMI, "';' or '=' after property " + name.text());
        return new Prop(pos(start), quals, type, name, size, def);
    }

    private Prop param() {
        Token start = peek();
        List<Qual> quals = start.is(Kind.LBRACK) ? qualifierList() : List.of();
        TypeRef type = type();
        if (type.isVoid()) {
            throw err(start, MofErrorCode.WBEMMOF_E_UNRECOGNIZED_TYPE, "a parameter cannot be void");
        }
        Ident name = ident(MofErrorCode.WBEMMOF_E_EXPECTED_PROPERTY_NAME, "a parameter name");
        Integer size = peek().is(Kind.LBRACK) ? arraySuffix() : null;
        Value def = null;
        if (peek().is(Kind.EQ)) {
            take();
            def = value();
        }
        return new Prop(pos(start), quals, type, name, size, def);
    }

    /** {@code [} [n] {@code ]}: -1 for an unbounded array. */
    private Integer arraySuffix() {
        take();
        int size = -1;
        if (peek().is(Kind.INT)) {
            Token n = take();
            if (n.intValue().signum() <= 0 || n.intValue().bitLength() > 31) {
                throw err(n, MofErrorCode.WBEMMOF_E_OUT_OF_RANGE, "an array size is a positive 32-bit number");
            }
            size = n.intValue().intValue();
        }
        expect(Kind.RBRACK, MofErrorCode.WBEMMOF_E_EXPECTED_CLOSE_BRACKET, "']' ending the array declaration");
        return size;
    }

    // ------------------------------------------------------------------ instances

    private InstanceDecl instance(Token start, List<Qual> quals, boolean topLevel) {
        take();
        if (!peek().is("of")) {
            throw err(peek(), MofErrorCode.WBEMMOF_E_INVALID_INSTANCE_DECLARATION, "expected 'of' after 'instance'");
        }
        take();
        Ident cls = ident(MofErrorCode.WBEMMOF_E_EXPECTED_CLASS_NAME, "a class name after 'instance of'");
        Ident alias = optionalAlias();
        if (alias != null && !topLevel) {
            throw MofFailure.of(alias.pos(), MofErrorCode.WBEMMOF_E_ALIASES_IN_EMBEDDED,
                    "an embedded instance cannot have an alias ($" + alias.text() + ")");
        }
        expect(Kind.LBRACE, MofErrorCode.WBEMMOF_E_EXPECTED_OPEN_BRACE, "'{' opening the instance of " + cls.text());
        List<Init> inits = new ArrayList<>();
        while (!peek().is(Kind.RBRACE)) {
            Token s = peek();
            if (s.is(Kind.EOF)) {
                throw err(s, MofErrorCode.WBEMMOF_E_EXPECTED_CLOSE_BRACE, "the instance of " + cls.text()
                        + " is not closed by '}'");
            }
            List<Qual> pq = s.is(Kind.LBRACK) ? qualifierList() : List.of();
            Ident name = ident(MofErrorCode.WBEMMOF_E_EXPECTED_PROPERTY_NAME, "a property name or '}'");
            expect(Kind.EQ, MofErrorCode.WBEMMOF_E_EXPECTED_SEMI, "'=' after property " + name.text());
            Value v = value();
            expect(Kind.SEMI, MofErrorCode.WBEMMOF_E_EXPECTED_SEMI, "';' after the value of " + name.text());
            inits.add(new Init(pos(s), pq, name, v));
        }
        take();
        return new InstanceDecl(pos(start), quals, cls, alias, inits);
    }

    // ------------------------------------------------------------------ values

    private Value value() {
        if (++depth > MAX_DEPTH) {
            throw err(peek(), MofErrorCode.WBEMMOF_E_INVALID_INSTANCE_DECLARATION,
                    "values nested deeper than " + MAX_DEPTH + " levels");
        }
        try {
            return valueBody();
        } finally {
            depth--;
        }
    }

    private Value valueBody() {
        Token t = peek();
        switch (t.kind()) {
            case MINUS, PLUS -> {
                take();
                Token n = peek();
                boolean neg = t.is(Kind.MINUS);
                if (n.is(Kind.INT)) {
                    take();
                    return new Int(pos(t), neg ? n.intValue().negate() : n.intValue());
                }
                if (n.is(Kind.REAL)) {
                    take();
                    return new Real(pos(t), (neg ? "-" : "") + n.text());
                }
                throw err(n, MofErrorCode.WBEMMOF_E_ILLEGAL_CONSTANT_VALUE, "expected a number after '" + t.text() + "'");
            }
            case INT -> {
                take();
                return new Int(pos(t), t.intValue());
            }
            case REAL -> {
                take();
                return new Real(pos(t), t.text());
            }
            case STRING -> {
                take();
                StringBuilder sb = new StringBuilder(t.text());
                while (peek().is(Kind.STRING)) {
                    sb.append(take().text());
                }
                return new Str(pos(t), sb.toString());
            }
            case CHAR -> {
                take();
                return new Chr(pos(t), t.text().charAt(0));
            }
            case ALIAS -> {
                take();
                return new MofAst.AliasRef(pos(t), t.text());
            }
            case LBRACE -> {
                take();
                List<Value> l = new ArrayList<>();
                if (!peek().is(Kind.RBRACE)) {
                    l.add(element());
                    while (peek().is(Kind.COMMA)) {
                        take();
                        l.add(element());
                    }
                }
                expect(Kind.RBRACE, MofErrorCode.WBEMMOF_E_EXPECTED_CLOSE_BRACE, "',' or '}' in the array value");
                return new Arr(pos(t), l);
            }
            case LBRACK -> {
                List<Qual> quals = qualifierList();
                if (!peek().is("instance")) {
                    throw err(peek(), MofErrorCode.WBEMMOF_E_ILLEGAL_CONSTANT_VALUE,
                            "a qualifier list in a value must be followed by 'instance of'");
                }
                return new Embedded(pos(t), instance(t, quals, false));
            }
            case IDENT -> {
                if (t.is("true") || t.is("false")) {
                    take();
                    return new Bool(pos(t), t.is("true"));
                }
                if (t.is("null")) {
                    take();
                    return new Null(pos(t));
                }
                if (t.is("instance")) {
                    return new Embedded(pos(t), instance(t, List.of(), false));
                }
                throw err(t, MofErrorCode.WBEMMOF_E_ILLEGAL_CONSTANT_VALUE,
                        "expected a value (a string needs double quotes)");
            }
            default -> throw err(t, MofErrorCode.WBEMMOF_E_ILLEGAL_CONSTANT_VALUE, "expected a value");
        }
    }

    private Value element() {
        if (peek().is(Kind.LBRACE)) {
            throw err(peek(), MofErrorCode.WBEMMOF_E_UNEXPECTED_ARRAY_INIT, "arrays are one-dimensional");
        }
        return value();
    }
}
