package io.gradcheck.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every operation of the OpenAPI document, called with no key, an unknown key, an LMS key and an instructor key:
 * what each gets is stated here, independently of the security configuration. An operation added to the API
 * without a line here fails the test, so no endpoint opens or closes by accident.
 */
@SpringBootTest(properties = {"gradcheck.security.instructor-keys=teacher", "gradcheck.security.lms-keys=lms"})
@AutoConfigureMockMvc
class AuthorizationMatrixTests {

    enum Access { OPEN, LMS_OR_INSTRUCTOR, INSTRUCTOR }

    /** Who may call what: the product's decision, written out once more to check the configuration against. */
    private static final Map<String, Access> EXPECTED = Map.ofEntries(
            Map.entry("GET /api/v1/problem-sets", Access.OPEN),
            Map.entry("POST /api/v1/problem-sets", Access.INSTRUCTOR),
            Map.entry("GET /api/v1/problem-sets/{slug}", Access.OPEN),
            Map.entry("PUT /api/v1/problem-sets/{slug}", Access.INSTRUCTOR),
            Map.entry("DELETE /api/v1/problem-sets/{slug}", Access.INSTRUCTOR),
            Map.entry("GET /api/v1/problem-sets/{slug}/definition", Access.INSTRUCTOR),
            Map.entry("GET /api/v1/problem-sets/{slug}/problems/{key}", Access.OPEN),
            Map.entry("POST /api/v1/problem-sets/{slug}/problems/{key}/check", Access.OPEN),
            Map.entry("POST /api/v1/problem-sets/{slug}/problems/{key}/submissions", Access.LMS_OR_INSTRUCTOR),
            Map.entry("POST /api/v1/problem-sets/{slug}/problems/{key}/regrade", Access.INSTRUCTOR),
            Map.entry("GET /api/v1/problem-sets/{slug}/grades", Access.LMS_OR_INSTRUCTOR),
            Map.entry("GET /api/v1/problem-sets/{slug}/grades.csv", Access.LMS_OR_INSTRUCTOR),
            Map.entry("GET /api/v1/submissions", Access.LMS_OR_INSTRUCTOR),
            Map.entry("GET /api/v1/submissions/{id}", Access.LMS_OR_INSTRUCTOR),
            Map.entry("POST /api/v1/expressions/parse", Access.OPEN),
            Map.entry("POST /api/v1/checks", Access.OPEN),
            Map.entry("POST /api/v1/problem-sets/{slug}/links", Access.INSTRUCTOR),
            Map.entry("POST /learn/api/{set}/{problem}/answers", Access.OPEN),
            Map.entry("GET /learn/api/{set}/{problem}/plot", Access.OPEN),
            Map.entry("GET /api/v1/problem-sets/{slug}/insights", Access.INSTRUCTOR),
            Map.entry("GET /api/v1/lti/platforms/{id}", Access.INSTRUCTOR),
            Map.entry("PUT /api/v1/lti/platforms/{id}", Access.INSTRUCTOR),
            Map.entry("DELETE /api/v1/lti/platforms/{id}", Access.INSTRUCTOR),
            Map.entry("GET /api/v1/lti/platforms", Access.INSTRUCTOR),
            Map.entry("POST /api/v1/lti/platforms", Access.INSTRUCTOR),
            Map.entry("POST /api/v1/lti/passbacks/{id}/retry", Access.INSTRUCTOR),
            Map.entry("POST /api/v1/lti/keys", Access.INSTRUCTOR),
            Map.entry("GET /api/v1/lti/passbacks", Access.INSTRUCTOR),
            Map.entry("GET /lti/jwks", Access.OPEN),
            Map.entry("GET /problems/{slug}", Access.OPEN),
            Map.entry("GET /lti/config", Access.OPEN),
            Map.entry("GET /lti/config/canvas", Access.OPEN),
            Map.entry("POST /api/v1/problem-sets/{slug}/insights/links", Access.INSTRUCTOR));

    @Autowired
    MockMvc mvc;

    private static Map<String, String> operations() throws Exception {
        JsonNode doc = new YAMLMapper().readTree(Files.readString(Path.of("openapi", "openapi.yaml")));
        Map<String, String> ops = new TreeMap<>();
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (String method : path.getValue().propertyNames()) {
                ops.put(method.toUpperCase() + " " + path.getKey(), path.getKey());
            }
        }
        return ops;
    }

    @Test
    void everyOperationIsDeclaredInTheMatrix() throws Exception {
        assertThat(new TreeSet<>(operations().keySet())).isEqualTo(new TreeSet<>(EXPECTED.keySet()));
    }

    @Test
    void eachOperationAnswersEachKindOfCallerAsDeclared() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String op : operations().keySet()) {
            Access access = EXPECTED.get(op);
            if (access == null) {
                continue; // reported by everyOperationIsDeclaredInTheMatrix
            }
            expect(wrong, op, null, access == Access.OPEN ? 0 : 401);
            expect(wrong, op, "not-a-key", access == Access.OPEN ? 0 : 403);
            expect(wrong, op, "lms", access == Access.INSTRUCTOR ? 403 : 0);
            expect(wrong, op, "teacher", 0);
        }
        assertThat(wrong).isEmpty();
    }

    /** status 0: anything but 401 and 403 (the call got past security; a 404 for the made-up slug is fine). */
    private void expect(List<String> wrong, String op, String key, int status) throws Exception {
        MockHttpServletResponse r = call(op, key);
        int got = r.getStatus();
        boolean ok = status == 0 ? got != 401 && got != 403 : got == status;
        if (ok && status != 0) {
            ok = MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(r.getContentType()))
                    && r.getContentAsString().contains(status == 401 ? "/problems/unauthenticated" : "/problems/forbidden")
                    && (status != 401 || r.getHeader("WWW-Authenticate") != null);
        }
        if (!ok) {
            wrong.add(op + " with key " + key + ": expected " + (status == 0 ? "no 401/403" : status) + ", got " + got
                    + " " + r.getContentAsString());
        }
    }

    private MockHttpServletResponse call(String op, String key) throws Exception {
        String[] parts = op.split(" ", 2);
        String path = parts[1].replace("{slug}", "no-such-set").replace("{set}", "no-such-set").replace("{key}", "no-such-problem")
                .replace("{problem}", "no-such-problem")
                .replace("{id}", "999999999");
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(parts[0]), path);
        if (!parts[0].equals("GET") && !parts[0].equals("DELETE")) {
            request.contentType(MediaType.APPLICATION_JSON).content("{}");
        }
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return mvc.perform(request).andReturn().getResponse();
    }
}
