package io.gradcheck.check;

import io.gradcheck.check.CheckReport.ExpressionView;
import io.gradcheck.expr.ExpressionException;
import io.gradcheck.expr.Limits;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.Span;
import io.gradcheck.expr.Tensor;
import io.gradcheck.expr.eval.Evaluator;
import io.gradcheck.expr.eval.Prepared;
import io.gradcheck.expr.parse.Declarations;
import io.gradcheck.expr.parse.InputNotation;
import io.gradcheck.expr.parse.MatrixAnswer;
import io.gradcheck.expr.parse.ParsedExpression;
import io.gradcheck.expr.parse.Parser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A learner's answer, in one of the forms the API accepts: one expression, or a JSON array of scalar expressions
 * written entry by entry as the notes write a Jacobian out (a flat array is a column; a row is [["a", "b"]]).
 * A new form is a new record here.
 */
sealed interface Answer permits Answer.Expression, Answer.EntryWise, Answer.Fixed {

    /** At most this many entries in an entry-wise answer. */
    int MAX_ENTRIES = 100_000;

    Shape shape();

    Tensor value(Map<String, Tensor> point);

    /** Estimated operations of one evaluation. */
    long cost();

    String canonical();

    String latex();

    default ExpressionView view() {
        return new ExpressionView(shape().dims(), canonical(), latex());
    }

    /**
     * The same answer prepared for a check whose variables in {@code fixed} keep their value at every point:
     * what depends only on them is evaluated once per check ({@link Prepared}).
     */
    default Answer prepared(Map<String, Tensor> fixed) {
        return this instanceof Fixed ? this : Fixed.of(this, fixed);
    }

    /** Reads the answer under the engine's limits; an unreadable one is an {@link Invalid} with the reason. */
    static Answer read(Object answer, Declarations declarations, Limits limits) {
        return read(answer, declarations, limits, null);
    }

    /** The same, in the given notation (null: told from each text, as the parser guesses). */
    static Answer read(Object answer, Declarations declarations, Limits limits, InputNotation notation) {
        if (notation != InputNotation.TEXT && answer instanceof String latex && MatrixAnswer.isMatrix(latex)) {
            // \begin{bmatrix} a & b \\ c & d \end{bmatrix}: entry by entry, errors placed in the whole text
            MatrixAnswer.Read m = MatrixAnswer.read(latex, declarations, limits, notation, MAX_ENTRIES);
            return new EntryWise(m.shape(), m.entries());
        }
        if (answer instanceof String text) {
            return new Expression(Parser.parse(text, declarations, limits, notation));
        }
        if (answer instanceof List<?> list && !list.isEmpty()) {
            return EntryWise.read(list, declarations, limits, notation);
        }
        throw new Invalid("the answer must be an expression, or an array of expressions entry by entry");
    }

    /** One expression for the whole derivative. */
    record Expression(ParsedExpression parsed) implements Answer {

        public Shape shape() {
            return parsed.shape();
        }

        public Tensor value(Map<String, Tensor> point) {
            return Evaluator.value(parsed.root(), point);
        }

        public long cost() {
            return parsed.cost();
        }

        public String canonical() {
            return parsed.canonical();
        }

        public String latex() {
            return parsed.latex();
        }
    }

    /** Scalar expressions entry by entry, row-major. */
    record EntryWise(Shape shape, List<ParsedExpression> entries) implements Answer {

        static EntryWise read(List<?> list, Declarations declarations, Limits limits, InputNotation notation) {
            boolean nested = list.get(0) instanceof List<?>;
            int rows = list.size();
            int cols = nested ? ((List<?>) list.get(0)).size() : 1;
            List<ParsedExpression> entries = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                List<?> row = nested ? asRow(list.get(i), cols, i) : List.of(list.get(i));
                for (int j = 0; j < cols; j++) {
                    entries.add(entry(row.get(j), declarations, limits, notation, nested ? "(" + (i + 1) + "," + (j + 1) + ")"
                            : String.valueOf(i + 1)));
                }
            }
            if (rows * (long) cols > MAX_ENTRIES) {
                throw new Invalid("an entry-wise answer may have at most " + MAX_ENTRIES + " entries");
            }
            return new EntryWise(new Shape(rows, cols), entries);
        }

