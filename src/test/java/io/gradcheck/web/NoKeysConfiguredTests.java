package io.gradcheck.web;

import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** With no key configured for a role, its endpoints say they are disabled (403), with or without a key. */
@SpringBootTest(properties = {"gradcheck.security.instructor-keys=", "gradcheck.security.lms-keys="})
@AutoConfigureMockMvc
class NoKeysConfiguredTests {

    @Autowired
    MockMvc mvc;

    @Test
    void endpointsOfARoleWithoutKeysAreDisabledNotUnauthenticated() throws Exception {
        mvc.perform(post("/api/v1/problem-sets").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/forbidden"))
                .andExpect(jsonPath("$.detail").value(startsWith("instructor endpoints are disabled")));
        mvc.perform(get("/api/v1/submissions").header("X-API-Key", "anything"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(startsWith("submissions are disabled")));
        mvc.perform(get("/api/v1/problem-sets"))
                .andExpect(status().isOk());
    }
}
