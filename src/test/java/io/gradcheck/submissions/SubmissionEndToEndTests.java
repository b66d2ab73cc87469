package io.gradcheck.submissions;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradcheck.GradcheckApplication;
import io.gradcheck.PinnedClockAndSeeds;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Real HTTP against the whole service on a real H2 file database: exactly-once under concurrency, and
 * submissions that survive a restart of the application. (With SPRING_DATASOURCE_URL set, as in CI's second
 * run, the database is that one instead.)
 */
class SubmissionEndToEndTests {

    private static final String QUADRATIC = "/api/v1/problem-sets/ds4420-lecture-2/problems/quadratic/submissions";
    private static final Pattern ATTEMPT = Pattern.compile("\"attempt\":(\\d+)");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    private ConfigurableApplicationContext start() {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--gradcheck.security.lms-keys=lms",
                "--gradcheck.security.instructor-keys=teacher", "--logging.level.root=WARN",
                // all 24 concurrent submissions race in the database, none waits for a check slot
                "--gradcheck.http.concurrent-checks=24"));
        if (System.getenv("SPRING_DATASOURCE_URL") == null) {
            args.add("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("gradcheck").toAbsolutePath());
        }
        return SpringApplication.run(new Class<?>[] {GradcheckApplication.class, PinnedClockAndSeeds.class},
                args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    private HttpResponse<String> submit(int port, String learner, String answer, String idempotencyKey) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + QUADRATIC))
                .header("Content-Type", "application/json").header("X-API-Key", "lms")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"learnerId\": \"" + learner + "\", \"answers\": {\"x\": \"" + answer + "\"}}"));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static <T> List<T> concurrently(int n, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentRetriesStoreOneRowAndConcurrentAttemptsAreGapless() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            int port = port(app);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            String learner = "e2e:" + System.nanoTime();

            List<HttpResponse<String>> retries = concurrently(24, () -> submit(port, learner, "2 A x", "same-" + learner));
            assertThat(retries).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));
            assertThat(retries.stream().map(HttpResponse::body).distinct()).hasSize(1);
            assertThat(jdbc.queryForObject("select count(*) from submission where learner_id = ?", Integer.class,
                    learner)).isEqualTo(1);

            String other = learner + "-b";
            int[] counter = {0};
            List<HttpResponse<String>> attempts = concurrently(24, () -> {
                int i;
                synchronized (counter) {
                    i = counter[0]++;
                }
                return submit(port, other, "(A + A^T) x", other + "-" + i);
            });
            Set<Integer> numbers = new TreeSet<>();
            for (HttpResponse<String> r : attempts) {
                assertThat(r.statusCode()).isEqualTo(201);
                Matcher m = ATTEMPT.matcher(r.body());
                assertThat(m.find()).isTrue();
                numbers.add(Integer.parseInt(m.group(1)));
            }
            assertThat(numbers).hasSize(24).first().isEqualTo(1);
            assertThat(numbers).last().isEqualTo(24);
        }
    }

    @Test
    void submissionsSurviveARestartAndTheGradeBookReadsThemBack() throws Exception {
        String learner = "restart:" + System.nanoTime();
        String location;
        try (ConfigurableApplicationContext app = start()) {
            HttpResponse<String> r = submit(port(app), learner, "(A + A^T) x", null);
            assertThat(r.statusCode()).isEqualTo(201);
            location = r.headers().firstValue("Location").orElseThrow();
        }
        try (ConfigurableApplicationContext app = start()) {
            String base = "http://localhost:" + port(app);
            HttpResponse<String> stored = http.send(HttpRequest.newBuilder(URI.create(base + location))
                    .header("X-API-Key", "lms").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(stored.statusCode()).isEqualTo(200);
            assertThat(stored.body()).contains("\"learnerId\":\"" + learner + "\"").contains("\"score\":1.0");
            HttpResponse<String> grades = http.send(HttpRequest.newBuilder(URI.create(base
                    + "/api/v1/problem-sets/ds4420-lecture-2/grades")).header("X-API-Key", "teacher")
                    .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(grades.body()).contains(learner + ",quadratic,1,1.0,1.0,");
        }
    }
}
