package io.gradcheck.expr.parse;

import io.gradcheck.expr.ExpressionException;
import io.gradcheck.expr.ExpressionException.Kind;
import io.gradcheck.expr.Limits;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A LaTeX matrix as an entry-wise answer: \begin{bmatrix} a & b \\ c & d \end{bmatrix} (or pmatrix, matrix)
 * is split into rows (at \\) and entries (at &), each with its position in the text as sent. Splitting
 * happens at the top level only: a \\ or & inside braces belongs to its entry. An error in an entry names the
 * entry (row, column) and points into the whole text as sent, never into the entry alone.
 */
public final class MatrixAnswer {

    static final Set<String> ENVIRONMENTS = Set.of("bmatrix", "pmatrix", "matrix", "Bmatrix", "smallmatrix");
    private static final Pattern WHOLE = Pattern.compile(
            "\\s*(?:\\\\left\\s*[(\\[.]\\s*)?\\\\begin\\s*\\{\\s*([a-zA-Z]+)\\s*\\}(.*)\\\\end\\s*\\{\\s*\\1\\s*\\}"
                    + "\\s*(?:\\\\right\\s*[)\\].]\\s*)?\\s*", Pattern.DOTALL);

    /** One entry: its text and where it starts in the whole answer (0-based). */
    public record Entry(String text, int offset) {

        /** Where the entry stands in the whole answer, without the spaces around it. */
        Span span() {
            int lead = text.length() - text.stripLeading().length();
            int start = offset + Math.min(lead, text.length());
            return new Span(start, Math.max(start, offset + text.stripTrailing().length()));
        }
    }

    /** A matrix read entry by entry: rows × columns (a column is n×1) and the scalar entries, row-major. */
    public record Read(Shape shape, List<ParsedExpression> entries) {

        public String canonical() {
            return print(shape, entries, false);
        }

        public String latex() {
            return print(shape, entries, true);
        }
    }

    private MatrixAnswer() {
    }

    /** Whether the whole text is one LaTeX matrix. */
    public static boolean isMatrix(String text) {
        return rows(text) != null;
    }

    /** The rows of entries of a LaTeX matrix answer, or null when the text is not one matrix. */
    public static List<List<Entry>> rows(String text) {
        if (text == null || text.indexOf("\\begin") < 0) {
            return null;
        }
        Matcher m = WHOLE.matcher(text);
        if (!m.matches() || !ENVIRONMENTS.contains(m.group(1))) {
            return null;
        }
        String body = m.group(2);
        int base = m.start(2);
        if (body.contains("\\begin")) {
            return null;
        }
        List<List<Entry>> rows = new ArrayList<>();
        List<Entry> row = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= body.length(); i++) {
            char c = i < body.length() ? body.charAt(i) : '\0';
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            boolean rowEnd = i == body.length() || (depth == 0 && c == '\\' && i + 1 < body.length()
                    && body.charAt(i + 1) == '\\');
            boolean entryEnd = depth == 0 && c == '&' && (i == 0 || body.charAt(i - 1) != '\\');
            if (rowEnd || entryEnd) {
                row.add(new Entry(body.substring(start, i), base + start));
                if (rowEnd) {
                    rows.add(row);
                    row = new ArrayList<>();
                    i++;
                }
                start = i + 1;
            }
        }
        // a trailing \\ before \end leaves an empty last row
        List<Entry> last = rows.get(rows.size() - 1);
        if (rows.size() > 1 && last.size() == 1 && last.get(0).text().isBlank()) {
            rows.remove(rows.size() - 1);
        }
        return rows;
    }

    /**
     * Reads a whole LaTeX matrix ({@link #isMatrix}) entry by entry, each entry a scalar expression in
     * {@code notation} (null: guessed from each entry). An error names the entry, "entry (2,1) of the matrix: …",
     * and its span, as any position its message names, points into {@code text} as sent.
     */
    public static Read read(String text, Declarations declarations, Limits limits, InputNotation notation,
            int maxEntries) {
        if (text != null && text.length() > limits.maxLength()) { // one text, bounded as every expression is
            throw new ExpressionException(Kind.LIMIT_EXCEEDED, "the matrix is " + text.length()
                    + " characters long; the limit is " + limits.maxLength() + " (or send a JSON array of entries)");
        }
        List<List<Entry>> rows = rows(text);
        if (rows == null) {
            throw new ExpressionException(Kind.SYNTAX, "this is not one \\begin{bmatrix} … \\end{bmatrix} matrix");
        }
        int cols = rows.get(0).size();
        if (rows.size() * (long) cols > maxEntries) {
            throw new ExpressionException(Kind.LIMIT_EXCEEDED, "a matrix answer may have at most " + maxEntries
                    + " entries", rows.get(0).get(0).span());
        }
        List<ParsedExpression> entries = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<Entry> row = rows.get(i);
            if (row.size() != cols) {
                throw new ExpressionException(Kind.SHAPE_MISMATCH, "row " + (i + 1) + " of the matrix has "
                        + row.size() + (row.size() == 1 ? " entry" : " entries") + " and the first row " + cols
                        + "; give every row the same number of entries, separated by &",
                        row.get(0).span().union(row.get(row.size() - 1).span()));
            }
            for (int j = 0; j < cols; j++) {
                entries.add(entry(row.get(j), "entry (" + (i + 1) + "," + (j + 1) + ") of the matrix",
                        declarations, limits, notation));
            }
        }
        return new Read(new Shape(rows.size(), cols), entries);
    }

    private static ParsedExpression entry(Entry e, String where, Declarations declarations, Limits limits,
            InputNotation notation) {
        ParsedExpression p;
        try {
            p = Parser.parse(e.text(), declarations, limits, notation, e.offset());
        } catch (ExpressionException x) {
            // the span is already in the whole text; an error without one (empty, too long) gets the entry's
            throw new ExpressionException(x.kind(), where + ": " + x.getMessage(),
                    x.span().isKnown() ? x.span() : e.span());
        }
        if (!p.shape().isScalar()) {
            throw new ExpressionException(Kind.SHAPE_MISMATCH, where + " is " + p.shape()
                    + "; each entry must be a scalar", e.span());
        }
        return p;
    }

    /** An entry-wise answer printed back: the JSON-array form as canonical text, or a bmatrix as LaTeX. */
    public static String print(Shape shape, List<ParsedExpression> entries, boolean latex) {
        StringBuilder s = new StringBuilder(latex ? "\\begin{bmatrix} " : "[");
        for (int i = 0; i < shape.rows(); i++) {
            s.append(i == 0 ? "" : latex ? " \\\\ " : ", ").append(latex ? "" : shape.cols() > 1 ? "[" : "");
            for (int j = 0; j < shape.cols(); j++) {
                ParsedExpression e = entries.get(i * shape.cols() + j);
                s.append(j == 0 ? "" : latex ? " & " : ", ")
                        .append(latex ? e.latex() : "\"" + e.canonical() + "\"");
            }
            s.append(latex || shape.cols() == 1 ? "" : "]");
        }
        return s.append(latex ? " \\end{bmatrix}" : "]").toString();
    }
}
