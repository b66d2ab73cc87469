package io.gradcheck.lti;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradcheck.submissions.SubmissionGraded;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Grade passback through the outbox to the in-test platform's AGS endpoints. On this branch nothing publishes
 * "submission graded" yet, so the tests publish the event as submissions/ will, after its commit.
 */
class PassbackTests extends LtiTestSupport {

    private static final AtomicLong SUBMISSION_IDS = new AtomicLong(900_000);
    /** Learners of this run: a database reused across runs (PostgreSQL, locally) holds earlier runs' links. */
    private static final String RUN = Long.toString(System.nanoTime(), 36);

    private static String sub(String name) {
        return name + "-" + RUN;
    }

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PassbackWorker worker;
    @Autowired
    AgsClient ags;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Platforms platforms;

    private String launchAs(String sub, String problem, String link) throws Exception {
        HttpResponse<String> launch = launch(platform.learnerLaunch(sub(sub), "ds4420-lecture-2", problem, link));
        assertThat(launch.statusCode()).as(launch.body()).isEqualTo(303);
        return TestPlatform.ISSUER + "|" + sub(sub);
    }

    private long graded(String learner, String problem, String verdict, double score, String feedback) {
        long id = SUBMISSION_IDS.incrementAndGet();
        events.publishEvent(new SubmissionGraded(id, "ds4420-lecture-2", problem, learner, 1, verdict, score, feedback,
                CLOCK.instant().truncatedTo(ChronoUnit.MICROS)));
        CLOCK.advance(Duration.ofSeconds(1));
        return id;
    }

    private List<JsonNode> scoresFor(String sub) {
        synchronized (platform.scores) {
            return platform.scores.stream().filter(s -> s.path("userId").asString("").equals(sub(sub))).toList();
        }
    }

    @Test
    void aGradedSubmissionReachesTheLineItemOnceWithTheScoreFields() throws Exception {
        String learner = launchAs("pb-1", "quadratic", "pb-link-1");
        graded(learner, "quadratic", "incorrect", 0.5, "Your answer is the derivative of x^T A x only for symmetric A.");

        assertThat(worker.runOnce()).isGreaterThanOrEqualTo(1);
        assertThat(worker.runOnce()).isZero();

        List<JsonNode> scores = scoresFor("pb-1");
        assertThat(scores).hasSize(1);
        JsonNode s = scores.get(0);
        assertThat(s.path("scoreGiven").asDouble()).isEqualTo(0.5);
        assertThat(s.path("scoreMaximum").asDouble()).isEqualTo(1.0);
        assertThat(s.path("activityProgress").asString()).isEqualTo("Completed");
        assertThat(s.path("gradingProgress").asString()).isEqualTo("FullyGraded");
        assertThat(s.path("comment").asString()).contains("symmetric A");
        assertThat(Instant.parse(s.path("timestamp").asString())).isBefore(CLOCK.instant());
        // the line item was found by resource link and resource id, or created with them
        JsonNode item = platform.lineItems.stream()
                .filter(i -> i.path("resourceLinkId").asString("").equals("pb-link-1")).findFirst().orElseThrow();
        assertThat(item.path("resourceId").asString()).isEqualTo("ds4420-lecture-2/quadratic");
        assertThat(item.path("scoreMaximum").asDouble()).isEqualTo(1.0);
        assertThat(platform.scoreUrls.get(platform.scores.indexOf(s)))
                .startsWith(URI.create(item.path("id").asString()).getPath() + "/scores");
    }

