package io.gradcheck.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 201 survives kill -9, and ids are never reused (issue 15). The service runs as its own process on the
 * default H2 file database (its working directory is a fresh folder, so ./data/gradcheck is the default URL's
 * file); four clients submit, the process is killed with SIGKILL once enough submissions were acknowledged,
 * restarted on the same files, and every acknowledged submission must be there, under the same learner, with
 * every new id above every acknowledged one.
 *
 * <p>The suite runs one short round from the test classpath. For the figures in docs/performance.md:
 * {@code -Dgradcheck.crash.runs=5 -Dgradcheck.crash.acks=300 -Dgradcheck.crash.jar=target/gradcheck-….jar}, and
 * {@code -Dgradcheck.crash.jdbc=jdbc:postgresql://…} for PostgreSQL (user and password gradcheck).
 */
class CrashTests {

    private static final String KEY = "crash-key";
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    record Ack(long id, String learner) {
    }

    @Test
    void acknowledgedSubmissionsSurviveKillNine(@TempDir Path work) throws Exception {
        int runs = Integer.getInteger("gradcheck.crash.runs", 1);
        int acks = Integer.getInteger("gradcheck.crash.acks", 40);
        Files.createDirectories(work.resolve("problem-sets"));
        Files.writeString(work.resolve("problem-sets/crash.yaml"), """
                slug: crash
                title: "Crash test"
                source: "gradcheck crash test"
                problems:
                  - key: square
                    title: "Square"
                    statement: "Differentiate $s^2$."
                    variables: {s: {}}
                    function: "s^2"
                    parts:
                      - {wrt: s, layout: gradient, reference: "2 s"}
                """);
        Map<Long, Ack> acknowledged = new ConcurrentHashMap<>();
        for (int run = 1; run <= runs; run++) {
            int port = freePort();
            Process service = start(work, port);
            try {
                load(port, run, acks, acknowledged);
            } finally {
                service.destroyForcibly();  // SIGKILL: no shutdown hook, no graceful close of the database
                assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            port = freePort();
            Process again = start(work, port);
            try {
                List<String> missing = new ArrayList<>();
                for (Ack a : acknowledged.values()) {
                    HttpResponse<String> r = get(port, "/api/v1/submissions/" + a.id());
                    if (r.statusCode() != 200 || !r.body().contains("\"learnerId\":\"" + a.learner() + "\"")) {
                        missing.add(a.id() + " (" + a.learner() + "): " + r.statusCode());
                    }
                }
                long highest = acknowledged.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
                long next = submit(port, "after-" + run, "after-" + run + "-" + System.nanoTime());
                System.out.printf("crash run %d: %d acknowledged in all, %d missing, next id %d > %d%n", run,
                        acknowledged.size(), missing.size(), next, highest);
                assertThat(missing).as("acknowledged submissions lost in run " + run).isEmpty();
                assertThat(next).as("a new id after restart").isGreaterThan(highest);
            } finally {
                again.destroy();
                again.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Four clients submit until {@code target} new submissions are acknowledged; the kill comes right after. */
    private void load(int port, int run, int target, Map<Long, Ack> acknowledged) throws InterruptedException {
        CountDownLatch enough = new CountDownLatch(target);
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                for (int i = 0; ; i++) {
                    String learner = "r" + run + "-c" + client + "-" + i;
                    try {
                        long id = submit(port, learner, learner);
                        acknowledged.put(id, new Ack(id, learner));
                        enough.countDown();
                    } catch (Exception e) {
                        failures.add(e.toString());
                        return;  // the service is gone
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            clients.add(t);
        }
        boolean reached = enough.await(120, TimeUnit.SECONDS);
        assertThat(reached).as("acknowledgements before the kill; clients failed with " + failures).isTrue();
    }

    private long submit(int port, String learner, String idempotencyKey) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/problem-sets/crash/problems/square/submissions")).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").header("X-API-Key", KEY)
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString("{\"learnerId\": \"" + learner + "\", \"answer\": \"2 s\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IOException("not acknowledged: " + r.statusCode() + " " + r.body());
        }
        Matcher m = ID.matcher(r.body());
        if (!m.find()) {
            throw new IOException("no id in " + r.body());
        }
        return Long.parseLong(m.group(1));
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).header("X-API-Key", KEY).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Starts the service on loopback and returns once it logged its problem-set import (no polling). */
    private static Process start(Path work, int port) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-XX:TieredStopAtLevel=1"));
        String jar = System.getProperty("gradcheck.crash.jar");
        if (jar != null) {
            command.addAll(List.of("-jar", Path.of(jar).toAbsolutePath().toString()));
        } else {
            // the main classes and their libraries, without test-classes (whose configuration is an in-memory database)
            String classpath = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                    .filter(entry -> !entry.endsWith("test-classes")).collect(java.util.stream.Collectors.joining(
                            java.io.File.pathSeparator));
            command.addAll(List.of("-cp", classpath, "io.gradcheck.GradcheckApplication"));
        }
        command.addAll(List.of("--server.address=127.0.0.1", "--server.port=" + port,
                "--gradcheck.security.instructor-keys=" + KEY, "--logging.level.gradcheck.requests=WARN"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        String jdbc = System.getProperty("gradcheck.crash.jdbc");
        if (jdbc != null) {
            builder.environment().put("SPRING_DATASOURCE_URL", jdbc);
            builder.environment().put("SPRING_DATASOURCE_USERNAME", "gradcheck");
            builder.environment().put("SPRING_DATASOURCE_PASSWORD", "gradcheck");
        }
        Process process = builder.start();
        CountDownLatch started = new CountDownLatch(1);
        StringBuilder log = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (log.length() < 200_000) {
                        log.append(line).append('\n');
                    }
                    if (line.contains(" WARN ") || line.contains(" ERROR ")) {
                        System.out.println("service: " + line);
                    }
                    if (line.contains("problem sets from ")) {  // the importer runs after "Started"
                        started.countDown();
                    }
                }
            } catch (IOException e) {
                // the process was killed
            }
            started.countDown();
        });
        reader.setDaemon(true);
        reader.start();
        boolean up = started.await(180, TimeUnit.SECONDS);
        if (!up || !process.isAlive()) {
            process.destroyForcibly();
            throw new IllegalStateException("the service did not start:\n" + log);
        }
        return process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
