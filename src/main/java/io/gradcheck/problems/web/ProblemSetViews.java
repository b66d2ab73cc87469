package io.gradcheck.problems.web;

import io.gradcheck.check.CheckRequest.Tolerance;
import io.gradcheck.check.CheckRequest.VariableSpec;
import io.gradcheck.problems.ImportReport.ImportError;
import io.gradcheck.problems.ProblemSetDefinition.Erratum;
import io.gradcheck.problems.ProblemSetDefinition.ProblemSource;
import io.gradcheck.problems.ProblemSetDefinition.WrongAnswer;
import java.util.List;
import java.util.Map;

/** What the problem-set endpoints answer. Instructor-only fields are null (and left out) for everyone else. */
final class ProblemSetViews {

    private ProblemSetViews() {
    }

    record SetSummary(String slug, String title, String source, int version, int problemCount) {
    }

    record SetPage(List<SetSummary> items, int page, int size, long totalItems, int totalPages,
            List<ImportError> importErrors) {
    }

    record ProblemSummary(String key, String title, double maxScore) {
    }

    record SetView(String slug, String title, String source, int version, List<ProblemSummary> problems) {
    }

    record PartView(String wrt, String layout, int order, double weight, Object reference, Map<String, String> hints) {
    }

    record ProblemView(String key, String title, String statement, Map<String, VariableSpec> variables,
            String function, List<String> constraints, List<PartView> parts, Integer points, Tolerance tolerance,
            int version, List<WrongAnswer> wrongAnswers, Erratum erratum, double maxScore, ProblemSource source) {
    }

    /** The learner's answers by wrt; a single-part problem also takes {@code answer}. */
    record AnswersRequest(Map<String, Object> answers, Object answer, Long seed) {
    }
}
