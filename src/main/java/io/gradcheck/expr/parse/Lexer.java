package io.gradcheck.expr.parse;

import io.gradcheck.expr.ExpressionException;
import io.gradcheck.expr.ExpressionException.Kind;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lexer of both notations: characters → one token stream. Plain text and LaTeX share everything but the
 * backslash commands, which {@link LatexCommands} reads. It splits runs of letters into declared names and
 * functions by longest match (so that "Ax" is A times x), reads component names (x1, x_1, A_1_2, A_{12}, x[1]),
 * and maps the spellings learners type (x', xᵀ, x², ½, √, |x|, ‖x‖, .*, ⊙, ·, ×, −) to tokens. Positions are
 * always into the text as sent.
 */
final class Lexer {

    private static final Pattern IDENTITY_SIZE = Pattern.compile("_(?:(\\d+)|\\{\\s*(\\d+)\\s*\\})");
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    private static final Map<Character, String> FRACTIONS = Map.ofEntries(Map.entry('½', "1/2"),
            Map.entry('⅓', "1/3"), Map.entry('⅔', "2/3"), Map.entry('¼', "1/4"), Map.entry('¾', "3/4"),
            Map.entry('⅕', "1/5"), Map.entry('⅖', "2/5"), Map.entry('⅗', "3/5"), Map.entry('⅘', "4/5"),
            Map.entry('⅙', "1/6"), Map.entry('⅚', "5/6"), Map.entry('⅛', "1/8"), Map.entry('⅜', "3/8"),
            Map.entry('⅝', "5/8"), Map.entry('⅞', "7/8"));

    /** Every name the catalogue knows, built once. */
    private static final NameTrie CATALOGUE;

    static {
        TreeSet<String> names = new TreeSet<>(Catalogue.reservedNames());
        names.addAll(Catalogue.aliases());
        names.add(Catalogue.IDENTITY);
        CATALOGUE = new NameTrie(names);
    }

    /** A `{` waiting for its `}`, and what its `}` does. */
    private record Brace(Span open, Consumer<Span> onClose) {
    }

    final String text;
    final Declarations declarations;
    final boolean latex;
    final List<Lexeme> out = new ArrayList<>();
    int pos;
    private final NameTrie declared;
    private final Deque<Brace> braces = new ArrayDeque<>();
    private final LatexCommands commands;
    private final Components components;

    private Lexer(String text, Declarations declarations, boolean latex) {
        this.text = text;
        this.declarations = declarations;
        this.latex = latex;
        this.declared = new NameTrie(declarations.shapes().keySet());
        this.commands = new LatexCommands(this);
        this.components = new Components(this);
    }

    static List<Lexeme> lex(String text, Declarations declarations, boolean latex) {
        Lexer lexer = new Lexer(text, declarations, latex);
        lexer.run();
        if (!lexer.braces.isEmpty()) {
            throw new ExpressionException(Kind.SYNTAX, "this `{` is never closed; add `}`", lexer.braces.peek().open());
        }
        return lexer.out;
    }

    private void run() {
        while (pos < text.length()) {
            step();
        }
    }

    /** Reads one token (or skips one space). */
    void step() {
        char c = text.charAt(pos);
        if (Character.isWhitespace(c) || (latex && c == '~')) {
            pos++;
        } else if (c == '\\') {
            if (!latex) {
                throw error(Kind.SYNTAX, "`\\` starts a LaTeX command; send the expression as LaTeX "
                        + "(notation \"latex\") or write it without backslashes", pos, pos + 1);
            }
            commands.command();
        } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(charAt(pos + 1)))) {
            number();
        } else if (c == '.' && charAt(pos + 1) == '*') {
            operator(".*", 2);
        } else if (c == '.' && charAt(pos + 1) == '^') {
            operator(".^", 2);
        } else if (c == '\'' || c == 'ᵀ' || c == '′') {
            add(Lexeme.Kind.PRIME, "'", pos, pos + 1);
            pos++;
        } else if (c == '_' && lastIs(Lexeme.Kind.BAR)) {
            normIndex();
        } else if (Character.isLetter(c) || c == '_') {
            identifierRun();
        } else if (SUPERSCRIPTS.indexOf(c) >= 0 || c == '⁻' || c == '⁺') {
            superscript();
        } else {
            symbol(c);
        }
    }

    char charAt(int i) {
        return i < text.length() ? text.charAt(i) : '\0';
    }

    void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean lastIs(Lexeme.Kind kind) {
        return !out.isEmpty() && out.get(out.size() - 1).kind() == kind;
    }

    private void symbol(char c) {
        switch (c) {
            case '+' -> operator("+", 1);
            case '-', '−', '–' -> operator("-", 1);
            case '*' -> operator(charAt(pos + 1) == '*' ? "^" : "*", charAt(pos + 1) == '*' ? 2 : 1);
            case '·', '×', '⋅', '∙' -> operator("*", 1);
            case '/', '÷' -> operator("/", 1);
            case '^' -> operator("^", 1);
            case '⊙', '∘' -> operator(".*", 1);
            case '⊗' -> operator("⊗", 1);
            case '(' -> single(Lexeme.Kind.OPEN, "(");
            case ')' -> single(Lexeme.Kind.CLOSE, ")");
            case ',' -> single(Lexeme.Kind.COMMA, ",");
            case '{' -> openBrace();
            case '}' -> closeBrace();
            case '|' -> {
                boolean twice = charAt(pos + 1) == '|';
                out.add(Lexeme.bar(twice ? "‖" : "|", 0, span(pos, pos + (twice ? 2 : 1))));
                pos += twice ? 2 : 1;
            }
            case '‖' -> single(Lexeme.Kind.BAR, "‖");
            case '√' -> function("sqrt", pos, pos + 1);
            case '∛' -> function("cbrt", pos, pos + 1);
            case '[', ']' -> {
                if (!latex) {
                    throw error(Kind.SYNTAX, "`" + c + "` is only for indices such as x[1] or A[1,2]; "
                            + "use ( ) to group", pos, pos + 1);
                }
                single(c == '[' ? Lexeme.Kind.OPEN : Lexeme.Kind.CLOSE, String.valueOf(c));
            }
            default -> {
                String fraction = FRACTIONS.get(c);
                if (fraction == null) {
                    throw error(Kind.SYNTAX, "unexpected character `" + c + "`; the README lists what can be "
                            + "written", pos, pos + 1);
                }
                Span s = span(pos, pos + 1);
                out.add(Lexeme.of(Lexeme.Kind.OPEN, "(", s));
                out.add(Lexeme.number(fraction.charAt(0) - '0', fraction.substring(0, 1), s));
                out.add(Lexeme.of(Lexeme.Kind.OPERATOR, "/", s));
                out.add(Lexeme.number(fraction.charAt(2) - '0', fraction.substring(2), s));
                out.add(Lexeme.of(Lexeme.Kind.CLOSE, ")", s));
                pos++;
            }
        }
    }

    /** A brace groups, as in LaTeX: e^{x}, A^{-1}; its `}` closes the group. */
    void openBrace() {
        Span open = span(pos, pos + 1);
        out.add(Lexeme.of(Lexeme.Kind.OPEN, "{", open));
        pos++;
        braces.push(new Brace(open, close -> out.add(Lexeme.of(Lexeme.Kind.CLOSE, "}", close))));
    }

    /** Opens a brace whose `}` does something else than close a group (the parts of \frac, \sqrt). */
    void awaitBrace(Consumer<Span> onClose) {
        braces.push(new Brace(span(pos, pos + 1), onClose));
        pos++;
    }

    private void closeBrace() {
        Span close = span(pos, pos + 1);
        if (braces.isEmpty()) {
            throw new ExpressionException(Kind.SYNTAX, "this `}` has no matching `{`", close);
        }
        pos++;
        braces.pop().onClose().accept(close);
    }

    void operator(String symbol, int width) {
        add(Lexeme.Kind.OPERATOR, symbol, pos, pos + width);
        pos += width;
    }

    private void single(Lexeme.Kind kind, String spelled) {
        add(kind, spelled, pos, pos + 1);
        pos++;
    }

    void add(Lexeme.Kind kind, String spelled, int from, int to) {
        out.add(Lexeme.of(kind, spelled, span(from, to)));
    }

    void function(String name, int from, int to) {
        out.add(Lexeme.function(name, 1, span(from, to)));
        pos = to;
    }

    /** x², x⁻¹, A⁻ᵀ: the powers they show, as an exponent group ^(−1). */
    private void superscript() {
        int start = pos;
        boolean negative = false;
        if (text.charAt(pos) == '⁻' || text.charAt(pos) == '⁺') {
            negative = text.charAt(pos) == '⁻';
            pos++;
        }
        StringBuilder digits = new StringBuilder();
        while (pos < text.length() && SUPERSCRIPTS.indexOf(text.charAt(pos)) >= 0) {
            digits.append((char) ('0' + SUPERSCRIPTS.indexOf(text.charAt(pos))));
            pos++;
        }
        Span s = span(start, pos);
        if (digits.length() == 0) {
            if (negative && charAt(pos) == 'ᵀ') {
                exponentGroup(true, "1", s);
                return;
            }
            throw new ExpressionException(Kind.SYNTAX, "a superscript sign needs a number after it, as in x⁻¹", s);
        }
        exponentGroup(negative, digits.toString(), s);
    }

    private void exponentGroup(boolean negative, String digits, Span s) {
        out.add(Lexeme.of(Lexeme.Kind.OPERATOR, "^", s));
        out.add(Lexeme.of(Lexeme.Kind.OPEN, "(", s));
        if (negative) {
            out.add(Lexeme.of(Lexeme.Kind.OPERATOR, "-", s));
        }
        out.add(Lexeme.number(Double.parseDouble(digits), digits, s));
        out.add(Lexeme.of(Lexeme.Kind.CLOSE, ")", s));
    }

    private void number() {
        int start = pos;
        if (latex && lastIs(Lexeme.Kind.OPERATOR) && out.get(out.size() - 1).text().equals("^")) {
            // in LaTeX a superscript without braces is one character: x^23 is x² · 3
            pos++;
            out.add(Lexeme.number(text.charAt(start) - '0', text.substring(start, pos), span(start, pos)));
            return;
        }
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (charAt(pos) == '.' && charAt(pos + 1) != '*' && charAt(pos + 1) != '^') {
            pos++;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        // an exponent only when digits follow: "2e" is 2 times e, "1e-3" is a number
        if (charAt(pos) == 'e' || charAt(pos) == 'E') {
            int p = pos + 1;
            if (charAt(p) == '+' || charAt(p) == '-') {
                p++;
            }
            if (Character.isDigit(charAt(p))) {
                pos = p;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
            }
        }
        String literal = text.substring(start, pos);
        if (charAt(pos) == '.' && charAt(pos + 1) != '*' && charAt(pos + 1) != '^') {
            throw error(Kind.SYNTAX, "`" + literal + ".` is not a number; write " + literal + " or "
                    + literal + ".5", start, pos + 1);
        }
        double value = Double.parseDouble(literal);
        if (Double.isInfinite(value)) {
            throw error(Kind.SYNTAX, "the number " + literal + " is too large", start, pos);
        }
        out.add(Lexeme.number(value, literal, span(start, pos)));
    }

    /** ‖x‖_1, ‖x‖_2, ‖A‖_F, ‖x‖_{2}: which norm. */
    private void normIndex() {
        int start = pos;
        pos++;
        boolean braced = charAt(pos) == '{';
        int from = braced ? pos + 1 : pos;
        int to = braced ? text.indexOf('}', from) : Math.min(from + 1, text.length());
        String index = to < 0 ? "" : text.substring(from, to).trim();
        if (!index.equals("1") && !index.equals("2") && !index.equals("F")) {
            throw error(Kind.SYNTAX, "a norm takes the subscript 1, 2 or F, as in ‖x‖_1; write norm1(x), "
                    + "norm2(x) or norm(A)", start, Math.max(to, from));
        }
        pos = braced ? to + 1 : to;
        add(Lexeme.Kind.NORM_INDEX, index, start, pos);
    }

    /** A maximal run of letters, digits and underscores, read as a sequence of known names. */
    void identifierRun() {
        int start = pos;
        int end = pos;
        while (end < text.length() && isNameChar(text.charAt(end))) {
            end++;
        }
        int p = start;
        while (p < end) {
            String best = longestKnownName(p, end);
            if (best == null) {
                throw unknownName(start, p, end);
            }
            int after = p + best.length();
            Shape shape = declarations.shape(best);
            if (shape != null && !shape.isScalar()) {
                int consumed = componentSuffix(best, shape, p, after, end);
                if (consumed >= 0) {
                    p = consumed;
                    if (p > end) {
                        // a braced or bracketed index took us past the run
                        pos = p;
                        return;
                    }
                    continue;
                }
            }
            if (best.equals(Catalogue.IDENTITY) && shape == null) {
                Matcher m = IDENTITY_SIZE.matcher(text).region(after, text.length());
                if (m.lookingAt()) {
                    identity(m.group(1) != null ? m.group(1) : m.group(2), p, m.end());
                    p = m.end();
                    if (p > end) {
                        pos = p;
                        return;
                    }
                    continue;
                }
            }
            if (after < end && (Character.isDigit(text.charAt(after)) || text.charAt(after) == '_')) {
                throw unknownName(start, p, end);
            }
            emitName(best, p, after);
            p = after;
        }
        pos = end;
        if (pos < text.length() && text.charAt(pos) == '[' && lastIs(Lexeme.Kind.VARIABLE)) {
            components.bracketIndex(out.remove(out.size() - 1));
        }
    }

    /** I_3, I_{3}: the 3×3 identity. */
    private void identity(String size, int from, int to) {
        Span s = span(from, to);
        out.add(Lexeme.function("eye", 1, s));
        out.add(Lexeme.of(Lexeme.Kind.OPEN, "(", s));
        out.add(Lexeme.number(Double.parseDouble(size), size, s));
        out.add(Lexeme.of(Lexeme.Kind.CLOSE, ")", s));
    }

    static boolean isNameChar(char c) {
        return (Character.isLetterOrDigit(c) || c == '_') && c != 'ᵀ' && SUPERSCRIPTS.indexOf(c) < 0;
    }

    /** Longest match among the declared names and the catalogue's; a declared name wins a tie. */
    private String longestKnownName(int p, int end) {
        String mine = declared.longest(text, p, end);
        String known = CATALOGUE.longest(text, p, end);
        if (mine == null) {
            return known;
        }
        return known != null && known.length() > mine.length() ? known : mine;
    }

    int componentSuffix(String name, Shape shape, int from, int after, int end) {
        return components.suffix(name, shape, from, after, end);
    }

    /** Emits a known name: a declared variable, a constant, the transpose mark, I, or a function. */
    void emitName(String name, int from, int to) {
        Span s = span(from, to);
        if (declarations.contains(name)) {
            out.add(Lexeme.of(Lexeme.Kind.VARIABLE, name, s));
        } else if (Catalogue.constant(name) != null) {
            out.add(Lexeme.of(Lexeme.Kind.CONSTANT, name.equals("π") ? "pi" : name, s));
        } else if (Catalogue.TRANSPOSE_MARK.equals(name)) {
            out.add(Lexeme.of(Lexeme.Kind.TRANSPOSE_MARK, name, s));
        } else if (Catalogue.IDENTITY.equals(name)) {
            out.add(Lexeme.of(Lexeme.Kind.IDENTITY, name, s));
        } else if (Catalogue.alias(name) != null) {
            out.add(Lexeme.function(Catalogue.alias(name), 1, s));
        } else if (Catalogue.function(name) != null) {
            out.add(Lexeme.function(name, 1, s));
        } else {
            throw unknownName(from, to);
        }
    }

    ExpressionException unknownName(int p, int end) {
        return unknownName(p, p, end);
    }

    /** The part of the run from p is unknown; when the whole run is near a known name, that is the better hint. */
    private ExpressionException unknownName(int runStart, int p, int end) {
        String word = text.substring(p, end);
        boolean called = charAt(end) == '(';
        String suggestion = Suggestions.nearest(word, declarations);
        String whole = runStart < p ? Suggestions.nearest(text.substring(runStart, end), declarations) : null;
        if (whole != null) {
            word = text.substring(runStart, end);
            suggestion = whole;
            p = runStart;
        }
        return error(Kind.UNKNOWN_NAME, "unknown " + (called ? "function" : "name") + " `" + word + "` (declared: "
                + declarations.describe() + ")" + (suggestion == null ? "" : "; did you mean `" + suggestion + "`?"),
                p, end);
    }

    static Span span(int start, int end) {
        return new Span(start, end);
    }

    static ExpressionException error(Kind kind, String message, int start, int end) {
        return new ExpressionException(kind, message, new Span(start, end));
    }
}
