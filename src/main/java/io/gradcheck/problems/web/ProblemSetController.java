package io.gradcheck.problems.web;

import io.gradcheck.check.CheckReport;
import io.gradcheck.errors.BadRequest;
import io.gradcheck.problems.Answers;
import io.gradcheck.problems.ImportReport;
import io.gradcheck.problems.ProblemSetDefinition;
import io.gradcheck.problems.ProblemSetDefinition.ProblemDefinition;
import io.gradcheck.problems.ProblemSetService;
import io.gradcheck.problems.ProblemSetService.SetInfo;
import io.gradcheck.problems.ProblemSetService.StoredProblem;
import io.gradcheck.problems.web.ProblemSetViews.AnswersRequest;
import io.gradcheck.problems.web.ProblemSetViews.PartView;
import io.gradcheck.problems.web.ProblemSetViews.ProblemSummary;
import io.gradcheck.problems.web.ProblemSetViews.ProblemView;
import io.gradcheck.problems.web.ProblemSetViews.SetPage;
import io.gradcheck.problems.web.ProblemSetViews.SetSummary;
import io.gradcheck.problems.web.ProblemSetViews.SetView;
import io.gradcheck.web.AnswerBounds;
import io.gradcheck.web.CheckAdmission;
import io.gradcheck.web.Paging;
import io.gradcheck.web.PracticeClosed;
import io.gradcheck.web.PracticeRateLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import java.time.Duration;
import org.springframework.http.CacheControl;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/problem-sets")
@Tag(name = "Problem sets", description = "The exercises of the lecture notes. Statements are open; references, "
        + "known wrong answers and errata need an instructor key (X-API-Key).")
class ProblemSetController {

    private static final int MAX_PAGE_SIZE = 100;

    private final ProblemSetService service;
    private final ImportReport importReport;
    private final CheckAdmission admission;
    private final PracticeRateLimit rateLimit;

    ProblemSetController(ProblemSetService service, ImportReport importReport,
            CheckAdmission admission, PracticeRateLimit rateLimit) {
        this.rateLimit = rateLimit;
        this.service = service;
        this.importReport = importReport;
        this.admission = admission;
    }

