package io.gradcheck.problems.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 11, safe edits: for every stored problem set, GET the whole definition, PUT it back unchanged with
 * If-Match, GET again: identical, every field (maxAttempts, transposedCredit, wrong answers, …). Its own database,
 * since it replaces every set (their versions move on).
 */
@SpringBootTest(properties = {"gradcheck.security.instructor-keys=teacher",
    "spring.datasource.url=jdbc:h2:mem:gradcheck-round-trip;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
class RoundTripEditTests {

    private static final String BASE = "/api/v1/problem-sets";

    @Autowired
    MockMvc mvc;

    private final JsonMapper json = new JsonMapper();

    private MvcResult definition(String slug) throws Exception {
        return mvc.perform(get(BASE + "/" + slug + "/definition").header("X-API-Key", "teacher"))
                .andExpect(status().isOk()).andReturn();
    }

    @Test
    void getPutUnchangedGetIsIdenticalForEveryStoredSet() throws Exception {
        JsonNode page = json.readTree(mvc.perform(get(BASE + "?size=100")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        List<String> slugs = new ArrayList<>();
        page.get("items").forEach(item -> slugs.add(item.get("slug").asString()));
        assertThat(slugs).hasSizeGreaterThan(3);
        int problems = 0;
        boolean sawSettings = false;
        for (String slug : slugs) {
            MvcResult before = definition(slug);
            String etag = before.getResponse().getHeader("ETag");
            String body = before.getResponse().getContentAsString();
            mvc.perform(put(BASE + "/" + slug).header("X-API-Key", "teacher").header("If-Match", etag)
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isOk());
            MvcResult after = definition(slug);
            assertThat(json.readTree(after.getResponse().getContentAsString())).as(slug)
                    .isEqualTo(json.readTree(body));
            assertThat(after.getResponse().getHeader("ETag")).as(slug).isNotEqualTo(etag);
            mvc.perform(get(BASE + "/" + slug)).andExpect(header().string("ETag",
                    after.getResponse().getHeader("ETag")));
            JsonNode d = json.readTree(body);
            problems += d.get("problems").size();
            sawSettings |= body.contains("\"maxAttempts\"") || body.contains("\"wrongAnswers\"");
        }
        assertThat(problems).isGreaterThan(10);
        assertThat(sawSettings).as("the definition carries more than the public view").isTrue();
    }

    @Test
    void maxAttemptsAndTransposedCreditSurviveTheRoundTrip() throws Exception {
        String set = """
                {"slug": "settings", "title": "Settings", "problems": [{"key": "p", "title": "P",
                  "statement": "f = s^2", "variables": {"s": {"shape": []}}, "function": "s^2",
                  "parts": [{"wrt": "s", "reference": "2 s"}], "maxAttempts": 3, "transposedCredit": 0.5}]}""";
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(BASE)
                .header("X-API-Key", "teacher").contentType(MediaType.APPLICATION_JSON).content(set))
                .andExpect(status().isCreated());
        JsonNode p = json.readTree(definition("settings").getResponse().getContentAsString()).get("problems").get(0);
        assertThat(p.get("maxAttempts").asInt()).isEqualTo(3);
        assertThat(p.get("transposedCredit").asDouble()).isEqualTo(0.5);
    }
}
