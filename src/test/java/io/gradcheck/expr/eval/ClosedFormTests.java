package io.gradcheck.expr.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.gradcheck.expr.parse.Declarations;
import io.gradcheck.expr.Fixtures;
import io.gradcheck.expr.Tensor;
import io.gradcheck.expr.parse.ParsedExpression;
import io.gradcheck.expr.parse.Parser;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dual numbers against the closed forms the lecture notes derive: D_v f = ⟨∇f, v⟩ at random points,
 * where ∇f is the notes' gradient evaluated as a plain value.
 */
class ClosedFormTests {

    static Stream<Arguments> gradients() {
        return Stream.of(
                Arguments.of("quadratic form", "x^T A x", "x", "(A + A^T) x", "x:3 A:3x3"),
                Arguments.of("linear function", "a^T x", "x", "a", "x:4 a:4"),
                Arguments.of("Gaussian kernel", "exp(-x^T A x)", "x", "-exp(-x^T A x) (A + A^T) x", "x:3 A:3x3"),
                Arguments.of("logistic loss", "log(1 + exp(-y w^T x))", "w", "-y sigmoid(-y w^T x) x", "w:3 x:3 y"),
                Arguments.of("sigmoid", "sigmoid(w^T x)", "w", "sigmoid(w^T x)(1 - sigmoid(w^T x)) x", "w:3 x:3"),
                Arguments.of("least squares", "norm(X w - y)^2", "w", "2 X^T (X w - y)", "X:6x3 w:3 y:6"),
                Arguments.of("L2 norm", "norm(x)", "x", "x / norm(x)", "x:4"),
                Arguments.of("ReLU unit", "relu(w^T x)", "w", "step(w^T x) x", "w:3 x:3"),
                Arguments.of("log-sum-exp", "logsumexp(x)", "x", "softmax(x)", "x:4"),
                Arguments.of("determinant rule", "det(A)", "A", "det(A) inv(A)^T", "A:3x3"),
                Arguments.of("trace rule", "tr(A B)", "A", "B^T", "A:3x3 B:3x3"),
                Arguments.of("trace of the inverse", "tr(inv(A))", "A", "-inv(A)^T inv(A)^T", "A:3x3"),
                Arguments.of("network loss ∂L/∂b", "1/2 norm(y - tanh(A x + b))^2", "b",
                        "-(1 - tanh(A x + b)^2) .* (y - tanh(A x + b))", "y:3 A:3x2 x:2 b:3"),
                Arguments.of("network loss ∂L/∂A", "1/2 norm(y - tanh(A x + b))^2", "A",
                        "outer(-(1 - tanh(A x + b)^2) .* (y - tanh(A x + b)), x)", "y:3 A:3x2 x:2 b:3"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gradients")
    void dualNumbersAgreeWithTheNotesClosedForms(String name, String function, String wrt, String gradient,
            String vars) {
        Declarations d = Fixtures.declare(vars);
        ParsedExpression f = Parser.parse(function, d);
        ParsedExpression g = Parser.parse(gradient, d);
        assertThat(g.shape()).isEqualTo(d.shape(wrt));
        SplittableRandom random = new SplittableRandom(name.hashCode());
        for (int n = 0; n < 10; n++) {
            Map<String, Tensor> point = Fixtures.point(d, random);
            Tensor v = Fixtures.uniform(d.shape(wrt), random);
            double dual = Evaluator.directional(f.root(), point, wrt, v).scalarPart(1);
            double closed = inner(Evaluator.value(g.root(), point), v);
            assertThat(dual).isCloseTo(closed, offset(1e-10 * (1 + Math.abs(closed))));
        }
    }

    @Test
    void partialDerivativesOfTheNotesFirstExample() {
        // f(x) = x1² − ln(x2) + e^(−x3): ∂f/∂x1 = 2x1, ∂f/∂x2 = −1/x2, ∂f/∂x3 = −e^(−x3)
        Declarations d = Fixtures.declare("x:3");
        ParsedExpression f = Parser.parse("x1^2 - ln(x2) + e^(-x3)", d);
        Tensor x = new Tensor(d.shape("x"), new double[] {1.5, 0.5, 2.0});
        double[][] units = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        double[] expected = {3.0, -2.0, -Math.exp(-2.0)};
        for (int i = 0; i < 3; i++) {
            double partial = Evaluator.directional(f.root(), Map.of("x", x), "x", new Tensor(x.shape(), units[i]))
                    .scalarPart(1);
            assertThat(partial).isCloseTo(expected[i], offset(1e-15));
        }
    }

    @Test
    void hessianOfTheLeastSquaresObjectiveIsAtA() {
        // ½‖Ax − b‖² has Hessian AᵀA: nested duals give vᵀAᵀAw
        Declarations d = Fixtures.declare("A:4x3 x:3 b:4");
        ParsedExpression f = Parser.parse("1/2 norm(A x - b)^2", d);
        ParsedExpression h = Parser.parse("A^T A", d);
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 10; n++) {
            Map<String, Tensor> point = Fixtures.point(d, random);
            Tensor v = Fixtures.uniform(d.shape("x"), random);
            Tensor w = Fixtures.uniform(d.shape("x"), random);
            double nested = Evaluator.secondDirectional(f.root(), point, "x", v, w).scalarPart(3);
            Tensor hessian = Evaluator.value(h.root(), point);
            double closed = 0;
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    closed += v.data()[i] * hessian.get(i, j) * w.data()[j];
                }
            }
            assertThat(nested).isCloseTo(closed, offset(1e-10 * (1 + Math.abs(closed))));
        }
    }

    @Test
    void secondDerivativeOfACurve() {
        // f(t) = t³ − 2t has f''(t) = 6t
        Declarations d = Fixtures.declare("t");
        ParsedExpression f = Parser.parse("t^3 - 2t", d);
        Tensor one = Tensor.scalar(1);
        for (double t : new double[] {-1.5, 0.3, 2.0}) {
            double second = Evaluator.secondDirectional(f.root(), Map.of("t", Tensor.scalar(t)), "t", one, one)
                    .scalarPart(3);
            assertThat(second).isCloseTo(6 * t, offset(1e-12));
        }
    }

    private static double inner(Tensor a, Tensor b) {
        double s = 0;
        for (int i = 0; i < a.data().length; i++) {
            s += a.data()[i] * b.data()[i];
        }
        return s;
    }
}
