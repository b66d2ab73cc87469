package io.gradcheck.expr.print;

import static io.gradcheck.expr.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.gradcheck.expr.Fixtures;
import io.gradcheck.expr.Tensor;
import io.gradcheck.expr.eval.Evaluator;
import io.gradcheck.expr.parse.ParsedExpression;
import io.gradcheck.expr.parse.Parser;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PrintersTests {

    private static final String VARS = "x:3 y:3 w:3 b:3 A:3x3 B:3x3 s t";

    static Stream<Arguments> latex() {
        return Stream.of(
                Arguments.of("x^T A x", "x^{\\top} A x"),
                Arguments.of("(A + A^T) x", "\\left(A + A^{\\top}\\right) x"),
                Arguments.of("-e^(-x^T A x)", "-e^{-x^{\\top} A x}"),
                Arguments.of("x1^2 - ln(x2)", "x_{1}^{2} - \\log\\left(x_{2}\\right)"),
                Arguments.of("A[1,2]", "A_{1,2}"),
                Arguments.of("sigmoid(w^T x)", "\\sigma\\left(w^{\\top} x\\right)"),
                Arguments.of("x .* y", "x \\odot y"),
                Arguments.of("s / t", "\\frac{s}{t}"),
                Arguments.of("sqrt(s)", "\\sqrt{s}"),
                Arguments.of("norm(x)^2", "\\left\\lVert x\\right\\rVert^{2}"),
                Arguments.of("inv(A)^T", "A^{-1}^{\\top}".replace("A^{-1}^", "\\left(A^{-1}\\right)^")),
                Arguments.of("tr(A B)", "\\operatorname{tr}\\left(A B\\right)"),
                Arguments.of("x 2", "x \\cdot 2"),
                Arguments.of("pi s", "\\pi s"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("latex")
    void printsLatexAsTheNotesWriteIt(String text, String latex) {
        assertThat(parse(text, VARS).latex()).isEqualTo(latex);
    }

    static Stream<String> expressions() {
        return Stream.of("x^T A x", "(A + A^T) x", "-e^(-x^T A x)(A+A^T)x", "x1^2 - ln(x2) + e^(-x3)",
                "sigmoid(w^T x)(1 - sigmoid(w^T x)) x", "1/2 norm(y - tanh(A x + b))^2", "s / t x", "s/(t x^T y)",
                "A^-1 x", "(A B)^2", "inv(A)^T", "x - (y - w)", "x - -y", "-(x + y)", "(-s)^2", "-s^2", "2^-s",
                "x^T (A - B)^T y", "pow(x, 2) .* (y .* w)", "x .* (A y)", "(x .* y)^T A", "kron(A, B)",
                "max(0, 1 - s x^T y)", "A_{1,2} + x[3]", "e^x^T ones(3)", "s^t^2", "(s^t)^2");
    }

    /** Canonical text parses back to an expression that prints the same and has the same value. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("expressions")
    void canonicalTextRoundTrips(String text) {
        ParsedExpression first = parse(text, VARS);
        ParsedExpression again = Parser.parse(first.canonical(), first.declarations());
        assertThat(again.canonical()).isEqualTo(first.canonical());
        assertThat(again.shape()).isEqualTo(first.shape());
        SplittableRandom random = new SplittableRandom(text.hashCode());
        Map<String, Tensor> point = Fixtures.point(first.declarations(), random);
        point.replaceAll((k, v) -> k.equals("s") || k.equals("t") ? Tensor.scalar(Math.abs(v.data()[0])) : v);
        assertThat(Evaluator.value(again.root(), point)).isEqualTo(Evaluator.value(first.root(), point));
    }
}
