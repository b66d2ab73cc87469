package io.gradcheck.expr.parse;

import io.gradcheck.expr.ExpressionException;
import io.gradcheck.expr.ExpressionException.Kind;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The normalizer: reads the notation of the lecture notes into pieces exp4j can tokenize. It maps the spellings
 * exp4j cannot lex (x', xᵀ, .*, ⊙, ·, ×, −, x[1], x_{1}, A[1,2]), splits runs of letters into declared names
 * and functions (so that "Ax" is A times x), and reads component names (x1, x_1, A_1_2, A_{12}).
 */
final class Lexer {

    private static final Pattern VECTOR_INDEX = Pattern.compile("_?(\\d+)");
    private static final Pattern MATRIX_INDEX = Pattern.compile("_(\\d+)_(\\d+)|_?(\\d)(\\d)");
    private static final Pattern BRACKET_INDEX = Pattern.compile("\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?");

    private final String text;
    private final Declarations declarations;
    private final List<Lexeme> out = new ArrayList<>();
    private int pos;

    private Lexer(String text, Declarations declarations) {
        this.text = text;
        this.declarations = declarations;
    }

    static List<Lexeme> lex(String text, Declarations declarations) {
        Lexer lexer = new Lexer(text, declarations);
        lexer.run();
        return lexer.out;
    }

    private void run() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (Character.isDigit(c) || (c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
                number();
            } else if (c == '.' && next() == '*') {
                operator("#", 2);
            } else if (c == '\'' || c == 'ᵀ' || c == '′') {
                postfixTranspose();
            } else if (Character.isLetter(c) || c == '_') {
                identifierRun();
            } else {
                symbol(c);
            }
        }
    }

    /**
     * x' becomes (x^T), grouped with exactly the operand before the mark, so that it binds tighter than any
     * operator: A'^-1 is (Aᵀ)⁻¹ and 2^x' is 2^(xᵀ).
     */
    private void postfixTranspose() {
        Span mark = span(pos, pos + 1);
        int start = operandStart(out.size() - 1);
        if (start < 0) {
            throw new ExpressionException(Kind.SYNTAX, "the transpose mark " + text.charAt(pos)
                    + " must follow what it transposes, as in x'", mark);
        }
        out.add(start, Lexeme.of(Lexeme.Kind.OPEN, "(", out.get(start).span()));
        out.add(Lexeme.of(Lexeme.Kind.OPERATOR, "^", mark));
        out.add(Lexeme.of(Lexeme.Kind.TRANSPOSE_MARK, Catalogue.TRANSPOSE_MARK, mark));
        out.add(Lexeme.of(Lexeme.Kind.CLOSE, ")", mark));
        pos++;
    }

    /** Index of the first piece of the operand that ends at index k, or -1 when no operand ends there. */
    private int operandStart(int k) {
        if (k < 0) {
            return -1;
        }
        Lexeme last = out.get(k);
        if (last.kind().isOperand()) {
            return k;
        }
        if (last.kind() != Lexeme.Kind.CLOSE) {
            return -1;
        }
        int depth = 0;
        for (int i = k; i >= 0; i--) {
            Lexeme.Kind kind = out.get(i).kind();
            depth += kind == Lexeme.Kind.CLOSE ? 1 : kind == Lexeme.Kind.OPEN ? -1 : 0;
            if (depth == 0) {
                return i > 0 && out.get(i - 1).kind() == Lexeme.Kind.FUNCTION ? i - 1 : i;
            }
        }
        return -1;
    }

    private char next() {
        return pos + 1 < text.length() ? text.charAt(pos + 1) : '\0';
    }

    private void symbol(char c) {
        switch (c) {
            case '+' -> operator("+", 1);
            case '-', '−', '–' -> operator("-", 1);
            case '*' -> {
                if (next() == '*') {
                    operator("^", 2);
                } else {
                    operator("*", 1);
                }
            }
            case '·', '×', '⋅', '∙' -> operator("*", 1);
            case '/', '÷' -> operator("/", 1);
            case '^' -> operator("^", 1);
            case '⊙', '∘' -> operator("#", 1);
            case '(' -> single(Lexeme.Kind.OPEN, "(");
            case ')' -> single(Lexeme.Kind.CLOSE, ")");
            case ',' -> single(Lexeme.Kind.COMMA, ",");
            case '[', ']', '{', '}' -> throw error(Kind.SYNTAX, "`" + c + "` is only for indices such as x[1], "
                    + "A[1,2] or x_{1}; use ( ) to group", pos, pos + 1);
            default -> throw error(Kind.SYNTAX, "unexpected character `" + c + "`", pos, pos + 1);
        }
    }

    private void operator(String symbol, int width) {
        out.add(Lexeme.of(Lexeme.Kind.OPERATOR, symbol, span(pos, pos + width)));
        pos += width;
    }

    private void single(Lexeme.Kind kind, String spelled) {
        out.add(Lexeme.of(kind, spelled, span(pos, pos + 1)));
        pos++;
    }

    private void number() {
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '.' && !(pos + 1 < text.length() && text.charAt(pos + 1) == '*')) {
            pos++;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        // an exponent only when digits follow: "2e" is 2 times e, "1e-3" is a number
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int p = pos + 1;
            if (p < text.length() && (text.charAt(p) == '+' || text.charAt(p) == '-')) {
                p++;
            }
            if (p < text.length() && Character.isDigit(text.charAt(p))) {
                pos = p;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
            }
        }
        String literal = text.substring(start, pos);
        if (pos < text.length() && text.charAt(pos) == '.' && next() != '*') {
            throw error(Kind.SYNTAX, "`" + literal + ".` is not a number", start, pos + 1);
        }
        double value = Double.parseDouble(literal);
        if (Double.isInfinite(value)) {
            throw error(Kind.SYNTAX, "the number " + literal + " is too large", start, pos);
        }
        out.add(Lexeme.number(value, literal, span(start, pos)));
    }

    /** A maximal run of letters, digits and underscores, read as a sequence of known names. */
    private void identifierRun() {
        int start = pos;
        int end = pos;
        while (end < text.length() && isNameChar(text.charAt(end))) {
            end++;
        }
        int p = start;
        while (p < end) {
            String best = longestKnownName(p, end);
            if (best == null) {
                throw unknownName(p, end);
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
            if (after < end && (Character.isDigit(text.charAt(after)) || text.charAt(after) == '_')) {
                throw unknownName(p, end);
            }
            emitName(best, p, after);
            p = after;
        }
        pos = end;
        if (pos < text.length() && text.charAt(pos) == '[' && !out.isEmpty()
                && out.get(out.size() - 1).kind() == Lexeme.Kind.VARIABLE) {
            bracketIndex(out.remove(out.size() - 1));
        }
    }

    private static boolean isNameChar(char c) {
        return (Character.isLetterOrDigit(c) || c == '_') && c != 'ᵀ';
    }

    private String longestKnownName(int p, int end) {
        String best = null;
        for (String name : declarations.shapes().keySet()) {
            best = longer(best, name, p, end);
        }
        for (String name : Catalogue.functions().keySet()) {
            best = longer(best, name, p, end);
        }
        for (String name : Catalogue.constantNames()) {
            best = longer(best, name, p, end);
        }
        return longer(best, Catalogue.TRANSPOSE_MARK, p, end);
    }

    private String longer(String best, String candidate, int p, int end) {
        boolean fits = p + candidate.length() <= end && text.startsWith(candidate, p);
        return fits && (best == null || candidate.length() > best.length()) ? candidate : best;
    }

    private void emitName(String name, int from, int to) {
        Span s = span(from, to);
        if (declarations.contains(name)) {
            out.add(Lexeme.of(Lexeme.Kind.VARIABLE, name, s));
        } else if (Catalogue.constant(name) != null) {
            out.add(Lexeme.of(Lexeme.Kind.CONSTANT, name.equals("π") ? "pi" : name, s));
        } else if (Catalogue.TRANSPOSE_MARK.equals(name)) {
            out.add(Lexeme.of(Lexeme.Kind.TRANSPOSE_MARK, name, s));
        } else {
            out.add(Lexeme.of(Lexeme.Kind.FUNCTION, name, s));
        }
    }

    /** Reads x1, x_1, A_1_2, A12, x_{1}, A_{1,2}; returns where the run continues, or -1 when none follows. */
    private int componentSuffix(String name, Shape shape, int from, int after, int end) {
        if (after == end - 1 && text.charAt(after) == '_' && end < text.length() && text.charAt(end) == '{') {
            return bracedIndex(name, shape, from, end);
        }
        String rest = text.substring(after, end);
        if (shape.isVector()) {
            Matcher m = VECTOR_INDEX.matcher(rest);
            if (m.lookingAt()) {
                int stop = after + m.end();
                out.add(componentOf(name, shape, m.group(1), null, from, stop));
                return stop;
            }
        } else {
            Matcher m = MATRIX_INDEX.matcher(rest);
            if (m.lookingAt()) {
                int stop = after + m.end();
                boolean digits = m.group(1) == null;
                if (digits && (shape.rows() > 9 || shape.cols() > 9)) {
                    throw error(Kind.BAD_INDEX, name + " is " + shape + ", so write the entry as "
                            + name + "_{i,j} or " + name + "[i,j] to make the two indices clear", from, stop);
                }
                out.add(componentOf(name, shape, digits ? m.group(3) : m.group(1), digits ? m.group(4) : m.group(2),
                        from, stop));
                return stop;
            }
        }
        return -1;
    }

    private int bracedIndex(String name, Shape shape, int from, int open) {
        int close = text.indexOf('}', open);
        if (close < 0) {
            throw error(Kind.SYNTAX, "the index of " + name + " opened with `{` is never closed", open, open + 1);
        }
        String inside = text.substring(open + 1, close).trim();
        if (shape.isMatrix() && inside.matches("\\d\\d") && shape.rows() <= 9 && shape.cols() <= 9) {
            out.add(componentOf(name, shape, inside.substring(0, 1), inside.substring(1), from, close + 1));
        } else {
            addIndexed(name, shape, inside, from, close + 1);
        }
        return close + 1;
    }

    private void bracketIndex(Lexeme variable) {
        int open = pos;
        int close = text.indexOf(']', open);
        if (close < 0) {
            throw error(Kind.SYNTAX, "the index of " + variable.name() + " opened with `[` is never closed", open, open + 1);
        }
        String name = variable.name();
        addIndexed(name, declarations.shape(name), text.substring(open + 1, close), variable.span().start(), close + 1);
        pos = close + 1;
    }

    private void addIndexed(String name, Shape shape, String inside, int from, int to) {
        Matcher m = BRACKET_INDEX.matcher(inside);
        if (!m.matches()) {
            throw error(Kind.BAD_INDEX, "write an index as whole numbers from 1, as in x[1] or A[1,2]", from, to);
        }
        out.add(componentOf(name, shape, m.group(1), m.group(2), from, to));
    }

    private Lexeme componentOf(String name, Shape shape, String rowText, String colText, int from, int to) {
        Span s = span(from, to);
        if (shape.isScalar()) {
            throw new ExpressionException(Kind.BAD_INDEX, name + " is a scalar, so it has no entries to index", s);
        }
        boolean matrix = shape.isMatrix();
        if (matrix != (colText != null)) {
            throw new ExpressionException(Kind.BAD_INDEX, matrix
                    ? name + " is a " + shape + " matrix, so an entry takes two indices, as in " + name + "[1,2]"
                    : name + " is a vector, so an entry takes one index, as in " + name + "[1]", s);
        }
        long row = parseIndex(rowText);
        long col = colText == null ? 1 : parseIndex(colText);
        if (row < 1 || col < 1) {
            throw new ExpressionException(Kind.BAD_INDEX, "indices start at 1, as in the notes: " + name
                    + (matrix ? "_{1,1}" : "_1") + " is the first entry", s);
        }
        if (row > shape.rows() || col > shape.cols()) {
            throw new ExpressionException(Kind.BAD_INDEX, matrix
                    ? name + " is " + shape + ", so it has no entry (" + row + "," + col + ")"
                    : name + " has " + shape.rows() + " entries, so it has no entry " + row, s);
        }
        return Lexeme.component(name, (int) row - 1, matrix ? (int) col - 1 : -1, s);
    }

    private static long parseIndex(String digits) {
        return digits.length() > 9 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    private ExpressionException unknownName(int p, int end) {
        String word = text.substring(p, end);
        return error(Kind.UNKNOWN_NAME, "unknown name `" + word + "` (declared: " + declarations.describe() + ")", p, end);
    }

    private static Span span(int start, int end) {
        return new Span(start, end);
    }

    private static ExpressionException error(Kind kind, String message, int start, int end) {
        return new ExpressionException(kind, message, new Span(start, end));
    }
}
