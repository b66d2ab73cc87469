package io.gradcheck.check;

import java.util.List;
import java.util.Map;

/**
 * What a check is asked: a function of declared variables, the derivative parts to check, how many random
 * points, the seed, and the tolerances. Null fields take the documented defaults.
 */
public record CheckRequest(
        String function,
        Map<String, VariableSpec> variables,
        List<String> constraints,
        List<Part> parts,
        Integer points,
        Long seed,
        Tolerance tolerance,
        String notation) {

    /** A request without a notation: each text's notation is told from the text (a backslash command is LaTeX). */
    public CheckRequest(String function, Map<String, VariableSpec> variables, List<String> constraints,
            List<Part> parts, Integer points, Long seed, Tolerance tolerance) {
        this(function, variables, constraints, parts, points, seed, tolerance, null);
    }

    /**
     * A declared variable: its shape ([] scalar, [n] vector, [m, n] matrix), and either a fixed value or how to
     * draw it (uniform on domain, [-2, 2] by default; symmetric, positive definite or invertible matrices).
     */
    public record VariableSpec(
            List<Integer> shape,
            Object value,
            List<Double> domain,
            Boolean symmetric,
            Boolean positiveDefinite,
            Boolean invertible) {
    }

    /**
     * One derivative to check: with respect to {@code wrt}, in a layout, of first or second order. The answer is
     * one expression, or a JSON array of scalar expressions (nested for matrices), entry by entry.
     */
    public record Part(String wrt, String layout, Integer order, Object answer, String notation) {

        /** A part whose answer's notation is told from the text. */
        public Part(String wrt, String layout, Integer order, Object answer) {
            this(wrt, layout, order, answer, null);
        }
    }

    /**
     * |answer·v − D_v f| ≤ atol·S + rtol·scale, per entry and point (S and scale: see docs/checks.md); digits: the
     * significant digits a numeric answer needs (default 3 when every variable has a fixed value).
     */
    public record Tolerance(Double rtol, Double atol, Integer digits) {
    }
}
