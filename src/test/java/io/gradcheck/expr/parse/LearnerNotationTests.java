package io.gradcheck.expr.parse;

import static io.gradcheck.expr.Fixtures.declare;
import static io.gradcheck.expr.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gradcheck.expr.ExpressionException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of DESIGN.md §2.1 (notation as learners type it): each reads to the intended tree, shown by its
 * canonical text and shape. The canonical text is the plain notation, so "reads as sin(s)^2" is literal.
 */
class LearnerNotationTests {

    static final String VARS = "x:3 y:3 w:3 A:3x3 B:3x3 C:2x3 s t z";

    static Stream<Arguments> rows() {
        return Stream.of(
                // sec csc cot sech csch coth, arcsin…, tan^-1(x), sin^{-1} x
                Arguments.of("sec(s)^2", "sec(s)^2", List.of()),
                Arguments.of("cot(s)", "cot(s)", List.of()),
                Arguments.of("csc s", "csc(s)", List.of()),
                Arguments.of("sech(s) csch(t) coth(s)", "sech(s)*csch(t)*coth(s)", List.of()),
                Arguments.of("arcsin(s)", "asin(s)", List.of()),
                Arguments.of("arccos s", "acos(s)", List.of()),
                Arguments.of("arctan(s)", "atan(s)", List.of()),
                Arguments.of("arsinh(s) + arccosh(t)", "asinh(s) + acosh(t)", List.of()),
                Arguments.of("arctanh(s)", "atanh(s)", List.of()),
                Arguments.of("tan^-1(s)", "atan(s)", List.of()),
                Arguments.of("sin^{-1} s", "asin(s)", List.of()),
                Arguments.of("sin⁻¹(s)", "asin(s)", List.of()),
                Arguments.of("tanh^-1 s", "atanh(s)", List.of()),
                Arguments.of("4*arcsin(s) + 4*s/sqrt(1 - s^2)", "4*asin(s) + 4*s/sqrt(1 - s^2)", List.of()),
                // sin^2(x), tanh^2(x)
                Arguments.of("sin^2(s)", "sin(s)^2", List.of()),
                Arguments.of("tanh^2(s)", "tanh(s)^2", List.of()),
                Arguments.of("sin^2 s + cos^2 s", "sin(s)^2 + cos(s)^2", List.of()),
                Arguments.of("1 - tanh^2(A x)", "1 - tanh(A*x)^2", List.of(3)),
                // cos x, ln x: the function of the next factor
                Arguments.of("cos s", "cos(s)", List.of()),
                Arguments.of("ln s", "log(s)", List.of()),
                Arguments.of("sin s cos s", "sin(s)*cos(s)", List.of()),
                Arguments.of("sin 2s", "sin(2*s)", List.of()),
                Arguments.of("ln s + 1", "log(s) + 1", List.of()),
                Arguments.of("2 sin s", "2*sin(s)", List.of()),
                Arguments.of("sin s^2", "sin(s^2)", List.of()),
                Arguments.of("e^s sin s", "e^s*sin(s)", List.of()),
                Arguments.of("ln cos s", "log(cos(s))", List.of()),
                // norms
                Arguments.of("||x||", "norm(x)", List.of()),
                Arguments.of("‖x‖", "norm(x)", List.of()),
                Arguments.of("‖x‖_1", "norm1(x)", List.of()),
                Arguments.of("‖x‖_2", "norm2(x)", List.of()),
                Arguments.of("‖A‖_F", "norm(A)", List.of()),
                Arguments.of("‖x‖^2", "norm(x)^2", List.of()),
                Arguments.of("x/‖x‖", "x/norm(x)", List.of(3)),
                Arguments.of("3||x|| x", "3*norm(x)*x", List.of(3)),
                Arguments.of("||A x - y||^2", "norm(A*x - y)^2", List.of()),
                // single bars: abs
                Arguments.of("|s|", "abs(s)", List.of()),
                Arguments.of("ln|s|", "log(abs(s))", List.of()),
                Arguments.of("2|s|", "2*abs(s)", List.of()),
                Arguments.of("|x|", "abs(x)", List.of(3)),
                Arguments.of("|C|", "abs(C)", List.of(2, 3)),
                Arguments.of("|s - |t||", "abs(s - abs(t))", List.of()),
                // braces group exponents and indices
                Arguments.of("e^{x}", "e^x", List.of(3)),
                Arguments.of("A^{-1}", "inv(A)", List.of(3, 3)),
                Arguments.of("x^{T}", "x^T", List.of(1, 3)),
                Arguments.of("w_{1}^{2}", "w_1^2", List.of()),
                Arguments.of("e^{-2s^3}", "e^(-2*s^3)", List.of()),
                Arguments.of("2x^{T}", "2*x^T", List.of(1, 3)),
                // inverse transposes, and the prime after a power
                Arguments.of("A^-T", "inv(A)^T", List.of(3, 3)),
                Arguments.of("A^{-T}", "inv(A)^T", List.of(3, 3)),
                Arguments.of("A^(-T)", "inv(A)^T", List.of(3, 3)),
                Arguments.of("A^-1'", "inv(A)^T", List.of(3, 3)),
                Arguments.of("A^-1^T", "inv(A)^T", List.of(3, 3)),
                Arguments.of("A⁻ᵀ", "inv(A)^T", List.of(3, 3)),
                Arguments.of("A^-T x", "inv(A)^T*x", List.of(3)),
                // unicode powers, roots, fractions
                Arguments.of("x²", "x^2", List.of(3)),
                Arguments.of("s³", "s^3", List.of()),
                Arguments.of("s⁻¹", "s^(-1)", List.of()),
                Arguments.of("√s", "sqrt(s)", List.of()),
                Arguments.of("√(s + 1)", "sqrt(s + 1)", List.of()),
                Arguments.of("∛s", "cbrt(s)", List.of()),
                Arguments.of("½ s", "1/2*s", List.of()),
                Arguments.of("½‖x‖²", "1/2*norm(x)^2", List.of()),
                // σ, sigma
                Arguments.of("σ(z)", "sigmoid(z)", List.of()),
                Arguments.of("sigma(z)", "sigmoid(z)", List.of()),
                Arguments.of("σ(z)(1 - σ(z))", "sigmoid(z)*(1 - sigmoid(z))", List.of()),
                // Tr, tr, trace; I
                Arguments.of("Tr(A^T B)", "tr(A^T*B)", List.of()),
                Arguments.of("tr(A)", "tr(A)", List.of()),
                Arguments.of("trace(A)", "tr(A)", List.of()),
                Arguments.of("A + I", "A + eye(3)", List.of(3, 3)),
                Arguments.of("I - A", "eye(3) - A", List.of(3, 3)),
                Arguments.of("inv(A^T A + s I)", "inv(A^T*A + s*eye(3))", List.of(3, 3)),
                Arguments.of("x^T I x", "x^T*eye(3)*x", List.of()),
                Arguments.of("C I", "C*eye(3)", List.of(2, 3)),
                Arguments.of("-I + A", "-eye(3) + A", List.of(3, 3)),
                Arguments.of("I_3", "eye(3)", List.of(3, 3)),
                // x.^2, ones(m, n), zeros(m, n)
                Arguments.of("x.^2", "x^2", List.of(3)),
                Arguments.of("A.^2", "pow(A, 2)", List.of(3, 3)),
                Arguments.of("ones(2, 3)", "outer(ones(2), ones(3))", List.of(2, 3)),
                Arguments.of("zeros(3, 3)", "outer(zeros(3), zeros(3))", List.of(3, 3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void readsEveryRowOfTheLearnersTable(String text, String canonical, List<Integer> shape) {
        ParsedExpression p = parse(text, VARS);
        assertThat(p.canonical()).isEqualTo(canonical);
        assertThat(p.shape().dims()).isEqualTo(shape);
        assertThat(p.notation()).isEqualTo(InputNotation.TEXT);
        // the canonical text reads back to the same tree
        assertThat(parse(p.canonical(), VARS).canonical()).isEqualTo(canonical);
    }

    /** The readings a learner could take two ways, as docs/expression-language.md decides them. */
    static Stream<Arguments> twoWays() {
        return Stream.of(
                Arguments.of("1/2s", "1/2*s"),
                Arguments.of("1/2 s", "1/2*s"),
                Arguments.of("e^2s", "e^2*s"),
                Arguments.of("sin s cos s", "sin(s)*cos(s)"),
                Arguments.of("\\sin 2s", "sin(2*s)"),
                Arguments.of("sin 2s t", "sin(2*s*t)"),
                Arguments.of("sin s/2", "sin(s)/2"),
                Arguments.of("sin s^2", "sin(s^2)"),
                Arguments.of("√s t", "sqrt(s)*t"),
                Arguments.of("s^1/2", "s^1/2"),
                Arguments.of("s^(1/2)", "s^(1/2)"),
                Arguments.of("2^s^2", "2^s^2"),
                Arguments.of("x^T^T", "(x^T)^T"));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("twoWays")
    void readsTheAmbiguousSpellingsAsDocumented(String text, String canonical) {
        assertThat(parse(text, VARS).canonical()).isEqualTo(canonical);
    }

    static Stream<Arguments> declaredNamesWin() {
        return Stream.of(
                Arguments.of("σ(z)", "σ z", "σ*z"),
                Arguments.of("sigma z", "sigma z", "sigma*z"),
                Arguments.of("I x", "I:3x3 x:3", "I*x"),
                Arguments.of("arctan + s", "arctan s", "arctan + s"));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("declaredNamesWin")
    void aDeclaredNameWinsOverALearnersSpelling(String text, String vars, String canonical) {
        assertThat(parse(text, vars).canonical()).isEqualTo(canonical);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("|A|", "write det(A) or abs(A)", 2),
                Arguments.of("2 + |A B|", "write det(A B) or abs(A B)", 6),
                Arguments.of("I", "write eye(n), as in eye(3)", 1),
                Arguments.of("x + I", "write eye(n)", 5),
                Arguments.of("arctn(s)", "unknown function `arctn` (declared: x, y, w, A, B, C, s, t, z); "
                        + "did you mean `arctan`?", 1),
                Arguments.of("sqr(s)", "did you mean `sqrt`?", 1),
                Arguments.of("sec^-1(s)", "write 1/sec(x) for the reciprocal", 1),
                Arguments.of("sin^x(s)", "after a function name ^ takes a number, as in sin^2(x)", 4),
                Arguments.of("‖x + 1", "is never closed; put a bar on each side, as in ‖x‖, or write norm(x)", 1),
                Arguments.of("|x‖", "does not match the `|` at position 1", 3),
                Arguments.of("|s|_2", "a subscript goes after a norm ‖x‖_2, not after |x|", 4),
                Arguments.of("sin", "sin needs an argument, as in sin(x)", 1),
                Arguments.of("sin -s", "sin needs an argument, as in sin(x)", 1),
                Arguments.of("{s + t)", "this `{` is never closed; add `}`", 1),
                Arguments.of("\\left(s + t\\right]", "does not close the `(` at position 6", 18),
                Arguments.of("(s + t}", "this `}` has no matching `{`", 7),
                Arguments.of("\\frac{1}{s + }", "missing operand after `+`", 12));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void everyRefusalSaysWhatToWriteAndWhere(String text, String message, int position) {
        ExpressionException e = catchThrowableOfType(ExpressionException.class, () -> Parser.parse(text, declare(VARS)));
        assertThat(e).as(text).isNotNull();
        assertThat(e.getMessage()).contains(message);
        assertThat(e.span().position()).isEqualTo(position);
    }
}
