package io.gradcheck.submissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.gradcheck.PinnedClockAndSeeds;
import java.util.UUID;
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

/**
 * Issue 11: checks and submissions share one answers rule, so that no malformed payload uses up an attempt; an
 * Idempotency-Key replays the same body and refuses a different one.
 */
@SpringBootTest(properties = {"gradcheck.security.instructor-keys=teacher", "gradcheck.security.lms-keys=lms"})
@AutoConfigureMockMvc
@Import(PinnedClockAndSeeds.class)
class AnswersRuleTests {

    private static final String PROBLEM = "/api/v1/problem-sets/ds4420-lecture-2/problems/quadratic";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    private String learner;

    @BeforeEach
    void newLearner() {
        learner = "canvas:" + UUID.randomUUID().toString().substring(0, 8);
    }

    private ResultActions post(String path, String body, String idempotencyKey) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(PROBLEM + path)
                .contentType(MediaType.APPLICATION_JSON).content(body).header("X-API-Key", "lms");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return mvc.perform(request);
    }

    private int rows() {
        return jdbc.queryForObject("select count(*) from submission where learner_id = ?", Integer.class, learner);
    }

    @Test
    void missingEmptyOrMisKeyedAnswersAre400OnBothEndpointsAndStoreNothing() throws Exception {
        String[] bad = {"\"answers\": {}", "\"answers\": {\"x\": \"\"}", "\"answers\": {\"x\": \"  \"}",
            "\"answers\": {\"x\": []}", "\"answers\": {\"y\": \"2 A x\"}",
            "\"answers\": {\"x\": \"2 A x\", \"A\": \"x\"}", "\"answer\": \"2 A x\", \"answers\": {\"x\": \"2 A x\"}",
            "\"answers\": {\"x\": null}"};
        for (String answers : bad) {
            // an empty list is refused by the answer bounds (web/AnswerBounds), with their more precise type
            String type = answers.contains("[]") ? "/problems/empty-answer-entries" : "/problems/invalid-request";
            post("/check", "{" + answers + "}", null).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value(type));
            post("/submissions", "{\"learnerId\": \"" + learner + "\", " + answers + "}", null)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value(type));
        }
        assertThat(rows()).isZero();
        post("/submissions", "{\"learnerId\": \"" + learner + "\", \"answers\": {\"y\": \"2 A x\"}}", null)
                .andExpect(jsonPath("$.detail").value("this problem has no part with respect to `y`; its parts: `x`"));
    }

    @Test
    void theKeylessAnswerMeansTheOnlyPartOnBothEndpoints() throws Exception {
        post("/check", "{\"answers\": {\"\": \"2 A x\"}}", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.parts[0].diagnosis.kind").value("symmetric_only"));
        post("/submissions", "{\"learnerId\": \"" + learner + "\", \"answers\": {\"\": \"2 A x\"}}", null)
                .andExpect(status().isCreated()).andExpect(jsonPath("$.answers.x").value("2 A x"));
    }

    @Test
    void aKeyReusedWithTheSameBodyReplaysAndWithAnotherIs422() throws Exception {
        String body = "{\"learnerId\": \"" + learner + "\", \"answers\": {\"x\": \"2 A x\"}}";
        String first = post("/submissions", body, "k-" + learner).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        assertThat(post("/submissions", "{\"answer\": \"2 A x\", \"learnerId\": \"" + learner + "\"}", "k-" + learner)
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).isEqualTo(first);
        post("/submissions", body.replace("2 A x", "(A + A^T) x"), "k-" + learner)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("/problems/idempotency-key-reused"))
                .andExpect(jsonPath("$.detail").value(startsWith("this Idempotency-Key was used for different answers")));
        assertThat(rows()).isEqualTo(1);
    }
}
