package io.gradcheck.check;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a check. verdict ∈ correct, incorrect, invalid, inconclusive; the seed reproduces it exactly.
 */
public record CheckReport(String verdict, long seed, ExpressionView function, List<PartReport> parts, String reason) {

    public static final String CORRECT = "correct";
    public static final String INCORRECT = "incorrect";
    public static final String INVALID = "invalid";
    public static final String INCONCLUSIVE = "inconclusive";

    /** How an expression was read: its shape, canonical text and LaTeX. */
    public record ExpressionView(List<Integer> shape, String canonical, String latex) {
    }

    /** One part: its verdict, the shapes, the diagnosis and the evidence point by point. */
    public record PartReport(
            String wrt,
            String layout,
            int order,
            String verdict,
            List<Integer> expectedShape,
            List<Integer> answerShape,
            ExpressionView answer,
            Diagnosis diagnosis,
            List<PointEvidence> points,
            int skippedPoints) {
    }

    /**
     * What is wrong, in one sentence. kind ∈ correct, transposed, negated, scaled, symmetric_only,
     * partially_correct, wrong_shape, undefined, wrong, unreadable, inconclusive.
     */
    public record Diagnosis(
            String kind,
            String message,
            Double factor,
            List<String> wrongEntries,
            List<Integer> expectedShape,
            String suggestedLayout) {

        static Diagnosis of(String kind, String message) {
            return new Diagnosis(kind, message, null, null, null, null);
        }
    }

    /**
     * One point: the variables' values (those of at most 100 entries), the reference D_v f (vᵀHw for a
     * Hessian), the answer contracted with the same direction, the largest entry-wise error, and whether it passed.
     */
    public record PointEvidence(Map<String, Object> values, Object reference, Object answer, double error,
            boolean passed) {
    }
}
