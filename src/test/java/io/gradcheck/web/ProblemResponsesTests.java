package io.gradcheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradcheck.errors.ProblemType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Each operation documents the errors it answers (ProblemResponses.TYPES and the rules by shape): the table covers
 * every operation of the document, every documented error response names problem types of its own status, and
 * the errors below, each triggered over real HTTP, come back with a status and a type that the served document
 * declares for that very operation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gradcheck.security.instructor-keys=teacher", "gradcheck.security.lms-keys=lms"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProblemResponsesTests {

    private static final String SET = "declared-errors";
    private static final String DEFINITION = """
            {"slug": "%s", "title": "Declared errors", "source": "a test",
             "problems": [{"key": "once", "title": "Once", "statement": "Differentiate $t^2$.",
               "variables": {"t": {}}, "function": "t^2", "maxAttempts": 1,
               "parts": [{"wrt": "t", "reference": "2 t"}]}]}""";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private JsonNode served;
    private final List<String> undeclared = new ArrayList<>();

    @BeforeAll
    void readServedDocument() throws Exception {
        served = JsonMapper.builder().build().readTree(send("GET", "/v3/api-docs", null, null, Map.of()).body());
    }

    private HttpResponse<String> send(String method, String path, String key, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null && !headers.containsKey("Content-Type")) {
            b.header("Content-Type", "application/json");
        }
        if (key != null) {
            b.header("X-API-Key", key);
        }
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Sends the request, expects {@code type}, and notes it if the served document does not declare it there. */
    private HttpResponse<String> trigger(String operationId, ProblemType type, String method, String path, String key,
            String body, Map<String, String> headers) throws Exception {
        HttpResponse<String> r = send(method, path, key, body, headers);
        assertThat(r.statusCode()).as(operationId + " " + type.slug() + ": " + r.body()).isEqualTo(type.status().value());
        assertThat(r.body()).as(operationId).contains("\"/problems/" + type.slug() + "\"");
        JsonNode response = operation(operationId).path("responses").path(String.valueOf(r.statusCode()));
        if (response.isMissingNode()) {
            undeclared.add(operationId + " does not document " + r.statusCode());
        } else if (!response.path("description").asString().contains("`" + type.slug() + "`")) {
            undeclared.add(operationId + " " + r.statusCode() + " does not name " + type.slug());
        } else if (!response.path("content").has("application/problem+json")) {
            undeclared.add(operationId + " " + r.statusCode() + " is not problem+json");
        }
        return r;
    }

    private HttpResponse<String> trigger(String operationId, ProblemType type, String method, String path, String key,
            String body) throws Exception {
        return trigger(operationId, type, method, path, key, body, Map.of());
    }

    private JsonNode operation(String operationId) {
        for (JsonNode item : served.get("paths")) {
            for (JsonNode op : item) {
                if (op.path("operationId").asString("").equals(operationId)) {
                    return op;
                }
            }
        }
        throw new AssertionError("no operation " + operationId + " in /v3/api-docs");
    }

    @Test
    void theTableCoversEveryOperationOfTheDocument() throws Exception {
        JsonNode doc = new YAMLMapper().readTree(Files.readString(Path.of("openapi", "openapi.yaml")));
        TreeSet<String> ids = new TreeSet<>();
        doc.get("paths").forEach(item -> item.forEach(op -> ids.add(op.get("operationId").asString())));
        assertThat(ids).isEqualTo(new TreeSet<>(ProblemResponses.TYPES.keySet()));
    }

    /** Every documented error names at least one type, and only types of its own status. */
    @Test
    void everyErrorResponseNamesItsTypes() throws Exception {
        JsonNode doc = new YAMLMapper().readTree(Files.readString(Path.of("openapi", "openapi.yaml")));
        List<String> wrong = new ArrayList<>();
        Map<String, ProblemType> bySlug = new HashMap<>();
        Arrays.stream(ProblemType.values()).forEach(t -> bySlug.put(t.slug(), t));
        doc.get("paths").forEach(item -> item.forEach(op -> op.get("responses").properties().forEach(e -> {
            if (e.getKey().startsWith("2")) {
                return;
            }
            String description = e.getValue().path("description").asString();
            var named = java.util.regex.Pattern.compile("`([a-z0-9-]+)`").matcher(
                    description.substring(Math.max(0, description.indexOf("Problem types: "))))
                    .results().map(m -> m.group(1)).toList();
            if (!description.contains("Problem types: ") || named.isEmpty()) {
                wrong.add(op.get("operationId").asString() + " " + e.getKey() + " names no type");
            }
            named.stream().filter(s -> bySlug.get(s) == null
                    || bySlug.get(s).status().value() != Integer.parseInt(e.getKey()))
                    .forEach(s -> wrong.add(op.get("operationId").asString() + " " + e.getKey() + " names " + s));
        })));
        assertThat(wrong).isEmpty();
    }

    @Test
    void triggeredErrorsAreDeclaredForTheirOperation() throws Exception {
        String body = DEFINITION.formatted(SET);
        String submissions = "/api/v1/problem-sets/" + SET + "/problems/once/submissions";
        String answer = "{\"learnerId\": \"canvas:1\", \"answers\": {\"t\": \"2 t\"}}";

        trigger("createProblemSet", ProblemType.INVALID_PROBLEM_SET, "POST", "/api/v1/problem-sets", "teacher",
                body.replace("\"2 t\"", "\"3 t\""));
        trigger("createProblemSet", ProblemType.MALFORMED_REQUEST, "POST", "/api/v1/problem-sets", "teacher", "{");
        trigger("createProblemSet", ProblemType.UNSUPPORTED_MEDIA_TYPE, "POST", "/api/v1/problem-sets", "teacher",
                body, Map.of("Content-Type", "text/plain"));
        trigger("createProblemSet", ProblemType.UNAUTHENTICATED, "POST", "/api/v1/problem-sets", null, body);
        trigger("createProblemSet", ProblemType.FORBIDDEN, "POST", "/api/v1/problem-sets", "lms", body);
        assertThat(send("POST", "/api/v1/problem-sets", "teacher", body, Map.of()).statusCode()).isEqualTo(201);
        trigger("createProblemSet", ProblemType.CONFLICT, "POST", "/api/v1/problem-sets", "teacher", body);

        trigger("submitAnswer", ProblemType.INVALID_REQUEST, "POST", submissions, "lms",
                "{\"learnerId\": \"canvas:1\", \"answers\": {}}");
        trigger("submitAnswer", ProblemType.NOT_FOUND, "POST", submissions.replace("once", "twice"), "lms", answer);
        assertThat(send("POST", submissions, "lms", answer, Map.of("Idempotency-Key", "k1")).statusCode())
                .isEqualTo(201);
        trigger("submitAnswer", ProblemType.IDEMPOTENCY_KEY_REUSED, "POST", submissions, "lms",
                answer.replace("2 t", "t"), Map.of("Idempotency-Key", "k1"));
        trigger("submitAnswer", ProblemType.ATTEMPTS_EXHAUSTED, "POST", submissions, "lms", answer);

        String set = "/api/v1/problem-sets/" + SET;
        trigger("replaceProblemSet", ProblemType.VERSION_REQUIRED, "PUT", set, "teacher", body);
        trigger("replaceProblemSet", ProblemType.STALE_VERSION, "PUT", set, "teacher", body, Map.of("If-Match", "\"7\""));
        trigger("replaceProblemSet", ProblemType.INVALID_REQUEST, "PUT", set, "teacher", body,
                Map.of("If-Match", "seven"));
        trigger("deleteProblemSet", ProblemType.VERSION_REQUIRED, "DELETE", set, "teacher", null);
        trigger("deleteProblemSet", ProblemType.STALE_VERSION, "DELETE", set, "teacher", null, Map.of("If-Match", "\"7\""));
        trigger("deleteProblemSet", ProblemType.SET_IN_USE, "DELETE", set, "teacher", null, Map.of("If-Match", "\"1\""));

        trigger("checkDerivative", ProblemType.INVALID_QUESTION, "POST", "/api/v1/checks", null,
                "{\"function\": \"t^2\", \"variables\": {\"t\": {\"domain\": [1, 1]}}, "
                        + "\"parts\": [{\"wrt\": \"t\", \"answer\": \"2 t\"}]}");
        trigger("checkDerivative", ProblemType.EXPRESSION_SYNTAX, "POST", "/api/v1/checks", null,
                "{\"function\": \"t^\", \"variables\": {\"t\": {}}, \"parts\": [{\"wrt\": \"t\", \"answer\": \"2 t\"}]}");
        trigger("searchSubmissions", ProblemType.PAGE_OUT_OF_RANGE, "GET", "/api/v1/submissions?size=0", "lms", null);
        trigger("searchSubmissions", ProblemType.INVALID_REQUEST, "GET", "/api/v1/submissions?since=yesterday", "lms",
                null);
        trigger("getInsights", ProblemType.INVALID_REQUEST, "GET", set + "/insights?top=0", "teacher", null);
        trigger("gradeBookCsv", ProblemType.INVALID_REQUEST, "GET", set + "/grades.csv?form=wide", "lms", null);
        trigger("ltiConfig", ProblemType.NOT_ACCEPTABLE, "GET", "/lti/config", null, null,
                Map.of("Accept", "text/html"));
        trigger("problemTypePage", ProblemType.NOT_FOUND, "GET", "/problems/no-such-kind", null, null);

        assertThat(undeclared).isEmpty();
    }
}
