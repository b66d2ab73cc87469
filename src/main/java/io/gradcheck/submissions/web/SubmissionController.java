package io.gradcheck.submissions.web;

import io.gradcheck.errors.BadRequest;
import io.gradcheck.problems.ProblemSetService;
import io.gradcheck.submissions.GradeBook;
import io.gradcheck.submissions.SubmissionService;
import io.gradcheck.submissions.SubmissionService.GradeRow;
import io.gradcheck.submissions.SubmissionService.View;
import io.gradcheck.web.AnswerBounds;
import io.gradcheck.web.CheckAdmission;
import io.gradcheck.web.Paging;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
@Tag(name = "Submissions", description = "Learners' answers, graded and stored exactly once; the grade book")
@SecurityRequirement(name = "apiKey")
class SubmissionController {

    private static final int MAX_PAGE_SIZE = 100;

    private final SubmissionService service;
    private final CheckAdmission admission;
    private final GradeBook gradeBook;
    private final ProblemSetService problemSets;
    private final JsonMapper json;

    SubmissionController(SubmissionService service, CheckAdmission admission, GradeBook gradeBook,
            ProblemSetService problemSets, JsonMapper json) {
        this.service = service;
        this.admission = admission;
        this.gradeBook = gradeBook;
        this.problemSets = problemSets;
        this.json = json;
    }

    /** The body of a submission: the learner and the answers by wrt (or {@code answer} for one part). */
    record SubmitRequest(String learnerId, Map<String, Object> answers, Object answer) {
    }

    record SubmissionPage(List<View> items, int page, int size, long totalItems, int totalPages) {
    }

