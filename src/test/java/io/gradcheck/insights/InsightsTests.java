package io.gradcheck.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Insights over real HTTP on the test database: learners with known mistakes are submitted through the API,
 * and the counts, shares, diagnoses and groups of wrong answers must come out exactly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gradcheck.security.instructor-keys=teacher", "gradcheck.security.lms-keys=lms"})
class InsightsTests {

    static final String SET_JSON = """
            {"slug": "%s", "title": "Insights test", "source": "a test",
             "problems": [
               {"key": "quadratic", "title": "Quadratic", "statement": "Find the gradient of $x^T A x$.",
                "variables": {"x": {"shape": [3]}, "A": {"shape": [3, 3]}}, "function": "x^T A x",
                "parts": [{"wrt": "x", "layout": "gradient", "reference": "(A + A^T) x"}]},
               {"key": "given", "title": "Quadratic with a given A", "statement": "Find the gradient.",
                "variables": {"x": {"shape": [2]}, "A": {"shape": [2, 2], "value": [[2, 1], [1, 1]]}},
                "function": "x^T A x",
                "parts": [{"wrt": "x", "layout": "gradient", "reference": ["4 x1 + 2 x2", "2 x1 + 2 x2"]}]},
               {"key": "untouched", "title": "Nobody tried", "statement": "Find the derivative.",
                "variables": {"s": {}}, "function": "s^2", "parts": [{"wrt": "s", "reference": "2 s"}]}]}""";

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    DataSource data;

    final HttpClient http = HttpClient.newHttpClient();
    String set;

