package io.gradcheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The door under pressure, over real sockets: slow bodies do not hold the workers, checks beyond the admitted
 * number are a 503 with Retry-After, and an exhausted connection pool is a 503 on every endpoint. The limits are
 * set low here (20 workers, an 8 s body deadline, one check at a time, two connections) so that each situation is
 * reached with a few requests and no waiting on timers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "server.tomcat.threads.max=20", "gradcheck.http.body-deadline=8s",
    "gradcheck.http.concurrent-checks=1", "gradcheck.http.check-queue=0",
    "spring.datasource.hikari.maximum-pool-size=2", "spring.datasource.hikari.minimum-idle=1",
    "spring.datasource.hikari.connection-timeout=250", "gradcheck.security.instructor-keys=door-key"})
class DoorTests {

    private static final String CHECK = "{\"function\": \"s^2\", \"variables\": {\"s\": {}}, "
            + "\"parts\": [{\"wrt\": \"s\", \"answer\": \"2 s\"}]}";

    @LocalServerPort
    int port;

    @Autowired
    CheckAdmission admission;

    @Autowired
    DataSource dataSource;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private HttpResponse<String> post(String path, String json) throws Exception {
        return post(path, json, Duration.ofSeconds(20));
    }

    private HttpResponse<String> post(String path, String json, Duration timeout) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(timeout).header("Content-Type", "application/json").header("X-API-Key", "door-key")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).header("X-API-Key", "door-key").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void slowBodiesDoNotHoldTheWorkers() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            // 250 connections that send headers and one byte of a 100-byte body, then nothing: 12 times the workers
            for (int i = 0; i < 250; i++) {
                Socket s = new Socket();
                s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                s.setSoTimeout(20_000);
                OutputStream out = s.getOutputStream();
                out.write(("POST /api/v1/expressions/parse HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                        + "application/json\r\nContent-Length: 100\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                slow.add(s);
            }
            // while they are held, ordinary requests are answered, each well before the slow ones' deadline (with
            // blocking reads, all 20 workers would wait on the slow bodies until then)
            for (int i = 0; i < 30; i++) {
                HttpResponse<String> r = post("/api/v1/expressions/parse", "{\"expression\": \"x^T A x\", "
                        + "\"variables\": {\"x\": {\"shape\": [3]}, \"A\": {\"shape\": [3, 3]}}}", Duration.ofSeconds(4));
                assertThat(r.statusCode()).isEqualTo(200);
            }
            // and a slow one is cut off with its own problem (here by the 5 s read timeout, before the deadline)
            RawHttp.Answer cut = RawHttp.read(slow.get(0).getInputStream());
            assertThat(cut.status()).isEqualTo(408);
            assertThat(cut.body()).contains("/problems/body-too-slow");
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void checksBeyondTheAdmittedNumberAreRefusedWithRetryAfter() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> admission.admit(deadline -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        holder.start();
        try {
            entered.await();
            for (String path : new String[] {"/api/v1/checks",
                "/api/v1/problem-sets/ds4420-lecture-2/problems/quadratic/check"}) {
                HttpResponse<String> r = post(path, path.endsWith("checks") ? CHECK : "{\"answer\": \"2 A x\"}");
                assertThat(r.statusCode()).as(path).isEqualTo(503);
                assertThat(r.headers().firstValue("Retry-After")).hasValue("2");
                assertThat(r.body()).contains("/problems/overloaded");
            }
            HttpResponse<String> submission = post("/api/v1/problem-sets/ds4420-lecture-2/problems/quadratic/"
                    + "submissions", "{\"learnerId\": \"door\", \"answer\": \"2 A x\"}");
            assertThat(submission.statusCode()).isEqualTo(503);
            // what runs no check is not held back
            assertThat(get("/api/v1/problem-sets/ds4420-lecture-2").statusCode()).isEqualTo(200);
        } finally {
            release.countDown();
            holder.join();
        }
        assertThat(post("/api/v1/checks", CHECK).statusCode()).isEqualTo(200);
    }

    @Test
    void anExhaustedConnectionPoolIsA503Everywhere() throws Exception {
        try (Connection one = dataSource.getConnection(); Connection two = dataSource.getConnection()) {
            for (String path : new String[] {"/api/v1/problem-sets", "/api/v1/problem-sets/ds4420-lecture-2",
                "/api/v1/problem-sets/ds4420-lecture-2/problems/quadratic", "/api/v1/submissions",
                "/api/v1/problem-sets/ds4420-lecture-2/grades", "/api/v1/submissions/1"}) {
                HttpResponse<String> r = get(path);
                assertThat(r.statusCode()).as(path).isEqualTo(503);
                assertThat(r.headers().firstValue("Retry-After")).as(path).isPresent();
                assertThat(r.body()).as(path).contains("/problems/unavailable");
            }
            HttpResponse<String> submission = post("/api/v1/problem-sets/ds4420-lecture-2/problems/quadratic/"
                    + "submissions", "{\"learnerId\": \"door\", \"answer\": \"2 A x\"}");
            assertThat(submission.statusCode()).isEqualTo(503);
        }
        assertThat(get("/api/v1/problem-sets/ds4420-lecture-2/problems/quadratic").statusCode()).isEqualTo(200);
    }
}
