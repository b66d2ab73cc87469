package io.gradcheck.lti;

import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Launch contexts: for a learner who launched a resource link, where scores for its set (or its one problem) go.
 * Written at launch, read when a submission is graded and by the passback worker.
 */
@Repository
class Links {

    private final JdbcClient db;
    private final Clock clock;

    Links(JdbcClient db, ObjectProvider<Clock> clock) {
        this.db = db;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** @param problemKey '' for a link to a whole set */
    record Link(long id, long platformId, String learnerId, String userSub, String setSlug, String problemKey,
            String resourceLinkId, String lineItemsUrl, String lineItemUrl) {
    }

    private static final String COLUMNS = "id, platform_id, learner_id, user_sub, set_slug, problem_key, "
            + "resource_link_id, lineitems_url, lineitem_url";

    /** Records (or refreshes: the LMS may have moved the line item) the context of this launch. */
    void save(long platformId, String learnerId, String userSub, String set, String problem, String resourceLinkId,
            String lineItemsUrl, String lineItemUrl) {
        String key = problem == null ? "" : problem;
        var now = Times.sql(clock.instant());
        int updated = db.sql("update lti_link set user_sub = ?, lineitems_url = ?, lineitem_url = ?, updated_at = ? "
                + "where platform_id = ? and learner_id = ? and set_slug = ? and problem_key = ? "
                + "and resource_link_id = ?")
                .params(userSub, lineItemsUrl, lineItemUrl, now, platformId, learnerId, set, key, resourceLinkId)
                .update();
        if (updated == 0) {
            try {
                db.sql("insert into lti_link (platform_id, learner_id, user_sub, set_slug, problem_key, "
                        + "resource_link_id, lineitems_url, lineitem_url, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(platformId, learnerId, userSub, set, key, resourceLinkId, lineItemsUrl, lineItemUrl,
                                now)
                        .update();
            } catch (DuplicateKeyException raced) {
                throw new LtiRefusal(409, "Launched twice at once",
                        "this link was launched twice at the same moment; reload the page");
            }
        }
    }

    /** The links a graded submission's score goes to: to its problem, and to its whole set. */
    List<Link> forSubmission(String learnerId, String set, String problem) {
        return db.sql("select " + COLUMNS + " from lti_link where learner_id = ? and set_slug = ? "
                + "and (problem_key = ? or problem_key = '')")
                .params(learnerId, set, problem).query(Links::row).list();
    }

    /** The link, locked until the caller's transaction ends: one worker at a time finds or creates its line item. */
    Link lock(long id) {
        return db.sql("select " + COLUMNS + " from lti_link where id = ? for update").param(id).query(Links::row)
                .single();
    }

    String lineItem(long linkId, String problem) {
        return db.sql("select url from lti_line_item where link_id = ? and problem_key = ?").params(linkId, problem)
                .query(String.class).optional().orElse(null);
    }

    void rememberLineItem(long linkId, String problem, String url) {
        db.sql("insert into lti_line_item (link_id, problem_key, url) values (?, ?, ?)").params(linkId, problem, url)
                .update();
    }

    private static Link row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Link(rs.getLong("id"), rs.getLong("platform_id"), rs.getString("learner_id"),
                rs.getString("user_sub"), rs.getString("set_slug"), rs.getString("problem_key"),
                rs.getString("resource_link_id"), rs.getString("lineitems_url"), rs.getString("lineitem_url"));
    }
}
