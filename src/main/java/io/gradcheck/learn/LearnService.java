package io.gradcheck.learn;

import io.gradcheck.errors.BadRequest;
import io.gradcheck.check.CheckReport;
import io.gradcheck.problems.ProblemSetService;
import io.gradcheck.problems.ProblemSetService.StoredProblem;
import io.gradcheck.submissions.GradeBook;
import io.gradcheck.submissions.Grading;
import io.gradcheck.submissions.SubmissionService;
import io.gradcheck.submissions.SubmissionService.View;
import io.gradcheck.web.CheckAdmission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * What the learner page does, over the features' public services: a learner's answer is graded and stored as a
 * submission (the submissions feature does both, exactly once); a practice answer is only checked.
 */
@Service
class LearnService {

    private static final int HISTORY = 50;

    private final ProblemSetService problems;
    private final SubmissionService submissions;
    private final GradeBook gradeBook;
    private final CheckAdmission admission;

    LearnService(ProblemSetService problems, SubmissionService submissions, GradeBook gradeBook,
            CheckAdmission admission) {
        this.gradeBook = gradeBook;
        this.admission = admission;
        this.problems = problems;
        this.submissions = submissions;
    }

    /** One earlier attempt, newest first in lists. */
    record Attempt(int attempt, String verdict, double score, Instant at, Map<String, Object> answers) {
    }

    /** A problem of a set with the learner's standing on it (zeros in practice). */
    record ProblemStatus(String key, String title, int attempts, double bestScore) {
    }

    /**
     * The result the page shows: practice or graded, the verdict, the score (0 to 1), each part's feedback, the
     * attempts used and left (null: no limit), the seed (for the plot) and the learner's history.
     */
    record Result(boolean practice, String verdict, double score, List<Grading.PartResult> parts, int attemptsUsed,
            Integer attemptsLeft, long seed, List<Attempt> history) {
    }

    StoredProblem problem(String set, String key) {
        return problems.problem(set, key);
    }

    String setTitle(String set) {
        return problems.get(set).title();
    }

    List<ProblemStatus> statuses(String set, String learnerId) {
        var info = problems.get(set);
        List<SubmissionService.GradeRow> rows = new ArrayList<>();
        if (learnerId != null) {
            gradeBook.stream(set, learnerId, rows::add);
        }
        List<ProblemStatus> out = new ArrayList<>();
        for (var p : info.problems()) {
            var row = rows.stream().filter(r -> r.problem().equals(p.key())).findFirst();
            out.add(new ProblemStatus(p.key(), p.title(), row.map(SubmissionService.GradeRow::attempts).orElse(0),
                    row.map(SubmissionService.GradeRow::bestScore).orElse(0.0)));
        }
        return out;
    }

    List<Attempt> history(String set, String key, String learnerId) {
        return submissions.search(learnerId, set, key, null, 0, HISTORY).getContent().stream()
                .map(v -> new Attempt(v.attempt(), v.verdict(), v.score(), v.createdAt(), v.answers())).toList();
    }

    Result answer(String set, String key, LearnerToken learner, Map<String, Object> answers, String idempotencyKey) {
        StoredProblem problem = problems.problem(set, key);
        requireEveryPart(problem, answers);
        Integer max = problem.definition().maxAttempts();
        if (learner == null) {
            // through the door like every check: a slot, a deadline, stopped if the learner's browser goes away
            CheckReport report = admission.admit(deadline -> problems.check(problem, answers, null, deadline));
            Grading g = Grading.of(problem.definition(), report);
            return new Result(true, g.verdict().text(), g.score(), g.parts(), 0, max, g.seed(), List.of());
        }
        View v = admission.admit(deadline -> submissions.submit(set, key, learner.learnerId(), answers,
                idempotencyKey, deadline));
        List<Attempt> history = history(set, key, learner.learnerId());
        int used = history.isEmpty() ? v.attempt() : Math.max(v.attempt(), history.get(0).attempt());
        return new Result(false, v.verdict(), v.score(), v.parts(), used,
                max == null ? null : Math.max(0, max - used), v.seed(), history);
    }

    /** A part left empty: a 400 of its own type, and no attempt used. */
    static final class MissingAnswer extends RuntimeException {
        MissingAnswer(String message) {
            super(message, null, false, false);
        }
    }

    /** An empty or missing answer is refused before grading, so it never uses up an attempt. */
    private static void requireEveryPart(StoredProblem problem, Map<String, Object> answers) {
        for (var part : problem.definition().parts()) {
            Object a = answers.get(part.wrt());
            if (a == null || a instanceof String s && s.isBlank() || a instanceof List<?> l && l.isEmpty()) {
                throw new MissingAnswer("give an answer for " + part.wrt() + " before submitting; nothing was "
                        + "graded or stored");
            }
        }
        for (String wrt : answers.keySet()) {
            if (problem.definition().part(wrt) == null) {
                throw new BadRequest("this problem has no part for `" + wrt
                        + "`");
            }
        }
    }
}
