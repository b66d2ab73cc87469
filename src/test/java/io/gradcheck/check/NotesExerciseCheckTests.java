package io.gradcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of derivative exercise and worked example of the lecture notes passes with its correct answer,
 * written in the layout the notes use (DS4420 Lecture 2 writes gradients as columns; the MML slides write
 * df/dx as a row, the numerator layout).
 */
class NotesExerciseCheckTests {

    static Stream<Arguments> exercises() {
        return Stream.of(
                // DS4420 Lecture 2: functions of machine learning algorithms (gradient layout)
                Arguments.of("linear", Checks.of("y^T x", "x:3 y:3").part("x", "gradient", "y")),
                Arguments.of("quadratic", Checks.of("x^T A x", "x:3 A:3x3").part("x", "gradient", "(A + A^T) x")),
                Arguments.of("trace of quadratic", Checks.of("tr(x^T A x)", "x:3 A:3x3").part("x", null, "(A + A^T) x")),
                Arguments.of("ReLU activation", Checks.of("relu(w^T x)", "w:3 x:3").part("w", null, "step(w^T x) x")),
                Arguments.of("linear regression", Checks.of("1/2 norm(X w - y)^2", "X:5x3 w:3 y:5")
                        .part("w", null, "X^T (X w - y)")),
                Arguments.of("Gaussian (trace)", Checks.of("e^(-tr(x^T A x))", "x:3 A:3x3")
                        .part("x", null, "-e^(-tr(x^T A x)) (A + A^T) x")),
                Arguments.of("Gaussian", Checks.of("e^(-x^T A x)", "x:3 A:3x3")
                        .part("x", null, "-e^(-x^T A x)(A+A^T)x")),
                Arguments.of("sigmoid", Checks.of("1/(1 + e^(-z))", "z").part("z", null, "sigmoid(z)(1 - sigmoid(z))")),
                Arguments.of("logistic objective", Checks.of("1/(1 + e^(-w^T x))", "w:3 x:3")
                        .part("w", null, "sigmoid(w^T x)(1 - sigmoid(w^T x)) x")),
                Arguments.of("L1 norm", Checks.of("norm1(x)", "x:4").part("x", null, "sign(x)")),
                Arguments.of("L2 norm squared", Checks.of("norm(x)^2", "x:4").part("x", null, "2x")),
                Arguments.of("SVM hinge", Checks.of("max(0, 1 - y w^T x)", "w:3 x:3 y")
                        .part("w", null, "-y step(1 - y w^T x) x")),
                Arguments.of("logistic loss", Checks.of("log(1 + exp(-y w^T x))", "w:3 x:3 y")
                        .part("w", null, "-y sigmoid(-y w^T x) x")),
                // DS4420 Lecture 2: consolidate exercises with their constants
                Arguments.of("consolidate: linear", Checks.of("y^T x + x^T ones(2)", "x:2 y:2").value("y", List.of(2, 5))
                        .part("x", null, List.of("3", "6"))),
                Arguments.of("consolidate: quadratic", Checks.of("x^T A x", "x:2 A:2x2")
                        .value("A", List.of(List.of(2, 1), List.of(1, 1))).part("x", null, "2 A x")),
                Arguments.of("consolidate: exponential", Checks.of("e^(x^T A x)", "x:2 A:2x2")
                        .value("A", List.of(List.of(4, 0), List.of(1, 1))).domain("x", -0.5, 0.5)
                        .part("x", null, "e^(x^T A x) (A + A^T) x")),
                Arguments.of("consolidate: logistic", Checks.of("1/(1 + e^(-w^T x))", "x:2 w:2").value("w", List.of(7, 8))
                        .domain("x", -0.3, 0.3).part("x", null, "sigmoid(w^T x)(1 - sigmoid(w^T x)) w")),
                Arguments.of("value at a point: f'(y), y = [1, 1, 0]", Checks.of("x1^2 - ln(x2) + e^(-x3)", "x:3")
                        .value("x", List.of(1, 1, 0)).points(1).part("x", null, List.of("2", "-1", "-1"))),
                // MML slides (numerator layout: df/dx is a row)
                Arguments.of("scalar chain rule", Checks.of("6(-2x + 5) + 3", "x").part("x", null, "-12")),
                Arguments.of("scalar chain rule, advanced", Checks.of("tanh(x^3)", "x")
                        .part("x", null, "(1 - tanh(x^3)^2) 3 x^2")),
                Arguments.of("partial derivatives", Checks.of("x1^2 x2 + x1 x2^3", "x:2")
                        .part("x", "numerator", List.of(List.of("2 x1 x2 + x2^3", "x1^2 + 3 x1 x2^2")))),
                Arguments.of("partial derivatives, advanced", Checks.of("(x1 + 2 x2^3)^2", "x:2")
                        .part("x", "numerator", List.of(List.of("2(x1 + 2x2^3)", "2(x1 + 2x2^3) 6 x2^2")))),
                Arguments.of("multivariate chain rule", Checks.of("1/2 norm(y - A x)^2", "x:3 A:4x3 y:4")
                        .part("x", "numerator", "-(y - A x)^T A")),
                Arguments.of("Jacobian of Ax", Checks.of("A x", "x:3 A:4x3").part("x", "numerator", "A")),
                Arguments.of("Jacobian of an elementwise square", Checks.of("x^2", "x:3")
                        .part("x", "numerator", "2 diag(x)")),
                Arguments.of("chain rule along a path", Checks.of("sin(t)^2 + 2 cos(t)", "t")
                        .part("t", null, "2 sin(t) cos(t) - 2 sin(t)")),
                Arguments.of("network ∂f/∂b", Checks.of("tanh(A x + b)", "A:3x2 x:2 b:3")
                        .part("b", "numerator", "diag(1 - tanh(A x + b)^2)")),
                Arguments.of("network ∂f/∂A (flattened)", Checks.of("tanh(A x + b)", "A:3x2 x:2 b:3")
                        .part("A", "flattened", "kron(diag(1 - tanh(A x + b)^2), x^T)")),
                Arguments.of("squared-error loss ∂L/∂A and ∂L/∂b", Checks.of("1/2 norm(y - tanh(A x + b))^2",
                        "A:3x2 x:2 b:3 y:3")
                        .part("A", "gradient", "outer(-(y - tanh(A x + b)) .* (1 - tanh(A x + b)^2), x)")
                        .part("b", "gradient", "-(y - tanh(A x + b)) .* (1 - tanh(A x + b)^2)")),
                // matrix rules
                Arguments.of("determinant rule", Checks.of("det(X)", "X:3x3").invertible("X")
                        .part("X", "gradient", "det(X) inv(X)^T")),
                Arguments.of("log-determinant rule", Checks.of("logdet(S)", "S:3x3").positiveDefinite("S")
                        .part("S", "gradient", "inv(S)^T")),
                Arguments.of("trace rule", Checks.of("tr(A X)", "A:3x3 X:3x3").part("X", "gradient", "A^T")),
                Arguments.of("trace of a quadratic form in X", Checks.of("tr(X^T A X)", "A:3x3 X:3x2")
                        .part("X", "gradient", "(A + A^T) X")),
                // second order (10-606 matrix differentials; vector calculus notes)
                Arguments.of("Hessian of least squares", Checks.of("1/2 norm(A x - b)^2", "A:4x3 x:3 b:4")
                        .hessian("x", "A^T A")),
                Arguments.of("second derivative of a curve", Checks.of("t^3 - 2 t^2", "t").hessian("t", "6t - 4")),
                Arguments.of("quadratic with symmetric A", Checks.of("x^T A x", "x:3 A:3x3").symmetric("A")
                        .part("x", null, "2 A x")),
                // domains and constraints
                Arguments.of("log on its domain", Checks.of("log(s) + sqrt(s)", "s").domain("s", 0.1, 3)
                        .part("s", null, "1/s + 1/(2 sqrt(s))")),
                Arguments.of("uniform likelihood with b > a", Checks.of("-log(b - a)", "a b").constraint("b - a > 0")
                        .part("b", null, "-1/(b - a)").part("a", null, "1/(b - a)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exercises")
    void theCorrectAnswerPasses(String name, Checks check) {
        CheckReport report = check.run();
        assertThat(report.parts()).allSatisfy(p -> assertThat(p.diagnosis().message()).as(name).isNotBlank());
        assertThat(report.verdict()).as("%s: %s", name, report.parts().get(0).diagnosis().message())
                .isEqualTo(Verdict.CORRECT);
    }
}
