package io.gradcheck.lti;

import io.gradcheck.submissions.SubmissionGraded;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The passback outbox. A graded submission becomes one row per LTI link of its learner and problem, written in
 * its own transaction once the submission has committed; the {@link PassbackWorker} sends it. A row is unique by
 * (submission, link, graded at), so an event delivered twice enqueues once, and a regrade is a new score.
 */
@Service
public class Passbacks {

    private final JdbcClient db;
    private final Links links;
    private final TransactionTemplate newTransaction;
    private final Clock clock;

    Passbacks(JdbcClient db, Links links, TransactionTemplate transactions, ObjectProvider<Clock> clock) {
        this.db = db;
        this.links = links;
        this.newTransaction = new TransactionTemplate(transactions.getTransactionManager());
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** After the submission's commit (or at once, when it is published outside a transaction). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    public void graded(SubmissionGraded event) {
        newTransaction.executeWithoutResult(tx -> enqueue(event));
    }

    int enqueue(SubmissionGraded e) {
        int added = 0;
        var now = Times.sql(clock.instant());
        for (Links.Link link : links.forSubmission(e.learnerId(), e.setSlug(), e.problemKey())) {
            String feedback = e.feedback() == null ? null
                    : e.feedback().length() > 2000 ? e.feedback().substring(0, 1999) + "…" : e.feedback();
            added += db.sql("insert into lti_passback (link_id, submission_id, problem_key, verdict, score, feedback, "
                    + "graded_at, status, tries, next_try_at, created_at) "
                    + "select ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ? where not exists (select 1 from lti_passback "
                    + "where submission_id = ? and link_id = ? and graded_at = ?)")
                    .params(link.id(), e.submissionId(), e.problemKey(), e.verdict(), e.score(), feedback,
                            Times.sql(e.gradedAt()), now, now, e.submissionId(), link.id(), Times.sql(e.gradedAt()))
                    .update();
        }
        return added;
    }

    /** A passback as instructors see it (named in the OpenAPI document: submissions have a View too). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "Passback")
    public record View(long id, long submissionId, String learnerId, String set, String problem, String status,
            double score, Double scoreSent, int tries, Instant nextTryAt, String lastError, Instant gradedAt,
            Instant sentAt, String platform) {
    }

    /** @param status pending, failed or sent; null for pending and failed */
    public List<View> list(String status, int limit) {
        String where = status == null ? "p.status in ('pending', 'failed')" : "p.status = ?";
        var query = db.sql("select p.id, p.submission_id, l.learner_id, l.set_slug, p.problem_key, p.status, p.score, "
                + "p.score_sent, p.tries, p.next_try_at, p.last_error, p.graded_at, p.sent_at, f.issuer "
                + "from lti_passback p join lti_link l on l.id = p.link_id join lti_platform f on f.id = l.platform_id "
                + "where " + where + " order by p.id limit " + limit);
        if (status != null) {
            query = query.param(status);
        }
        return query.query((rs, n) -> new View(rs.getLong("id"), rs.getLong("submission_id"),
                rs.getString("learner_id"), rs.getString("set_slug"), rs.getString("problem_key"),
                rs.getString("status"), rs.getDouble("score"), (Double) rs.getObject("score_sent", Double.class),
                rs.getInt("tries"), Times.read(rs, "next_try_at"), rs.getString("last_error"),
                Times.read(rs, "graded_at"), Times.read(rs, "sent_at"), rs.getString("issuer"))).list();
    }

    /** Puts a failed passback back in the queue, due now. */
    public boolean retry(long id) {
        return db.sql("update lti_passback set status = 'pending', next_try_at = ? where id = ? and status = 'failed'")
                .params(Times.sql(clock.instant()), id).update() == 1;
    }
}
