package io.gradcheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Whatever the container refuses, over real sockets, answers application/problem+json with its own type. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gradcheck.http.max-body=64KB")
class ContainerErrorsTests {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private static void assertProblem(RawHttp.Answer a, int status, String type) {
        assertThat(a.status()).as(a.head()).isEqualTo(status);
        assertThat(a.head().toLowerCase()).contains("content-type: application/problem+json");
        assertThat(a.body()).contains("\"type\":\"" + type + "\"").contains("\"status\":" + status)
                .doesNotContain("<html");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/problem-sets/a%2Fb", "/api/v1/problem-sets/a%00b", "/api/v1/%zz",
        "/api/v1/problem-sets/a%5Cb", "/api/v1/%"})
    void unreadablePathsAreProblemJson(String path) throws Exception {
        RawHttp.Answer a = RawHttp.exchange(port, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(a.status()).isBetween(400, 404);
        assertThat(a.head().toLowerCase()).contains("content-type: application/problem+json");
        assertThat(a.body()).startsWith("{\"type\":\"/problems/");
    }

    @Test
    void headersOverTheLimitAreProblemJson() throws Exception {
        RawHttp.Answer a = RawHttp.exchange(port, "GET /api/v1/problem-sets HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Big: " + "a".repeat(9000) + "\r\nConnection: close\r\n\r\n");
        assertProblem(a, 400, "/problems/bad-http-request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/error", "/api/v1/checks"})
    void traceIsRefusedAsProblemJson(String path) throws Exception {
        RawHttp.Answer a = RawHttp.exchange(port, "TRACE " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        assertProblem(a, 405, "/problems/method-not-allowed");
    }

    @Test
    void theErrorPageItselfIsProblemJson() throws Exception {
        for (String method : new String[] {"GET", "POST", "DELETE"}) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/error"))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @Test
    void multipartBodiesAreUnsupportedMediaType() throws Exception {
        String body = "--xx\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nhello\r\n--xx--\r\n";
        for (String path : new String[] {"/api/v1/checks", "/api/v1/expressions/parse",
            "/api/v1/problem-sets/ds4420-lecture-2/problems/quadratic/check"}) {
            RawHttp.Answer a = RawHttp.exchange(port, "POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: multipart/form-data; boundary=xx\r\nContent-Length: " + body.length()
                    + "\r\nConnection: close\r\n\r\n" + body);
            assertProblem(a, 415, "/problems/unsupported-media-type");
        }
    }

    @Test
    void aWrongMethodIsProblemJson() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/checks")).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.body()).contains("/problems/method-not-allowed");
    }

    @Test
    void aBodyOverTheLimitIsRefusedByItsLength() throws Exception {
        RawHttp.Answer a = RawHttp.exchange(port, "POST /api/v1/checks HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 70000\r\nConnection: close\r\n\r\n{");
        assertProblem(a, 413, "/problems/body-too-large");
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWhileReading() throws Exception {
        String chunk = "a".repeat(4096);
        StringBuilder request = new StringBuilder("POST /api/v1/checks HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        for (int i = 0; i < 20; i++) {
            request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        request.append("0\r\n\r\n");
        assertProblem(RawHttp.exchange(port, request.toString()), 413, "/problems/body-too-large");
    }

    @Test
    void anOutOfRangeIntegerSaysSo() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/checks")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                .ofString("{\"function\": \"x^2\", \"variables\": {\"x\": {}}, \"parts\": [{\"wrt\": \"x\", "
                        + "\"answer\": \"2x\"}], \"points\": 2147483648}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("out of range").doesNotContain("syntax error");
    }
}
