package io.gradcheck.checks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A warm start (issue 16): before the service reports ready, it sends itself a bounded number of checks over
 * loopback HTTP, through the same filters, JSON mapping and engine as any client's, so the JIT has compiled the
 * hot paths when the first real request arrives instead of during the first seconds of load. Readiness follows
 * the application runners, so the probe turns UP only after this. The work is bounded twice: a number of
 * requests ({@code gradcheck.warm-up.requests}, 0 turns it off) and a time ({@code gradcheck.warm-up.max-time}).
 * The warm-up checks are counted in the {@code gradcheck.checks} metric like any other.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class WarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

    /** Notes exercises that take the engine's main paths: products, transposes, entry-wise answers, kinks, det. */
    static final List<String> BODIES = List.of(
            "{\"function\": \"x^T A x\", \"variables\": {\"x\": {\"shape\": [3]}, \"A\": {\"shape\": [3, 3]}},"
                    + " \"parts\": [{\"wrt\": \"x\", \"answer\": \"(A + A^T) x\"}]}",
            "{\"function\": \"x^T A x\", \"variables\": {\"x\": {\"shape\": [3]}, \"A\": {\"shape\": [3, 3]}},"
                    + " \"parts\": [{\"wrt\": \"x\", \"answer\": \"2 A x\"}]}",
            "{\"function\": \"1/(1 + e^(-w^T x))\", \"variables\": {\"w\": {\"shape\": [3]}, \"x\": {\"shape\": [3]}},"
                    + " \"parts\": [{\"wrt\": \"w\", \"answer\": \"sigmoid(w^T x)(1 - sigmoid(w^T x)) x\"}]}",
            "{\"function\": \"relu(w^T x)\", \"variables\": {\"w\": {\"shape\": [3]}, \"x\": {\"shape\": [3]}},"
                    + " \"parts\": [{\"wrt\": \"w\", \"answer\": \"step(w^T x) x\"}]}",
            "{\"function\": \"1/2 norm(X w - y)^2\", \"variables\": {\"X\": {\"shape\": [5, 3]}, \"w\": {\"shape\": [3]},"
                    + " \"y\": {\"shape\": [5]}}, \"parts\": [{\"wrt\": \"w\", \"answer\": \"X^T (X w - y)\"}]}",
            "{\"function\": \"x1^2 - ln(x2) + e^(-x3)\", \"variables\": {\"x\": {\"shape\": [3], \"domain\": [0.1, 2]}},"
                    + " \"parts\": [{\"wrt\": \"x\", \"answer\": [\"2 x1\", \"-1/x2\", \"-e^(-x3)\"]}]}",
            "{\"function\": \"det(X)\", \"variables\": {\"X\": {\"shape\": [3, 3]}},"
                    + " \"parts\": [{\"wrt\": \"X\", \"answer\": \"det(X) inv(X)^T\"}]}",
            "{\"function\": \"sin(t)^2 + 2 cos(t)\", \"variables\": {\"t\": {}},"
                    + " \"parts\": [{\"wrt\": \"t\", \"answer\": \"2 sin(t) cos(t) - 2 sin(t)\"}]}",
            "{\"function\": \"\\\\frac{1}{2} x^{\\\\top} A x\", \"variables\": {\"x\": {\"shape\": [2]},"
                    + " \"A\": {\"shape\": [2, 2], \"symmetric\": true}},"
                    + " \"parts\": [{\"wrt\": \"x\", \"answer\": \"A\\\\,x\"}]}");

    private final ApplicationContext context;
    private final int requests;
    private final Duration maxTime;
    private final String address;
    private int sent;

    WarmUp(ApplicationContext context, @Value("${gradcheck.warm-up.requests:600}") int requests,
            @Value("${gradcheck.warm-up.max-time:4s}") Duration maxTime,
            @Value("${server.address:}") String address) {
        this.context = context;
        this.requests = requests;
        this.maxTime = maxTime;
        this.address = address;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (requests <= 0 || !(context instanceof WebServerApplicationContext web) || web.getWebServer() == null
                || web.getWebServer().getPort() <= 0) {
            return;
        }
        String host = address.isBlank() || address.equals("0.0.0.0") || address.equals("::") ? "127.0.0.1"
                : address.contains(":") ? "[" + address + "]" : address;
        URI uri = URI.create("http://" + host + ":" + web.getWebServer().getPort() + "/api/v1/checks");
        long start = System.nanoTime();
        long end = start + maxTime.toNanos();
        // its own thread, shut down afterwards (Java 17's HttpClient cannot be closed)
        ExecutorService executor = Executors.newSingleThreadExecutor();
        HttpClient client = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(2)).build();
        try {
            while (sent < requests && System.nanoTime() < end) {
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body(sent))).build();
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                sent++;
                if (response.statusCode() != 200) {
                    log.warn("warm-up check answered {}; warm-up stopped after {} requests", response.statusCode(), sent);
                    return;
                }
            }
        } catch (IOException e) {
            log.warn("warm-up stopped after {} requests: {} cannot be reached ({})", sent, uri, e.toString());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } finally {
            executor.shutdownNow();
        }
        log.info("warm-up: {} checks over loopback in {} ms", sent, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The n-th warm-up body: the exercises in turn, each round with its function written after one more space,
     * so that the parser reads it again (it keeps texts it has read, see {@code ParseCache}) and is compiled for
     * the new texts real learners send, not only the evaluation.
     */
    static String body(int n) {
        String body = BODIES.get(n % BODIES.size());
        return body.replaceFirst("\"function\": \"", "\"function\": \"" + " ".repeat(n / BODIES.size() % 200));
    }

    /**
     * The line that says the service takes traffic (after the import and the warm start): operators see when a
     * start-up is over, and the load scripts and benchmarks wait for this line instead of polling readiness.
     */
    @EventListener
    public void onReadiness(AvailabilityChangeEvent<ReadinessState> event) {
        if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
            log.info("ready: accepting traffic");
        }
    }

    /** How many warm-up requests were answered (for tests and the log). */
    int sent() {
        return sent;
    }
}
