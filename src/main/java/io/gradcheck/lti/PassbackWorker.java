package io.gradcheck.lti;

import io.gradcheck.problems.ProblemSetService;
import io.gradcheck.errors.NotFound;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClientResponseException;

/**
 * Sends the outbox. Each row is taken in its own transaction with {@code FOR UPDATE SKIP LOCKED}, so replicas
 * sharing one database each send different rows, and held until its outcome is written: sent (never tried again),
 * or a failure with the next try after a doubling wait (driven by the injected clock), or failed for good after
 * {@code maxTries}. A crash before the commit leaves the row pending, so nothing is lost across a restart.
 */
@Component
public class PassbackWorker {

    private static final Logger log = LoggerFactory.getLogger(PassbackWorker.class);
    private static final int BATCH = 100;

    private final JdbcClient db;
    private final Links links;
    private final Platforms platforms;
    private final AgsClient ags;
    private final ProblemSetService problems;
    private final LtiProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PassbackWorker(JdbcClient db, Links links, Platforms platforms, AgsClient ags, ProblemSetService problems,
            LtiProperties properties, TransactionTemplate transactions, ObjectProvider<Clock> clock) {
        this.db = db;
        this.links = links;
        this.platforms = platforms;
        this.ags = ags;
        this.problems = problems;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    private record Row(long id, long linkId, String problemKey, String verdict, double score, String feedback,
            Instant gradedAt, int tries) {
    }

    /** Sends what is due now; returns how many rows were sent. */
    public int runOnce() {
        // due as of the start of this run: a row that fails now is due later, so one run never retries it
        Instant start = clock.instant();
        int sent = 0;
        for (int i = 0; i < BATCH; i++) {
            Boolean outcome = transactions.execute(tx -> takeAndSend(start));
            if (outcome == null) {
                break;
            }
            sent += outcome ? 1 : 0;
        }
        return sent;
    }

    /** null when nothing is due; else whether the row was sent. */
    private Boolean takeAndSend(Instant dueBy) {
        Row row = db.sql("select id, link_id, problem_key, verdict, score, feedback, graded_at, tries from lti_passback "
                + "where status = 'pending' and next_try_at <= ? order by next_try_at, id limit 1 for update skip locked")
                .param(Times.sql(dueBy))
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("link_id"), rs.getString("problem_key"),
                        rs.getString("verdict"), rs.getDouble("score"), rs.getString("feedback"),
                        Times.read(rs, "graded_at"), rs.getInt("tries")))
                .optional().orElse(null);
        if (row == null) {
            return null;
        }
        Links.Link link = links.lock(row.linkId());
        Platform platform = platforms.get(link.platformId());
        double given = properties.best() ? best(row) : row.score();
        try {
            send(platform, link, row, given);
        } catch (RuntimeException e) {
            if (AgsClient.unauthorized(e)) {
                ags.forget(platform);
            }
            failed(row, describe(e));
            return false;
        }
        db.sql("update lti_passback set status = 'sent', tries = tries + 1, sent_at = ?, score_sent = ?, "
                + "last_error = null where id = ?").params(Times.sql(clock.instant()), given, row.id()).update();
        return true;
    }

    private void send(Platform platform, Links.Link link, Row row, double given) {
        String token = ags.token(platform);
        String set = link.setSlug();
        double max = PointsPossible.of(problems, set, row.problemKey());
        String lineItem = lineItem(token, link, row.problemKey(), max);
        Map<String, Object> score = new LinkedHashMap<>();
        score.put("userId", link.userSub());
        score.put("scoreGiven", given * max);
        score.put("scoreMaximum", max);
        score.put("activityProgress", "Completed");
        score.put("gradingProgress", "inconclusive".equals(row.verdict()) ? "PendingManual" : "FullyGraded");
        score.put("timestamp", row.gradedAt().toString());
        if (row.feedback() != null && !row.feedback().isBlank()) {
            score.put("comment", row.feedback());
        }
        ags.postScore(token, lineItem, score);
    }

    /**
     * The link's own line item for a link to one problem; otherwise the one found by resource link and resource id
     * (set/problem), created when the platform has none. Remembered, so it is looked up once per link and problem.
     */
    private String lineItem(String token, Links.Link link, String problem, double max) {
        if (!link.problemKey().isEmpty() && link.lineItemUrl() != null) {
            return link.lineItemUrl();
        }
        String known = links.lineItem(link.id(), problem);
        if (known != null) {
            return known;
        }
        if (link.lineItemsUrl() == null) {
            throw new IllegalStateException("the platform gave no line items URL for this link, so there is no line "
                    + "item for " + link.setSlug() + "/" + problem + " to post to");
        }
        String resourceId = link.setSlug() + "/" + problem;
        String url = ags.findLineItem(token, link.lineItemsUrl(), link.resourceLinkId(), resourceId);
        if (url == null) {
            url = ags.createLineItem(token, link.lineItemsUrl(), max, title(link.setSlug(), problem), resourceId,
                    link.resourceLinkId());
        }
        links.rememberLineItem(link.id(), problem, url);
        return url;
    }

    private String title(String set, String problem) {
        try {
            return problems.get(set).problems().stream().filter(p -> p.key().equals(problem)).findFirst()
                    .map(ProblemSetService.ProblemInfo::title).orElse(set + "/" + problem);
        } catch (NotFound e) {
            return set + "/" + problem;
        }
    }

    /**
     * The best score up to this grading: for each submission of this learner, link and problem, its grading that is
     * current at this row's time, and the highest of those. Rows may be sent out of order; each carries the best
     * as of its own timestamp, and the platform keeps the score with the latest timestamp.
     */
    private double best(Row row) {
        Double best = db.sql("select max(p.score) from lti_passback p where p.link_id = ? and p.problem_key = ? "
                + "and p.graded_at <= ? and p.graded_at = (select max(q.graded_at) from lti_passback q "
                + "where q.link_id = p.link_id and q.submission_id = p.submission_id and q.graded_at <= ?)")
                .params(row.linkId(), row.problemKey(), Times.sql(row.gradedAt()), Times.sql(row.gradedAt()))
                .query(Double.class).optional().orElse(null);
        return best == null ? row.score() : best;
    }

    private void failed(Row row, String error) {
        int tries = row.tries() + 1;
        LtiProperties.Passback p = properties.passback();
        boolean giveUp = tries >= p.maxTries();
        Duration wait = p.firstRetry().multipliedBy(1L << Math.min(tries - 1, 20));
        if (wait.compareTo(p.maxWait()) > 0) {
            wait = p.maxWait();
        }
        String message = error.length() > 1900 ? error.substring(0, 1900) + "…" : error;
        db.sql("update lti_passback set status = ?, tries = ?, next_try_at = ?, last_error = ? where id = ?")
                .params(giveUp ? "failed" : "pending", tries, Times.sql(clock.instant().plus(wait)), message, row.id())
                .update();
        log.info("LTI passback {} failed (try {}): {}", row.id(), tries, message);
    }

    private static String describe(RuntimeException e) {
        if (e instanceof RestClientResponseException r) {
            String body = r.getResponseBodyAsString();
            return "the platform answered " + r.getStatusCode().value() + (body.isBlank() ? ""
                    : ": " + (body.length() > 300 ? body.substring(0, 300) : body));
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
