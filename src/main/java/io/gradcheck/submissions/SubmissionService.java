package io.gradcheck.submissions;

import io.gradcheck.check.CheckReport;
import io.gradcheck.check.Checker;
import io.gradcheck.expr.Deadline;
import io.gradcheck.errors.BadRequest;
import io.gradcheck.errors.Conflict;
import io.gradcheck.errors.NotFound;
import io.gradcheck.errors.ProblemType;
import io.gradcheck.errors.ServiceException;
import io.gradcheck.problems.Answers;
import io.gradcheck.problems.ProblemSetService;
import io.gradcheck.problems.ProblemSetService.StoredProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Grades and stores submissions exactly once. Grading (CPU) happens outside any transaction; the insert is one
 * short transaction whose unique keys settle every race: the same Idempotency-Key twice reads back the first
 * row, and two submissions that drew the same attempt number retry with the next.
 */
@Service
public class SubmissionService {

    /**
     * Learner ids as LMSs and LTI launches name learners: `canvas:12345`, or an LTI launch's `iss|sub`
     * (`https://canvas.instructure.com|8f0c…`), hence `/` and `|`. Never whitespace or a comma (CSV, logs).
     */
    private static final Pattern LEARNER = Pattern.compile("[A-Za-z0-9_.:@|/-]{1,200}");
    public static final String LEARNER_ID_RULE = "learnerId must be 1 to 200 letters, digits or _ . : @ | / -, "
            + "such as canvas:12345";

    /** Whether submissions accept this learner id (a link or a launch can refuse it before any attempt). */
    public static boolean isLearnerId(String learnerId) {
        return learnerId != null && LEARNER.matcher(learnerId).matches();
    }
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final int INSERT_TRIES = 50;
    private static final int MAX_ANSWERS_LENGTH = 100_000;

    private final SubmissionRepository submissions;
    private final SubmissionGradingRepository gradings;
    private final SubmissionParts parts;
    private final ProblemSetService problems;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Checker checker;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SubmissionService(SubmissionRepository submissions, SubmissionGradingRepository gradings, SubmissionParts parts,
            ProblemSetService problems, TransactionTemplate transactions, JsonMapper json, Checker checker,
            Clock clock, ApplicationEventPublisher events) {
        this.submissions = submissions;
        this.gradings = gradings;
        this.parts = parts;
        this.problems = problems;
        this.transactions = transactions;
        this.json = json;
        this.checker = checker;
        this.clock = clock;
        this.events = events;
    }

    /** A stored submission as the API shows it. */
    public record View(long id, String learnerId, String set, String problem, int problemVersion, int attempt,
            Map<String, Object> answers, String verdict, double score, List<Grading.PartResult> parts, long seed,
            Instant createdAt, Instant gradedAt, List<Regrading> history) {
    }

    public record Regrading(int problemVersion, String verdict, double score, Instant gradedAt) {
    }

    /** @param given answers by wrt; the key "" is a lone answer (problems/Answers, the rule checks use too) */
    public View submit(String slug, String key, String learnerId, Map<String, Object> given, String idempotencyKey) {
        return submit(slug, key, learnerId, given, idempotencyKey, checker.deadline());
    }

