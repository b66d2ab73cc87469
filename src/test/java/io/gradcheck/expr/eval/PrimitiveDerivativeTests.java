package io.gradcheck.expr.eval;

import static io.gradcheck.expr.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.gradcheck.expr.Jet;
import io.gradcheck.expr.parse.Catalogue;
import io.gradcheck.expr.Fixtures;
import io.gradcheck.expr.Node;
import io.gradcheck.expr.Tensor;
import io.gradcheck.expr.parse.ParsedExpression;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A property test over every primitive: at seeded random points, for every variable and random directions,
 * the dual-number derivative agrees with the finite-difference estimate, and the nested-dual second
 * derivative agrees with finite differences of the dual one. The two sides share no derivative code: finite
 * differences only ever evaluate plain values.
 */
class PrimitiveDerivativeTests {

    private static final int POINTS = 12;

    /** Each primitive inside an expression that keeps its arguments in its domain. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("x + y - s", "x:3 y:3 s"),
                Arguments.of("-x .* y", "x:3 y:3"),
                Arguments.of("s * t * x", "x:3 s t"),
                Arguments.of("A B x", "A:3x3 B:3x4 x:4"),
                Arguments.of("x / (y .* y + 1) + s / t", "x:3 y:3 s t"),
                Arguments.of("hadamard(A, B)", "A:2x3 B:2x3"),
                Arguments.of("x^T A + transpose(y)", "x:3 A:3x3 y:3"),
                Arguments.of("x^3 + s^2 x", "x:3 s"),
                Arguments.of("(x .* x + 1)^y + 2^s", "x:3 y:3 s"),
                Arguments.of("pow(x .* x + 1, s) + pow(x, 2)", "x:3 s"),
                Arguments.of("A^3", "A:3x3"),
                Arguments.of("(A A^T + eye(3))^-2", "A:3x3"),
                Arguments.of("x1 x2 + A_1_2 A[2,1] x_{3}", "x:3 A:3x3"),
                Arguments.of("exp(x)", "x:3"),
                Arguments.of("log(x .* x + 1) + ln(s^2 + 1)", "x:3 s"),
                Arguments.of("log2(x .* x + 1) + log10(x .* x + 2)", "x:3"),
                Arguments.of("sqrt(x .* x + 1)", "x:3"),
                Arguments.of("abs(x) + sign(x) .* y", "x:3 y:3"),
                Arguments.of("sin(x) + cos(y) + tan(x/2)", "x:3 y:3"),
                Arguments.of("asin(x/3) + acos(y/3) + atan(x)", "x:3 y:3"),
                Arguments.of("sinh(x) + cosh(y) + tanh(A x)", "x:3 y:3 A:3x3"),
                Arguments.of("sec(x/3) + csc(x/3 + 2) + cot(x/4 + 0.8)", "x:3"),
                Arguments.of("asinh(x) + acosh(x .* x + 2) + atanh(x/3)", "x:3"),
                Arguments.of("sech(x) + csch(x .* x + 1) + coth(x .* x + 1) + cbrt(x .* x + 1)", "x:3"),
                Arguments.of("sigmoid(w^T x) + softplus(x)", "w:3 x:3"),
                Arguments.of("relu(A x) + step(x) .* y", "A:3x3 x:3 y:3"),
                Arguments.of("max(x, y) + min(x, s)", "x:3 y:3 s"),
                Arguments.of("sum(A) + mean(x .* y)", "A:2x3 x:3 y:3"),
                Arguments.of("norm(x) + norm(A) + norm2(y)", "x:3 y:3 A:2x3"),
                Arguments.of("norm1(x)", "x:4"),
                Arguments.of("logsumexp(x) + softmax(y)^T x", "x:4 y:4"),
                Arguments.of("tr(A B) + trace(A)", "A:3x3 B:3x3"),
                Arguments.of("det(A)", "A:3x3"),
                Arguments.of("logdet(A A^T + eye(3))", "A:3x3"),
                Arguments.of("inv(A A^T + eye(3)) x", "A:3x3 x:3"),
                Arguments.of("diag(x) A + diag(A) x^T", "x:3 A:3x3"),
                Arguments.of("dot(x, y) + dot(A, B)", "x:3 y:3 A:2x3 B:2x3"),
                Arguments.of("outer(x, y)", "x:3 y:2"),
                Arguments.of("kron(A, B)", "A:2x2 B:2x3"),
                Arguments.of("vec(A)", "A:2x3"),
                Arguments.of("x^T eye(3) x + ones(3)^T x + zeros(3)^T y", "x:3 y:3"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void dualDerivativeAgreesWithFiniteDifferences(String text, String vars) {
        ParsedExpression f = parse(text, vars);
        SplittableRandom random = new SplittableRandom(text.hashCode());
        for (int n = 0; n < POINTS; n++) {
            Map<String, Tensor> point = Fixtures.point(f.declarations(), random);
            for (String wrt : point.keySet()) {
                Tensor v = Fixtures.uniform(point.get(wrt).shape(), random);
                Jet dual = Evaluator.directional(f.root(), point, wrt, v);
                assertThat(dual.value()).as("the value part is the plain value")
                        .isEqualTo(Evaluator.value(f.root(), point));
                FiniteDifference.Estimate fd = FiniteDifference.directional(f.root(), point, wrt, v,
                        FiniteDifference.DEFAULT_STEP);
                double[] tangent = dual.partAsTensor(1).data();
                for (int i = 0; i < tangent.length; i++) {
                    double tolerance = 1e-7 * (1 + Math.abs(fd.derivative()[i])) + 10 * fd.error()[i];
                    assertThat(tangent[i]).as("D_v f entry %d wrt %s at %s", i, wrt, point)
                            .isCloseTo(fd.derivative()[i], org.assertj.core.data.Offset.offset(tolerance));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void nestedDualSecondDerivativeAgreesWithFiniteDifferencesOfDuals(String text, String vars) {
        ParsedExpression f = parse(text, vars);
        SplittableRandom random = new SplittableRandom(~text.hashCode());
        for (int n = 0; n < POINTS / 2; n++) {
            Map<String, Tensor> point = Fixtures.point(f.declarations(), random);
            for (String wrt : point.keySet()) {
                Tensor v = Fixtures.uniform(point.get(wrt).shape(), random);
                Tensor w = Fixtures.uniform(point.get(wrt).shape(), random);
                Jet nested = Evaluator.secondDirectional(f.root(), point, wrt, v, w);
                double[] second = nested.partAsTensor(3).data();
                FiniteDifference.Estimate fd = FiniteDifference.secondDirectional(f.root(), point, wrt, v, w,
                        FiniteDifference.DEFAULT_STEP);
                for (int i = 0; i < second.length; i++) {
                    double tolerance = 1e-6 * (1 + Math.abs(fd.derivative()[i])) + 10 * fd.error()[i];
                    assertThat(second[i]).as("vᵀHw entry %d wrt %s", i, wrt)
                            .isCloseTo(fd.derivative()[i], org.assertj.core.data.Offset.offset(tolerance));
                }
            }
        }
    }

    @Test
    void theCasesCoverEveryPrimitive() {
        Set<String> used = new TreeSet<>();
        cases().forEach(a -> collect(parse((String) a.get()[0], (String) a.get()[1]).root(), used));
        Set<String> all = new TreeSet<>(Set.of("+", "-", "neg", "*", "/", "^", "^var", "pow var", "matpow", "transpose", "hadamard"));
        Catalogue.functions().values().forEach(fn -> all.add(fn.primitive().name()));
        assertThat(used).containsAll(all);
    }

    private static void collect(Node n, Set<String> into) {
        if (n instanceof Node.Call c) {
            into.add(c.primitive().name());
            c.args().forEach(a -> collect(a, into));
        }
    }
}
