package io.gradcheck.check;

import io.gradcheck.expr.Declarations;
import io.gradcheck.expr.ExpressionException;
import io.gradcheck.expr.Node;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.Tensor;
import io.gradcheck.expr.eval.Evaluator;
import io.gradcheck.expr.parse.MatrixAnswer;
import io.gradcheck.expr.parse.ParsedExpression;
import io.gradcheck.expr.parse.Parser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A learner's answer: one expression, or a JSON array of scalar expressions written entry by entry as the
 * notes write a Jacobian out. A flat array is a column; a row is written [["a", "b"]].
 */
final class Answer {

    private final Shape shape;
    private final List<ParsedExpression> entries;
    private final boolean entryWise;

    private Answer(Shape shape, List<ParsedExpression> entries, boolean entryWise) {
        this.shape = shape;
        this.entries = entries;
        this.entryWise = entryWise;
    }

    /** Reads the answer; an unreadable one is an {@link Invalid} carrying the reason for the learner. */
    static Answer read(Object answer, Declarations declarations) {
        if (answer instanceof String latex && MatrixAnswer.isMatrix(latex)) {
            answer = MatrixAnswer.texts(latex); // \begin{bmatrix} a & b \\ c & d \end{bmatrix}: entry by entry
        }
        if (answer instanceof String text) {
            ParsedExpression p = Parser.parse(text, declarations);
            return new Answer(p.shape(), List.of(p), false);
        }
        if (answer instanceof List<?> list && !list.isEmpty()) {
            boolean nested = list.get(0) instanceof List<?>;
            int rows = list.size();
            int cols = nested ? ((List<?>) list.get(0)).size() : 1;
            List<ParsedExpression> entries = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                List<?> row = nested ? asRow(list.get(i), cols, i) : List.of(list.get(i));
                for (int j = 0; j < cols; j++) {
                    entries.add(entry(row.get(j), declarations, nested ? "(" + (i + 1) + "," + (j + 1) + ")"
                            : String.valueOf(i + 1)));
                }
            }
            if (rows * (long) cols > 100_000) {
                throw new Invalid("an entry-wise answer may have at most 100000 entries");
            }
            return new Answer(new Shape(rows, cols), entries, true);
        }
        throw new Invalid("the answer must be an expression, or an array of expressions entry by entry");
    }

    private static List<?> asRow(Object row, int cols, int i) {
        if (!(row instanceof List<?> r) || r.size() != cols) {
            throw new Invalid("row " + (i + 1) + " of the answer does not have " + cols
                    + " entries like the first row");
        }
        return r;
    }

    private static ParsedExpression entry(Object entry, Declarations declarations, String where) {
        String text = entry instanceof Number n ? n.toString() : entry instanceof String s ? s : null;
        if (text == null) {
            throw new Invalid("entry " + where + " of the answer must be an expression");
        }
        try {
            ParsedExpression p = Parser.parse(text, declarations);
            if (!p.shape().isScalar()) {
                throw new Invalid("entry " + where + " of the answer is " + p.shape() + "; each entry must be a scalar");
            }
            return p;
        } catch (ExpressionException e) {
            throw new Invalid("entry " + where + " of the answer: " + e.getMessage());
        }
    }

    Shape shape() {
        return shape;
    }

    Tensor value(Map<String, Tensor> point) {
        if (!entryWise) {
            return Evaluator.value(entries.get(0).root(), point);
        }
        double[] v = new double[entries.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = Evaluator.value(entries.get(i).root(), point).data()[0];
        }
        return new Tensor(shape, v);
    }

    long cost() {
        long c = 0;
        for (ParsedExpression p : entries) {
            c += p.cost();
        }
        return c;
    }

    String canonical() {
        return entryWise ? matrix(false) : entries.get(0).canonical();
    }

    String latex() {
        return entryWise ? matrix(true) : entries.get(0).latex();
    }

    private String matrix(boolean latex) {
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

    Node singleRoot() {
        return entryWise ? null : entries.get(0).root();
    }

    /** The answer cannot be read: the learner's mistake, reported in the verdict, never as an HTTP error. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }
}
