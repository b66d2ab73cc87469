package io.gradcheck.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradcheck.GradcheckApplication;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The volume figure of docs/performance.md: a set with 100,000 submissions (10 problems, seeded mistakes,
 * bulk-inserted by JDBC) answers the insights request over HTTP in under a second. Opt-in, because it seeds a
 * database of its own for a minute: {@code ./mvnw -o test -Dtest=InsightsScaleTests -Dgradcheck.bench=true}.
 * With SPRING_DATASOURCE_URL set it runs against that database (PostgreSQL) instead of an H2 file.
 */
@EnabledIfSystemProperty(named = "gradcheck.bench", matches = "true")
class InsightsScaleTests {

    static final int SUBMISSIONS = 100_000;
    static final int PROBLEMS = 10;
    static final List<String> KINDS = List.of("symmetric_only", "transposed", "scaled", "negated",
            "partially_correct", "wrong", "unreadable");

    @TempDir
    Path dir;

    @Test
    void aSetWithAHundredThousandSubmissionsAnswersInUnderASecond() throws Exception {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--gradcheck.security.instructor-keys=teacher",
                "--logging.level.root=WARN"));
        if (System.getenv("SPRING_DATASOURCE_URL") == null) {
            String keep = System.getProperty("gradcheck.bench.dir"); // to look at the seeded database afterwards
            args.add("--spring.datasource.url=jdbc:h2:file:"
                    + (keep != null ? Path.of(keep) : dir).resolve("gradcheck").toAbsolutePath());
        }
        try (ConfigurableApplicationContext app = SpringApplication.run(GradcheckApplication.class,
                args.toArray(String[]::new))) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            JsonMapper json = app.getBean(JsonMapper.class);
            HttpClient http = HttpClient.newHttpClient();
            String set = "scale-" + Long.toHexString(System.nanoTime());
            StringBuilder problems = new StringBuilder();
            for (int p = 0; p < PROBLEMS; p++) {
                problems.append(p == 0 ? "" : ",").append("{\"key\": \"p").append(p).append("\", \"title\": \"P")
                        .append(p).append("\", \"statement\": \"Gradient.\", \"variables\": {\"x\": {\"shape\": [3]},"
                                + " \"A\": {\"shape\": [3, 3]}}, \"function\": \"x^T A x\", \"parts\": [{\"wrt\": \"x\","
                                + " \"reference\": \"(A + A^T) x\"}]}");
            }
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/v1/problem-sets/" + set)).header("X-API-Key", "teacher")
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                            "{\"slug\": \"" + set + "\", \"title\": \"Scale\", \"source\": \"a test\", \"problems\": ["
                                    + problems + "]}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(put.statusCode()).as(put.body()).isIn(200, 201);

            long seeding = System.nanoTime();
            int seeded = seed(app.getBean(DataSource.class), set);
            double seedSeconds = (System.nanoTime() - seeding) / 1e9;
            assertThat(seeded).isEqualTo(SUBMISSIONS);

            String base = "http://localhost:" + port + "/api/v1/problem-sets/" + set + "/insights";
            HttpRequest get = HttpRequest.newBuilder(URI.create(base)).header("X-API-Key", "teacher").build();
            JsonNode body = null;
            for (int i = 0; i < 3; i++) { // warm-up: JIT, the database's caches
                body = json.readTree(http.send(get, HttpResponse.BodyHandlers.ofString()).body());
            }
            long total = 0;
            for (JsonNode problem : body.get("problems")) {
                total += problem.get("parts").get(0).get("submissions").asLong();
            }
            assertThat(total).isEqualTo(SUBMISSIONS);
            // each timed request asks for another window, so that no database reuses the previous result:
            // the whole set (until a far date, one second apart), then a fortnight (a minute apart)
            double[] whole = time(http, i -> base + "?until=2027-01-01T00:00:" + String.format("%02d", i) + "Z", 10);
            double[] windowed = time(http, i -> base + "?since=2026-10-15T00:00:00Z&until=2026-11-01T00:" + String.format(
                    "%02d", i) + ":00Z", 10);
            // The machine is shared: wall time includes waiting for a core. With H2 embedded, the queries run on the
            // calling thread, so its CPU time is the work itself, whatever the load.
            InsightsService service = app.getBean(InsightsService.class);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            double[] cpu = new double[10];
            for (int i = 0; i < cpu.length; i++) {
                long t = threads.getCurrentThreadCpuTime();
                service.of(set, null, Instant.parse("2027-02-01T00:00:00Z").plusSeconds(i), 5);
                cpu[i] = (threads.getCurrentThreadCpuTime() - t) / 1e6;
            }
            Arrays.sort(cpu);
            System.out.printf("insights at scale (%s): %d submissions seeded in %.1f s; whole set: median %.0f ms, max "
                    + "%.0f ms; a fortnight: median %.0f ms, max %.0f ms (10 requests each); CPU time of the calling "
                    + "thread (service, whole set): median %.0f ms, max %.0f ms; load average %s%n",
                    app.getEnvironment().getProperty("spring.datasource.url"), SUBMISSIONS, seedSeconds, whole[5],
                    whole[9], windowed[5], windowed[9], cpu[5], cpu[9],
                    Files.readString(Path.of("/proc/loadavg")).trim());
            assertThat(whole[5]).isLessThan(1000);
            assertThat(windowed[5]).isLessThan(1000);
        }
    }

    private static double[] time(HttpClient http, IntFunction<String> url, int n) throws Exception {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url.apply(i))).header("X-API-Key", "teacher").build();
            long t = System.nanoTime();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            ms[i] = (System.nanoTime() - t) / 1e6;
            assertThat(r.statusCode()).isEqualTo(200);
        }
        Arrays.sort(ms);
        return ms;
    }

    /**
     * 100,000 single-part submissions spread over ten problems and October–November 2026: each learner tries each
     * problem one to five times and is right from a drawn attempt on (or never); a wrong answer is one of 300
     * readings, the lower ones far more frequent, each with a fixed diagnosis.
     */
    private static int seed(DataSource data, String set) throws Exception {
        SplittableRandom random = new SplittableRandom(17);
        List<List<PartRows.Row>> byProblem = new ArrayList<>();
        for (int p = 0; p < PROBLEMS; p++) {
            byProblem.add(new ArrayList<>());
        }
        Instant start = Instant.parse("2026-10-01T00:00:00Z");
        int count = 0;
        for (int learner = 0; count < SUBMISSIONS; learner++) {
            for (int p = 0; p < PROBLEMS && count < SUBMISSIONS; p++) {
                int attempts = 1 + random.nextInt(5);
                int rightFrom = 1 + random.nextInt(7); // > attempts: never right
                for (int a = 1; a <= attempts && count < SUBMISSIONS; a++, count++) {
                    Instant at = start.plusSeconds(random.nextLong(60L * 86_400));
                    boolean right = a >= rightFrom;
                    int reading = (int) Math.floor(Math.pow(random.nextDouble(), 3) * 300);
                    String kind = KINDS.get(reading % KINDS.size());
                    byProblem.get(p).add(right
                            ? new PartRows.Row("l" + learner, a, at, "correct", "correct", null, null, "(A + A^T)*x",
                                    "Correct.")
                            : new PartRows.Row("l" + learner, a, at, kind.equals("unreadable") ? "invalid" : "incorrect",
                                    kind, kind.equals("scaled") ? (double) (2 + reading % 3) : null,
                                    kind.equals("partially_correct") ? String.valueOf(1 + reading % 3) : null,
                                    "wrong answer " + reading, "Diagnosis sentence for answer " + reading + "."));
                }
            }
        }
        for (int p = 0; p < PROBLEMS; p++) {
            PartRows.insert(data, set, "p" + p, "x", byProblem.get(p));
        }
        return count;
    }
}