    @GetMapping
    @Operation(operationId = "listProblemSets", summary = "List problem sets (paged, by slug)",
            description = "Instructors also see the files the last start-up import could not load.")
    @SecurityRequirement(name = "apiKey")
    SetPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            HttpServletRequest request) {
        Paging.check(page, size, MAX_PAGE_SIZE);
        Page<SetInfo> sets = service.list(page, size);
        List<SetSummary> items = sets.getContent().stream().map(s -> new SetSummary(s.slug(), s.title(), s.source(),
                s.version(), s.problems().size())).toList();
        return new SetPage(items, page, size, sets.getTotalElements(), sets.getTotalPages(),
                isInstructor(request) ? importReport.errors() : null);
    }

    /** Who may call what is SecurityConfiguration's; this only decides how much an open answer shows. */
    private static boolean isInstructor(HttpServletRequest request) {
        return request.isUserInRole("INSTRUCTOR");
    }

    @GetMapping("/{slug}")
    @ApiResponse(responseCode = "200", description = "OK; ETag is the set's version",
            headers = @Header(name = "ETag", description = "the set's version, e.g. \"3\": send it as If-Match",
                    schema = @Schema(type = "string")))
    @Operation(operationId = "getProblemSet", summary = "One problem set and its problems; ETag is its version (If-Match of a PUT or DELETE)")
    ResponseEntity<SetView> get(@PathVariable String slug, HttpServletRequest request) {
        SetView v = view(service.get(slug));
        return open(ResponseEntity.ok().eTag(etag(v.version())), request).body(v);
    }

    @GetMapping("/{slug}/definition")
    @ApiResponse(responseCode = "200", description = "OK; ETag is the set's version",
            headers = @Header(name = "ETag", description = "the set's version, e.g. \"3\": send it as If-Match",
                    schema = @Schema(type = "string")))
    @Operation(operationId = "getProblemSetDefinition", summary = "The whole definition of a set, as PUT takes it (instructors)",
            description = "Every field of every problem (maxAttempts, transposedCredit, wrong answers, …): GET, edit, "
                    + "PUT with If-Match set to the ETag, and nothing is lost. ETag is the set's version.")
    @SecurityRequirement(name = "apiKey")
    ResponseEntity<ProblemSetDefinition> definition(@PathVariable String slug) {
        var d = service.definition(slug);
        return ResponseEntity.ok().eTag(etag(d.version())).body(d.definition());
    }

    /** An open read with no key may be cached by anyone for a minute; with a key, CacheHeaders made it private. */
    private static ResponseEntity.BodyBuilder open(ResponseEntity.BodyBuilder response, HttpServletRequest request) {
        return request.getHeader("X-API-Key") == null
                ? response.cacheControl(CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic()) : response;
    }

    static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** "3", W/"3" or 3 → 3; * → any; absent → null (the service answers 428 where it must exist). */
    static Integer ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String v = header.trim();
        if (v.equals("*")) {
            return ProblemSetService.ANY_VERSION;
        }
        v = v.startsWith("W/") ? v.substring(2) : v;
        v = v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new BadRequest("If-Match must be the set's ETag, a version such as \"3\" (or *)");
        }
    }

    private static SetView view(SetInfo set) {
        return new SetView(set.slug(), set.title(), set.source(), set.version(),
                set.problems().stream().map(p -> new ProblemSummary(p.key(), p.title(), p.maxScore())).toList());
    }

    @GetMapping("/{slug}/problems/{key}")
    @Operation(operationId = "getProblem", summary = "One problem: statement, variables, parts; references, wrong answers and errata for "
            + "instructors")
    @SecurityRequirement(name = "apiKey")
    ResponseEntity<ProblemView> problem(@PathVariable String slug, @PathVariable String key,
            HttpServletRequest request) {
        StoredProblem stored = service.problem(slug, key);
        boolean instructor = isInstructor(request);
        ProblemDefinition p = stored.definition();
        List<PartView> parts = p.parts().stream().map(part -> new PartView(part.wrt(),
                part.layout() == null ? null : part.layout(), part.order() == null ? 1 : part.order(),
                part.weight() == null ? 1 : part.weight(), instructor ? part.reference() : null,
                instructor ? part.hints() : null)).toList();
        // ETag: the problem's version (a problem view is read, never written back)
        return open(ResponseEntity.ok().eTag(etag(stored.version())), request).body(new ProblemView(p.key(), p.title(),
                p.statement(), p.variables(), p.function(), p.constraints(), parts, p.points(), p.tolerance(),
                stored.version(), instructor ? p.wrongAnswers() : null, instructor ? p.erratum() : null,
                p.maxScoreOrDefault(), p.source()));
    }

    @PostMapping("/{slug}/problems/{key}/check")
    @Operation(operationId = "checkProblem", summary = "Check answers to a problem with its own settings; nothing is stored",
            description = "Open to anyone when the set allows practice (403 when closed: by default for problems "
                    + "with maxAttempts), at a limited rate per client (429), with a random seed, and without the "
                    + "numbers of problems whose answer is a value. Instructors (X-API-Key) may always check, "
                    + "with a seed of their choice and the full evidence.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json", examples = {
                        @ExampleObject(name = "symmetric only", summary = "DS4420 quadratic: 2Ax",
                                value = "{\"answers\": {\"x\": \"2 A x\"}}"),
                        @ExampleObject(name = "single part", summary = "the same, as the only part",
                                value = "{\"answer\": \"(A + A^T) x\"}")})))
    CheckReport check(@PathVariable String slug, @PathVariable String key, @RequestBody AnswersRequest body,
            HttpServletRequest request) {
        // sizes first, as for submissions, so both endpoints refuse the same answer with the same type
        if (body.answers() != null) {
            AnswerBounds.check(body.answers());
        }
        if (body.answer() != null) {
            AnswerBounds.check("", body.answer());
        }
        StoredProblem stored = service.problem(slug, key);
        Map<String, Object> answers = answers(stored.definition(), body);
        if (isInstructor(request)) {
            return admission.admit(deadline -> service.check(stored, answers, body.seed(), deadline));
        }
        // an open practice check: the set allows it, at a bounded rate, with a seed of ours, revealing no number
        if (!stored.practiceOpen()) {
            throw new PracticeClosed("practice checks are closed for problem `" + key + "` of set `" + slug + "`"
                    + (stored.definition().maxAttempts() == null ? "" : " (it allows "
                    + stored.definition().maxAttempts() + " attempts)") + "; submit the answer instead");
        }
        rateLimit.take(request);
        CheckReport report = admission.admit(deadline -> service.check(stored, answers, null, deadline));
        return PracticeReports.forLearner(stored.definition(), report);
    }

    /** The same rule as submissions (problems/Answers). */
    static Map<String, Object> answers(ProblemDefinition p, AnswersRequest body) {
        return Answers.of(p, body.answers(), body.answer());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createProblemSet", summary = "Create a problem set (instructors)",
            description = "Validated like a file: every reference must pass its own check (else 422 with the reasons).")
    @SecurityRequirement(name = "apiKey")
    ResponseEntity<SetView> create(@RequestBody ProblemSetDefinition body) {
        SetInfo set = service.create(body);
        return ResponseEntity.created(URI.create("/api/v1/problem-sets/" + set.slug())).body(view(set));
    }

    @PutMapping("/{slug}")
    @Operation(operationId = "replaceProblemSet", summary = "Create or replace a problem set (instructors)")
    @SecurityRequirement(name = "apiKey")
    @ApiResponse(responseCode = "200", description = "Replaced or created; the ETag is the new version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SetView.class)),
            headers = @Header(name = "ETag", description = "the set's new version", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "412", description = "If-Match is not the current version (stale-version)")
    @ApiResponse(responseCode = "428", description = "Replacing an existing set without If-Match (version-required)")
    @ApiResponse(responseCode = "422", description = "The set fails validation (invalid-problem-set)")
    ResponseEntity<SetView> replace(@PathVariable String slug, @RequestBody ProblemSetDefinition body,
            @Parameter(description = "The set's ETag as read (GET …/definition); needed to replace an existing set "
                    + "(428 without it, 412 when the set changed since), not to create one; * for any version")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        SetView v = view(service.replace(slug, body, ifMatch(ifMatch)));
        return ResponseEntity.ok().eTag(etag(v.version())).body(v);
    }

    @DeleteMapping("/{slug}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteProblemSet", summary = "Delete a problem set (instructors)")
    @SecurityRequirement(name = "apiKey")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "409", description = "The set has submissions (set-in-use)")
    @ApiResponse(responseCode = "412", description = "If-Match is not the current version (stale-version)")
    @ApiResponse(responseCode = "428", description = "No If-Match (version-required)")
    ResponseEntity<Void> delete(@PathVariable String slug,
            @Parameter(description = "The set's ETag as read: needed (428 without it, 412 when the set changed "
                    + "since); * for any version") @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
            String ifMatch) {
        service.delete(slug, ifMatch(ifMatch));
        return ResponseEntity.noContent().build();
    }
}