    @Test
    void theTokenRequestsClientAssertionVerifiesAgainstTheToolsJwks() throws Exception {
        String learner = launchAs("pb-2", "quadratic", "pb-link-2");
        ags.forget(platforms.find(TestPlatform.ISSUER, CLIENT_ID).orElseThrow()); // a token request now
        graded(learner, "quadratic", "correct", 1.0, "");
        worker.runOnce();

        assertThat(platform.clientAssertions).isNotEmpty();
        Jwt assertion = platform.clientAssertions.get(platform.clientAssertions.size() - 1);
        // verified again here, independently of the platform: by the tool's published keys, by kid
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(tool("/lti/jwks")).build();
        JwtTimestampValidator inTime = new JwtTimestampValidator();
        inTime.setClock(CLOCK);
        decoder.setJwtValidator(inTime);
        Jwt again = decoder.decode(assertion.getTokenValue());
        assertThat(again.getSubject()).isEqualTo(CLIENT_ID);
        assertThat(again.getClaimAsString("iss")).isEqualTo(CLIENT_ID);
        assertThat(again.getAudience()).containsExactly(platform.url("/token"));
        assertThat(again.getId()).isNotBlank();
        assertThat(again.getHeaders()).containsKey("kid");
    }

    @Test
    void anInconclusiveCheckIsSentAsPendingManual() throws Exception {
        String learner = launchAs("pb-3", "quadratic", "pb-link-3");
        graded(learner, "quadratic", "inconclusive", 0.0, "Too few points could be evaluated.");
        worker.runOnce();
        assertThat(scoresFor("pb-3")).singleElement()
                .satisfies(s -> assertThat(s.path("gradingProgress").asString()).isEqualTo("PendingManual"));
    }

    @Test
    void theBestScoreGoesBackWhenALaterAttemptIsWorse() throws Exception {
        String learner = launchAs("pb-4", "quadratic", "pb-link-4");
        graded(learner, "quadratic", "correct", 1.0, "");
        graded(learner, "quadratic", "incorrect", 0.0, "Wrong.");
        worker.runOnce();
        assertThat(scoresFor("pb-4")).extracting(s -> s.path("scoreGiven").asDouble()).containsExactly(1.0, 1.0);
    }

    @Test
    void aLinkToTheWholeSetGetsOneLineItemPerProblem() throws Exception {
        String learner = launchAs("pb-5", null, "pb-link-5");
        graded(learner, "quadratic", "correct", 1.0, "");
        graded(learner, "linear", "correct", 1.0, "");
        graded(learner, "quadratic", "correct", 1.0, "");
        worker.runOnce();
        assertThat(scoresFor("pb-5")).hasSize(3);
        assertThat(platform.lineItems.stream().filter(i -> i.path("resourceLinkId").asString("").equals("pb-link-5"))
                .map(i -> i.path("resourceId").asString()).toList())
                .containsExactlyInAnyOrder("ds4420-lecture-2/quadratic", "ds4420-lecture-2/linear");
    }

    @Test
    void aSubmissionWithoutAnLtiLaunchSendsNothing() {
        int before = rows("lti_passback");
        graded("canvas:777", "quadratic", "correct", 1.0, "");
        assertThat(rows("lti_passback")).isEqualTo(before);
    }

    @Test
    void whenTheLmsIsDownScoresWaitWithBackoffAndAreDeliveredOnceWhenItIsBack() throws Exception {
        String learner = launchAs("pb-6", "quadratic", "pb-link-6");
        worker.runOnce();
        platform.down = true;
        for (int i = 0; i < 5; i++) {
            graded(learner, "quadratic", i % 2 == 0 ? "incorrect" : "correct", i * 0.2, "attempt " + i);
        }
        assertThat(worker.runOnce()).isZero();
        assertThat(platform.refusedWhileDown.get()).isGreaterThanOrEqualTo(5);
        assertThat(pending("pb-6")).hasSize(5).allSatisfy(p -> {
            assertThat(p.tries()).isEqualTo(1);
            assertThat(p.lastError()).contains("503");
            assertThat(p.nextTryAt()).isAfter(CLOCK.instant());
        });

        // not yet due: nothing is tried
        int refused = platform.refusedWhileDown.get();
        assertThat(worker.runOnce()).isZero();
        assertThat(platform.refusedWhileDown.get()).isEqualTo(refused);

        // due, still down: the wait doubles
        CLOCK.advance(Duration.ofSeconds(31));
        assertThat(worker.runOnce()).isZero();
        assertThat(pending("pb-6")).allSatisfy(p -> {
            assertThat(p.tries()).isEqualTo(2);
            assertThat(p.nextTryAt()).isAfter(CLOCK.instant().plusSeconds(59));
        });

        // the instructor sees them
        HttpResponse<String> listed = send(HttpRequest.newBuilder(URI.create(tool("/api/v1/lti/passbacks")))
                .header("X-API-Key", "teacher"));
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains(sub("pb-6")).contains("pending").contains("503");
        assertThat(get(tool("/api/v1/lti/passbacks")).statusCode()).isEqualTo(401);

        platform.down = false;
        CLOCK.advance(Duration.ofMinutes(2));
        assertThat(worker.runOnce()).isEqualTo(5);
        assertThat(worker.runOnce()).isZero();
        CLOCK.advance(Duration.ofHours(2));
        assertThat(worker.runOnce()).isZero();

        List<JsonNode> scores = scoresFor("pb-6");
        assertThat(scores).hasSize(5);
        assertThat(scores.stream().map(s -> s.path("comment").asString()).distinct()).hasSize(5);
        assertThat(pending("pb-6")).isEmpty();
    }

