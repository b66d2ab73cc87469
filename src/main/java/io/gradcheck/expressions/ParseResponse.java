package io.gradcheck.expressions;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "How the service read the expression.")
record ParseResponse(
        @Schema(description = "Shape of the value: [] scalar, [n] vector, [m, n] matrix", example = "[]")
        List<Integer> shape,
        @Schema(description = "Canonical text; it parses back to the same expression, and shows the reading "
                + "(1/2x is read as 1/2*x)", example = "x^T*A*x")
        String canonical,
        @Schema(description = "LaTeX, to show the reader what was understood; it reads back to the same "
                + "expression", example = "x^{\\top} A x")
        String latex,
        @Schema(description = "The notation the expression was read in: \"latex\" or \"text\"", example = "text")
        String notation) {
}
