package io.gradcheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The requests of issue 15's "Why" over real HTTP, under the default limits, each answered with its status
 * (a 4xx, or a verdict the budget made cheap) at a bounded cost: the check's thread spends under a second of
 * CPU (what other processes' load does not change) and allocates under {@link #HEAP_BOUND} bytes (an upper
 * bound of the heap it can hold: a request cannot keep more than it allocated); under 5 s of wall-clock time on
 * a loaded machine. Before issue 15 these took 23 s to more than 590 s, or exhausted a 6 GB heap.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gradcheck.security.instructor-keys=abuse")
public class AbuseTests {

    /**
     * The stated bound: what one abusive check may allocate (most of it garbage at once: sum(kron(A, A)) with a
     * wrong answer allocates ~250 MB in all over its dual passes), under the Dockerfile's 512 MB heap.
     */
    static final long HEAP_BOUND = 320L << 20;
    private static final long CPU_BOUND = Duration.ofSeconds(1).toNanos();
    private static final long WALL_BOUND = Duration.ofSeconds(5).toNanos();

    @LocalServerPort
    int port;

    @Autowired
    CheckAdmission admission;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** One abusive request: what it asks, and the status it must get. */
    public record Abuse(String name, String path, String body, int status, String type) {
    }

    public static List<Abuse> abuses() {
        List<Abuse> all = new ArrayList<>();
        StringBuilder unused = new StringBuilder("{\"function\": \"x^2\", \"variables\": {\"x\": {}");
        for (int i = 0; i < 300; i++) {
            unused.append(", \"M").append(i).append("\": {\"shape\": [1000, 1000]}");
        }
        unused.append("}, \"parts\": [{\"wrt\": \"x\", \"answer\": \"2 x\"}]}");
        all.add(new Abuse("300 unused 1000×1000 variables", "/api/v1/checks", unused.toString(), 400,
                "too-many-variables"));
        all.add(check("40 unused 1000×1000 variables", "x^2", "\"x\": {}" + matrices(40), "x", "\"2 x\"", null, 400,
                "too-many-entries"));
        all.add(check("sum(exp(x)), x in R^100000, a wrong answer", "sum(exp(x))", "\"x\": {\"shape\": [100000]}",
                "x", "\"exp(x) + x\"", null, 200, null));
        all.add(check("det(X), X 100×100, a wrong answer", "det(X)", "\"X\": {\"shape\": [100, 100]}", "X",
                "\"inv(X)\"", null, 200, null));
        all.add(check("an unused positive-definite 1000×1000, 64 points", "x^2", "\"x\": {}, \"Y\": {\"shape\": "
                + "[1000, 1000], \"positiveDefinite\": true}", "x", "\"2 x\"", 64, 400, "too-many-entries"));
        all.add(check("an unused positive-definite 999×1000, 64 points", "x^2", "\"x\": {}, \"Y\": {\"shape\": "
                + "[999, 1000], \"positiveDefinite\": true}", "x", "\"2 x\"", 64, 400, "too-many-drawn-numbers"));
        all.add(check("an unused positive-definite 900×900, 8 points", "x^2", "\"x\": {}, \"Y\": {\"shape\": "
                + "[900, 900], \"positiveDefinite\": true}", "x", "\"2 x\"", 8, 200, null));
        all.add(check("invertible on [1, 1.000001]", "sum(X)", "\"X\": {\"shape\": [100, 100], \"invertible\": "
                + "true, \"domain\": [1, 1.000001]}", "X", "\"X\"", null, 422, null));
        all.add(check("sum(kron(A, A)), A 30×30, a wrong answer", "sum(kron(A, A))", "\"A\": {\"shape\": [30, 30]}",
                "A", "\"A\"", null, 200, null));
        all.add(check("det of a 300×300 matrix", "det(X)", "\"X\": {\"shape\": [300, 300]}", "X",
                "\"det(X) inv(X)^T\"", null, 400, "work-budget-exceeded"));
        all.add(new Abuse("points 2147483648", "/api/v1/checks", "{\"function\": \"x^2\", \"variables\": "
                + "{\"x\": {}}, \"parts\": [{\"wrt\": \"x\", \"answer\": \"2 x\"}], \"points\": 2147483648}", 400, null));
        return all;
    }

    private static String matrices(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(", \"M").append(i).append("\": {\"shape\": [1000, 1000]}");
        }
        return s.toString();
    }

    private static Abuse check(String name, String function, String variables, String wrt, String answer,
            Integer points, int status, String type) {
        return new Abuse(name, "/api/v1/checks", "{\"function\": \"" + function + "\", \"variables\": {" + variables
                + "}, \"parts\": [{\"wrt\": \"" + wrt + "\", \"answer\": " + answer + "}]"
                + (points == null ? "" : ", \"points\": " + points) + ", \"seed\": 1}", status, type);
    }

    @Test
    void eachAbusiveRequestIsAnsweredQuicklyAtABoundedCost() throws Exception {
        List<String> report = new ArrayList<>();
        for (Abuse abuse : abuses()) {
            CheckAdmission.Cost before = admission.lastCost();
            long start = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + abuse.path())).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .header("X-API-Key", "abuse").POST(HttpRequest.BodyPublishers.ofString(abuse.body())).build(),
                    HttpResponse.BodyHandlers.ofString());
            long wall = System.nanoTime() - start;
            CheckAdmission.Cost cost = admission.lastCost() == before ? new CheckAdmission.Cost(0, 0)
                    : admission.lastCost();
            String seen = abuse.name() + ": " + r.statusCode() + " in " + wall / 1_000_000 + " ms, cpu "
                    + cost.cpuNanos() / 1_000_000 + " ms, allocated " + (cost.allocatedBytes() >> 20) + " MB: "
                    + r.body().substring(0, Math.min(160, r.body().length()));
            report.add(seen);
            assertThat(r.statusCode()).as(seen).isEqualTo(abuse.status());
            if (abuse.status() >= 400) {
                assertThat(r.headers().firstValue("Content-Type").orElse("")).as(seen)
                        .startsWith("application/problem+json");
            }
            if (abuse.type() != null) {
                assertThat(r.body()).as(seen).contains("/problems/" + abuse.type());
            }
            assertThat(cost.cpuNanos()).as(seen).isLessThan(CPU_BOUND);
            assertThat(cost.allocatedBytes()).as(seen).isLessThan(HEAP_BOUND);
            assertThat(wall).as(seen).isLessThan(WALL_BOUND);
        }
        report.forEach(System.out::println);
    }
}
