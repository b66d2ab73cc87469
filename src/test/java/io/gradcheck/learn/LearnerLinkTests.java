package io.gradcheck.learn;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradcheck.submissions.SubmissionService;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Real HTTP: instructors make links; a token that is expired, tampered with, for another set or rewritten for
 * another learner is refused with a clear page (and a 403 problem for the page's requests), and nothing is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gradcheck.security.instructor-keys=teacher-key")
class LearnerLinkTests {

    private static final String SET = "ds4420-lecture-2";

    @LocalServerPort
    int port;

    @Autowired
    LearnerTokens tokens;

    @Autowired
    SubmissionService submissions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    io.gradcheck.problems.ProblemSetService problems;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String link(String learner, String problem) throws Exception {
        var r = post("/api/v1/problem-sets/" + SET + "/links", "{\"learnerId\": \"" + learner + "\", \"expiresAt\": \""
                + Instant.now().plus(Duration.ofDays(2)) + "\", \"problem\": \"" + problem + "\"}",
                "X-API-Key", "teacher-key");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return r.body().replaceAll(".*\"url\":\"([^\"]+)\".*", "$1");
    }

    private long stored(String learner) {
        return submissions.search(learner, null, null, null, 0, 10).getTotalElements();
    }

    private HttpResponse<String> answerWith(String token) throws Exception {
        return post("/learn/api/" + SET + "/quadratic/answers", "{\"answers\": {\"x\": \"(A + A^T) x\"}}",
                "X-Learner-Token", token);
    }

    @Test
    void anInstructorMakesALinkThatOpensTheProblemAsThatLearner() throws Exception {
        assertThat(post("/api/v1/problem-sets/" + SET + "/links", "{\"learnerId\": \"a\", \"expiresAt\": \""
                + Instant.now().plus(Duration.ofDays(1)) + "\"}").statusCode()).isEqualTo(401);
        String url = link("link-1", "quadratic");
        assertThat(url).startsWith("http://localhost:" + port + "/learn/" + SET + "/quadratic?token=");
        var page = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(page.body()).contains("Answering as <strong>link-1</strong>", "Your answer", ">Submit<")
                .doesNotContain("(A + A^T) x"); // the reference answer is never on the page
        String token = URI.create(url).getQuery().substring("token=".length());
        var answered = answerWith(token);
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(answered.body()).contains("\"verdict\":\"correct\"", "\"practice\":false", "\"attemptsUsed\":1");
        assertThat(stored("link-1")).isEqualTo(1);
    }

    @Test
    void everyStoredProblemHasItsPageWithOneLabelledFieldPerPart() throws Exception {
        int pages = 0;
        for (var set : problems.list(0, 100).getContent()) {
            var index = get("/learn/" + set.slug());
            assertThat(index.statusCode()).isEqualTo(200);
            for (var p : set.problems()) {
                var page = get("/learn/" + set.slug() + "/" + p.key());
                assertThat(page.statusCode()).as(set.slug() + "/" + p.key()).isEqualTo(200);
                int parts = problems.problem(set.slug(), p.key()).definition().parts().size();
                assertThat(page.body().split("<math-field", -1)).as(p.key()).hasSize(parts + 1);
                assertThat(page.body()).contains(parts == 1 ? ">Your answer<" : ">Your answer for ");
                pages++;
            }
        }
        assertThat(pages).isGreaterThan(70);
    }

    @Test
    void theSetPageShowsTheLearnersStandingOnEachProblem() throws Exception {
        String token = tokens.issue("standing-1", SET, Duration.ofHours(1));
        assertThat(answerWith(token).statusCode()).isEqualTo(200);
        var page = get("/learn/" + SET + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("standing-1", "2. Quadratic function", "100%", "not tried")
                .contains("/learn/" + SET + "/quadratic?token=");
    }

    @Test
    void aLinkNeedsAValidLearnerAnExpiryAheadAndAnExistingSet() throws Exception {
        String later = Instant.now().plus(Duration.ofDays(1)).toString();
        assertThat(post("/api/v1/problem-sets/" + SET + "/links", "{\"learnerId\": \"no spaces\", \"expiresAt\": \""
                + later + "\"}", "X-API-Key", "teacher-key").body()).contains("learnerId must be");
        assertThat(post("/api/v1/problem-sets/" + SET + "/links", "{\"learnerId\": \"a\", \"expiresAt\": \""
                + Instant.now().minusSeconds(5) + "\"}", "X-API-Key", "teacher-key").body())
                .contains("expiresAt must be an instant in the next 366 days");
        assertThat(post("/api/v1/problem-sets/no-such-set/links", "{\"learnerId\": \"a\", \"expiresAt\": \""
                + later + "\"}", "X-API-Key", "teacher-key").statusCode()).isEqualTo(404);
    }

    @Test
    void anExpiredTokenIsRefusedWithAClearPageAndNothingIsStored() throws Exception {
        byte[] key = LearnerTokenConfiguration.storedKey(jdbc, Clock.systemUTC());
        var lastWeek = new LearnerTokens(key, Clock.fixed(Instant.now().minus(Duration.ofDays(7)), ZoneOffset.UTC));
        String expired = lastWeek.issue("late-1", SET, Duration.ofDays(1));
        assertRefused(expired, "has expired or was changed");
        assertThat(stored("late-1")).isZero();
    }

    @Test
    void aTamperedTokenIsRefused() throws Exception {
        String token = tokens.issue("tamper-1", SET, Duration.ofHours(1));
        char last = token.charAt(token.length() - 1);
        assertRefused(token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A'), "was changed");
        assertThat(stored("tamper-1")).isZero();
    }

    @Test
    void aTokenRewrittenForAnotherLearnerIsRefused() throws Exception {
        String token = tokens.issue("honest-1", SET, Duration.ofHours(1));
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims.replace("honest-1", "victim-1").getBytes(StandardCharsets.UTF_8)) + "." + parts[1];
        assertRefused(forged, "was changed");
        assertThat(stored("victim-1")).isZero();
        assertThat(stored("honest-1")).isZero();
    }

    @Test
    void aTokenForAnotherSetIsRefusedNamingTheSetItOpens() throws Exception {
        String token = tokens.issue("other-1", "cmu-calculus-lagrange", Duration.ofHours(1));
        assertRefused(token, "opens the problem set `cmu-calculus-lagrange`, not `" + SET + "`");
        assertThat(stored("other-1")).isZero();
    }

    private void assertRefused(String token, String reason) throws Exception {
        var page = get("/learn/" + SET + "/quadratic?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("This link does not open this page", reason, "Nothing was graded or stored");
        var setPage = get("/learn/" + SET + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        assertThat(setPage.statusCode()).isEqualTo(403);
        var api = answerWith(token);
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.body()).contains("\"type\":\"/problems/learner-token-refused\"", reason);
    }

    @Test
    void withoutATokenItIsPracticeAndNothingIsStored() throws Exception {
        long before = submissions.search(null, SET, "quadratic", null, 0, 1).getTotalElements();
        var page = get("/learn/" + SET + "/quadratic");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Practice mode: your answers are checked, nothing is stored.");
        var r = post("/learn/api/" + SET + "/quadratic/answers", "{\"answers\": {\"x\": \"2 A x\"}}");
        assertThat(r.body()).contains("\"practice\":true", "\"verdict\":\"incorrect\"", "symmetric_only");
        assertThat(submissions.search(null, SET, "quadratic", null, 0, 1).getTotalElements()).isEqualTo(before);
    }

    @Test
    void anEmptyAnswerIsRefusedAndUsesNoAttempt() throws Exception {
        String token = tokens.issue("empty-1", SET, Duration.ofHours(1));
        var r = post("/learn/api/" + SET + "/quadratic/answers", "{\"answers\": {\"x\": \"  \"}}",
                "X-Learner-Token", token);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("/problems/missing-answer", "give an answer for x");
        assertThat(stored("empty-1")).isZero();
    }

    @Test
    void theStoredKeyIsMadeOnceAndReadBackByEveryReplica() {
        byte[] first = LearnerTokenConfiguration.storedKey(jdbc, Clock.systemUTC());
        byte[] second = LearnerTokenConfiguration.storedKey(jdbc, Clock.systemUTC());
        assertThat(first).hasSize(32);
        assertThat(Arrays.equals(first, second)).isTrue();
        // a token made by this application verifies with a LearnerTokens built from the stored key (another replica)
        String token = tokens.issue("replica-1", SET, Duration.ofHours(1));
        assertThat(new LearnerTokens(second, Clock.systemUTC()).verify(token)).isPresent();
    }

    @Test
    void thePlotEndpointDrawsAnSvgOrSaysWhyNot() throws Exception {
        var svg = get("/learn/api/" + SET + "/quadratic/plot?wrt=x&seed=3&answer="
                + URLEncoder.encode("2 A x", StandardCharsets.UTF_8));
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        assertThat(svg.body()).contains("<svg", "your answer", "derivative (reference)");
        var unreadable = get("/learn/api/" + SET + "/quadratic/plot?wrt=x&answer="
                + URLEncoder.encode("2 A z", StandardCharsets.UTF_8));
        assertThat(unreadable.statusCode()).isEqualTo(422);
        assertThat(unreadable.body()).contains("/problems/no-plot", "cannot be read");
        assertThat(get("/learn/api/" + SET + "/quadratic/plot?wrt=y&answer=x").statusCode()).isEqualTo(404);

        long[] ms = new long[40];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            get("/learn/api/" + SET + "/quadratic/plot?wrt=x&seed=" + i + "&answer=2%20A%20x");
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        Arrays.sort(ms);
        System.out.println("FIGURE plot round trip on loopback (40 requests, after 3 warm-up): median " + ms[20]
                + " ms, p95 " + ms[37] + " ms");
    }
}