        private static List<?> asRow(Object row, int cols, int i) {
            if (!(row instanceof List<?> r) || r.size() != cols) {
                throw new Invalid("row " + (i + 1) + " of the answer does not have " + cols
                        + " entries like the first row");
            }
            return r;
        }

        private static ParsedExpression entry(Object entry, Declarations declarations, Limits limits,
                InputNotation notation, String where) {
            String text = entry instanceof Number n ? n.toString() : entry instanceof String s ? s : null;
            if (text == null) {
                throw new Invalid("entry " + where + " of the answer must be an expression");
            }
            try {
                ParsedExpression p = Parser.parse(text, declarations, limits, notation);
                if (!p.shape().isScalar()) {
                    throw new Invalid("entry " + where + " of the answer is " + p.shape()
                            + "; each entry must be a scalar");
                }
                return p;
            } catch (ExpressionException e) {
                // the entry is a text of its own in the array: the span points into that entry as sent
                throw new Invalid("entry " + where + " of the answer: " + e.getMessage(), e.span());
            }
        }

        public Tensor value(Map<String, Tensor> point) {
            double[] v = new double[entries.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = Evaluator.value(entries.get(i).root(), point).data()[0];
            }
            return new Tensor(shape, v);
        }

        public long cost() {
            long c = 0;
            for (ParsedExpression p : entries) {
                c += p.cost();
            }
            return c;
        }

        public String canonical() {
            return matrix(false);
        }

        public String latex() {
            return matrix(true);
        }

        private String matrix(boolean latex) {
            return MatrixAnswer.print(shape, entries, latex);
        }
    }

    /**
     * An answer prepared once per check. At a point whose fixed variables are the very tensors it was prepared
     * with (every sampled point) it uses the prepared trees; at any other point (the diagnoser's symmetrized
     * matrices) it evaluates the plain answer, so it never answers for values it was not given.
     */
    record Fixed(Answer plain, List<Prepared> trees, Map<String, Tensor> fixed) implements Answer {

        static Fixed of(Answer plain, Map<String, Tensor> fixed) {
            List<Prepared> trees = new ArrayList<>();
            if (plain instanceof Expression e) {
                trees.add(Prepared.of(e.parsed().root(), fixed));
            } else if (plain instanceof EntryWise w) {
                w.entries().forEach(p -> trees.add(Prepared.of(p.root(), fixed)));
            }
            return new Fixed(plain, trees, Map.copyOf(fixed));
        }

        public Tensor value(Map<String, Tensor> point) {
            for (Map.Entry<String, Tensor> e : fixed.entrySet()) {
                if (point.get(e.getKey()) != e.getValue()) {
                    return plain.value(point);
                }
            }
            if (plain instanceof Expression) {
                return trees.get(0).value(point);
            }
            double[] v = new double[trees.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = trees.get(i).value(point).data()[0];
            }
            return new Tensor(plain.shape(), v);
        }

        public Shape shape() {
            return plain.shape();
        }

        public long cost() {
            return plain.cost();
        }

        public String canonical() {
            return plain.canonical();
        }

        public String latex() {
            return plain.latex();
        }
    }

    /** The answer cannot be read: the learner's mistake, reported in the verdict, never as an HTTP error. */
    final class Invalid extends RuntimeException {
        /** Where in the text as sent (an entry's own text for an array), when the text gives a place. */
        private final Span span;

        Invalid(String message) {
            this(message, Span.NONE);
        }

        Invalid(String message, Span span) {
            super(message, null, false, false);
            this.span = span;
        }

        Span span() {
            return span;
        }
    }
}
