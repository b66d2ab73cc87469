package io.gradcheck.insights.web;

import io.gradcheck.insights.InsightLinks;
import io.gradcheck.insights.InsightsService;
import io.gradcheck.web.ProblemTypes;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The insights page for instructors in a browser. A browser cannot send the API key, so the page is opened by
 * a signed, expiring link (POST /api/v1/problem-sets/{slug}/insights/links); the token opens this set only.
 */
@RestController
@Hidden
class InsightsPage {

    private final InsightsService insights;
    private final InsightLinks links;

    InsightsPage(InsightsService insights, InsightLinks links) {
        this.insights = insights;
        this.links = links;
    }

    static String path(String slug) {
        return InsightLinks.pagePath(slug);
    }

    @GetMapping(path = "/instructor/problem-sets/{slug}/insights", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String slug, @RequestParam(required = false) String token,
            @RequestParam(required = false) String since, @RequestParam(required = false) String until) {
        if (token == null || token.isBlank()) {
            throw new LinkRefused(true, "this page opens from an instructor link: make one with POST "
                    + "/api/v1/problem-sets/" + slug + "/insights/links and the instructor key");
        }
        String set = links.verify(token).orElseThrow(() -> new LinkRefused(false,
                "this link is not valid or has expired: make a new one with POST /api/v1/problem-sets/" + slug
                        + "/insights/links"));
        if (!set.equals(slug)) {
            throw new LinkRefused(false, "this link opens the insights of `" + set + "`, not of `" + slug + "`");
        }
        var found = insights.of(slug, instant("since", since), instant("until", until), 5);
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                // the token is in the URL: never send it on to another site
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(InsightsHtml.page(found, token, since == null ? "" : since, until == null ? "" : until));
    }

    /** The form sends a local date and time without a zone (read as UTC); the API's ISO instants work too. */
    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return InsightsController.instant(name, value);
        }
    }

    /** 401 without a link token, 403 with one that does not open this page. */
    static final class LinkRefused extends RuntimeException {
        final boolean unauthenticated;

        LinkRefused(boolean unauthenticated, String message) {
            super(message, null, false, false);
            this.unauthenticated = unauthenticated;
        }
    }

    @ExceptionHandler(LinkRefused.class)
    ResponseEntity<ProblemDetail> refused(LinkRefused e) {
        HttpStatus status = e.unauthenticated ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN;
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        p.setType(ProblemTypes.of(e.unauthenticated ? "unauthenticated" : "forbidden"));
        p.setTitle(e.unauthenticated ? "An instructor link is needed" : "Not allowed");
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
