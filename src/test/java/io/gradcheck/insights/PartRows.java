package io.gradcheck.insights;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;

/**
 * Bulk-inserts stored submissions with their per-part rows by plain JDBC, as the service would have stored them,
 * at chosen times: for time windows and for volume (100,000 submissions in seconds, where grading each through
 * the API would take minutes).
 */
final class PartRows {

    /** One single-part submission and how it was graded. */
    record Row(String learner, int attempt, Instant at, String verdict, String diagnosis, Double factor,
            String wrongEntries, String reading, String message) {
    }

    private PartRows() {
    }

    static long problemId(DataSource data, String set, String key) throws Exception {
        try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement("select p.id from problem p"
                + " join problem_set s on s.id = p.set_id where s.slug = ? and p.problem_key = ?")) {
            s.setString(1, set);
            s.setString(2, key);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    static void insert(DataSource data, String set, String key, String wrt, List<Row> rows) throws Exception {
        long problem = problemId(data, set, key);
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false);
            int batch = 5_000;
            for (int from = 0; from < rows.size(); from += batch) {
                List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + batch));
                List<Long> ids = submissions(c, problem, set, key, wrt, chunk);
                parts(c, problem, set, key, wrt, chunk, ids);
                c.commit();
            }
        }
    }

    private static List<Long> submissions(Connection c, long problem, String set, String key, String wrt,
            List<Row> rows) throws Exception {
        try (PreparedStatement s = c.prepareStatement("insert into submission (problem_id, problem_version, set_slug,"
                + " problem_key, learner_id, attempt, answers, verdict, score, result, seed, created_at, graded_at)"
                + " values (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, 7, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            for (Row r : rows) {
                double score = r.verdict().equals("correct") ? 1 : 0;
                s.setLong(1, problem);
                s.setString(2, set);
                s.setString(3, key);
                s.setString(4, r.learner());
                s.setInt(5, r.attempt());
                s.setString(6, "{\"" + wrt + "\":\"" + r.reading() + "\"}");
                s.setString(7, r.verdict());
                s.setDouble(8, score);
                s.setString(9, "{\"verdict\":\"" + r.verdict() + "\",\"score\":" + score + ",\"parts\":[{\"wrt\":\""
                        + wrt + "\",\"verdict\":\"" + r.verdict() + "\",\"score\":" + score + ",\"weight\":1.0,"
                        + "\"diagnosis\":\"" + r.diagnosis() + "\",\"message\":\"" + r.message() + "\",\"feedback\":\""
                        + r.message() + "\"}],\"seed\":7}");
                s.setObject(10, OffsetDateTime.ofInstant(r.at(), ZoneOffset.UTC));
                s.setObject(11, OffsetDateTime.ofInstant(r.at(), ZoneOffset.UTC));
                s.addBatch();
            }
            s.executeBatch();
            List<Long> ids = new ArrayList<>();
            try (ResultSet keys = s.getGeneratedKeys()) {
                while (keys.next()) {
                    ids.add(keys.getLong(1));
                }
            }
            if (ids.size() != rows.size()) {
                throw new IllegalStateException("the driver returned " + ids.size() + " keys for " + rows.size());
            }
            return ids;
        }
    }

    private static void parts(Connection c, long problem, String set, String key, String wrt, List<Row> rows,
            List<Long> ids) throws Exception {
        try (PreparedStatement s = c.prepareStatement("insert into submission_part (submission_id, problem_id,"
                + " set_slug, problem_key, learner_id, attempt, created_at, wrt, verdict, diagnosis, factor,"
                + " wrong_entries, reading, reading_hash, message) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                s.setLong(1, ids.get(i));
                s.setLong(2, problem);
                s.setString(3, set);
                s.setString(4, key);
                s.setString(5, r.learner());
                s.setInt(6, r.attempt());
                s.setObject(7, OffsetDateTime.ofInstant(r.at(), ZoneOffset.UTC));
                s.setString(8, wrt);
                s.setString(9, r.verdict());
                s.setString(10, r.diagnosis());
                if (r.factor() == null) {
                    s.setNull(11, Types.DOUBLE);
                } else {
                    s.setDouble(11, r.factor());
                }
                s.setString(12, r.wrongEntries());
                s.setString(13, r.reading());
                s.setString(14, HexFormat.of().formatHex(sha.digest(r.reading().getBytes(StandardCharsets.UTF_8))));
                s.setString(15, r.message());
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
