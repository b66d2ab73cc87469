package io.gradcheck.submissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.gradcheck.PinnedClockAndSeeds;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(properties = "gradcheck.security.lms-keys=lms")
@AutoConfigureMockMvc
@Import(PinnedClockAndSeeds.class)
class SubmissionFaultTests {

    private static final String QUADRATIC = "/api/v1/problem-sets/ds4420-lecture-2/problems/quadratic/submissions";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SubmissionRepository repository;

    @Test
    void aDatabaseFailureMidRequestStoresNothingAndIsARetryable5xx() throws Exception {
        String learner = "fault:" + System.nanoTime();
        String body = "{\"learnerId\": \"" + learner + "\", \"answer\": \"(A + A^T) x\"}";
        jdbc.execute("alter table submission rename to submission_away");
        try {
            mvc.perform(post(QUADRATIC).header("X-API-Key", "lms").header("Idempotency-Key", learner)
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("/problems/unavailable"));
        } finally {
            jdbc.execute("alter table submission_away rename to submission");
        }
        assertThat(jdbc.queryForObject("select count(*) from submission where learner_id = ?", Integer.class, learner))
                .isZero();
        mvc.perform(post(QUADRATIC).header("X-API-Key", "lms").header("Idempotency-Key", learner)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.attempt").value(1));
    }

    @Test
    void theRepositoryFindsByOptionalFiltersAndCountsAttempts() throws Exception {
        String learner = "repo:" + System.nanoTime();
        for (String answer : new String[] {"2 A x", "(A + A^T) x"}) {
            mvc.perform(post(QUADRATIC).header("X-API-Key", "lms").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"learnerId\": \"" + learner + "\", \"answer\": \"" + answer + "\"}"))
                    .andExpect(status().isCreated());
        }
        long problemId = jdbc.queryForObject("select problem_id from submission where learner_id = ? and attempt = 1",
                Long.class, learner);
        assertThat(repository.lastAttempt(problemId, learner)).isEqualTo(2);
        assertThat(repository.lastAttempt(problemId, learner + "-nobody")).isZero();
        var all = repository.search(learner, null, null, Instant.EPOCH, PageRequest.of(0, 10));
        assertThat(all.getContent()).extracting(Submission::attempt).containsExactly(2, 1);
        assertThat(repository.search(learner, "ds4420-lecture-2", "linear", Instant.EPOCH, PageRequest.of(0, 10)))
                .isEmpty();
    }
}
