package io.gradcheck.insights.web;

import io.gradcheck.errors.BadRequest;
import io.gradcheck.insights.InsightLinks;
import io.gradcheck.insights.Insights;
import io.gradcheck.insights.InsightsService;
import io.gradcheck.problems.ProblemSetService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Insights", description = "What the class gets wrong: diagnoses and frequent wrong answers (instructors)")
@SecurityRequirement(name = "apiKey")
class InsightsController {

    static final int MAX_LINK_HOURS = 168;
    // the problem+json body of each 4xx is added to every operation by web/ProblemResponses

    private final InsightsService insights;
    private final InsightLinks links;
    private final ProblemSetService problems;

    InsightsController(InsightsService insights, InsightLinks links, ProblemSetService problems) {
        this.insights = insights;
        this.links = links;
        this.problems = problems;
    }

    @GetMapping(path = "/api/v1/problem-sets/{slug}/insights", produces = "application/json")
    @Operation(operationId = "getInsights", summary = "What the class gets wrong, per problem and part (instructors)",
            description = "Learners who tried, submissions, the share right at the first attempt and eventually, the "
                    + "median attempts to the first correct answer, the diagnosis kinds of answers that were not "
                    + "correct (with the constants of scaled answers and the entries of partially correct ones), and "
                    + "the most frequent such answers grouped by their canonical reading, so that 2Ax, 2 A x and "
                    + "2*A*x count as one. Optionally within a window of submission times [since, until).",
            responses = {
                @ApiResponse(responseCode = "200", description = "The insights of the set"),
                @ApiResponse(responseCode = "400", description = "since, until or top cannot be used"),
                @ApiResponse(responseCode = "401", description = "No instructor key"),
                @ApiResponse(responseCode = "403", description = "Not an instructor's key"),
                @ApiResponse(responseCode = "404", description = "No such problem set")})
    ResponseEntity<Insights> insights(@PathVariable String slug,
            @Parameter(description = "ISO-8601 instant, inclusive", example = "2026-11-01T00:00:00Z")
            @RequestParam(required = false) String since,
            @Parameter(description = "ISO-8601 instant, exclusive", example = "2026-11-22T00:00:00Z")
            @RequestParam(required = false) String until,
            @Parameter(description = "How many wrong answers (and variants per kind) to list per part, 1 to "
                    + InsightsService.MAX_TOP) @RequestParam(defaultValue = "5") int top,
            HttpServletRequest request) {
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(insights.of(slug, instant("since", since), instant("until", until), top));
    }

    @Schema(description = "A link to the set's insights page that works in a browser without the API key")
    record InsightsLink(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
            example = "/instructor/problem-sets/ds4420-lecture-2/insights?token=aW5z…") String url,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant expiresAt) {
    }

    @PostMapping("/api/v1/problem-sets/{slug}/insights/links")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createInsightsLink", summary = "Make a signed, expiring link to the set's insights page (instructors)",
            description = "Browsers cannot send the X-API-Key header; the link carries a token that opens only this "
                    + "set's insights page, until it expires. Treat it as a password: anyone holding it can read the "
                    + "page.",
            responses = {
                @ApiResponse(responseCode = "201", description = "The link, also in Location"),
                @ApiResponse(responseCode = "400", description = "hours out of range"),
                @ApiResponse(responseCode = "401", description = "No instructor key"),
                @ApiResponse(responseCode = "403", description = "Not an instructor's key"),
                @ApiResponse(responseCode = "404", description = "No such problem set")})
    ResponseEntity<InsightsLink> link(@PathVariable String slug,
            @Parameter(description = "How long the link works, 1 to " + MAX_LINK_HOURS + " hours")
            @RequestParam(defaultValue = "12") int hours, HttpServletRequest request) {
        if (hours < 1 || hours > MAX_LINK_HOURS) {
            throw new BadRequest("hours must be from 1 to " + MAX_LINK_HOURS);
        }
        problems.get(slug);
        InsightLinks.Issued issued = links.issue(slug, Duration.ofHours(hours));
        String url = InsightsPage.path(slug) + "?token=" + issued.token();
        return ResponseEntity.created(URI.create(url)).header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(new InsightsLink(url, issued.expiresAt()));
    }

    static Instant instant(String name, String value) {
        try {
            return value == null || value.isBlank() ? null : Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequest(
                    name + " must be an ISO-8601 instant such as 2026-11-22T00:00:00Z");
        }
    }
}
