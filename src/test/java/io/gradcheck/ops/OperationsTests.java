package io.gradcheck.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/** Health probes, check metrics and request ids, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationsTests {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    ObservationRegistry observations;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    @Test
    void livenessAndReadinessAreUp() throws Exception {
        for (String probe : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> r = send(at(probe));
            assertThat(r.statusCode()).as(probe).isEqualTo(200);
            assertThat(r.body()).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void checksAreCountedByVerdict() throws Exception {
        send(at("/api/v1/checks").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                "{\"function\": \"s^2\", \"variables\": {\"s\": {}}, \"parts\": [{\"wrt\": \"s\", \"answer\": \"2 s\"}]}")));
        HttpResponse<String> metric = send(at("/actuator/metrics/gradcheck.checks?tag=verdict:correct"));
        assertThat(metric.statusCode()).isEqualTo(200);
        assertThat(metric.body()).contains("\"COUNT\"");
    }

    @Test
    void everyResponseCarriesARequestId() throws Exception {
        HttpResponse<String> given = send(at("/api/v1/problem-sets").header("X-Request-Id", "lms-42"));
        assertThat(given.headers().firstValue("X-Request-Id")).hasValue("lms-42");
        HttpResponse<String> made = send(at("/api/v1/problem-sets").header("X-Request-Id", "bad id with spaces"));
        assertThat(made.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).hasSize(36));
    }

    /**
     * Issue 16: Spring Security's per-filter observations are off (a fifth of a small check's throughput), while
     * requests are still observed (http.server.requests).
     */
    @Test
    void requestsAreObservedButNotEveryFilterOfTheSecurityChain() {
        assertThat(Observation.start("spring.security.filterchains", observations).isNoop()).isTrue();
        assertThat(Observation.start("http.server.requests", observations).isNoop()).isFalse();
    }

    /** Issue 16: doubles are written by Jackson's Schubfach writer, not Java 17's slower Double.toString. */
    @Test
    void doublesAreWrittenByTheFastWriter() {
        assertThat(json.isEnabled(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)).isTrue();
    }

    /** Issue 16: a report's numbers are written from their doubles by the service's mapper (ReportNumbersModule). */
    @Test
    void reportNumbersAreWrittenWithoutBoxing() {
        assertThat(json._serializationContext().findValueSerializer(io.gradcheck.check.NumberList.class).getClass()
                .getEnclosingClass()).isEqualTo(io.gradcheck.checks.ReportNumbersModule.class);
    }
}
