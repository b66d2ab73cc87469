package io.gradcheck.submissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The per-part rows insights count: written with each submission, replaced on regrade, backfilled. */
@SpringBootTest(properties = {"gradcheck.security.instructor-keys=teacher", "gradcheck.security.lms-keys=lms"})
@AutoConfigureMockMvc
class SubmissionPartsTests {

    private static final String QUADRATIC = "/api/v1/problem-sets/ds4420-lecture-2/problems/quadratic/submissions";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SubmissionPartsBackfill backfill;

    private final String learner = "parts:" + UUID.randomUUID().toString().substring(0, 8);

    private void submit(String answer) throws Exception {
        mvc.perform(post(QUADRATIC).header("X-API-Key", "lms").contentType(MediaType.APPLICATION_JSON)
                .content("{\"learnerId\": \"" + learner + "\", \"answers\": {\"x\": \"" + answer + "\"}}"))
                .andExpect(status().isCreated());
    }

    private Map<String, Object> row(int attempt) {
        return jdbc.queryForMap("select p.* from submission_part p join submission s on s.id = p.submission_id"
                + " where s.learner_id = ? and s.attempt = ?", learner, attempt);
    }

    @Test
    void eachSubmissionStoresOneRowPerPartWithItsCanonicalReading() throws Exception {
        submit("2 (A + A^T) x");
        submit("$$");
        Map<String, Object> scaled = row(1);
        assertThat(scaled.get("WRT")).isEqualTo("x");
        assertThat(scaled.get("VERDICT")).isEqualTo("incorrect");
        assertThat(scaled.get("DIAGNOSIS")).isEqualTo("scaled");
        assertThat(scaled.get("FACTOR")).isEqualTo(2.0);
        assertThat(scaled.get("READING")).isEqualTo("2*(A + A^T)*x"); // the engine's canonical printer
        assertThat((String) scaled.get("READING_HASH")).hasSize(64);
        Map<String, Object> unreadable = row(2);
        assertThat(unreadable.get("VERDICT")).isEqualTo("invalid");
        assertThat(unreadable.get("READING")).isEqualTo("$$");
        assertThat(jdbc.queryForObject("select count(*) from submission_part where learner_id = ?", Integer.class,
                learner)).isEqualTo(2);
    }

    @Test
    void submissionsStoredBeforeTheRowsExistedAreBackfilledAsTheyWereGraded() throws Exception {
        submit("2 A x");
        submit("x^T (A + A^T)");
        Map<String, Object> before1 = row(1);
        Map<String, Object> before2 = row(2);
        jdbc.update("delete from submission_part where learner_id = ?", learner);

        assertThat(backfill.run()).isGreaterThanOrEqualTo(2);

        for (String column : new String[] {"VERDICT", "DIAGNOSIS", "FACTOR", "WRONG_ENTRIES", "READING",
                "READING_HASH", "MESSAGE", "ATTEMPT", "CREATED_AT"}) {
            assertThat(row(1).get(column)).as(column).isEqualTo(before1.get(column));
            assertThat(row(2).get(column)).as(column).isEqualTo(before2.get(column));
        }
        assertThat(backfill.run()).isZero();
    }

    @Test
    void aRegradeReplacesTheRowsWithTheNewGrading() throws Exception {
        String set = "parts-" + UUID.randomUUID().toString().substring(0, 8);
        String body = """
                {"slug": "%s", "title": "T", "source": "a test", "problems": [{"key": "p", "title": "P",
                 "statement": "Differentiate.", "variables": {"s": {}}, "function": "%s",
                 "parts": [{"wrt": "s", "reference": "%s"}]}]}""";
        mvc.perform(put("/api/v1/problem-sets/" + set).header("X-API-Key", "teacher").header("If-Match", "*")
                .contentType(MediaType.APPLICATION_JSON).content(body.formatted(set, "s^2", "2 s")))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/problem-sets/" + set + "/problems/p/submissions").header("X-API-Key", "lms")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"learnerId\": \"" + learner + "\", \"answers\": {\"s\": \"2 s\"}}"))
                .andExpect(status().isCreated());
        assertThat(row(1).get("VERDICT")).isEqualTo("correct");
        mvc.perform(put("/api/v1/problem-sets/" + set).header("X-API-Key", "teacher").header("If-Match", "*")
                .contentType(MediaType.APPLICATION_JSON).content(body.formatted(set, "s^3", "3 s^2")))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/problem-sets/" + set + "/problems/p/regrade").header("X-API-Key", "teacher"))
                .andExpect(status().isOk());
        assertThat(row(1).get("VERDICT")).isEqualTo("incorrect");
        assertThat(jdbc.queryForObject("select count(*) from submission_part where learner_id = ?", Integer.class,
                learner)).isEqualTo(1);
    }
}
