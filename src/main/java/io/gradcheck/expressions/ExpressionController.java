package io.gradcheck.expressions;

import io.gradcheck.check.CheckRequest;
import io.gradcheck.expr.parse.Declarations;
import io.gradcheck.expr.Limits;
import io.gradcheck.expr.parse.InputNotation;
import io.gradcheck.expr.parse.MatrixAnswer;
import io.gradcheck.expr.parse.ParsedExpression;
import io.gradcheck.expr.parse.Parser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/expressions")
@Tag(name = "Expressions", description = "Read expressions in the notation of the lecture notes")
class ExpressionController {

    /** As many entries as an entry-wise answer of a check may have. */
    private static final int MAX_MATRIX_ENTRIES = 100_000;

    private final Limits limits;

    /** The configured limits; the engine's defaults in a web slice test that has no core beans. */
    ExpressionController(ObjectProvider<Limits> limits) {
        this.limits = limits.getIfAvailable(() -> Limits.DEFAULT);
    }

    @PostMapping(path = "/parse", consumes = "application/json", produces = "application/json")
    @Operation(operationId = "parseExpression", summary = "Read one expression against declared variables",
            description = "Returns the shape of the expression, its canonical text and its LaTeX, so that a caller "
                    + "can show \"we read your answer as …\", and the notation it was read in. The expression may "
                    + "be plain text or LaTeX (a backslash command makes it LaTeX; `notation` overrides the guess), "
                    + "and the variables take every declaration field a check takes. A whole LaTeX matrix (\\begin{bmatrix} "
                    + "a & b \\\\ c & d \\end{bmatrix}, pmatrix) is read entry by entry as a check reads it; an "
                    + "error in an entry names the entry, and its position is in the whole text. "
                    + "An expression that cannot be read is a 400 "
                    + "problem+json whose `detail` says what is wrong and whose `position` (1-based) says where.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json",
                    examples = {
                        @ExampleObject(name = "quadratic form", summary = "x^T A x (DS4420 Lecture 2, functions of ML algorithms: quadratic)",
                                value = "{\"expression\": \"x^T A x\", \"variables\": {\"x\": {\"shape\": [3]}, "
                                        + "\"A\": {\"shape\": [3, 3]}}}"),
                        @ExampleObject(name = "its gradient", summary = "(A + A^T) x (DS4420 Lecture 2, eq. 9)",
                                value = "{\"expression\": \"(A + A^T) x\", \"variables\": {\"x\": {\"shape\": [3]}, "
                                        + "\"A\": {\"shape\": [3, 3]}}}"),
                        @ExampleObject(name = "logistic gradient", summary = "sigmoid(w^T x)(1 - sigmoid(w^T x)) x (DS4420 Lecture 2, logistic regression objective)",
                                value = "{\"expression\": \"sigmoid(w^T x)(1 - sigmoid(w^T x)) x\", \"variables\": "
                                        + "{\"w\": {\"shape\": [3]}, \"x\": {\"shape\": [3]}}}"),
                        @ExampleObject(name = "partial derivatives", summary = "x1^2 - ln(x2) + e^(-x3) (DS4420 Lecture 2, consolidate exercise)",
                                value = "{\"expression\": \"x1^2 - ln(x2) + e^(-x3)\", \"variables\": "
                                        + "{\"x\": {\"shape\": [3]}}}"),
                        @ExampleObject(name = "LaTeX", summary = "\\frac{1}{2}\\left\\lVert Ax - b\\right\\rVert^2 "
                                + "as a math field sends it", value = "{\"expression\": \"\\\\frac{1}{2}\\\\left\\\\lVert "
                                + "A x - b\\\\right\\\\rVert^{2}\", \"variables\": {\"A\": {\"shape\": [3, 2]}, "
                                + "\"x\": {\"shape\": [2]}, \"b\": {\"shape\": [3]}}}"),
                        @ExampleObject(name = "shape error", summary = "x^T y with x ∈ R³, y ∈ R² (a 400)",
                                value = "{\"expression\": \"x^T y\", \"variables\": {\"x\": {\"shape\": [3]}, "
                                        + "\"y\": {\"shape\": [2]}}}")
                    })))
    @ApiResponse(responseCode = "200", description = "The expression was read")
    @ApiResponse(responseCode = "400", description = "The expression or a declaration cannot be read",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = "{\"type\": \"/problems/shape-mismatch\", \"title\": "
                            + "\"Shapes do not fit\", \"status\": 400, \"detail\": \"cannot multiply x^T (1×3) by "
                            + "y (2×1): the inner sizes 3 and 2 differ\", \"position\": 1}")))
    ParseResponse parse(@Valid @RequestBody ParseRequest request) {
        Declarations declarations = declarations(request.variables(), limits);
        InputNotation notation = InputNotation.of(request.notation());
        if (notation != InputNotation.TEXT && MatrixAnswer.isMatrix(request.expression())) {
            // a whole \begin{bmatrix} … \end{bmatrix}, as a math field sends an entry-wise answer: read as a check
            // reads it, so the learner page's preview shows it (and an error's position in the whole text)
            MatrixAnswer.Read m = MatrixAnswer.read(request.expression(), declarations, limits, notation,
                    MAX_MATRIX_ENTRIES);
            return new ParseResponse(m.shape().dims(), m.canonical(), m.latex(), InputNotation.LATEX.id());
        }
        ParsedExpression parsed = Parser.parse(request.expression(), declarations, limits, notation);
        return new ParseResponse(parsed.shape().dims(), parsed.canonical(), parsed.latex(), parsed.notation().id());
    }

    static Declarations declarations(Map<String, CheckRequest.VariableSpec> variables, Limits limits) {
        Map<String, List<Integer>> dims = new LinkedHashMap<>();
        if (variables != null) {
            variables.forEach((name, v) -> dims.put(name, v == null ? null : v.shape()));
        }
        return Declarations.fromDims(dims, limits);
    }
}
