package io.gradcheck.problems.web;

import io.gradcheck.check.CheckReport;
import io.gradcheck.check.CheckReport.Diagnosis;
import io.gradcheck.check.CheckReport.PartReport;
import io.gradcheck.check.DiagnosisKind;
import io.gradcheck.problems.ProblemSetDefinition.ProblemDefinition;

/**
 * What an open practice check may show someone without an instructor key. A problem whose answer is a number
 * (every variable fixed) would give its reference away in the evidence (the reference value at the point), in a
 * diagnosis (negated, scaled by a factor, transposed) or in the message of a wrong one; there the report keeps
 * the verdicts, shapes and the kind wrong_shape, and says only "not the value asked for" otherwise.
 */
final class PracticeReports {

    private PracticeReports() {
    }

    static boolean fixedPoint(ProblemDefinition p) {
        return p.variables() == null || p.variables().values().stream().allMatch(v -> v != null && v.value() != null);
    }

    static CheckReport forLearner(ProblemDefinition p, CheckReport report) {
        if (!fixedPoint(p) || report.parts() == null) {
            return report;
        }
        return new CheckReport(report.verdict(), report.seed(), report.function(),
                report.parts().stream().map(PracticeReports::withoutNumbers).toList(), report.reason());
    }

    private static PartReport withoutNumbers(PartReport part) {
        Diagnosis d = part.diagnosis();
        Diagnosis kept = d == null || d.kind() == DiagnosisKind.CORRECT || d.kind() == DiagnosisKind.WRONG_SHAPE
                || d.kind() == DiagnosisKind.UNREADABLE || d.kind() == DiagnosisKind.INCONCLUSIVE ? d
                : new Diagnosis(DiagnosisKind.WRONG, "this is not the value asked for", null, null, null, null);
        return new PartReport(part.wrt(), part.layout(), part.order(), part.verdict(), part.expectedShape(),
                part.answerShape(), part.answer(), kept, null, part.skippedPoints());
    }
}
