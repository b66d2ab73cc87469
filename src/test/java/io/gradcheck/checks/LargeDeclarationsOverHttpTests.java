package io.gradcheck.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The request bounds follow the configuration (docs/limits.md): under the documented settings for n = 2000
 * (gradcheck.engine.max-entries=4000000, gradcheck.checks.max-declared-entries=4002000), x^T A x with a
 * 2000 × 2000 A is checked over HTTP, and one entry more is refused naming the configured limit. A is declared
 * by its shape (drawn at each point): a fixed 2000 × 2000 value would be a JSON body of ~80 MB, over the
 * 1 MB body limit unless gradcheck.http.max-body is raised too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "gradcheck.engine.max-entries=4000000", "gradcheck.checks.max-declared-entries=4002000",
    "gradcheck.checks.deadline=120s"})
class LargeDeclarationsOverHttpTests {

    private static final String VARIABLES = "\"x\": {\"shape\": [2000]}, \"A\": {\"shape\": [2000, 2000]}";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> check(String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/checks"))
                .timeout(Duration.ofSeconds(150)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void xTransposeAxWithN2000IsCheckedOverHttpUnderTheDocumentedSettings() throws Exception {
        HttpResponse<String> r = check("{\"function\": \"x^T A x\", \"variables\": {" + VARIABLES + "}, "
                + "\"parts\": [{\"wrt\": \"x\", \"answer\": \"A x + A^T x\"}], \"points\": 2, \"seed\": 3}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"verdict\":\"correct\"");
    }

    @Test
    void oneDeclaredEntryMoreIsRefusedNamingTheConfiguredLimit() throws Exception {
        HttpResponse<String> r = check("{\"function\": \"x^T A x + c\", \"variables\": {" + VARIABLES
                + ", \"c\": {}}, \"parts\": [{\"wrt\": \"x\", \"answer\": \"A x + A^T x\"}], \"points\": 2}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("/problems/too-many-entries").contains("4002001 entries")
                .contains("the limit is 4002000");
    }

    @Test
    void theDrawnNumbersFollowTheDeclaredLimit() throws Exception {
        // 8 × 4,002,000 numbers may be drawn (8 points); 9 points is over, refused before any is drawn
        HttpResponse<String> r = check("{\"function\": \"x^T A x\", \"variables\": {" + VARIABLES + "}, "
                + "\"parts\": [{\"wrt\": \"x\", \"answer\": \"A x + A^T x\"}], \"points\": 9}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("/problems/too-many-drawn-numbers").contains("the limit is 32016000");
    }
}
