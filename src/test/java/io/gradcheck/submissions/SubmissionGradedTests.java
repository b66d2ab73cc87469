package io.gradcheck.submissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.gradcheck.PinnedClockAndSeeds;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** A listener outside submissions/ hears of every committed submission exactly once, and of nothing else. */
@SpringBootTest(properties = "gradcheck.security.lms-keys=lms")
@AutoConfigureMockMvc
@Import({PinnedClockAndSeeds.class, SubmissionGradedTests.Listening.class})
class SubmissionGradedTests {

    private static final String QUADRATIC = "/api/v1/problem-sets/ds4420-lecture-2/problems/quadratic/submissions";

    @TestConfiguration(proxyBeanMethods = false)
    static class Listening {
        @Bean
        Heard heard() {
            return new Heard();
        }
    }

    /** What an ordinary listener (as LTI passback will be) receives. */
    static class Heard {
        final List<SubmissionGraded> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(SubmissionGraded e) {
            events.add(e);
        }

        List<SubmissionGraded> of(String learner) {
            return events.stream().filter(e -> e.learnerId().equals(learner)).toList();
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Heard heard;

    private ResultActions submit(String learner, String answer, String idempotencyKey) throws Exception {
        var request = post(QUADRATIC).header("X-API-Key", "lms").contentType(MediaType.APPLICATION_JSON)
                .content("{\"learnerId\": \"" + learner + "\", \"answer\": \"" + answer + "\"}");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return mvc.perform(request);
    }

    @Test
    void eachCommittedSubmissionIsHeardOnceWithItsGrade() throws Exception {
        String learner = "heard:" + System.nanoTime();
        submit(learner, "2 A x", learner).andExpect(status().isCreated());
        submit(learner, "2 A x", learner).andExpect(status().isCreated()); // a replay commits nothing new
        submit(learner, "(A + A^T) x", null).andExpect(status().isCreated());

        List<SubmissionGraded> events = heard.of(learner);
        assertThat(events).hasSize(2);
        assertThat(events).extracting(SubmissionGraded::attempt).containsExactly(1, 2);
        assertThat(events).extracting(SubmissionGraded::verdict).containsExactly("incorrect", "correct");
        assertThat(events).extracting(SubmissionGraded::score).containsExactly(0.0, 1.0);
        assertThat(events.get(0).setSlug()).isEqualTo("ds4420-lecture-2");
        assertThat(events.get(0).problemKey()).isEqualTo("quadratic");
        assertThat(events.get(0).feedback()).isNotBlank();
        assertThat(events.get(0).gradedAt()).isAfterOrEqualTo(PinnedClockAndSeeds.START);
        Long stored = jdbc.queryForObject("select id from submission where learner_id = ? and attempt = 1", Long.class,
                learner);
        assertThat(events.get(0).submissionId()).isEqualTo(stored);
    }

    @Test
    void aSubmissionThatFailsIsNotHeard() throws Exception {
        String learner = "unheard:" + System.nanoTime();
        submit("not a learner id", "2 A x", null).andExpect(status().isBadRequest());
        jdbc.execute("alter table submission rename to submission_away");
        try {
            submit(learner, "(A + A^T) x", null).andExpect(status().isServiceUnavailable());
        } finally {
            jdbc.execute("alter table submission_away rename to submission");
        }
        assertThat(heard.of(learner)).isEmpty();
        assertThat(heard.of("not a learner id")).isEmpty();
    }
}
