package io.gradcheck.lti;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradcheck.submissions.SubmissionService;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13's whole chain with real parts, nothing published by hand: the in-test platform's login and launch, the
 * 303 to the learner page with a learner token, answers through the learner page's own API, the outbox worker, and
 * the scores as the platform's AGS endpoint receives them. The problem is a copy of ds4420-lecture-2/quadratic
 * worth 4 points, so that points possible visibly come from the problem's maxScore.
 */
class LtiChainTests extends LtiTestSupport {

    private static final String SET = "lti-chain";
    /** Learners of this run: a database reused across runs (PostgreSQL, locally) holds earlier runs' links. */
    private static final String RUN = Long.toString(System.nanoTime(), 36);
    private static final String WRONG = "2 A x";
    private static final String RIGHT = "(A + A^T) x";

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    PassbackWorker worker;
    @Autowired
    SubmissionService submissions;
    @Autowired
    LtiProperties properties;

    @BeforeEach
    void setWorthFourPoints() throws Exception {
        String set = """
                {"slug": "lti-chain", "title": "LTI chain", "source": "a copy of ds4420-lecture-2/quadratic",
                 "problems": [{"key": "quadratic", "title": "Quadratic function, 4 points",
                   "statement": "Find $\\\\frac{df}{dx}$ for $f(x) = x^\\\\top A x$. *Not in the notes: a copy of ds4420-lecture-2/quadratic worth 4 points.*",
                   "source": {"notInNotes": "a copy of ds4420-lecture-2/quadratic worth 4 points"},
                   "variables": {"x": {"shape": [3]}, "A": {"shape": [3, 3]}}, "function": "x^T A x",
                   "parts": [{"wrt": "x", "layout": "gradient", "reference": "(A + A^T) x",
                     "hints": {"symmetric_only": "A is not symmetric in general: the two factors of x contribute A x and A^T x."}}],
                   "maxScore": 4}]}""";
        HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(tool("/api/v1/problem-sets/" + SET)))
                .header("X-API-Key", "teacher").header("Content-Type", "application/json")
                .header("If-Match", "*") // whichever version an earlier test left (replacing needs If-Match)
                .PUT(HttpRequest.BodyPublishers.ofString(set)));
        assertThat(put.statusCode()).as(put.body()).isIn(200, 201);
    }

    @Test
    void launchLearnerPageSubmitAndTheScoreArrivesOnceThenTheBestScoreFollows() throws Exception {
        String sub = "chain-" + RUN;
        String learner = TestPlatform.ISSUER + "|" + sub;

        // the launch: a 303 to the learner page of the linked problem, with a learner token in the URL
        HttpResponse<String> launch = launch(platform.learnerLaunch(sub, SET, "quadratic", "chain-link-" + RUN));
        assertThat(launch.statusCode()).as(launch.body()).isEqualTo(303);
        URI location = URI.create(launch.headers().firstValue("Location").orElseThrow());
        assertThat(location.getPath()).isEqualTo("/learn/" + SET + "/quadratic");
        String token = TestPlatform.query(location.getRawQuery()).get("token");
        HttpResponse<String> page = get(tool(location.toString()));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Your answer").contains("worth 4 points");

        // a wrong answer through the page's API: stored as the launch's learner, sent once as 0 of 4
        JsonNode first = answer(token, WRONG);
        assertThat(first.path("practice").asBoolean()).isFalse();
        assertThat(first.path("verdict").asString()).isEqualTo("incorrect");
        String diagnosis = first.path("parts").get(0).path("feedback").asString();
        assertThat(diagnosis).contains("A is not symmetric in general");
        assertThat(submissions.search(learner, SET, null, null, 0, 10).getTotalElements()).isEqualTo(1);

        worker.runOnce();
        worker.runOnce();
        List<JsonNode> scores = scoresFor(sub);
        assertThat(scores).as("exactly once").hasSize(1);
        JsonNode s = scores.get(0);
        assertThat(s.path("userId").asString()).isEqualTo(sub);
        assertThat(s.path("scoreGiven").asDouble()).isEqualTo(0.0);
        assertThat(s.path("scoreMaximum").asDouble()).isEqualTo(4.0);
        assertThat(s.path("activityProgress").asString()).isEqualTo("Completed");
        assertThat(s.path("gradingProgress").asString()).isEqualTo("FullyGraded");
        assertThat(s.path("comment").asString()).isEqualTo(diagnosis);
        assertThat(Instant.parse(s.path("timestamp").asString()))
                .isEqualTo(Instant.parse(first.path("history").get(0).path("at").asString()));
        JsonNode item = platform.lineItems.stream()
                .filter(i -> i.path("resourceLinkId").asString("").equals("chain-link-" + RUN)).findFirst()
                .orElseThrow();
        assertThat(item.path("scoreMaximum").asDouble()).isEqualTo(4.0);
        assertThat(item.path("resourceId").asString()).isEqualTo(SET + "/quadratic");

        // right, then wrong again: the best score so far goes back each time (the default policy)
        assertThat(properties.best()).isTrue();
        CLOCK.advance(java.time.Duration.ofSeconds(5));
        assertThat(answer(token, RIGHT).path("verdict").asString()).isEqualTo("correct");
        CLOCK.advance(java.time.Duration.ofSeconds(5));
        JsonNode third = answer(token, WRONG);
        worker.runOnce();
        worker.runOnce();
        scores = scoresFor(sub);
        assertThat(scores).extracting(n -> n.path("scoreGiven").asDouble()).containsExactly(0.0, 4.0, 4.0);
        assertThat(scores).allSatisfy(n -> assertThat(n.path("scoreMaximum").asDouble()).isEqualTo(4.0));
        assertThat(scores.get(2).path("comment").asString()).isEqualTo(diagnosis);
        assertThat(Instant.parse(scores.get(2).path("timestamp").asString()))
                .isEqualTo(Instant.parse(third.path("history").get(0).path("at").asString()));
        assertThat(submissions.search(learner, SET, null, null, 0, 10).getTotalElements()).isEqualTo(3);
    }

    @Test
    void anAnswerWithoutTheLearnerTokenIsPracticeAndSendsNothing() throws Exception {
        String sub = "chain-practice-" + RUN;
        HttpResponse<String> launch = launch(platform.learnerLaunch(sub, SET, "quadratic", "chain-link-p-" + RUN));
        assertThat(launch.statusCode()).isEqualTo(303);
        int queued = rows("lti_passback");
        assertThat(answer(null, RIGHT).path("practice").asBoolean()).isTrue();
        worker.runOnce();
        assertThat(rows("lti_passback")).isEqualTo(queued);
        assertThat(scoresFor(sub)).isEmpty();
    }

    private JsonNode answer(String token, String answer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(tool("/learn/api/" + SET + "/quadratic/answers")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"answers\": {\"x\": \"" + answer + "\"}}"));
        if (token != null) {
            b.header("X-Learner-Token", token);
        }
        HttpResponse<String> r = send(b);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private List<JsonNode> scoresFor(String sub) {
        synchronized (platform.scores) {
            return platform.scores.stream().filter(s -> s.path("userId").asString("").equals(sub)).toList();
        }
    }
}