    @BeforeEach
    void newSet() throws Exception {
        set = "insights-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/v1/problem-sets/" + set))
                .header("X-API-Key", "teacher").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(SET_JSON.formatted(set))));
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    void submit(String problem, String learner, Object answer) throws Exception {
        String body = json.writeValueAsString(Map.of("learnerId", learner, "answers", Map.of("x", answer)));
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/v1/problem-sets/" + set + "/problems/"
                + problem + "/submissions")).header("X-API-Key", "lms").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    HttpResponse<String> insights(String query, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri("/api/v1/problem-sets/" + set + "/insights" + query));
        if (key != null) {
            b.header("X-API-Key", key);
        }
        return send(b);
    }

    JsonNode part(JsonNode insights, String problem) {
        for (JsonNode p : insights.get("problems")) {
            if (p.get("key").asString().equals(problem)) {
                return p.get("parts").get(0);
            }
        }
        throw new AssertionError("no problem " + problem);
    }

    String canonical(String expression) throws Exception {
        String body = "{\"expression\": \"" + expression + "\", \"variables\": {\"x\": {\"shape\": [3]}, "
                + "\"A\": {\"shape\": [3, 3]}}}";
        return json.readTree(send(HttpRequest.newBuilder(uri("/api/v1/expressions/parse"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))).body())
                .get("canonical").asString();
    }

    /** Seven learners with the mistakes the diagnoser names; one of them corrects herself. */
    void seedQuadratic() throws Exception {
        submit("quadratic", "ann", "2Ax");               // symmetric_only, then right
        submit("quadratic", "ann", "(A + A^T) x");
        submit("quadratic", "bob", "2 A x");             // symmetric_only
        submit("quadratic", "cai", "2*A*x");             // symmetric_only
        submit("quadratic", "dee", "(A+A^T)x");          // right at once
        submit("quadratic", "eve", "x^T (A + A^T)");     // transposed
        submit("quadratic", "fay", "2 (A + A^T) x");     // scaled by 2
        submit("quadratic", "gus", "-(A + A^T) x");      // negated
    }

    @Test
    void seededMistakesGiveExactlyTheExpectedHistogramGroupsAndShares() throws Exception {
        seedQuadratic();
        HttpResponse<String> r = insights("", "teacher");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        JsonNode x = part(json.readTree(r.body()), "quadratic");

        assertThat(x.get("wrt").asString()).isEqualTo("x");
        assertThat(x.get("learners").asLong()).isEqualTo(7);
        assertThat(x.get("submissions").asLong()).isEqualTo(8);
        assertThat(x.get("correctAtFirstAttempt").asLong()).isEqualTo(1);
        assertThat(x.get("eventuallyCorrect").asLong()).isEqualTo(2);
        assertThat(x.get("correctAtFirstAttemptShare").asDouble()).isEqualTo(1.0 / 7);
        assertThat(x.get("eventuallyCorrectShare").asDouble()).isEqualTo(2.0 / 7);
        assertThat(x.get("medianAttemptsToCorrect").asDouble()).isEqualTo(1.5); // dee 1, ann 2

        List<String> histogram = new ArrayList<>();
        for (JsonNode m : x.get("mistakes")) {
            histogram.add(m.get("kind").asString() + " " + m.get("submissions").asLong() + "/"
                    + m.get("learners").asLong());
        }
        assertThat(histogram).containsExactly("symmetric_only 3/3", "negated 1/1", "scaled 1/1", "transposed 1/1");
        JsonNode scaled = x.get("mistakes").get(2);
        assertThat(scaled.get("variants")).hasSize(1);
        assertThat(scaled.get("variants").get(0).get("factor").asDouble()).isEqualTo(2.0);

        JsonNode top = x.get("wrongAnswers").get(0);
        assertThat(top.get("reading").asString()).isEqualTo(canonical("2 A x")).isEqualTo("2*A*x");
        assertThat(top.get("learners").asLong()).isEqualTo(3);
        assertThat(top.get("submissions").asLong()).isEqualTo(3);
        assertThat(top.get("diagnosis").asString()).isEqualTo("symmetric_only");
        assertThat(top.get("message").asString()).startsWith("Your answer is right only when A is symmetric");
        assertThat(x.get("wrongAnswers")).hasSize(4); // 2Ax/2 A x/2*A*x are one group, then three singles

        JsonNode untouched = part(json.readTree(r.body()), "untouched");
        assertThat(untouched.get("learners").asLong()).isZero();
        assertThat(untouched.has("correctAtFirstAttemptShare")).isFalse();
        assertThat(untouched.get("mistakes")).isEmpty();
    }

    @Test
    void partiallyCorrectAnswersCountTheirWrongEntries() throws Exception {
        submit("given", "hal", List.of("4 x1 + 2 x2", "x1"));
        submit("given", "ida", List.of("4 x1 + 2 x2", "x1 + x2"));
        submit("given", "jon", List.of("2 x1 + x2", "x1 + x2"));   // scaled by 1/2
        JsonNode x = part(json.readTree(insights("", "teacher").body()), "given");
        JsonNode partial = x.get("mistakes").get(0);
        assertThat(partial.get("kind").asString()).isEqualTo("partially_correct");
        assertThat(partial.get("learners").asLong()).isEqualTo(2);
        assertThat(partial.get("variants")).hasSize(1);
        assertThat(partial.get("variants").get(0).get("wrongEntries").get(0).asString()).isEqualTo("2");
        assertThat(partial.get("variants").get(0).get("learners").asLong()).isEqualTo(2);
        JsonNode scaled = x.get("mistakes").get(1);
        assertThat(scaled.get("kind").asString()).isEqualTo("scaled");
        assertThat(scaled.get("variants").get(0).get("factor").asDouble()).isEqualTo(0.5);
    }

    @Test
    void aLaterCorrectAnswerMovesALearnerFromWrongToEventuallyCorrect() throws Exception {
        submit("quadratic", "kim", "2 A x");
        JsonNode before = part(json.readTree(insights("", "teacher").body()), "quadratic");
        assertThat(before.get("eventuallyCorrect").asLong()).isZero();
        assertThat(before.has("medianAttemptsToCorrect")).isFalse();
        submit("quadratic", "kim", "A x + A^T x");
        JsonNode after = part(json.readTree(insights("", "teacher").body()), "quadratic");
        assertThat(after.get("learners").asLong()).isEqualTo(1);
        assertThat(after.get("correctAtFirstAttempt").asLong()).isZero();
        assertThat(after.get("eventuallyCorrect").asLong()).isEqualTo(1);
        assertThat(after.get("eventuallyCorrectShare").asDouble()).isEqualTo(1.0);
        assertThat(after.get("medianAttemptsToCorrect").asDouble()).isEqualTo(2.0);
        // the wrong answer is still counted as given
        assertThat(after.get("mistakes").get(0).get("kind").asString()).isEqualTo("symmetric_only");
    }

    @Test
    void onlyInstructorsMayReadIt() throws Exception {
        HttpResponse<String> none = insights("", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(insights("", "lms").statusCode()).isEqualTo(403);
        assertThat(insights("", "wrong").statusCode()).isEqualTo(403);
        assertThat(insights("", "teacher").statusCode()).isEqualTo(200);
    }

    @Test
    void badParametersAreRefusedWithWhatToWrite() throws Exception {
        HttpResponse<String> r = insights("?since=yesterday", "teacher");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json.readTree(r.body()).get("detail").asString()).contains("2026-11-22T00:00:00Z");
        assertThat(insights("?since=2026-11-22T00:00:00Z&until=2026-11-01T00:00:00Z", "teacher").statusCode())
                .isEqualTo(400);
        assertThat(insights("?top=0", "teacher").statusCode()).isEqualTo(400);
        HttpResponse<String> missing = send(HttpRequest.newBuilder(uri("/api/v1/problem-sets/no-such-set/insights"))
                .header("X-API-Key", "teacher"));
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void theWindowFiltersBySubmissionTime() throws Exception {
        String wrong = "Your answer is right only when A is symmetric.";
        PartRows.insert(data, set, "quadratic", "x", List.of(
                new PartRows.Row("lea", 1, Instant.parse("2026-01-01T00:00:00Z"), "incorrect", "symmetric_only", null,
                        null, "2*A*x", wrong),
                new PartRows.Row("lea", 2, Instant.parse("2026-02-01T00:00:00Z"), "correct", "correct", null, null,
                        "(A+A^T)*x", "Correct."),
                new PartRows.Row("max", 1, Instant.parse("2026-03-01T00:00:00Z"), "incorrect", "scaled", 0.5, null,
                        "A*x", "Your answer is half the derivative: a factor 2 is missing.")));

        JsonNode all = part(json.readTree(insights("", "teacher").body()), "quadratic");
        assertThat(all.get("learners").asLong()).isEqualTo(2);
        assertThat(all.get("submissions").asLong()).isEqualTo(3);
        assertThat(all.get("eventuallyCorrect").asLong()).isEqualTo(1);

        // January only: lea's wrong first answer
        JsonNode january = part(json.readTree(insights("?until=2026-01-15T00:00:00Z", "teacher").body()), "quadratic");
        assertThat(january.get("learners").asLong()).isEqualTo(1);
        assertThat(january.get("eventuallyCorrect").asLong()).isZero();
        assertThat(january.get("mistakes")).hasSize(1);
        assertThat(january.get("mistakes").get(0).get("kind").asString()).isEqualTo("symmetric_only");

        // from mid-January: lea's first answer in the window is her right one; max's is wrong
        JsonNode later = part(json.readTree(insights("?since=2026-01-15T00:00:00Z", "teacher").body()), "quadratic");
        assertThat(later.get("learners").asLong()).isEqualTo(2);
        assertThat(later.get("correctAtFirstAttempt").asLong()).isEqualTo(1);
        assertThat(later.get("mistakes").get(0).get("kind").asString()).isEqualTo("scaled");
        assertThat(later.get("mistakes").get(0).get("variants").get(0).get("factor").asDouble()).isEqualTo(0.5);
        assertThat(later.get("wrongAnswers").get(0).get("reading").asString()).isEqualTo("A*x");

        // since inclusive, until exclusive
        JsonNode instant = part(json.readTree(insights("?since=2026-02-01T00:00:00Z&until=2026-03-01T00:00:00Z",
                "teacher").body()), "quadratic");
        assertThat(instant.get("submissions").asLong()).isEqualTo(1);
        assertThat(instant.get("correctAtFirstAttempt").asLong()).isEqualTo(1);
    }

    HttpResponse<String> link(String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri("/api/v1/problem-sets/" + set + "/insights/links"))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (key != null) {
            b.header("X-API-Key", key);
        }
        return send(b);
    }

    @Test
    void anInstructorLinkOpensThePageWithATableAndAChartWithoutScript() throws Exception {
        seedQuadratic();
        assertThat(link(null).statusCode()).isEqualTo(401);
        assertThat(link("lms").statusCode()).isEqualTo(403);
        HttpResponse<String> made = link("teacher");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String url = json.readTree(made.body()).get("url").asString();
        assertThat(url).startsWith("/instructor/problem-sets/" + set + "/insights?token=");

        HttpResponse<String> page = send(HttpRequest.newBuilder(uri(url)).header("Accept", "text/html"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        String html = page.body();
        assertThat(html).doesNotContain("<script");
        assertThat(html).contains("<svg").contains("role=\"img\"").contains("symmetric_only: 3")
                .contains("<caption>Most frequent answers not correct</caption>")
                .contains("<code>" + canonical("2 A x").replace("&", "&amp;") + "</code>")
                .contains("No submissions in this window.");
        // the window form works without script: the same link with since/until
        HttpResponse<String> future = send(HttpRequest.newBuilder(uri(url + "&since=2100-01-01T00:00")));
        assertThat(future.statusCode()).isEqualTo(200);
        assertThat(future.body()).doesNotContain("<svg");
    }

    @Test
    void thePageRefusesAMissingForgedOrForeignLink() throws Exception {
        String url = json.readTree(link("teacher").body()).get("url").asString();
        String token = url.substring(url.indexOf("token=") + 6);
        String page = "/instructor/problem-sets/" + set + "/insights";
        HttpResponse<String> none = send(HttpRequest.newBuilder(uri(page)));
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(send(HttpRequest.newBuilder(uri(page + "?token=x" + token))).statusCode()).isEqualTo(403);
        assertThat(send(HttpRequest.newBuilder(uri("/instructor/problem-sets/ds4420-lecture-2/insights?token="
                + token))).statusCode()).isEqualTo(403);
    }
}
