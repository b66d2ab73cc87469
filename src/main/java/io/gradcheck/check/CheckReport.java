package io.gradcheck.check;

import java.util.List;
import java.util.Map;

/** The outcome of a check; the seed reproduces it exactly. */
public record CheckReport(Verdict verdict, long seed, ExpressionView function, List<PartReport> parts, String reason) {

    /** How an expression was read: its shape, canonical text and LaTeX. */
    public record ExpressionView(List<Integer> shape, String canonical, String latex) {
    }

    /** One part: its verdict, the shapes, the diagnosis and the evidence point by point. */
    public record PartReport(
            String wrt,
            Layout layout,
            int order,
            Verdict verdict,
            List<Integer> expectedShape,
            List<Integer> answerShape,
            ExpressionView answer,
            Diagnosis diagnosis,
            List<PointEvidence> points,
            int skippedPoints) {
    }

    /**
     * What is wrong, in one sentence, with the details some kinds carry; {@code position} (1-based) for an
     * unreadable answer says where in the text as sent (in the entry's own text for a JSON array of entries).
     */
    public record Diagnosis(
            DiagnosisKind kind,
            String message,
            Double factor,
            List<String> wrongEntries,
            List<Integer> expectedShape,
            Layout suggestedLayout,
            Integer position) {

        public Diagnosis(DiagnosisKind kind, String message, Double factor, List<String> wrongEntries,
                List<Integer> expectedShape, Layout suggestedLayout) {
            this(kind, message, factor, wrongEntries, expectedShape, suggestedLayout, null);
        }

        static Diagnosis of(DiagnosisKind kind, String message) {
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
