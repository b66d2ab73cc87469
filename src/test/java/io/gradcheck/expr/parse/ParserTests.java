package io.gradcheck.expr.parse;

import static io.gradcheck.expr.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of the notation table (DESIGN.md §2), every function, and the notes' own expressions. */
class ParserTests {

    private static final String VARS = "x:3 y:3 w:3 A:3x3 B:3x3 C:2x3 s t";

    static Stream<Arguments> notation() {
        return Stream.of(
                // numbers and constants
                Arguments.of("2", "2", List.of()),
                Arguments.of("0.5", "0.5", List.of()),
                Arguments.of("1e-3", "1e-3", List.of()),
                Arguments.of("pi", "pi", List.of()),
                Arguments.of("π", "pi", List.of()),
                Arguments.of("e", "e", List.of()),
                Arguments.of("2e", "2*e", List.of()),
                // declared variables and components, 1-based
                Arguments.of("x", "x", List.of(3)),
                Arguments.of("A", "A", List.of(3, 3)),
                Arguments.of("x1", "x_1", List.of()),
                Arguments.of("x_1", "x_1", List.of()),
                Arguments.of("x[1]", "x_1", List.of()),
                Arguments.of("x_{1}", "x_1", List.of()),
                Arguments.of("A_1_2", "A_1_2", List.of()),
                Arguments.of("A[1,2]", "A_1_2", List.of()),
                Arguments.of("A_{1,2}", "A_1_2", List.of()),
                Arguments.of("A_{12}", "A_1_2", List.of()),
                Arguments.of("A12", "A_1_2", List.of()),
                // sums, products, juxtaposition, broadcasting
                Arguments.of("x + y", "x + y", List.of(3)),
                Arguments.of("x - 1", "x - 1", List.of(3)),
                Arguments.of("2 * x", "2*x", List.of(3)),
                Arguments.of("2x", "2*x", List.of(3)),
                Arguments.of("A x", "A*x", List.of(3)),
                Arguments.of("Ax", "A*x", List.of(3)),
                Arguments.of("A B", "A*B", List.of(3, 3)),
                Arguments.of("C x", "C*x", List.of(2)),
                Arguments.of("x / 2", "x/2", List.of(3)),
                Arguments.of("x / y", "x/y", List.of(3)),
                Arguments.of("1 / x", "1/x", List.of(3)),
                Arguments.of("s / t x", "s/t*x", List.of(3)),
                // transposes
                Arguments.of("x^T", "x^T", List.of(1, 3)),
                Arguments.of("x'", "x^T", List.of(1, 3)),
                Arguments.of("xᵀ", "x^T", List.of(1, 3)),
                Arguments.of("transpose(C)", "C^T", List.of(3, 2)),
                Arguments.of("A'^-1", "inv(A^T)", List.of(3, 3)),
                Arguments.of("(A x)'", "(A*x)^T", List.of(1, 3)),
                Arguments.of("tanh(x)' y", "tanh(x)^T*y", List.of()),
                Arguments.of("2^x'", "2^x^T", List.of(1, 3)),
                Arguments.of("x^T y", "x^T*y", List.of()),
                Arguments.of("x y^T", "x*y^T", List.of(3, 3)),
                // powers
                Arguments.of("x^2", "x^2", List.of(3)),
                Arguments.of("s^2", "s^2", List.of()),
                Arguments.of("x**2", "x^2", List.of(3)),
                Arguments.of("A^2", "A^2", List.of(3, 3)),
                Arguments.of("A^-1", "inv(A)", List.of(3, 3)),
                Arguments.of("A^-2", "A^(-2)", List.of(3, 3)),
                Arguments.of("e^x", "e^x", List.of(3)),
                Arguments.of("2^s", "2^s", List.of()),
                // elementwise products and the unicode spellings
                Arguments.of("hadamard(x, y)", "x .* y", List.of(3)),
                Arguments.of("x .* y", "x .* y", List.of(3)),
                Arguments.of("x ⊙ y", "x .* y", List.of(3)),
                Arguments.of("s · t", "s*t", List.of()),
                Arguments.of("s × t", "s*t", List.of()),
                Arguments.of("s − t", "s - t", List.of()),
                Arguments.of("-x", "-x", List.of(3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notation")
    void readsEveryRowOfTheNotationTable(String text, String canonical, List<Integer> shape) {
        ParsedExpression p = parse(text, VARS);
        assertThat(p.canonical()).isEqualTo(canonical);
        assertThat(p.shape().dims()).isEqualTo(shape);
    }

    static Stream<Arguments> functions() {
        return Stream.of(
                Arguments.of("exp(x)", List.of(3)), Arguments.of("log(x)", List.of(3)),
                Arguments.of("ln(s)", List.of()), Arguments.of("log2(s)", List.of()),
                Arguments.of("log10(s)", List.of()), Arguments.of("sqrt(x)", List.of(3)),
                Arguments.of("abs(x)", List.of(3)), Arguments.of("sign(x)", List.of(3)),
                Arguments.of("sin(s)", List.of()), Arguments.of("cos(s)", List.of()),
                Arguments.of("tan(s)", List.of()), Arguments.of("asin(s)", List.of()),
                Arguments.of("acos(s)", List.of()), Arguments.of("atan(s)", List.of()),
                Arguments.of("sinh(s)", List.of()), Arguments.of("cosh(s)", List.of()),
                Arguments.of("tanh(A x)", List.of(3)), Arguments.of("sigmoid(w^T x)", List.of()),
                Arguments.of("relu(x)", List.of(3)), Arguments.of("step(x)", List.of(3)),
                Arguments.of("softplus(x)", List.of(3)), Arguments.of("pow(x, 3)", List.of(3)),
                Arguments.of("max(x, 0)", List.of(3)), Arguments.of("min(s, t)", List.of()),
                Arguments.of("sum(x)", List.of()), Arguments.of("mean(A)", List.of()),
                Arguments.of("norm(x)", List.of()), Arguments.of("norm(A)", List.of()),
                Arguments.of("norm1(x)", List.of()), Arguments.of("norm2(x)", List.of()),
                Arguments.of("logsumexp(x)", List.of()), Arguments.of("softmax(x)", List.of(3)),
                Arguments.of("tr(A)", List.of()), Arguments.of("trace(A B)", List.of()),
                Arguments.of("det(A)", List.of()), Arguments.of("logdet(A)", List.of()),
                Arguments.of("inv(A)", List.of(3, 3)), Arguments.of("transpose(x)", List.of(1, 3)),
                Arguments.of("diag(x)", List.of(3, 3)), Arguments.of("diag(A)", List.of(3)),
                Arguments.of("dot(x, y)", List.of()), Arguments.of("outer(x, w)", List.of(3, 3)),
                Arguments.of("kron(A, C)", List.of(6, 9)), Arguments.of("vec(C)", List.of(6)),
                Arguments.of("eye(3)", List.of(3, 3)), Arguments.of("ones(3)", List.of(3)),
                Arguments.of("zeros(3)", List.of(3)), Arguments.of("hadamard(A, B)", List.of(3, 3)),
                Arguments.of("sec(s)", List.of()), Arguments.of("csc(s)", List.of()),
                Arguments.of("cot(s)", List.of()), Arguments.of("sech(s)", List.of()),
                Arguments.of("csch(s)", List.of()), Arguments.of("coth(s)", List.of()),
                Arguments.of("asinh(s)", List.of()), Arguments.of("acosh(s)", List.of()),
                Arguments.of("atanh(s)", List.of()), Arguments.of("cbrt(x)", List.of(3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void readsEveryFunction(String text, List<Integer> shape) {
        assertThat(parse(text, VARS).shape().dims()).isEqualTo(shape);
    }

    @Test
    void theFunctionTestsCoverTheWholeCatalogue() {
        Set<String> tested = new TreeSet<>();
        functions().forEach(a -> tested.add(((String) a.get()[0]).replaceAll("\\(.*", "")));
        assertThat(tested).containsAll(Catalogue.functions().keySet());
    }

    static Stream<Arguments> exercisesOfTheNotes() {
        return Stream.of(
                Arguments.of("x^T A x", "x:3 A:3x3", "x^T*A*x", List.of()),
                Arguments.of("(A + A^T) x", "x:3 A:3x3", "(A + A^T)*x", List.of(3)),
                Arguments.of("-e^(-x^T A x)(A+A^T)x", "x:3 A:3x3", "-e^(-x^T*A*x)*(A + A^T)*x", List.of(3)),
                Arguments.of("sigmoid(w^T x)(1 - sigmoid(w^T x)) x", "w:3 x:3",
                        "sigmoid(w^T*x)*(1 - sigmoid(w^T*x))*x", List.of(3)),
                Arguments.of("x1^2 - ln(x2) + e^(-x3)", "x:3", "x_1^2 - log(x_2) + e^(-x_3)", List.of()),
                Arguments.of("1/2 norm(y - tanh(A x + b))^2", "y:3 A:3x3 x:3 b:3",
                        "1/2*norm(y - tanh(A*x + b))^2", List.of()),
                Arguments.of("norm(X w - y)^2", "X:100x10 w:10 y:100", "norm(X*w - y)^2", List.of()),
                Arguments.of("log(1 + exp(-y w^T x))", "y w:3 x:3", "log(1 + exp(-y*w^T*x))", List.of()),
                Arguments.of("det(A) inv(A)^T", "A:3x3", "det(A)*inv(A)^T", List.of(3, 3)),
                Arguments.of("2 X^T (X w - y)", "X:100x10 w:10 y:100", "2*X^T*(X*w - y)", List.of(10)),
                Arguments.of("max(0, 1 - y w^T x)", "y w:3 x:3", "max(0, 1 - y*w^T*x)", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exercisesOfTheNotes")
    void readsTheExercisesOfTheNotes(String text, String vars, String canonical, List<Integer> shape) {
        ParsedExpression p = parse(text, vars);
        assertThat(p.canonical()).isEqualTo(canonical);
        assertThat(p.shape().dims()).isEqualTo(shape);
    }

    @Test
    void declaredNamesWinOverComponentSpellings() {
        assertThat(parse("x1 + x", "x1 x:3").canonical()).isEqualTo("x1 + x");
    }

    @Test
    void unaryMinusBindsLooserThanPower() {
        // -e^x is -(e^x), not (-e)^x: the notes write -e^(-x^T A x)
        ParsedExpression p = parse("-e^s", "s");
        assertThat(p.canonical()).isEqualTo("-e^s");
        assertThat(p.root()).isInstanceOf(io.gradcheck.expr.Node.Call.class);
        assertThat(((io.gradcheck.expr.Node.Call) p.root()).primitive().name()).isEqualTo("neg");
    }
}
