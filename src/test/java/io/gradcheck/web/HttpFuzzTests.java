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

    private static final String CHECKS = "/api/v1/checks";
    private static final String PARSE = "/api/v1/expressions/parse";
    private static final String PRACTICE = "/api/v1/problem-sets/ds4420-lecture-2/problems/quadratic/check";
    private static final String SUBMIT = "/api/v1/problem-sets/ds4420-lecture-2/problems/quadratic/submissions";

    private static final String CHECK = "{\"function\": \"x^T A x\", \"variables\": {\"x\": {\"shape\": [3]}, "
            + "\"A\": {\"shape\": [3, 3]}}, \"parts\": [{\"wrt\": \"x\", \"answer\": \"2 A x\"}], \"points\": 4}";

    /** What was found answering 500 (2026-11-22), and its neighbours. */
    private static final String[][] FOUND = {
        {CHECKS, CHECK.replace("2 A x", "２ A x")},
        {CHECKS, CHECK.replace("2 A x", "٢ A x")},
        {SUBMIT, "{\"learnerId\": \"fuzz\", \"answer\": \"２ A x\"}"},
        {PRACTICE, "{\"answer\": \"２ A x\"}"},
        {PARSE, "{\"expression\": \"２ x + ３\", \"variables\": {\"x\": {}}}"},
        {CHECKS, CHECK.replace("\"2 A x\"", "[[]]")},
        {CHECKS, CHECK.replace("\"2 A x\"", "[]")},
        {CHECKS, CHECK.replace("\"2 A x\"", "[[\"1\"], []]")},
        {SUBMIT, "{\"learnerId\": \"fuzz\", \"answer\": [[]]}"},
        {CHECKS, CHECK.replace("[{\"wrt\": \"x\", \"answer\": \"2 A x\"}]", "[null]")},
        {CHECKS, CHECK.replace("[{\"wrt\": \"x\", \"answer\": \"2 A x\"}]", "[{}]")},
        {CHECKS, CHECK.replace("{\"shape\": [3]}", "{\"shape\": [3], \"domain\": [-1e308, 1e308]}")},
        {CHECKS, CHECK.replace("{\"shape\": [3]}", "{\"shape\": [3], \"domain\": [1, 1.000001]}")},
        {CHECKS, CHECK.replace("\"points\": 4", "\"points\": 2147483648")},
        {CHECKS, CHECK.replace("\"points\": 4", "\"points\": 1e400")},
        {CHECKS, CHECK.replace("{\"shape\": [3]}", "{\"shape\": [2147483647]}")},
        {CHECKS, CHECK.replace("{\"shape\": [3]}", "{\"shape\": [-1]}")},
        {CHECKS, CHECK.replace("{\"shape\": [3]}", "{\"shape\": [null]}")},
        {CHECKS, CHECK.replace("{\"shape\": [3]}", "null")},
        {SUBMIT, "{\"learnerId\": \"fuzz\", \"answers\": {\"x\": null}}"},
        {SUBMIT, "{\"learnerId\": \"fuzz\", \"answers\": {\"x\": 5}}"},
        {SUBMIT, "{\"learnerId\": \"fuzz\", \"answers\": {\"x\": {\"a\": 1}}}"},
        {SUBMIT, "{\"learnerId\": \"fuzz\", \"answer\": \"" + "x+".repeat(3000) + "x\"}"},
        {PRACTICE, "{\"answer\": [[null]]}"},
        {CHECKS, "[" .repeat(5000) + "]".repeat(5000)},
        {CHECKS, "null"}, {CHECKS, "[]"}, {CHECKS, "\"x\""}, {CHECKS, ""}, {PARSE, "{}"},
    };

    private static final String[] TYPES = {"application/json", "application/json; charset=utf-8",
        "application/json; charset=latin1", "application/json; charset=bogus", "text/plain", "application/xml",
        "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/octet-stream",
        "application/*", "*/*", ";;;", "application/json; charset=\"utf-16\""};

    private static final String[] ENCODINGS = {null, "gzip", "br", "identity", "deflate, gzip"};

    private static final String[] PIECES = {"２", "٣", "𝟐", "\\u0000", "\u0000", "\uD800", "ᵀ", "√", "é", "'", "\"",
        "\\", "[", "]", "{", "}", ",", ":", "null", "-1e308", "1e308", "NaN", "2147483648", "-0", "[[]]", "\n"};

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void noInputAnswersA5xx() throws Exception {
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (String[] f : FOUND) {
            send(f[0], f[1].getBytes(StandardCharsets.UTF_8), "application/json", null, failures);
            sent++;
        }
        Random random = new Random(15);
        String[][] valid = {{CHECKS, CHECK}, {PARSE, "{\"expression\": \"x^T A x\", \"variables\": {\"x\": {\"shape\": "
                + "[3]}, \"A\": {\"shape\": [3, 3]}}}"}, {PRACTICE, "{\"answers\": {\"x\": \"(A + A^T) x\"}}"},
            {SUBMIT, "{\"learnerId\": \"fuzz\", \"answer\": \"(A + A^T) x\"}"}};
        for (int i = 0; i < 600; i++) {
            String[] target = valid[random.nextInt(valid.length)];
            byte[] body = mutate(target[1], random);
            String type = random.nextInt(3) == 0 ? TYPES[random.nextInt(TYPES.length)] : "application/json";
            String encoding = random.nextInt(6) == 0 ? ENCODINGS[1 + random.nextInt(ENCODINGS.length - 1)] : null;
            send(target[0], body, type, encoding, failures);
            sent++;
        }
        assertThat(failures).as(failures.size() + " of " + sent + " requests answered 5xx or not problem+json")
                .isEmpty();
    }

    private static byte[] mutate(String body, Random random) {
        StringBuilder s = new StringBuilder(body);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(4)) {
                case 0 -> s.insert(at, PIECES[random.nextInt(PIECES.length)]);
                case 1 -> s.deleteCharAt(at);
                case 2 -> s.setCharAt(at, PIECES[random.nextInt(PIECES.length)].charAt(0));
                default -> s.replace(at, Math.min(s.length(), at + 1 + random.nextInt(8)), "");
            }
        }
        byte[] bytes = s.toString().getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(20) == 0 && bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80));  // not UTF-8
        }
        return bytes;
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
