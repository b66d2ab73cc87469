package io.gradcheck.expressions;

import io.gradcheck.check.CheckRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.util.Map;

@Schema(description = "An expression and the variables it may use.")
record ParseRequest(
        @NotNull
        @Schema(description = "The expression, in the plain notation of the lecture notes or in LaTeX (see the "
                + "README and docs/expression-language.md).", example = "x^T A x",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String expression,
        @Schema(description = "Declared variables by name, exactly as a check declares them: shape ([] a scalar, "
                + "the default; [n] a column vector; [m, n] a matrix) and, accepted so that a problem's "
                + "declarations can be previewed as they stand, value, domain, symmetric, positiveDefinite and "
                + "invertible (they do not change how the expression is read).")
        Map<String, CheckRequest.VariableSpec> variables,
        @Schema(description = "\"latex\" or \"text\"; left out, a text with a backslash command is read as LaTeX "
                + "and anything else as the plain notation.", example = "latex", allowableValues = {"latex", "text"})
        String notation) {
}
