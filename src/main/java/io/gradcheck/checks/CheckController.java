package io.gradcheck.checks;

import io.gradcheck.GradcheckProperties;
import io.gradcheck.check.CheckReport;
import io.gradcheck.check.CheckRequest;
import io.gradcheck.check.Checker;
import io.gradcheck.web.CheckAdmission;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/checks")
@Tag(name = "Checks", description = "Check a proposed derivative at random points")
class CheckController {

    private final Checker checker;
    private final MeterRegistry meters;
    private final CheckAdmission admission;
    private final RequestBounds bounds;

    /** The configured checker; the engine's defaults in a web slice test that has no core beans. */
    CheckController(ObjectProvider<Checker> checker, ObjectProvider<MeterRegistry> meters, CheckAdmission admission,
            ObjectProvider<GradcheckProperties> properties) {
        this.checker = checker.getIfAvailable(Checker::new);
        this.bounds = properties.getIfAvailable() == null ? RequestBounds.STANDARD
                : RequestBounds.of(properties.getIfAvailable());
        this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
        this.admission = admission;
    }

    @PostMapping(consumes = "application/json", produces = "application/json")
    @Operation(operationId = "checkDerivative", summary = "Check a derivative: correct, incorrect (and how), invalid or inconclusive",
            description = CheckDocs.DESCRIPTION,
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json",
                    examples = {
                        @ExampleObject(name = "correct", summary = "d/dx xᵀAx = (A + Aᵀ)x (DS4420 Lecture 2, eq. 9)",
                                value = CheckDocs.CORRECT),
                        @ExampleObject(name = "symmetric only", summary = "2Ax is right only for symmetric A",
                                value = CheckDocs.SYMMETRIC_ONLY),
                        @ExampleObject(name = "entry by entry", summary = "∇(x1² − ln x2 + e^(−x3)) written out, "
                                + "one entry wrong (DS4420 Lecture 2, consolidate)", value = CheckDocs.ENTRY_WISE),
                        @ExampleObject(name = "Hessian", summary = "Hessian of ½‖Ax − b‖² is AᵀA "
                                + "(10-606 matrix differentials)", value = CheckDocs.HESSIAN)
                    })))
    @ApiResponse(responseCode = "200", description = "The request was well formed; the verdict is in the body",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CheckReport.class),
                    examples = @ExampleObject(name = "symmetric only",
                            summary = "2Ax for xᵀAx: the first of the 8 points shown",
                    value = CheckDocs.SYMMETRIC_ONLY_RESPONSE)))
    @ApiResponse(responseCode = "400", description = "The function, a declaration or the request cannot be used",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "Too many checks at once: retry after Retry-After seconds",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "The question itself has no answer here (an empty domain, "
            + "constraints no point satisfies): the author's error, not the learner's",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    CheckReport check(@RequestBody CheckRequest request) {
        long start = System.nanoTime();
        String outcome = "error";
        try {
            bounds.check(request);
            CheckReport report = admission.admit(deadline -> checker.check(request, deadline));
            outcome = report.verdict().text();
            return report;
        } finally {
            // latency and outcome of every check: gradcheck.checks{verdict=correct|incorrect|invalid|inconclusive|error}
            Timer.builder("gradcheck.checks").description("POST /api/v1/checks").tag("verdict", outcome)
                    .register(meters).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }
}
