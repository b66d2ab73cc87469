package io.gradcheck.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over real HTTP: a check whose work cannot be priced away (a work budget raised far beyond the default, so that
 * only the deadline stops it) ends at the deadline with a 503 deadline-exceeded, and cheap checks sent while it
 * runs are answered in a small part of that deadline, not after it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gradcheck.checks.deadline=2s", "gradcheck.checks.work-budget=1000000000000"})
class CheckDeadlineTests {

    private static final Duration DEADLINE = Duration.ofSeconds(2);

    /** det of a 100×100 matrix with a wrong answer: the diagnosis's full reference is 10⁴ dual passes a point. */
    private static final String EXPENSIVE = "{\"function\": \"det(X)\", \"variables\": {\"X\": {\"shape\": [100, 100]}},"
            + " \"parts\": [{\"wrt\": \"X\", \"answer\": \"inv(X)\"}], \"seed\": 1}";
    private static final String CHEAP = "{\"function\": \"s^2\", \"variables\": {\"s\": {}},"
            + " \"parts\": [{\"wrt\": \"s\", \"answer\": \"2 s\"}], \"seed\": 1}";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpRequest check(String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/checks"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    @Test
    void anExpensiveCheckStopsAtTheDeadlineWhileCheapOnesAreAnsweredMeanwhile() throws Exception {
        http.send(check(CHEAP), HttpResponse.BodyHandlers.ofString()); // warm the path up
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> expensive = http.sendAsync(check(EXPENSIVE),
                HttpResponse.BodyHandlers.ofString());
        List<Long> whileRunning = new ArrayList<>();
        while (!expensive.isDone()) {
            long sent = System.nanoTime();
            HttpResponse<String> cheap = http.send(check(CHEAP), HttpResponse.BodyHandlers.ofString());
            assertThat(cheap.statusCode()).isEqualTo(200);
            assertThat(cheap.body()).contains("\"verdict\":\"correct\"");
            if (!expensive.isDone()) {
                whileRunning.add(System.nanoTime() - sent);
            }
        }
        HttpResponse<String> stopped = expensive.get();
        long took = System.nanoTime() - start;

        assertThat(stopped.statusCode()).isEqualTo(503);
        assertThat(stopped.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(stopped.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(stopped.body()).contains("/problems/deadline-exceeded")
                .contains("the check took longer than 2000 ms, the limit; it was stopped");
        // it ran until the deadline, and stopped at the next poll (one dual pass later), not at the end of its work
        assertThat(took).isGreaterThanOrEqualTo(DEADLINE.toNanos()).isLessThan(DEADLINE.toNanos() * 3);
        // cheap checks were answered while it ran, each in less than half the deadline it was running against
        assertThat(whileRunning).isNotEmpty().allSatisfy(n -> assertThat(n).isLessThan(DEADLINE.toNanos() / 2));
    }
}
