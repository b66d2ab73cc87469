package io.gradcheck.submissions;

import io.gradcheck.check.CheckReport;
import io.gradcheck.check.DiagnosisKind;
import io.gradcheck.check.Verdict;
import io.gradcheck.problems.ProblemSetDefinition.PartDefinition;
import io.gradcheck.problems.ProblemSetDefinition.ProblemDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores a check of a problem: 1 for a correct part, the problem's transposedCredit for a transposed one, 0
 * otherwise; the total is the weighted mean over parts. Feedback is the problem's hint for the diagnosis when
 * it has one, else the diagnosis itself.
 */
public record Grading(Verdict verdict, double score, List<PartResult> parts, long seed) {

    /** One part as graded. */
    public record PartResult(String wrt, Verdict verdict, double score, double weight, DiagnosisKind diagnosis,
            String message, String feedback) {
    }

    public static Grading of(ProblemDefinition problem, CheckReport report) {
        List<PartResult> parts = new ArrayList<>();
        double weighted = 0;
        double weights = 0;
        for (CheckReport.PartReport r : report.parts()) {
            PartDefinition def = problem.part(r.wrt());
            double weight = def.weight() == null ? 1 : def.weight();
            DiagnosisKind kind = r.diagnosis().kind();
            double score = r.verdict() == Verdict.CORRECT ? 1
                    : kind == DiagnosisKind.TRANSPOSED && problem.transposedCredit() != null ? problem.transposedCredit() : 0;
            String hint = def.hints() == null ? null : def.hints().get(kind.text());
            parts.add(new PartResult(r.wrt(), r.verdict(), score, weight, kind, r.diagnosis().message(),
                    hint != null ? hint : r.diagnosis().message()));
            weighted += weight * score;
            weights += weight;
        }
        return new Grading(report.verdict(), weights == 0 ? 0 : weighted / weights, parts, report.seed());
    }
}
