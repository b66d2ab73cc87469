package io.gradcheck.expressions;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;

@Schema(description = "An expression and the variables it may use.")
record ParseRequest(
        @NotNull
        @Schema(description = "The expression, in the notation of the lecture notes (see the README).",
                example = "x^T A x", requiredMode = Schema.RequiredMode.REQUIRED)
        String expression,
        @Schema(description = "Declared variables by name. Shape [] is a scalar (the default), [n] a column "
                + "vector, [m, n] a matrix.")
        Map<String, Variable> variables) {

    @Schema(description = "A declared variable.")
    record Variable(
            @Schema(description = "[] scalar, [n] vector, [m, n] matrix", example = "[3]")
            List<Integer> shape) {
    }
}
