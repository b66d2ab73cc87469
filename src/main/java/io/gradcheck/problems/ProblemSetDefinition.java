package io.gradcheck.problems;

import io.gradcheck.check.CheckRequest;
import io.gradcheck.check.CheckRequest.Tolerance;
import io.gradcheck.check.CheckRequest.VariableSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A problem set as its YAML file (and the API) writes it: a slug, a title, the lecture it comes from, and its
 * problems, and whether practice checks are open ({@link #practiceOpen}). Unknown fields are refused when a file
 * is read.
 */
public record ProblemSetDefinition(String slug, String title, String source, List<ProblemDefinition> problems,
        Boolean practiceChecks) {

    /**
     * Whether anyone may check answers to this problem without submitting (POST …/check): the set's
     * {@code practiceChecks} when given, else open except for a problem that limits attempts, where unlimited
     * practice would make the limit meaningless.
     */
    public static boolean practiceOpen(Boolean practiceChecks, ProblemDefinition problem) {
        return practiceChecks != null ? practiceChecks : problem.maxAttempts() == null;
    }

    /**
     * One exercise: the statement (Markdown with LaTeX), the variables and function, the parts to answer with
     * their references, how many random points and what tolerance, and the known wrong answers with the
     * diagnosis each must produce. {@code erratum} records where the notes print a different (wrong) result.
     * {@code maxAttempts} limits submissions per learner (none: unlimited); {@code transposedCredit} (0 to 1) is
     * the credit for an answer right in the other layout, for problems that accept either. {@code maxScore} is
     * what the problem is worth in a grade book (default 1); {@code source} says where in the notes it is.
     */
    public record ProblemDefinition(
            String key,
            String title,
            String statement,
            Map<String, VariableSpec> variables,
            String function,
            List<String> constraints,
            List<PartDefinition> parts,
            Integer points,
            Tolerance tolerance,
            List<WrongAnswer> wrongAnswers,
            Erratum erratum,
            Integer maxAttempts,
            Double transposedCredit,
            Double maxScore,
            ProblemSource source) {

        /** Points possible: {@link #maxScore}, 1 when absent. */
        public double maxScoreOrDefault() {
            return maxScore == null ? 1 : maxScore;
        }

        /** The check of these answers (by wrt), with the problem's own settings. */
        public CheckRequest toCheck(Map<String, Object> answers, Long seed) {
            List<CheckRequest.Part> checkParts = new ArrayList<>();
            for (PartDefinition p : parts) {
                checkParts.add(new CheckRequest.Part(p.wrt(), p.layout(), p.order(), answers.get(p.wrt())));
            }
            return new CheckRequest(function, variables, constraints, checkParts, points, seed, tolerance);
        }

        public PartDefinition part(String wrt) {
            return parts.stream().filter(p -> p.wrt().equals(wrt)).findFirst().orElse(null);
        }
    }

    /**
     * One derivative to give: with respect to {@code wrt}, in a layout, of an order; the verified reference;
     * its weight in the score (default 1); hints by diagnosis kind, shown as feedback when that diagnosis occurs.
     */
    public record PartDefinition(String wrt, String layout, Integer order, Object reference, Double weight,
            Map<String, String> hints) {
    }

    /**
     * A common mistake and the diagnosis kind it must get (at every seed validation tries). {@code printed} marks
     * the notes' own printed result where it is an erratum.
     */
    public record WrongAnswer(String wrt, Object answer, String diagnosis, Boolean printed) {
    }

    /**
     * Where a problem is in the lecture notes: the document (a file of the notes) and its first and last line,
     * or, for a problem the notes do not have, {@code notInNotes} saying what it is instead.
     */
    public record ProblemSource(String document, List<Integer> lines, String notInNotes) {

        /** True when this source names the given line of the document. */
        public boolean covers(String doc, int line) {
            return doc.equals(document) && lines != null && !lines.isEmpty()
                    && lines.get(0) <= line && line <= lines.get(lines.size() - 1);
        }
    }

    /** Where the notes print a wrong result: what they print, and what is wrong with it. */
    public record Erratum(String printed, String note) {
    }
}
