package io.gradcheck.expr.parse;

import io.gradcheck.expr.ExpressionException;
import io.gradcheck.expr.ExpressionException.Kind;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.Span;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Components of declared vectors and matrices, 1-based as in the notes: x1, x_1, x[1], x_{1}, A_1_2, A12, A[1,2], A_{1,2}. */
final class Components {

    private static final Pattern VECTOR_INDEX = Pattern.compile("_?(\\d+)");
    private static final Pattern MATRIX_INDEX = Pattern.compile("_(\\d+)_(\\d+)|_?(\\d)(\\d)");
    private static final Pattern BRACKET_INDEX = Pattern.compile("\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?");

    private final Lexer lexer;

    Components(Lexer lexer) {
        this.lexer = lexer;
    }

    /** Reads x1, x_1, A_1_2, A12, x_{1}, A_{1,2}; returns where the run continues, or -1 when none follows. */
    int suffix(String name, Shape shape, int from, int after, int end) {
        if (after == end - 1 && lexer.text.charAt(after) == '_' && end < lexer.text.length() && lexer.text.charAt(end) == '{') {
            return bracedIndex(name, shape, from, end);
        }
        String rest = lexer.text.substring(after, end);
        if (shape.isVector()) {
            Matcher m = VECTOR_INDEX.matcher(rest);
            if (m.lookingAt()) {
                int stop = after + m.end();
                lexer.out.add(componentOf(name, shape, m.group(1), null, from, stop));
                return stop;
            }
        } else {
            Matcher m = MATRIX_INDEX.matcher(rest);
            if (m.lookingAt()) {
                int stop = after + m.end();
                boolean digits = m.group(1) == null;
                if (digits && (shape.rows() > 9 || shape.cols() > 9)) {
                    throw Lexer.error(Kind.BAD_INDEX, name + " is " + shape + ", so write the entry as "
                            + name + "_{i,j} or " + name + "[i,j] to make the two indices clear", from, stop);
                }
                lexer.out.add(componentOf(name, shape, digits ? m.group(3) : m.group(1), digits ? m.group(4) : m.group(2),
                        from, stop));
                return stop;
            }
        }
        return -1;
    }

    private int bracedIndex(String name, Shape shape, int from, int open) {
        int close = lexer.text.indexOf('}', open);
        if (close < 0) {
            throw Lexer.error(Kind.SYNTAX, "the index of " + name + " opened with `{` is never closed; add `}`",
                    open, open + 1);
        }
        String inside = lexer.text.substring(open + 1, close).trim();
        if (shape.isMatrix() && inside.matches("\\d\\d") && shape.rows() <= 9 && shape.cols() <= 9) {
            lexer.out.add(componentOf(name, shape, inside.substring(0, 1), inside.substring(1), from, close + 1));
        } else {
            addIndexed(name, shape, inside, from, close + 1);
        }
        return close + 1;
    }

    void bracketIndex(Lexeme variable) {
        int open = lexer.pos;
        int close = lexer.text.indexOf(']', open);
        if (close < 0) {
            throw Lexer.error(Kind.SYNTAX, "the index of " + variable.text() + " opened with `[` is never closed; add `]`",
                    open, open + 1);
        }
        String name = variable.text();
        addIndexed(name, lexer.declarations.shape(name), lexer.text.substring(open + 1, close), variable.span().start(), close + 1);
        lexer.pos = close + 1;
    }

    private void addIndexed(String name, Shape shape, String inside, int from, int to) {
        Matcher m = BRACKET_INDEX.matcher(inside);
        if (!m.matches()) {
            throw Lexer.error(Kind.BAD_INDEX, "write an index as whole numbers from 1, as in x[1] or A[1,2]", from, to);
        }
        lexer.out.add(componentOf(name, shape, m.group(1), m.group(2), from, to));
    }

    private Lexeme componentOf(String name, Shape shape, String rowText, String colText, int from, int to) {
        Span s = Lexer.span(from, to);
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
}
