package io.gradcheck.learn;

import io.gradcheck.plot.DerivativePlot;
import io.gradcheck.plot.PlotException;
import io.gradcheck.plot.SvgPlot;
import io.gradcheck.problems.ProblemSetDefinition.PartDefinition;
import io.gradcheck.problems.ProblemSetDefinition.ProblemDefinition;
import io.gradcheck.web.ProblemTypes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The learner page's requests: answering (graded and stored with a learner token, only checked without one) and
 * the plot of an answer against the derivative. The token comes in the X-Learner-Token header, never a cookie.
 */
@RestController
@Tag(name = "Learner page", description = "What the learner page calls: answers and plots")
class LearnApiController {

    private final LearnService service;
    private final LearnerAccess access;
    private final JsonMapper json;

    LearnApiController(LearnService service, LearnerAccess access, JsonMapper json) {
        this.service = service;
        this.access = access;
        this.json = json;
    }

    /** The answers by wrt: one expression each, or a list of entries (of rows). */
    record AnswerRequest(Map<String, Object> answers) {
    }

    @PostMapping(path = "/learn/api/{set}/{problem}/answers", consumes = "application/json",
            produces = "application/json")
    @Operation(operationId = "answerFromLearnerPage", summary = "Answer a problem from the learner page",
            description = "With a learner token (X-Learner-Token) the answer is graded and stored as a submission "
                    + "of the learner the token names, and the learner's history comes back; without one it is "
                    + "practice: checked, nothing stored. An empty part is refused (400) and uses no attempt.")
    @ApiResponse(responseCode = "200", description = "The verdict, score, feedback per part and attempts")
    @ApiResponse(responseCode = "400", description = "A part left empty, or an unknown part",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "The learner token is expired, tampered with or for another set",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such set or problem",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "No attempts left",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<LearnService.Result> answer(@PathVariable String set, @PathVariable String problem,
            @RequestBody AnswerRequest body,
            @RequestHeader(name = LearnerAccess.HEADER, required = false) String token,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        LearnerToken learner = access.resolve(token, set).orElse(null);
        Map<String, Object> answers = body.answers() == null ? Map.of() : new HashMap<>(body.answers());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore().cachePrivate())
                .body(service.answer(set, problem, learner, answers, idempotencyKey));
    }

    @GetMapping(path = "/learn/api/{set}/{problem}/plot", produces = "image/svg+xml")
    @Operation(operationId = "plotAnswer", summary = "Plot an answer against the derivative (SVG)",
            description = "For f of one scalar: f′ and the answer over the variable's domain. Otherwise along a "
                    + "random line through a sample point x₀ in direction v: t ↦ D_v f(x₀ + t v) and the answer "
                    + "contracted with v (vᵀHw for a Hessian; a vector-valued f weighted by a random u). The seed "
                    + "fixes the point and the line; give the submission's seed to draw what was graded. A right "
                    + "answer draws one line twice; a wrong one two lines. Open to any client, token or not.")
    @ApiResponse(responseCode = "200", description = "An SVG document with a title, axis labels and both curves",
            content = @Content(mediaType = "image/svg+xml", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "No such set, problem or part",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "No plot for this answer: unreadable, of another shape, or a "
            + "derivative at one given point", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<String> plot(@PathVariable String set, @PathVariable String problem,
            @Parameter(description = "the part: the variable differentiated with respect to", example = "x")
            @RequestParam String wrt,
            @Parameter(description = "the answer: an expression, or a JSON array of entries", example = "2 A x")
            @RequestParam String answer,
            @Parameter(description = "fixes the point and the direction", example = "42")
            @RequestParam(defaultValue = "0") long seed) {
        ProblemDefinition p = service.problem(set, problem).definition();
        PartDefinition part = p.part(wrt);
        if (part == null) {
            throw new io.gradcheck.errors.NotFound("problem `" + problem + "` has no part for `" + wrt + "`");
        }
        var curves = DerivativePlot.compute(new DerivativePlot.Request(p.function(), p.variables(), wrt,
                part.layout(), part.order(), answerValue(answer), seed));
        return ResponseEntity.ok().cacheControl(CacheControl.noCache().cachePrivate())
                .header("Content-Type", "image/svg+xml").body(SvgPlot.draw(curves));
    }

    private Object answerValue(String answer) {
        if (!answer.trim().startsWith("[")) {
            return answer;
        }
        try {
            return json.readValue(answer, new TypeReference<List<Object>>() { });
        } catch (JacksonException e) {
            throw new PlotException("an entry-wise answer must be a JSON array such as [\"2 x1\", \"0\"]");
        }
    }

    @ExceptionHandler(LearnerTokenRefused.class)
    ResponseEntity<ProblemDetail> refused(LearnerTokenRefused e) {
        return problem(HttpStatus.FORBIDDEN, "learner-token-refused", "The learner link does not open this page",
                e.getMessage());
    }

    @ExceptionHandler(LearnService.MissingAnswer.class)
    ResponseEntity<ProblemDetail> missing(LearnService.MissingAnswer e) {
        return problem(HttpStatus.BAD_REQUEST, "missing-answer", "An answer is missing", e.getMessage());
    }

    @ExceptionHandler(PlotException.class)
    ResponseEntity<ProblemDetail> noPlot(PlotException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "no-plot", "No plot for this answer", e.getMessage());
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(ProblemTypes.of(type));
        p.setTitle(title);
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(p);
    }
}
