package io.gradcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** For every diagnosis kind, wrong answers drawn from the notes' material produce it. */
class DiagnosisTests {

    static Stream<Arguments> wrongAnswers() {
        return Stream.of(
                Arguments.of(DiagnosisKind.TRANSPOSED, Verdict.INCORRECT, Checks.of("1/2 norm(y - A x)^2", "x:3 A:4x3 y:4")
                        .part("x", "numerator", "-A^T (y - A x)")),
                Arguments.of(DiagnosisKind.TRANSPOSED, Verdict.INCORRECT, Checks.of("A x", "x:3 A:3x3")
                        .part("x", "numerator", "A^T")),
                Arguments.of(DiagnosisKind.TRANSPOSED, Verdict.INCORRECT, Checks.of("det(X)", "X:3x3").invertible("X")
                        .part("X", "gradient", "det(X) inv(X)")),
                Arguments.of(DiagnosisKind.NEGATED, Verdict.INCORRECT, Checks.of("x^T A x", "x:3 A:3x3")
                        .part("x", null, "-(A + A^T) x")),
                Arguments.of(DiagnosisKind.NEGATED, Verdict.INCORRECT, Checks.of("1/2 norm(X w - y)^2", "X:5x3 w:3 y:5")
                        .part("w", null, "X^T (y - X w)")),
                Arguments.of(DiagnosisKind.SCALED, Verdict.INCORRECT, Checks.of("x^T A x", "x:3 A:3x3").symmetric("A")
                        .part("x", null, "A x")),
                Arguments.of(DiagnosisKind.SCALED, Verdict.INCORRECT, Checks.of("1/2 norm(X w - y)^2", "X:5x3 w:3 y:5")
                        .part("w", null, "2 X^T (X w - y)")),
                Arguments.of(DiagnosisKind.SCALED, Verdict.INCORRECT, Checks.of("norm(x)^2", "x:4").part("x", null, "x")),
                Arguments.of(DiagnosisKind.SYMMETRIC_ONLY, Verdict.INCORRECT, Checks.of("x^T A x", "x:3 A:3x3")
                        .part("x", null, "2 A x")),
                Arguments.of(DiagnosisKind.SYMMETRIC_ONLY, Verdict.INCORRECT, Checks.of("e^(-x^T A x)", "x:3 A:3x3")
                        .part("x", null, "-2 e^(-x^T A x) A x")),
                Arguments.of(DiagnosisKind.SYMMETRIC_ONLY, Verdict.INCORRECT, Checks.of("tr(X^T A X)", "A:3x3 X:3x2")
                        .part("X", null, "2 A X")),
                Arguments.of(DiagnosisKind.PARTIALLY_CORRECT, Verdict.INCORRECT, Checks.of("x1^2 - ln(x2) + e^(-x3)", "x:3")
                        .domain("x", 0.1, 2).part("x", null, List.of("2 x1", "1/x2", "-e^(-x3)"))),
                Arguments.of(DiagnosisKind.PARTIALLY_CORRECT, Verdict.INCORRECT, Checks.of("x1^2 x2 + x1 x2^3", "x:2")
                        .part("x", "numerator", List.of(List.of("2 x1 x2 + x2^3", "x1^2 + 3 x1 x2")))),
                Arguments.of(DiagnosisKind.WRONG_SHAPE, Verdict.INVALID, Checks.of("x^2", "x:3")
                        .part("x", "numerator", "2x")),
                Arguments.of(DiagnosisKind.WRONG_SHAPE, Verdict.INVALID, Checks.of("a^T X b", "a:3 X:3x2 b:2")
                        .part("X", null, "a")),
                Arguments.of(DiagnosisKind.WRONG_SHAPE, Verdict.INCORRECT, Checks.of("tr(A X)", "A:2x3 X:3x2")
                        .part("X", "flattened", "A^T")),
                Arguments.of(DiagnosisKind.UNDEFINED, Verdict.INCORRECT, Checks.of("sqrt(s^2 + 1)", "s").domain("s", -0.9, 0.9)
                        .part("s", null, "s / sqrt(s^2 - 1)")),
                Arguments.of(DiagnosisKind.UNDEFINED, Verdict.INCORRECT, Checks.of("sqrt(s)", "s").domain("s", 0.1, 2)
                        .part("s", null, "1/(2 sqrt(-s))")),
                Arguments.of(DiagnosisKind.WRONG, Verdict.INCORRECT, Checks.of("x^T A x", "x:3 A:3x3")
                        .part("x", null, "A^T A x")),
                Arguments.of(DiagnosisKind.WRONG, Verdict.INCORRECT, Checks.of("sigmoid(z)", "z")
                        .part("z", null, "sigmoid(z)^2")),
                Arguments.of(DiagnosisKind.WRONG, Verdict.INCORRECT, Checks.of("11 x + 9", "x").digits(3)
                        .part("x", null, "1.1")),
                Arguments.of(DiagnosisKind.TRANSPOSED, Verdict.INCORRECT, Checks.of("A x", "A:3x2 x:2")
                        .part("A", "flattened", "kron(x^T, eye(3))")),
                Arguments.of(DiagnosisKind.INACCURATE, Verdict.INCORRECT, Checks.of("exp(x)", "x").value("x", 1)
                        .part("x", null, "2.7")),
                Arguments.of(DiagnosisKind.INACCURATE, Verdict.INCORRECT, Checks.of("ln(x)", "x").value("x", 3)
                        .part("x", null, "0.33")));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("wrongAnswers")
    void wrongAnswersGetTheirDiagnosis(DiagnosisKind kind, Verdict verdict, Checks check) {
        CheckReport report = check.run();
        CheckReport.PartReport part = report.parts().get(0);
        assertThat(part.diagnosis().kind()).as(part.diagnosis().message()).isEqualTo(kind);
        assertThat(part.verdict()).isEqualTo(verdict);
        assertThat(report.verdict()).isEqualTo(verdict);
        assertThat(part.diagnosis().message()).endsWith(".").doesNotContain("\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("details")
    void diagnosesCarryTheirDetails(String name, Checks check, String field, Object expected) {
        CheckReport.Diagnosis d = check.run().parts().get(0).diagnosis();
        Object actual = switch (field) {
            case "factor" -> d.factor();
            case "wrongEntries" -> d.wrongEntries();
            case "suggestedLayout" -> d.suggestedLayout();
            default -> d.expectedShape();
        };
        assertThat(actual).isEqualTo(expected);
    }

    static Stream<Arguments> details() {
        return Stream.of(
                Arguments.of("missing factor 2", Checks.of("x^T A x", "x:3 A:3x3").symmetric("A").part("x", null, "A x"),
                        "factor", 0.5),
                Arguments.of("extra factor 2", Checks.of("1/2 norm(X w - y)^2", "X:5x3 w:3 y:5")
                        .part("w", null, "2 X^T (X w - y)"), "factor", 2.0),
                Arguments.of("the wrong entry", Checks.of("x1^2 - ln(x2) + e^(-x3)", "x:3").domain("x", 0.1, 2)
                        .part("x", null, List.of("2 x1", "1/x2", "-e^(-x3)")), "wrongEntries", List.of("2")),
                Arguments.of("the wrong entry of a row", Checks.of("x1^2 x2 + x1 x2^3", "x:2")
                        .part("x", "numerator", List.of(List.of("2 x1 x2 + x2^3", "x1^2 + 3 x1 x2"))),
                        "wrongEntries", List.of("(1,2)")),
                Arguments.of("the layout a shape suggests", Checks.of("tr(A X)", "A:2x3 X:3x2").part("X", "flattened", "A^T"),
                        "suggestedLayout", Layout.GRADIENT),
                Arguments.of("the expected shape", Checks.of("x^2", "x:3").part("x", "numerator", "2x"),
                        "expectedShape", List.of(3, 3)),
                Arguments.of("the flattening an answer fits", Checks.of("N s", "N:3x3 s").part("s", "vec", "vec(N^T)"),
                        "suggestedLayout", Layout.FLATTENED));
    }
}
