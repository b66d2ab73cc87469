package io.gradcheck.submissions;

import io.gradcheck.check.CheckException;
import io.gradcheck.check.CheckReport;
import io.gradcheck.check.Checker;
import io.gradcheck.problems.ProblemSetService;
import io.gradcheck.problems.ProblemSetService.StoredProblem;
import io.gradcheck.errors.NotFound;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the per-part rows of submissions stored before they existed (migration V5). Done at start-up, not in
 * the migration, because a row needs the engine: the canonical reading of the answer and the constant or
 * entries of the diagnosis come from re-checking the stored answer with its stored seed, which SQL cannot do.
 * It runs on one background thread after the application is ready, so a large backlog delays no start; until
 * it ends, insights leave out the submissions it has not reached. Replicas may both run it: the unique
 * (submission, wrt) key lets one of them write each submission's rows, and the other moves on.
 */
@Component
class SubmissionPartsBackfill {

    private static final Logger log = LoggerFactory.getLogger(SubmissionPartsBackfill.class);
    private static final int BATCH = 200;

    private final SubmissionPartRepository rows;
    private final SubmissionParts parts;
    private final ProblemSetService problems;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final boolean enabled;
    private final Checker checker = new Checker();

    SubmissionPartsBackfill(SubmissionPartRepository rows, SubmissionParts parts, ProblemSetService problems,
            TransactionTemplate transactions, JsonMapper json,
            @Value("${gradcheck.insights.backfill:true}") boolean enabled) {
        this.rows = rows;
        this.parts = parts;
        this.problems = problems;
        this.transactions = transactions;
        this.json = json;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (enabled) {
            Thread t = new Thread(this::runLogged, "submission-parts-backfill");
            t.setDaemon(true);
            t.start();
        }
    }

    private void runLogged() {
        try {
            int n = run();
            if (n > 0) {
                log.info("wrote the per-part rows of {} earlier submissions", n);
            }
        } catch (RuntimeException e) { // the database went away at shutdown, say: the next start resumes
            log.warn("backfill of per-part rows stopped: {}", e.toString());
        }
    }

    /** Writes the missing rows, oldest submission first; returns how many submissions got rows. */
    int run() {
        int written = 0;
        long after = 0;
        List<Submission> batch;
        do {
            batch = rows.withoutParts(after, PageRequest.of(0, BATCH));
            for (Submission s : batch) {
                after = s.id();
                written += fill(s) ? 1 : 0;
            }
        } while (!batch.isEmpty());
        return written;
    }

    private boolean fill(Submission s) {
        Map<String, Object> answers = json.readValue(s.answers(), new TypeReference<Map<String, Object>>() { });
        Grading graded = json.readValue(s.result(), Grading.class);
        CheckReport report = recheck(s, answers);
        try {
            transactions.executeWithoutResult(tx -> parts.record(s, answers, graded.parts(), report));
            return true;
        } catch (DataIntegrityViolationException e) { // another replica wrote them first
            return false;
        }
    }

    /** The same check as graded (stored seed), or null when the problem is retired or no longer checks. */
    private CheckReport recheck(Submission s, Map<String, Object> answers) {
        try {
            StoredProblem problem = problems.problem(s.setSlug(), s.problemKey());
            return checker.check(problem.definition().toCheck(answers, s.seed()));
        } catch (NotFound | CheckException e) {
            return null;
        }
    }
}
