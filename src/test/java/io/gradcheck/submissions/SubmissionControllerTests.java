package io.gradcheck.submissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.gradcheck.PinnedClockAndSeeds;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest(properties = {"gradcheck.security.instructor-keys=teacher", "gradcheck.security.lms-keys=lms"})
@AutoConfigureMockMvc
@Import(PinnedClockAndSeeds.class)
class SubmissionControllerTests {

    private static final String QUADRATIC = "/api/v1/problem-sets/ds4420-lecture-2/problems/quadratic/submissions";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    private String learner;

    @BeforeEach
    void newLearner() {
        learner = "canvas:" + UUID.randomUUID().toString().substring(0, 8);
    }

    private ResultActions submit(String url, String body, String key, String idempotencyKey) throws Exception {
        var request = post(url).contentType(MediaType.APPLICATION_JSON).content(body);
        if (key != null) {
            request.header("X-API-Key", key);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return mvc.perform(request);
    }

    private int rows(String learnerId) {
        return jdbc.queryForObject("select count(*) from submission where learner_id = ?", Integer.class, learnerId);
    }

    @Test
    void aSubmissionIsGradedStoredAndReturnedWith201() throws Exception {
        submit(QUADRATIC, "{\"learnerId\": \"" + learner + "\", \"answers\": {\"x\": \"2 A x\"}}", "lms", null)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/submissions/")))
                .andExpect(jsonPath("$.attempt").value(1))
                .andExpect(jsonPath("$.score").value(0.0))
                .andExpect(jsonPath("$.verdict").value("incorrect"))
                .andExpect(jsonPath("$.parts[0].diagnosis").value("symmetric_only"))
                .andExpect(jsonPath("$.parts[0].feedback").value(
                        "A is not symmetric in general: the two factors of x contribute A x and A^T x."))
                .andExpect(jsonPath("$.answers.x").value("2 A x"))
                .andExpect(jsonPath("$.seed").isNumber())
                .andExpect(jsonPath("$.createdAt").isNotEmpty());
        submit(QUADRATIC, "{\"learnerId\": \"" + learner + "\", \"answer\": \"(A + A^T) x\"}", "teacher", null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.attempt").value(2))
                .andExpect(jsonPath("$.score").value(1.0));
        assertThat(rows(learner)).isEqualTo(2);
    }

    @Test
    void seedAndTimeComeFromTheInjectedSources() throws Exception {
        String body = submit(QUADRATIC, "{\"learnerId\": \"" + learner + "\", \"answer\": \"2 A x\"}", "lms", null)
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long seed = Long.parseLong(body.replaceAll(".*\"seed\":(\\d+).*", "$1"));
        Instant createdAt = Instant.parse(body.replaceAll(".*\"createdAt\":\"([^\"]+)\".*", "$1"));
        assertThat(seed).isBetween(PinnedClockAndSeeds.FIRST_SEED, PinnedClockAndSeeds.FIRST_SEED + 10_000);
        assertThat(createdAt).isBetween(PinnedClockAndSeeds.START, PinnedClockAndSeeds.START.plusSeconds(60));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstResultAndStoresNothing() throws Exception {
        String body = "{\"learnerId\": \"" + learner + "\", \"answers\": {\"x\": \"2 A x\"}}";
        String first = submit(QUADRATIC, body, "lms", "key-" + learner).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String again = submit(QUADRATIC, body, "lms", "key-" + learner).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        assertThat(again).isEqualTo(first);
        assertThat(rows(learner)).isEqualTo(1);
        submit(QUADRATIC, body.replace(learner, learner + "x"), "lms", "key-" + learner)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("/problems/idempotency-key-reused"))
                .andExpect(jsonPath("$.detail").value(startsWith("this Idempotency-Key was used for another submission")));
    }

    @Test
    void anUnreadableAnswerIsStoredAndScoredZero() throws Exception {
        submit(QUADRATIC, "{\"learnerId\": \"" + learner + "\", \"answers\": {\"x\": \"(A + A^T x\"}}", "lms", null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.verdict").value("invalid"))
                .andExpect(jsonPath("$.score").value(0.0))
                .andExpect(jsonPath("$.answers.x").value("(A + A^T x"))
                .andExpect(jsonPath("$.parts[0].message").value(startsWith("We could not read your answer")));
    }

    @Test
    void badRequestsGetClearProblems() throws Exception {
        submit(QUADRATIC, "{\"learnerId\": \"" + learner + "\", \"answers\": {\"x\": \"x\"}}", null, null)
                .andExpect(status().isUnauthorized());
        submit(QUADRATIC, "{\"learnerId\": \"" + learner + "\", \"answers\": {\"x\": \"x\"}}", "nope", null)
                .andExpect(status().isForbidden());
        submit("/api/v1/problem-sets/ds4420-lecture-2/problems/nope/submissions",
                "{\"learnerId\": \"" + learner + "\", \"answer\": \"x\"}", "lms", null)
                .andExpect(status().isNotFound());
        submit(QUADRATIC, "{\"learnerId\": \"not a learner id\", \"answer\": \"x\"}", "lms", null)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(startsWith("learnerId must be")));
        submit(QUADRATIC, "{\"learnerId\": \"" + learner + "\", \"answers\": {\"x\": \"" + "x+".repeat(60_000) + "x\"}}",
                "lms", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/answer-too-long"))
                .andExpect(jsonPath("$.detail").value(startsWith("an answer for `x` is 120001 characters")));
        mvc.perform(get("/api/v1/submissions/999999999").header("X-API-Key", "lms"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/submissions").header("X-API-Key", "lms").param("since", "yesterday"))
                .andExpect(status().isBadRequest());
        assertThat(rows(learner)).isZero();
    }

    @Test
    void readsSubmissionsByIdAndByFilterNewestFirst() throws Exception {
        String location = submit(QUADRATIC, "{\"learnerId\": \"" + learner + "\", \"answer\": \"2 A x\"}", "lms", null)
                .andReturn().getResponse().getHeader("Location");
        submit(QUADRATIC, "{\"learnerId\": \"" + learner + "\", \"answer\": \"(A + A^T) x\"}", "lms", null);
        mvc.perform(get(location).header("X-API-Key", "lms"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.attempt").value(1));
        mvc.perform(get("/api/v1/submissions").header("X-API-Key", "lms").param("learnerId", learner)
                        .param("set", "ds4420-lecture-2").param("problem", "quadratic"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.items[0].attempt").value(2))
                .andExpect(jsonPath("$.items[1].attempt").value(1));
        mvc.perform(get("/api/v1/submissions").header("X-API-Key", "lms").param("learnerId", learner)
                        .param("since", "2999-01-01T00:00:00Z"))
                .andExpect(jsonPath("$.totalItems").value(0));
    }

    @Test
    void theGradeBookReadsBackAsJsonAndAsCsv() throws Exception {
        submit(QUADRATIC, "{\"learnerId\": \"" + learner + "\", \"answer\": \"(A + A^T) x\"}", "lms", null);
        submit(QUADRATIC, "{\"learnerId\": \"" + learner + "\", \"answer\": \"2 A x\"}", "lms", null);
        mvc.perform(get("/api/v1/problem-sets/ds4420-lecture-2/grades").header("X-API-Key", "lms"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.learnerId == '" + learner + "')].attempts").value(2))
                .andExpect(jsonPath("$[?(@.learnerId == '" + learner + "')].bestScore").value(1.0))
                .andExpect(jsonPath("$[?(@.learnerId == '" + learner + "')].latestScore").value(0.0));
        String csv = mvc.perform(get("/api/v1/problem-sets/ds4420-lecture-2/grades").header("X-API-Key", "lms")
                        .accept("text/csv"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", startsWith("text/csv")))
                .andReturn().getResponse().getContentAsString();
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        CSVRecord mine = records.stream().filter(r -> r.get("learner_id").equals(learner)).findFirst().orElseThrow();
        assertThat(mine.get("problem")).isEqualTo("quadratic");
        assertThat(mine.get("attempts")).isEqualTo("2");
        assertThat(Double.parseDouble(mine.get("best_score"))).isEqualTo(1.0);
        assertThat(Double.parseDouble(mine.get("latest_score"))).isEqualTo(0.0);
    }

    @Test
    void theGradeBookCountsPointsOutOfEachProblemsMaxScore() throws Exception {
        mvc.perform(put("/api/v1/problem-sets/worth-four").header("X-API-Key", "teacher").header("If-Match", "*")
                .contentType(MediaType.APPLICATION_JSON).content(LIMITED.replace("\"limited\"", "\"worth-four\"")
                        .replace("\"maxAttempts\": 2", "\"maxScore\": 4"))).andExpect(status().isOk());
        // x right, s wrong: score 3/4 of the weights, so 3 of the 4 points.
        submit("/api/v1/problem-sets/worth-four/problems/p/submissions",
                "{\"learnerId\": \"" + learner + "\", \"answers\": {\"x\": \"y\", \"s\": \"s\"}}", "lms", null)
                .andExpect(status().isCreated()).andExpect(jsonPath("$.score").value(0.75));
        mvc.perform(get("/api/v1/problem-sets/worth-four/grades").header("X-API-Key", "lms"))
                .andExpect(jsonPath("$[0].maxScore").value(4.0))
                .andExpect(jsonPath("$[0].points").value(3.0));
        String csv = mvc.perform(get("/api/v1/problem-sets/worth-four/grades").header("X-API-Key", "lms")
                .accept("text/csv")).andReturn().getResponse().getContentAsString();
        CSVRecord row = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords().get(0);
        assertThat(Double.parseDouble(row.get("max_score"))).isEqualTo(4.0);
        assertThat(Double.parseDouble(row.get("points"))).isEqualTo(3.0);
        mvc.perform(put("/api/v1/problem-sets/worth-four").header("X-API-Key", "teacher").header("If-Match", "*")
                .contentType(MediaType.APPLICATION_JSON).content(LIMITED.replace("\"limited\"", "\"worth-four\"")
                        .replace("\"maxAttempts\": 2", "\"maxScore\": 0")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(
                        "maxScore must be more than 0 and at most 1000")));
    }

    private static final String LIMITED = """
            {"slug": "limited", "title": "Limited", "source": "a test",
             "problems": [{"key": "p", "title": "P", "statement": "Give the gradient of $x^T y$ as a row or column.",
               "variables": {"x": {"shape": [3]}, "y": {"shape": [3]}, "s": {}}, "function": "x^T y + s^2",
               "maxAttempts": 2, "transposedCredit": 0.5,
               "parts": [{"wrt": "x", "layout": "gradient", "reference": "y", "weight": 3},
                         {"wrt": "s", "reference": "2 s", "weight": 1}]}]}""";

    @Test
    void problemOptionsAreHonouredAndRegradingKeepsTheHistory() throws Exception {
        mvc.perform(put("/api/v1/problem-sets/limited").header("X-API-Key", "teacher").header("If-Match", "*")
                .contentType(MediaType.APPLICATION_JSON).content(LIMITED)).andExpect(status().isOk());
        String url = "/api/v1/problem-sets/limited/problems/p/submissions";
        String location = submit(url, "{\"learnerId\": \"" + learner + "\", \"answers\": {\"x\": \"y^T\", \"s\": \"s\"}}",
                "lms", null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.parts[0].diagnosis").value("transposed"))
                .andExpect(jsonPath("$.parts[0].score").value(0.5))
                .andExpect(jsonPath("$.score").value(0.375))
                .andReturn().getResponse().getHeader("Location");
        submit(url, "{\"learnerId\": \"" + learner + "\", \"answers\": {\"x\": \"y\", \"s\": \"2 s\"}}", "lms", null)
                .andExpect(jsonPath("$.score").value(1.0));
        submit(url, "{\"learnerId\": \"" + learner + "\", \"answers\": {\"x\": \"y\", \"s\": \"2 s\"}}", "lms", null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/attempts-exhausted"))
                .andExpect(jsonPath("$.detail").value("no attempts left: this problem allows 2 attempts per learner"));
        mvc.perform(put("/api/v1/problem-sets/limited").header("X-API-Key", "teacher").header("If-Match", "*")
                .contentType(MediaType.APPLICATION_JSON).content(LIMITED.replace("\"transposedCredit\": 0.5",
                        "\"transposedCredit\": 1"))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/problem-sets/limited/problems/p/regrade").header("X-API-Key", "lms"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/problem-sets/limited/problems/p/regrade").header("X-API-Key", "teacher"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.regraded").value(org.hamcrest.Matchers.greaterThanOrEqualTo(2)));
        mvc.perform(get(location).header("X-API-Key", "lms"))
                .andExpect(jsonPath("$.score").value(0.75))
                .andExpect(jsonPath("$.problemVersion").value(2))
                .andExpect(jsonPath("$.history[0].score").value(0.375))
                .andExpect(jsonPath("$.history[0].problemVersion").value(1));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                        "/api/v1/problem-sets/limited").header("X-API-Key", "teacher").header("If-Match", "*"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/set-in-use"))
                .andExpect(jsonPath("$.detail").value(startsWith("problem set `limited` has submissions")));
    }
}