    /** @param deadline stops the grading (nothing is stored) when it passes or the client goes away */
    public View submit(String slug, String key, String learnerId, Map<String, Object> given, String idempotencyKey,
            Deadline deadline) {
        if (!isLearnerId(learnerId)) {
            throw new BadRequest(LEARNER_ID_RULE);
        }
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new BadRequest("the Idempotency-Key header must be 1 to 200 visible ASCII characters");
        }
        StoredProblem problem = problems.problem(slug, key);
        // missing, empty, mis-keyed answers: a 400 before anything is graded or stored, no attempt used
        Map<String, Object> answers = Answers.of(problem.definition(), given, null);
        if (idempotencyKey != null) {
            var earlier = submissions.findByIdempotencyKey(idempotencyKey);
            if (earlier.isPresent()) {
                return replay(earlier.get(), slug, key, learnerId, answers);
            }
        }
        Integer max = problem.definition().maxAttempts();
        if (max != null && submissions.lastAttempt(problem.id(), learnerId) >= max) {
            throw tooMany(max);
        }
        long seed = checker.nextSeed();
        CheckReport report = checker.check(problem.definition().toCheck(answers, seed), deadline);
        Grading grading = Grading.of(problem.definition(), report);
        String answersJson = json.writeValueAsString(answers);
        if (answersJson.length() > MAX_ANSWERS_LENGTH) {
            throw new BadRequest("the answers are " + answersJson.length()
                    + " characters of JSON; the limit is " + MAX_ANSWERS_LENGTH);
        }
        String resultJson = json.writeValueAsString(grading);
        for (int i = 0; i < INSERT_TRIES; i++) {
            try {
                Submission saved = transactions.execute(tx -> {
                    int attempt = submissions.lastAttempt(problem.id(), learnerId) + 1;
                    if (max != null && attempt > max) {
                        throw tooMany(max);
                    }
                    Instant now = now();
                    Submission s = new Submission(problem.id(), slug, key, learnerId, attempt, answersJson,
                            idempotencyKey, now);
                    s.grade(grading, resultJson, problem.version(), now);
                    Submission stored = submissions.saveAndFlush(s);
                    parts.record(stored, answers, grading.parts(), report); // insights' rows, same transaction
                    return stored;
                });
                // the transaction has committed: the row is durable, and listeners (LTI passback) may act on it
                events.publishEvent(graded(saved, grading));
                return view(saved, List.of());
            } catch (DataIntegrityViolationException e) {
                if (idempotencyKey != null) {
                    var first = submissions.findByIdempotencyKey(idempotencyKey);
                    if (first.isPresent()) {
                        return replay(first.get(), slug, key, learnerId, answers);
                    }
                }
                // another submission took this attempt number: draw the next one
            }
        }
        throw new Conflict("too many concurrent submissions for this learner and problem; retry with the same "
                + "Idempotency-Key");
    }

    /** Microseconds: what both databases keep, so that a replayed submission reads exactly as first returned. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The same key with the same request replays the first answer; with another problem, learner or answers it is
     * refused. The stored row holds the answers as graded, compared as JSON trees (key order does not matter).
     */
    private View replay(Submission s, String slug, String key, String learnerId, Map<String, Object> answers) {
        if (!json.readTree(s.answers()).equals(json.valueToTree(answers))) {
            throw new ServiceException(ProblemType.IDEMPOTENCY_KEY_REUSED, "this Idempotency-Key was used for "
                    + "different answers; use a new key for a new submission, the same body to retry");
        }
        if (!s.setSlug().equals(slug) || !s.problemKey().equals(key) || !s.learnerId().equals(learnerId)) {
            throw new ServiceException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was used for another submission (" + s.setSlug() + "/"
                    + s.problemKey() + " by " + s.learnerId() + "); use a new key for a new submission");
        }
        return view(s, List.of());
    }

    private static ServiceException tooMany(int max) {
        return new ServiceException(ProblemType.ATTEMPTS_EXHAUSTED, "no attempts left: this problem allows " + max + (max == 1 ? " attempt" : " attempts")
                + " per learner");
    }

    public View get(long id) {
        Submission s = submissions.findById(id).orElseThrow(() -> new NotFound("there is no submission " + id));
        return view(s, gradings.findBySubmissionIdOrderByIdAsc(id).stream()
                .map(g -> new Regrading(g.grade().problemVersion(), g.grade().verdict(), g.grade().score(),
                        g.grade().gradedAt())).toList());
    }

    public Page<View> search(String learner, String set, String problem, Instant since, int page, int size) {
        return submissions.search(learner, set, problem, since == null ? Instant.EPOCH : since,
                PageRequest.of(page, size)).map(s -> view(s, List.of()));
    }

    /**
     * One row per learner and problem of the set (read by GradeBook): attempts, best and latest score (0..1), the
     * problem's {@code maxScore} (points possible) and the points earned, best score × maxScore.
     */
    public record GradeRow(String learnerId, String problem, int attempts, double bestScore, double latestScore,
            Instant latestAt, double maxScore, double points) {
    }

    /** Re-scores every stored submission of a problem with its current definition, keeping the old results. */
    public int regrade(String slug, String key) {
        StoredProblem problem = problems.problem(slug, key);
        List<Submission> all = submissions.findByProblemIdOrderByIdAsc(problem.id());
        for (Submission s : all) {
            Map<String, Object> answers = json.readValue(s.answers(), new TypeReference<Map<String, Object>>() { });
            CheckReport report = checker.check(problem.definition().toCheck(answers, s.seed()));
            Grading grading = Grading.of(problem.definition(), report);
            transactions.executeWithoutResult(tx -> {
                gradings.save(new SubmissionGrading(s));
                s.grade(grading, json.writeValueAsString(grading), problem.version(), now());
                submissions.save(s);
                parts.replace(s, answers, grading.parts(), report);
            });
            events.publishEvent(graded(s, grading));
        }
        return all.size();
    }

    private static SubmissionGraded graded(Submission s, Grading grading) {
        String feedback = String.join(" ", grading.parts().stream().map(Grading.PartResult::feedback).toList());
        return new SubmissionGraded(s.id(), s.setSlug(), s.problemKey(), s.learnerId(), s.attempt(),
                grading.verdict().text(), grading.score(), feedback, s.gradedAt());
    }

    private View view(Submission s, List<Regrading> history) {
        Map<String, Object> answers = json.readValue(s.answers(), new TypeReference<Map<String, Object>>() { });
        Grading g = json.readValue(s.result(), Grading.class);
        return new View(s.id(), s.learnerId(), s.setSlug(), s.problemKey(), s.problemVersion(), s.attempt(), answers,
                s.verdict(), s.score(), g.parts(), s.seed(), s.createdAt(), s.gradedAt(), history);
    }
}
