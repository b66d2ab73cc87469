package io.gradcheck.expr.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A LaTeX matrix as an entry-wise answer: \begin{bmatrix} a & b \\ c & d \end{bmatrix} (or pmatrix, matrix)
 * is split into rows (at \\) and entries (at &), each with its position in the text as sent. Splitting
 * happens at the top level only: a \\ or & inside braces belongs to its entry.
 */
public final class MatrixAnswer {

    static final Set<String> ENVIRONMENTS = Set.of("bmatrix", "pmatrix", "matrix", "Bmatrix", "smallmatrix");
    private static final Pattern WHOLE = Pattern.compile(
            "\\s*(?:\\\\left\\s*[(\\[.]\\s*)?\\\\begin\\s*\\{\\s*([a-zA-Z]+)\\s*\\}(.*)\\\\end\\s*\\{\\s*\\1\\s*\\}"
                    + "\\s*(?:\\\\right\\s*[)\\].]\\s*)?\\s*", Pattern.DOTALL);

    /** One entry: its text and where it starts in the whole answer (0-based). */
    public record Entry(String text, int offset) {
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

    /** The entries' texts, row by row: the form an entry-wise answer takes in a JSON array. */
    public static List<List<String>> texts(String text) {
        List<List<Entry>> rows = rows(text);
        if (rows == null) {
            return null;
        }
        List<List<String>> out = new ArrayList<>();
        for (List<Entry> r : rows) {
            List<String> texts = new ArrayList<>();
            r.forEach(e -> texts.add(e.text().trim()));
            out.add(texts);
        }
        return out;
    }
}
