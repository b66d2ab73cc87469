package io.gradcheck.problems.web;

import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Per-problem practice checks: who may, how often, and what they may see (issue 15). */
@SpringBootTest(properties = {"gradcheck.security.instructor-keys=teacher", "gradcheck.http.practice-checks-per-minute=3"})
@AutoConfigureMockMvc
class PracticeCheckTests {

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    /** Each test is its own client, so that the buckets of one do not decide another. */
    private final String client = "10.9.0." + CLIENTS.incrementAndGet();

    private MockHttpServletRequestBuilder check(String set, String key, String body) {
        return post("/api/v1/problem-sets/" + set + "/problems/" + key + "/check").contentType("application/json")
                .content(body).with(r -> {
                    r.setRemoteAddr(client);
                    return r;
                });
    }

    private void store(String slug, String practice, String problem) throws Exception {
        mvc.perform(put("/api/v1/problem-sets/" + slug).header("X-API-Key", "teacher").contentType("application/json")
                .content("{\"slug\": \"" + slug + "\", \"title\": \"T\", \"source\": \"a test\""
                        + (practice == null ? "" : ", \"practiceChecks\": " + practice)
                        + ", \"problems\": [" + problem + "]}"))
                .andExpect(status().isOk());
    }

    private static final String LIMITED = "{\"key\": \"p\", \"title\": \"P\", \"statement\": \"d/ds s^2\", "
            + "\"variables\": {\"s\": {}}, \"function\": \"s^2\", \"maxAttempts\": 2, "
            + "\"parts\": [{\"wrt\": \"s\", \"reference\": \"2 s\"}]}";

    @Test
    void aProblemWithLimitedAttemptsIsClosedToPracticeByDefault() throws Exception {
        store("practice-default", null, LIMITED);
        mvc.perform(check("practice-default", "p", "{\"answer\": \"2 s\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/practice-closed"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("2 attempts")));
        mvc.perform(check("practice-default", "p", "{\"answer\": \"2 s\"}").header("X-API-Key", "teacher"))
                .andExpect(status().isOk());
    }

    @Test
    void theSetOpensOrClosesPractice() throws Exception {
        store("practice-open", "true", LIMITED);
        mvc.perform(check("practice-open", "p", "{\"answer\": \"2 s\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("correct"));
        store("practice-closed", "false", LIMITED.replace(", \"maxAttempts\": 2", ""));
        mvc.perform(check("practice-closed", "p", "{\"answer\": \"2 s\"}")).andExpect(status().isForbidden());
    }

    @Test
    void aFixedPointProblemRevealsNoNumber() throws Exception {
        store("practice-fixed", null, "{\"key\": \"v\", \"title\": \"V\", \"statement\": \"f'(3) for f = s^2\", "
                + "\"variables\": {\"s\": {\"value\": 3}}, \"function\": \"s^2\", "
                + "\"parts\": [{\"wrt\": \"s\", \"reference\": \"6\"}]}");
        for (String wrong : new String[] {"-6", "12", "5"}) {
            mvc.perform(check("practice-fixed", "v", "{\"answer\": \"" + wrong + "\", \"seed\": 7}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.verdict").value("incorrect"))
                    .andExpect(jsonPath("$.parts[0].diagnosis.kind").value("wrong"))
                    .andExpect(jsonPath("$.parts[0].diagnosis.factor").doesNotExist())
                    .andExpect(jsonPath("$.parts[0].diagnosis.message").value(not(org.hamcrest.Matchers
                            .containsString("6"))))
                    .andExpect(jsonPath("$.parts[0].points").doesNotExist())
                    .andExpect(jsonPath("$.seed").value(not(7)));
        }
        // an instructor sees everything, with the seed asked for
        mvc.perform(check("practice-fixed", "v", "{\"answer\": \"-6\", \"seed\": 7}").header("X-API-Key", "teacher"))
                .andExpect(jsonPath("$.parts[0].diagnosis.kind").value("negated"))
                .andExpect(jsonPath("$.parts[0].points").exists())
                .andExpect(jsonPath("$.seed").value(7));
    }

    @Test
    void practiceIsRateLimitedPerClient() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(check("ds4420-lecture-2", "quadratic", "{\"answer\": \"2 A x\"}")).andExpect(status().isOk());
        }
        mvc.perform(check("ds4420-lecture-2", "quadratic", "{\"answer\": \"2 A x\"}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.type").value("/problems/rate-limited"));
        // instructors are not counted
        mvc.perform(check("ds4420-lecture-2", "quadratic", "{\"answer\": \"2 A x\"}").header("X-API-Key", "teacher"))
                .andExpect(status().isOk());
    }
}
