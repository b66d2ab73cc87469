package io.gradcheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The fuzz test at the HTTP layer (issue 15): the inputs that used to answer 500, then seeded mutations of valid
 * bodies under many content types and encodings, to every endpoint that takes a body. Zero 5xx, every 4xx
 * problem+json.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gradcheck.security.instructor-keys=fuzz", "gradcheck.http.practice-checks-per-minute=100000"})
class HttpFuzzTests {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void noInputAnswersA5xx() throws Exception {
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (String[] f : HttpFuzz.FOUND) {
            send(f[0], f[1].getBytes(StandardCharsets.UTF_8), "application/json", null, failures);
            sent++;
        }
        // found by the abuse benchmark (bench/AbuseBench): form bodies Tomcat cannot decode, on JSON endpoints
        for (String path : new String[] {HttpFuzz.SUBMIT, HttpFuzz.CHECKS, HttpFuzz.PRACTICE}) {
            send(path, "{\"learn\"réId\": \"fuzz\"\u00ff}".getBytes(StandardCharsets.UTF_8),
                    "application/x-www-form-urlencoded", null, failures);
            send(path, new byte[] {'a', '=', (byte) 0xff, '%', 'z'}, "application/x-www-form-urlencoded", null,
                    failures);
            sent += 2;
        }
        Random random = new Random(15);
        for (int i = 0; i < 600; i++) {
            HttpFuzz.Request r = HttpFuzz.next(random);
            send(r.path(), r.body(), r.type(), r.encoding(), failures);
            sent++;
        }
        assertThat(failures).as(failures.size() + " of " + sent + " requests answered 5xx or not problem+json")
                .isEmpty();
    }

    private void send(String path, byte[] body, String type, String encoding, List<String> failures)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("X-API-Key", "fuzz")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        if (encoding != null) {
            request.header("Content-Encoding", encoding);
        }
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String contentType = r.headers().firstValue("Content-Type").orElse("");
        if (r.statusCode() >= 500 || (r.statusCode() >= 400 && !contentType.startsWith("application/problem+json"))) {
            String shown = new String(body, StandardCharsets.UTF_8);
            failures.add(r.statusCode() + " " + path + " [" + type + ", " + encoding + "] "
                    + shown.substring(0, Math.min(200, shown.length())) + " → "
                    + r.body().substring(0, Math.min(300, r.body().length())));
        }
    }
}
