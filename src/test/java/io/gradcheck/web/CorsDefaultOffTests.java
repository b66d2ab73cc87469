package io.gradcheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * CORS is off unless origins are configured (gradcheck.cors.allowed-origins, empty by default): with the default
 * configuration a page on another origin gets no Access-Control-Allow-Origin from an open endpoint, neither on the
 * preflight nor on the request itself, over real HTTP. (CachingAndCorsTests: a configured origin does get it.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CorsDefaultOffTests {

    private static final String CHECK = "{\"function\": \"t^2\", \"variables\": {\"t\": {}}, "
            + "\"parts\": [{\"wrt\": \"t\", \"answer\": \"2 t\"}]}";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anotherOriginGetsNoAllowOriginByDefault() throws Exception {
        URI checks = URI.create("http://localhost:" + port + "/api/v1/checks");
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(checks)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://course.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();

        HttpResponse<String> call = http.send(HttpRequest.newBuilder(checks).header("Origin", "https://course.example")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(CHECK)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(call.statusCode()).isEqualTo(200);  // the service answers; the browser would not show it
        assertThat(call.body()).contains("\"verdict\":\"correct\"");
        assertThat(call.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
