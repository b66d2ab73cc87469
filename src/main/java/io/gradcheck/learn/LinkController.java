package io.gradcheck.learn;

import io.gradcheck.errors.BadRequest;
import io.gradcheck.problems.ProblemSetService;
import io.gradcheck.submissions.SubmissionService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.ProblemDetail;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Instructors make learner links: a signed, expiring token for one learner and one set, as a page URL. */
@RestController
@Tag(name = "Learner page", description = "What the learner page calls: answers and plots")
@SecurityRequirement(name = "apiKey")
class LinkController {

    static final Duration LONGEST = Duration.ofDays(366);

    private final LearnerTokens tokens;
    private final ProblemSetService problems;
    private final Clock clock;

    LinkController(LearnerTokens tokens, ProblemSetService problems, ObjectProvider<Clock> clock) {
        this.tokens = tokens;
        this.problems = problems;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Schema(description = "Who the link is for, until when, and optionally one problem to open")
    record LinkRequest(
            @Schema(description = "the learner (opaque, as the LMS names them)", example = "canvas:12345",
                    requiredMode = Schema.RequiredMode.REQUIRED) String learnerId,
            @Schema(description = "when the link stops working (at most a year ahead)",
                    example = "2026-12-20T23:59:00Z", requiredMode = Schema.RequiredMode.REQUIRED) Instant expiresAt,
            @Schema(description = "a problem key: the link opens that problem instead of the set") String problem) {
    }

    record LinkResponse(String url, String token, String learnerId, String set, Instant expiresAt) {
    }

    @PostMapping(path = "/api/v1/problem-sets/{slug}/links", consumes = "application/json",
            produces = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createLearnerLink", summary = "Make a learner link (instructors)",
            description = "Returns the URL of the learner page with a signed token naming this learner and this set, "
                    + "valid until expiresAt. Whoever holds the link answers as that learner: send it to them only.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json", examples = @ExampleObject(name = "a week",
                            value = "{\"learnerId\": \"canvas:12345\", \"expiresAt\": \"2026-12-20T23:59:00Z\"}"))))
    @ApiResponse(responseCode = "201", description = "The link; Location is the same URL")
    @ApiResponse(responseCode = "400", description = "A learnerId that submissions would refuse, or an expiry not in "
            + "the next 366 days", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "401", description = "No instructor key", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "A key that is not an instructor's", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such set or problem", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<LinkResponse> create(@PathVariable String slug, @RequestBody LinkRequest body,
            HttpServletRequest request) {
        // refused here, before a link exists, rather than at the learner's first submission
        if (!SubmissionService.isLearnerId(body.learnerId())) {
            throw new BadRequest(SubmissionService.LEARNER_ID_RULE);
        }
        Instant now = clock.instant();
        if (body.expiresAt() == null || !body.expiresAt().isAfter(now)
                || body.expiresAt().isAfter(now.plus(LONGEST))) {
            throw new BadRequest("expiresAt must be an instant in the next "
                    + LONGEST.toDays() + " days, such as " + now.plus(Duration.ofDays(7)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        }
        problems.get(slug); // 404 for an unknown set
        String path = "/learn/" + slug;
        if (body.problem() != null) {
            problems.problem(slug, body.problem()); // 404 for an unknown problem
            path += "/" + body.problem();
        }
        String token = tokens.issue(body.learnerId(), slug, Duration.between(now, body.expiresAt()));
        URI url = ServletUriComponentsBuilder.fromCurrentContextPath().path(path).queryParam("token", token)
                .build().encode().toUri();
        return ResponseEntity.created(url).cacheControl(CacheControl.noStore().cachePrivate())
                .body(new LinkResponse(url.toString(), token, body.learnerId(), slug, body.expiresAt()));
    }
}
