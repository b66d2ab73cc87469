package io.gradcheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OpenAPI document the running service serves is the one committed in openapi/openapi.yaml. After an
 * intended API change, regenerate it with: ./mvnw test -Dtest=OpenApiDocumentTests -Dgradcheck.openapi.write=true
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentTests {

    private static final Path COMMITTED = Path.of("openapi", "openapi.yaml");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void servedDocumentMatchesTheCommittedFile() throws Exception {
        HttpResponse<String> served = get("/v3/api-docs.yaml");
        assertThat(served.statusCode()).isEqualTo(200);
        if (Boolean.getBoolean("gradcheck.openapi.write")) {
            Files.writeString(COMMITTED, served.body(), StandardCharsets.UTF_8);
        }
        assertThat(served.body())
                .as("openapi/openapi.yaml is out of date; regenerate it with "
                        + "./mvnw test -Dtest=OpenApiDocumentTests -Dgradcheck.openapi.write=true")
                .isEqualTo(Files.readString(COMMITTED, StandardCharsets.UTF_8));
    }

    @Test
    void everyOperationHasADescriptionAndAnExample() throws Exception {
        String doc = Files.readString(COMMITTED, StandardCharsets.UTF_8);
        assertThat(doc).contains("/api/v1/expressions/parse").contains("description:").contains("examples:")
                .contains("x^T A x");
    }

    /** A problem's `type` resolves: every row of the table is a page the service serves, and others are 404. */
    @Test
    void everyProblemTypeIsAPage() throws Exception {
        for (io.gradcheck.errors.ProblemType t : io.gradcheck.errors.ProblemType.values()) {
            HttpResponse<String> page = get(t.uri().toString());
            assertThat(page.statusCode()).as(t.slug()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                    .startsWith("text/html"));
            assertThat(page.body()).as(t.slug()).contains("HTTP " + t.status().value())
                    .contains(org.springframework.web.util.HtmlUtils.htmlEscape(t.title())).contains("When: ");
            assertThat(page.body()).as(t.slug()).doesNotContain("When: </p>");
        }
        assertThat(get("/problems/no-such-kind").statusCode()).isEqualTo(404);
    }

    @Test
    void swaggerUiIsServed() throws Exception {
        HttpResponse<String> ui = get("/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
    }
}