    @PostMapping("/api/v1/problem-sets/{slug}/problems/{key}/submissions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "submitAnswer", summary = "Submit a learner's answer (LMS or instructor key)",
            description = "Grades with the problem's own settings and a fresh seed, stores the submission and returns "
                    + "it with 201 once the row is committed. A retry with the same Idempotency-Key returns the first "
                    + "result and stores nothing. An unreadable answer is stored too, scored 0.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json", examples = @ExampleObject(name = "quadratic",
                            summary = "DS4420 Lecture 2, quadratic: a learner answers 2Ax",
                            value = "{\"learnerId\": \"canvas:12345\", \"answers\": {\"x\": \"2 A x\"}}"))))
    ResponseEntity<View> submit(@PathVariable String slug, @PathVariable String key, @RequestBody SubmitRequest body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        // the service applies the one answers rule (problems/Answers): "" is the lone answer
        Map<String, Object> answers = new HashMap<>(body.answers() == null ? Map.of() : body.answers());
        if (body.answer() != null) {
            if (answers.containsKey("")) {
                throw new BadRequest("give the answer once: as `answer`, or under its part's wrt in `answers`");
            }
            answers.put("", body.answer());
        }
        AnswerBounds.check(answers);
        View v = admission.admit(deadline -> service.submit(slug, key, body.learnerId(), answers,
                idempotencyKey, deadline));
        return ResponseEntity.created(URI.create("/api/v1/submissions/" + v.id())).body(v);
    }

    @GetMapping("/api/v1/submissions/{id}")
    @Operation(operationId = "getSubmission", summary = "One submission, with its earlier gradings if it was regraded")
    View get(@PathVariable long id) {
        return service.get(id);
    }

    @GetMapping("/api/v1/submissions")
    @Operation(operationId = "searchSubmissions", summary = "Submissions, newest first, filtered by learner, set, problem and time (paged)")
    SubmissionPage search(@RequestParam(required = false) String learnerId, @RequestParam(required = false) String set,
            @RequestParam(required = false) String problem, @RequestParam(required = false) String since,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size, MAX_PAGE_SIZE);
        Page<View> found = service.search(learnerId, set, problem, instant(since), page, size);
        return new SubmissionPage(found.getContent(), page, size, found.getTotalElements(), found.getTotalPages());
    }

    private static Instant instant(String since) {
        try {
            return since == null ? null : Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new BadRequest("since must be an ISO-8601 instant such as 2026-11-22T00:00:00Z");
        }
    }

    @GetMapping(path = "/api/v1/problem-sets/{slug}/grades", produces = "application/json")
    @Operation(operationId = "gradeBook", summary = "The grade book: one row per learner and problem (JSON; CSV: gradeBookCsv)",
            description = "Aggregated by the database and streamed row by row, whatever the number of submissions.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            array = @ArraySchema(schema = @Schema(implementation = GradeRow.class))))
    void grades(@PathVariable String slug, HttpServletResponse response)
            throws IOException {
        problemSets.get(slug);
        response.setContentType("application/json");
        response.setCharacterEncoding("utf-8");
        Writer out = response.getWriter();
        out.write('[');
        boolean[] first = {true};
        gradeBook.stream(slug, r -> {
            write(out, (first[0] ? "" : ",") + json.writeValueAsString(r));
            first[0] = false;
        });
        out.write(']');
    }

    @GetMapping(path = "/api/v1/problem-sets/{slug}/grades.csv", produces = "text/csv")
    @Operation(operationId = "gradeBookCsv", summary = "The grade book as CSV: long (one row per learner and problem) "
            + "or gradebook (one row per learner, one column per problem, points)",
            description = "RFC 4180, UTF-8, numbers with a dot, learner ids as given. `form=long` (the default) has "
                    + "the JSON grade book's columns: learner_id, problem, attempts, best_score, latest_score, "
                    + "latest_at, max_score, points. `form=gradebook` is what a gradebook imports: learner_id, one "
                    + "column per problem of the set (its key) holding the points (best score × maxScore; empty "
                    + "where nothing was submitted), then total. The same as GET …/grades with Accept: text/csv. "
                    + "Streamed from the database, whatever the number of submissions.")
    @ApiResponse(responseCode = "200", description = "The CSV (Content-Disposition names a file)",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
    void gradeBookCsv(@PathVariable String slug,
            @Parameter(description = "long (default) or gradebook", schema = @Schema(allowableValues = {"long",
                    "gradebook"}, defaultValue = "long")) @RequestParam(defaultValue = "long") String form,
            HttpServletResponse response) throws IOException {
        GradeBookCsv.Form f = GradeBookCsv.Form.of(form);
        var set = problemSets.get(slug);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + slug
                + (f == GradeBookCsv.Form.GRADEBOOK ? "-gradebook" : "-grades") + ".csv\"");
        response.setContentType("text/csv; charset=utf-8");
        Writer out = response.getWriter();
        if (f == GradeBookCsv.Form.GRADEBOOK) {
            GradeBookCsv.writeGradebook(set.problems(), sink -> gradeBook.streamByLearner(slug, sink), out);
        } else {
            GradeBookCsv.writeLong(sink -> gradeBook.stream(slug, sink), out);
        }
    }

    /** What callers of …/grades with Accept: text/csv have always had; documented once, as gradeBookCsv. */
    @Hidden
    @GetMapping(path = "/api/v1/problem-sets/{slug}/grades", produces = "text/csv")
    void gradesCsv(@PathVariable String slug, @RequestParam(defaultValue = "long") String form,
            HttpServletResponse response) throws IOException {
        gradeBookCsv(slug, form, response);
    }

    private static void write(Writer out, String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);  // the client left: the query stops with it
        }
    }

    @PostMapping("/api/v1/problem-sets/{slug}/problems/{key}/regrade")
    @Operation(operationId = "regradeProblem", summary = "Regrade every stored submission of a problem after it was corrected (instructors)",
            description = "Each submission keeps its earlier result in its history (GET /api/v1/submissions/{id}).")
    Regraded regrade(@PathVariable String slug, @PathVariable String key) {
        return new Regraded(service.regrade(slug, key));
    }

    /** @param regraded how many stored submissions were graded again */
    record Regraded(int regraded) {
    }
}
