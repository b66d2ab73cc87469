package io.gradcheck.problems.web;

import static org.hamcrest.Matchers.greaterThan;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The problem-set API over the real service, database and imported sets. */
@SpringBootTest(properties = "gradcheck.security.instructor-keys=key-one, key-two")
@AutoConfigureMockMvc
class ProblemSetControllerTests {

    private static final String KEY = "X-API-Key";
    private static final String BASE = "/api/v1/problem-sets";

    @Autowired
    MockMvc mvc;

    private static String set(String slug, String reference) {
        return """
                {"slug": "%s", "title": "A set", "source": "a test",
                 "problems": [{"key": "square", "title": "Square", "statement": "Differentiate $s^2$.",
                   "variables": {"s": {}}, "function": "s^2", "parts": [{"wrt": "s", "reference": "%s"}],
                   "wrongAnswers": [{"wrt": "s", "answer": "s", "diagnosis": "scaled"}]}]}
                """.formatted(slug, reference);
    }

    @Test
    void listsTheImportedSetsPaged() throws Exception {
        mvc.perform(get(BASE).param("size", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.totalItems").value(greaterThan(4)))
                .andExpect(jsonPath("$.importErrors").doesNotExist());
        mvc.perform(get(BASE).header(KEY, "key-two"))
                .andExpect(jsonPath("$.importErrors").isArray());
        mvc.perform(get(BASE).param("size", "1000"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void showsASetAndItsProblems() throws Exception {
        mvc.perform(get(BASE + "/ds4420-lecture-2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.problems[?(@.key == 'quadratic')].title").value("2. Quadratic function"))
                .andExpect(jsonPath("$.problems[?(@.key == 'quadratic')].maxScore").value(1.0));
        mvc.perform(get(BASE + "/no-such-set"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("there is no problem set `no-such-set`"));
    }

    @Test
    void referencesWrongAnswersAndErrataAreForInstructorsOnly() throws Exception {
        String problem = BASE + "/vector-calculus-notes/problems/gradient-descent-partials";
        mvc.perform(get(problem))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.statement").isNotEmpty())
                .andExpect(jsonPath("$.parts[0].reference").doesNotExist())
                .andExpect(jsonPath("$.wrongAnswers").doesNotExist())
                .andExpect(jsonPath("$.erratum").doesNotExist());
        mvc.perform(get(problem).header(KEY, "key-one"))
                .andExpect(jsonPath("$.parts[0].reference[0][0]").value("(x1 - a)/8"))
                .andExpect(jsonPath("$.wrongAnswers[0].diagnosis").value("wrong"))
                .andExpect(jsonPath("$.wrongAnswers[0].printed").value(true))
                .andExpect(jsonPath("$.erratum.printed").isNotEmpty());
        // Points possible and where in the notes the problem is: shown to everyone.
        mvc.perform(get(problem))
                .andExpect(jsonPath("$.maxScore").value(1.0))
                .andExpect(jsonPath("$.source.document").value("004_35aecc902e33a1e3.txt"))
                .andExpect(jsonPath("$.source.lines[0]").value(550));
        mvc.perform(get(BASE + "/ds4420-lecture-2/problems/nope"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("problem set `ds4420-lecture-2` has no problem `nope`"));
    }

    @Test
    void checksAnAnswerToAProblemWithoutStoringIt() throws Exception {
        String check = BASE + "/ds4420-lecture-2/problems/quadratic/check";
        mvc.perform(post(check).contentType(MediaType.APPLICATION_JSON).content("{\"answers\": {\"x\": \"2 A x\"}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parts[0].diagnosis.kind").value("symmetric_only"));
        mvc.perform(post(check).contentType(MediaType.APPLICATION_JSON).content("{\"answer\": \"(A + A^T) x\"}"))
                .andExpect(jsonPath("$.verdict").value("correct"));
        mvc.perform(post(BASE + "/ds4420-lecture-2/problems/pca-objective/check")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"answer\": \"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("this problem has 2 parts")));
        mvc.perform(post(check).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("no answer for the part with respect to `x`: send "
                        + "{\"answers\": {\"x\": \"…\"}} (this problem's parts: `x`)"));
    }

    @Test
    void instructorEndpointsNeedAnInstructorKey() throws Exception {
        mvc.perform(post(BASE).contentType(MediaType.APPLICATION_JSON).content(set("mine", "2 s")))
                .andExpect(status().isUnauthorized())
                .andExpect(header().exists("WWW-Authenticate"))
                .andExpect(jsonPath("$.type").value("/problems/unauthenticated"));
        mvc.perform(post(BASE).header(KEY, "wrong").contentType(MediaType.APPLICATION_JSON).content(set("mine", "2 s")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/forbidden"));
        mvc.perform(delete(BASE + "/ds4420-lecture-2"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void createReplaceAndDeleteValidateLikeTheImport() throws Exception {
        mvc.perform(post(BASE).header(KEY, "key-one").contentType(MediaType.APPLICATION_JSON).content(set("mine", "2 s")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/problem-sets/mine"))
                .andExpect(jsonPath("$.problems[0].key").value("square"));
        mvc.perform(post(BASE).header(KEY, "key-one").contentType(MediaType.APPLICATION_JSON).content(set("mine", "2 s")))
                .andExpect(status().isConflict());
        mvc.perform(put(BASE + "/mine").header(KEY, "key-one").header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON).content(set("mine", "3 s")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("/problems/invalid-problem-set"))
                .andExpect(jsonPath("$.errors[0]").value(org.hamcrest.Matchers.startsWith(
                        "problem `square`: part `s`: the reference fails its own check (incorrect)")));
        // issue 11: replacing or deleting needs the version last read (If-Match = ETag): 428 without, 412 stale
        mvc.perform(put(BASE + "/mine").header(KEY, "key-one").contentType(MediaType.APPLICATION_JSON)
                        .content(set("mine", "s + s")))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.type").value("/problems/version-required"));
        mvc.perform(get(BASE + "/mine")).andExpect(header().string("ETag", "\"1\""));
        mvc.perform(put(BASE + "/mine").header(KEY, "key-one").header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON).content(set("mine", "s + s")))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.version").value(2));
        mvc.perform(put(BASE + "/mine").header(KEY, "key-one").header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON).content(set("mine", "2 s")))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.type").value("/problems/stale-version"));
        mvc.perform(delete(BASE + "/mine").header(KEY, "key-two"))
                .andExpect(status().isPreconditionRequired());
        mvc.perform(delete(BASE + "/mine").header(KEY, "key-two").header("If-Match", "\"1\""))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(get(BASE + "/mine")).andExpect(jsonPath("$.version").value(2));
        mvc.perform(delete(BASE + "/mine").header(KEY, "key-two").header("If-Match", "\"2\""))
                .andExpect(status().isNoContent());
        mvc.perform(get(BASE + "/mine"))
                .andExpect(status().isNotFound());
    }

    @Test
    void unknownFieldsInABodyAreRefused() throws Exception {
        mvc.perform(post(BASE).header(KEY, "key-one").contentType(MediaType.APPLICATION_JSON)
                        .content(set("other", "2 s").replace("\"title\": \"A set\"", "\"titel\": \"A set\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/malformed-request"))
                .andExpect(jsonPath("$.detail").value(
                        "the request body is not the JSON this endpoint expects: unknown field `titel`"));
    }
}
