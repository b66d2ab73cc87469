package io.gradcheck.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 11: keyed answers are private and vary with the key; open reads are cacheable; CORS only where open. */
@SpringBootTest(properties = {"gradcheck.security.instructor-keys=teacher",
    "gradcheck.cors.allowed-origins=https://course.example"})
@AutoConfigureMockMvc
class CachingAndCorsTests {

    private static final String PROBLEM = "/api/v1/problem-sets/ds4420-lecture-2/problems/quadratic";

    @Autowired
    MockMvc mvc;

    @Test
    void keyedAnswersArePrivateAndOpenReadsPublic() throws Exception {
        mvc.perform(get(PROBLEM).header("X-API-Key", "teacher")).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "private, no-store"))
                .andExpect(header().stringValues("Vary", hasItem("X-API-Key")));
        mvc.perform(get(PROBLEM)).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "max-age=60, public"))
                .andExpect(header().stringValues("Vary", hasItem("X-API-Key")))
                .andExpect(header().exists("ETag"));
        mvc.perform(get("/api/v1/problem-sets/ds4420-lecture-2")).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "max-age=60, public"))
                .andExpect(header().string("ETag", containsString("\"")));
    }

    @Test
    void aConfiguredOriginMayCallTheOpenEndpointsAndNoOther() throws Exception {
        mvc.perform(options("/api/v1/checks").header("Origin", "https://course.example")
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "content-type"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "https://course.example"));
        mvc.perform(options("/api/v1/checks").header("Origin", "https://elsewhere.example")
                        .header("Access-Control-Request-Method", "POST"))
                .andExpect(status().isForbidden())
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
        mvc.perform(get(PROBLEM).header("Origin", "https://course.example")).andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "https://course.example"));
        // keyed endpoints: no CORS configuration, so a cross-origin preflight is refused
        mvc.perform(options("/api/v1/submissions").header("Origin", "https://course.example")
                        .header("Access-Control-Request-Method", "GET")
                        .header("Access-Control-Request-Headers", "x-api-key"))
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
    }
}
