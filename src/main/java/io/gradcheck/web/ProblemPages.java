package io.gradcheck.web;

import io.gradcheck.errors.NotFound;
import io.gradcheck.errors.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Every problem `type` URI resolves: GET /problems/{slug} is a page saying what the kind means and what to do,
 * taken from docs/errors.md (packaged with the service) and the table's status and title.
 */
@RestController
@Tag(name = "Errors", description = "What each problem type means")
class ProblemPages {

    /** slug → the "when" column of docs/errors.md. */
    private final Map<String, String> when;

    ProblemPages() {
        this.when = rows(read());
    }

    static Map<String, String> rows(String markdown) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : markdown.split("\n")) {
            if (line.startsWith("| `/problems/")) {
                String[] cells = line.split(" \\| ", 3);
                String slug = cells[0].substring("| `/problems/".length(), cells[0].length() - 1);
                String text = cells[2].endsWith(" |") ? cells[2].substring(0, cells[2].length() - 2) : cells[2];
                rows.put(slug, text);
            }
        }
        return rows;
    }

    private static String read() {
        try (InputStream in = new ClassPathResource("docs/errors.md").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("docs/errors.md is packaged with the service (pom.xml resources)", e);
        }
    }

    @GetMapping("/problems/{slug}")
    @Operation(operationId = "problemTypePage", summary = "The page of a problem type: what it means and what to do")
    // a page, not JSON: documented as bytes so that a generated client hands it over as it is
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "An HTML page",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/html",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
    ResponseEntity<String> page(@PathVariable String slug) {
        ProblemType type = java.util.Arrays.stream(ProblemType.values()).filter(t -> t.slug().equals(slug))
                .findFirst().orElseThrow(() -> new NotFound("there is no problem type `" + slug
                        + "`; every type is listed in docs/errors.md"));
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + HtmlUtils.htmlEscape(type.title()) + "</title></head><body><h1>"
                + HtmlUtils.htmlEscape(type.title()) + "</h1><p>HTTP " + type.status().value() + ", type <code>"
                + HtmlUtils.htmlEscape(type.uri().toString()) + "</code></p><p>When: "
                + HtmlUtils.htmlEscape(when.getOrDefault(slug, "")).replaceAll("`([^`]*)`", "<code>$1</code>")
                + "</p><p>Every error is RFC 9457 application/problem+json; its <code>detail</code> says what "
                + "went wrong this time.</p></body></html>";
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .contentType(MediaType.TEXT_HTML).body(html);
    }
}
