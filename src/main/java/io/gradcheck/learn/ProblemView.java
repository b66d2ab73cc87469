package io.gradcheck.learn;

import io.gradcheck.check.CheckRequest.VariableSpec;
import io.gradcheck.check.Layout;
import io.gradcheck.expr.parse.Declarations;
import io.gradcheck.expr.Limits;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.parse.Parser;
import io.gradcheck.problems.ProblemSetDefinition.PartDefinition;
import io.gradcheck.problems.ProblemSetDefinition.ProblemDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the problem page shows of a problem: never its reference answers or known wrong answers. */
record ProblemView(String key, String title, String statementHtml, List<VariableRow> variables, List<PartRow> parts,
        Map<String, Map<String, List<Integer>>> declarations, Integer maxAttempts) {

    /** A declared variable: its name, its space in LaTeX (ℝ^{3×3}) and what else is said about it. */
    record VariableRow(String name, String spaceLatex, String note) {
    }

    /**
     * One answer field: the variable it differentiates with respect to, its accessible label ("Your answer", or
     * "Your answer for x" when there are several parts), and the shape the answer must have, in words.
     */
    record PartRow(String wrt, String label, String expects) {
    }

    static ProblemView of(ProblemDefinition p) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        Map<String, Map<String, List<Integer>>> declarations = new LinkedHashMap<>();
        List<VariableRow> rows = new ArrayList<>();
        p.variables().forEach((name, spec) -> {
            Shape s = Declarations.shapeOf(name, spec == null ? null : spec.shape(), Limits.DEFAULT);
            shapes.put(name, s);
            declarations.put(name, Map.of("shape", s.dims()));
            rows.add(new VariableRow(name, space(s), note(spec)));
        });
        Shape f = Parser.parse(p.function(), Declarations.of(shapes)).shape();
        List<PartRow> parts = new ArrayList<>();
        for (PartDefinition part : p.parts()) {
            Shape wrt = shapes.get(part.wrt());
            String label = p.parts().size() == 1 ? "Your answer" : "Your answer for " + part.wrt();
            parts.add(new PartRow(part.wrt(), label, expects(part, f, wrt)));
        }
        return new ProblemView(p.key(), p.title(), Statements.toHtml(p.statement()), rows, parts, declarations,
                p.maxAttempts());
    }

    private static String expects(PartDefinition part, Shape f, Shape wrt) {
        if (part.order() != null && part.order() == 2) {
            return "the Hessian with respect to " + part.wrt() + ": a " + wrt.size() + "×" + wrt.size() + " matrix";
        }
        Layout layout = Layout.parse(part.layout(), f);
        Shape answer = layout.answerShape(f, wrt);
        String shape = answer == null ? "" : answer.isScalar() ? "a scalar" : answer.isVector()
                ? "a column of " + answer.rows() : "a " + answer.rows() + "×" + answer.cols() + " matrix";
        return "the derivative with respect to " + part.wrt() + " in the " + layout.text() + " layout: " + shape;
    }

    private static String space(Shape s) {
        return s.isScalar() ? "\\mathbb{R}" : s.isVector() ? "\\mathbb{R}^{" + s.rows() + "}"
                : "\\mathbb{R}^{" + s.rows() + " \\times " + s.cols() + "}";
    }

    private static String note(VariableSpec spec) {
        if (spec == null) {
            return "";
        }
        if (spec.value() != null) {
            return "given: " + spec.value();
        }
        List<String> notes = new ArrayList<>();
        if (Boolean.TRUE.equals(spec.symmetric())) {
            notes.add("symmetric");
        }
        if (Boolean.TRUE.equals(spec.positiveDefinite())) {
            notes.add("positive definite");
        }
        if (Boolean.TRUE.equals(spec.invertible())) {
            notes.add("invertible");
        }
        if (spec.domain() != null && spec.domain().size() == 2) {
            notes.add("entries in [" + spec.domain().get(0) + ", " + spec.domain().get(1) + "]");
        }
        return String.join(", ", notes);
    }
}