    @Test
    void twoWorkersAtOnceSendEachScoreOnce() throws Exception {
        String learner = launchAs("pb-7", "quadratic", "pb-link-7");
        for (int i = 0; i < 12; i++) {
            graded(learner, "quadratic", "correct", 1.0, "attempt " + i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            Callable<Integer> run = worker::runOnce;
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit(run));
            }
            int sent = 0;
            for (Future<Integer> f : runs) {
                sent += f.get(60, TimeUnit.SECONDS);
            }
            assertThat(sent).isEqualTo(12);
        } finally {
            pool.shutdownNow();
        }
        assertThat(scoresFor("pb-7")).hasSize(12);
        assertThat(scoresFor("pb-7").stream().map(s -> s.path("comment").asString()).distinct()).hasSize(12);
        assertThat(platform.lineItems.stream().filter(i -> i.path("resourceLinkId").asString("").equals("pb-link-7")))
                .hasSize(1);
    }

    @Test
    void aRowAnotherReplicaHoldsIsSkippedNotWaitedFor() throws Exception {
        String learner = launchAs("pb-9", "quadratic", "pb-link-9");
        graded(learner, "quadratic", "correct", 1.0, "held");
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> holder = other.submit(() -> transactions.executeWithoutResult(tx -> {
                jdbc.queryForList("select p.id from lti_passback p join lti_link l on l.id = p.link_id "
                        + "where l.user_sub = ? for update", sub("pb-9"));
                locked.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(locked.await(60, TimeUnit.SECONDS)).isTrue();
            worker.runOnce();
            assertThat(scoresFor("pb-9")).as("the locked row was skipped").isEmpty();
            release.countDown();
            holder.get(60, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            other.shutdownNow();
        }
        worker.runOnce();
        assertThat(scoresFor("pb-9")).hasSize(1);
    }

    @Test
    void theSameEventTwiceIsQueuedOnce() throws Exception {
        String learner = launchAs("pb-8", "quadratic", "pb-link-8");
        SubmissionGraded e = new SubmissionGraded(SUBMISSION_IDS.incrementAndGet(), "ds4420-lecture-2", "quadratic",
                learner, 1, "correct", 1.0, "", CLOCK.instant().truncatedTo(ChronoUnit.MICROS));
        events.publishEvent(e);
        events.publishEvent(e);
        worker.runOnce();
        assertThat(scoresFor("pb-8")).hasSize(1);
    }

    private record Pending(int tries, String lastError, Instant nextTryAt) {
    }

    private List<Pending> pending(String sub) {
        return jdbc.query("select p.tries, p.last_error, p.next_try_at from lti_passback p join lti_link l "
                + "on l.id = p.link_id where l.user_sub = ? and p.status = 'pending'",
                (rs, n) -> new Pending(rs.getInt(1), rs.getString(2), Times.read(rs, "next_try_at")), sub(sub));
    }
}
