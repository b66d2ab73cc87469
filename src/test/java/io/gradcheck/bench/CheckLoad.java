package io.gradcheck.bench;

import io.gradcheck.GradcheckApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A bounded loopback load test of POST /api/v1/checks: starts the service on 127.0.0.1, sends a mix of the notes'
 * exercises from several client threads for a fixed time (after a warm-up), and prints checks/s and p50/p99
 * latency. It stops by itself: at most --seconds of measurement and --max-requests requests.
 * Run: ./mvnw -Pbench test-compile exec:exec -Dbench.main=io.gradcheck.bench.CheckLoad -Dbench.args="--seconds 20"
 */
public final class CheckLoad {

    private static final List<String> MIX = List.of(
            body("x^T A x", "\"x\": {\"shape\": [3]}, \"A\": {\"shape\": [3, 3]}", "x", "(A + A^T) x"),
            body("x^T A x", "\"x\": {\"shape\": [3]}, \"A\": {\"shape\": [3, 3]}", "x", "2 A x"),
            body("1/(1 + e^(-w^T x))", "\"w\": {\"shape\": [3]}, \"x\": {\"shape\": [3]}", "w",
                    "sigmoid(w^T x)(1 - sigmoid(w^T x)) x"),
            body("relu(w^T x)", "\"w\": {\"shape\": [3]}, \"x\": {\"shape\": [3]}", "w", "step(w^T x) x"),
            body("1/2 norm(X w - y)^2", "\"X\": {\"shape\": [5, 3]}, \"w\": {\"shape\": [3]}, \"y\": {\"shape\": [5]}",
                    "w", "X^T (X w - y)"),
            body("x1^2 - ln(x2) + e^(-x3)", "\"x\": {\"shape\": [3], \"domain\": [0.1, 2]}", "x",
                    "[\"2 x1\", \"-1/x2\", \"-e^(-x3)\"]"),
            body("det(X)", "\"X\": {\"shape\": [3, 3]}", "X", "det(X) inv(X)^T"),
            body("sin(t)^2 + 2 cos(t)", "\"t\": {}", "t", "2 sin(t) cos(t) - 2 sin(t)"));

    private static String body(String f, String vars, String wrt, String answer) {
        String a = answer.startsWith("[") ? answer : "\"" + answer + "\"";
        return "{\"function\": \"" + f + "\", \"variables\": {" + vars + "}, \"parts\": [{\"wrt\": \"" + wrt
                + "\", \"answer\": " + a + "}], \"seed\": 1}";
    }

    public static void main(String[] args) throws Exception {
        int seconds = intArg(args, "--seconds", 20);
        int warmup = intArg(args, "--warmup", 10);
        int threads = intArg(args, "--concurrency", 4);
        int maxRequests = intArg(args, "--max-requests", 1_000_000);
        int port = intArg(args, "--port", 18080);
        ConfigurableApplicationContext app = SpringApplication.run(GradcheckApplication.class,
                "--server.address=127.0.0.1", "--server.port=" + port,
                "--spring.datasource.url=jdbc:h2:mem:load", "--logging.level.root=WARN");
        try {
            URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/checks");
            run(uri, threads, warmup, Integer.MAX_VALUE, false);
            run(uri, threads, seconds, maxRequests, true);
        } finally {
            app.close();
        }
    }

    private static void run(URI uri, int threads, int seconds, int maxRequests, boolean report) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[threads];
        CountDownLatch done = new CountDownLatch(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            long[] mine = new long[2_000_000];
            latencies.add(mine);
            int id = t;
            Thread worker = new Thread(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                int n = 0;
                try {
                    while (System.nanoTime() < end && sent.incrementAndGet() <= maxRequests && n < mine.length) {
                        String body = MIX.get((id + n) % MIX.size());
                        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                        mine[n++] = System.nanoTime() - t0;
                        if (r.statusCode() != 200) {
                            failed.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                } finally {
                    counts[id] = n;
                    done.countDown();
                }
            });
            worker.start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (!report) {
            return;
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int k = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies.get(t), 0, all, k, counts[t]);
            k += counts[t];
        }
        Arrays.sort(all);
        System.out.printf(Locale.ROOT, "checks: %d in %.1f s with %d client threads, %d failed%n", total, elapsed,
                threads, failed.get());
        System.out.printf(Locale.ROOT, "throughput: %.0f checks/s%n", total / elapsed);
        System.out.printf(Locale.ROOT, "latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", all[total / 2] / 1e6,
                all[(int) (total * 0.99)] / 1e6, all[total - 1] / 1e6);
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
