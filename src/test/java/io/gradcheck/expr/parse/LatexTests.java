package io.gradcheck.expr.parse;

import static io.gradcheck.expr.Fixtures.declare;
import static io.gradcheck.expr.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gradcheck.expr.ExpressionException;
import io.gradcheck.expr.Limits;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every LaTeX construct of DESIGN.md §2.2 reads to the same tree as its plain spelling. */
class LatexTests {

    static final String VARS = LearnerNotationTests.VARS;

    static Stream<Arguments> constructs() {
        return Stream.of(
                // fractions
                Arguments.of("\\frac{1}{2} s", "1/2*s"),
                Arguments.of("\\dfrac{s}{t}", "s/t"),
                Arguments.of("\\tfrac12 s", "1/2*s"),
                Arguments.of("\\frac{s + 1}{t}^2", "((s + 1)/t)^2"),
                Arguments.of("\\frac{\\frac{1}{s}}{t}", "1/s/t"),
                // roots
                Arguments.of("\\sqrt{s}", "sqrt(s)"),
                Arguments.of("\\sqrt{1 - s^2}", "sqrt(1 - s^2)"),
                Arguments.of("\\sqrt[3]{s}", "cbrt(s)"),
                Arguments.of("\\sqrt[4]{s}", "pow(s, 1/4)"),
                // delimiters
                Arguments.of("\\left( s + t \\right)^2", "(s + t)^2"),
                Arguments.of("\\left[ s + t \\right] t", "(s + t)*t"),
                Arguments.of("\\left| s \\right|", "abs(s)"),
                Arguments.of("\\lvert s \\rvert", "abs(s)"),
                Arguments.of("\\left\\lVert x \\right\\rVert", "norm(x)"),
                Arguments.of("\\left\\| x \\right\\|^2", "norm(x)^2"),
                Arguments.of("\\|x\\|_2", "norm2(x)"),
                Arguments.of("\\lVert A\\rVert_F", "norm(A)"),
                Arguments.of("\\lVert x\\rVert_{1}", "norm1(x)"),
                // products
                Arguments.of("s \\cdot t", "s*t"),
                Arguments.of("s \\times t", "s*t"),
                Arguments.of("x \\odot y", "x .* y"),
                Arguments.of("x \\circ y", "x .* y"),
                Arguments.of("A \\otimes B", "kron(A, B)"),
                // transposes
                Arguments.of("x^{\\top}", "x^T"),
                Arguments.of("x^\\top", "x^T"),
                Arguments.of("x^{T}", "x^T"),
                Arguments.of("x^\\intercal", "x^T"),
                Arguments.of("A^{-\\top}", "inv(A)^T"),
                Arguments.of("A^{-1}", "inv(A)"),
                // super- and subscripts
                Arguments.of("x_{1}^{2}", "x_1^2"),
                Arguments.of("e^{-x_{1}}", "e^(-x_1)"),
                Arguments.of("A_{1,2}", "A_1_2"),
                Arguments.of("s^2 t", "s^2*t"),
                Arguments.of("e^{s}", "e^s"),
                // names
                Arguments.of("\\mathbf{x}^\\top \\mathbf{A} \\mathbf{x}", "x^T*A*x"),
                Arguments.of("\\boldsymbol{w}^{\\top} \\bm{x}", "w^T*x"),
                Arguments.of("\\vec{x} + \\mathrm{y}", "x + y"),
                Arguments.of("\\operatorname{tr}(A)", "tr(A)"),
                Arguments.of("\\operatorname{Tr}\\left(A^{\\top} B\\right)", "tr(A^T*B)"),
                Arguments.of("\\text{tr}(A)", "tr(A)"),
                Arguments.of("\\operatorname{diag}(x)", "diag(x)"),
                Arguments.of("\\mathbf{1}_{3}", "ones(3)"),
                Arguments.of("\\mathbf{0}_{2 \\times 3}", "outer(zeros(2), zeros(3))"),
                Arguments.of("I_{3}", "eye(3)"),
                // functions
                Arguments.of("\\exp(s)", "exp(s)"),
                Arguments.of("\\exp\\left(-s\\right)", "exp(-s)"),
                Arguments.of("\\ln s", "log(s)"),
                Arguments.of("\\log s", "log(s)"),
                Arguments.of("\\log_2 s + \\log_{10} t", "log2(s) + log10(t)"),
                Arguments.of("\\sin^2 s", "sin(s)^2"),
                Arguments.of("\\sin 2s", "sin(2*s)"),
                Arguments.of("\\sin s \\cos s", "sin(s)*cos(s)"),
                Arguments.of("\\sec^2 s", "sec(s)^2"),
                Arguments.of("\\arctan s", "atan(s)"),
                Arguments.of("\\tan^{-1} s", "atan(s)"),
                Arguments.of("\\det(A)", "det(A)"),
                Arguments.of("\\det A", "det(A)"),
                Arguments.of("\\log\\det\\left(A\\right)", "logdet(A)"),
                Arguments.of("\\max(s, t)", "max(s, t)"),
                Arguments.of("\\left\\langle x, y\\right\\rangle", "dot(x, y)"),
                // Greek letters, constants, spacing
                Arguments.of("\\sigma(z)", "sigmoid(z)"),
                Arguments.of("\\sigma\\left(z\\right)\\left(1-\\sigma\\left(z\\right)\\right)",
                        "sigmoid(z)*(1 - sigmoid(z))"),
                Arguments.of("\\pi s", "pi*s"),
                Arguments.of("2\\pi", "2*pi"),
                Arguments.of("s\\,t\\;\\! + \\quad t", "s*t + t"),
                Arguments.of("\\displaystyle s~t", "s*t"),
                // what MathLive emits
                Arguments.of("2\\left(A+A^{\\top}\\right)x", "2*(A + A^T)*x"),
                Arguments.of("\\frac{x}{\\left\\Vert x\\right\\Vert}", "x/norm(x)"),
                Arguments.of("-\\frac{1}{s^2}", "-(1/s^2)"),
                Arguments.of("e^{-2s^3}\\cdot\\left(-6s^2\\right)", "e^(-2*s^3)*(-6*s^2)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constructs")
    void readsEveryLatexConstruct(String latex, String canonical) {
        ParsedExpression p = parse(latex, VARS);
        assertThat(p.canonical()).isEqualTo(canonical);
        assertThat(parse(p.canonical(), VARS).canonical()).isEqualTo(canonical);
    }

    @Test
    void greekNamesAreTheDeclaredVariables() {
        assertThat(parse("\\alpha x", "alpha x:3").canonical()).isEqualTo("alpha*x");
        assertThat(parse("\\lambda x", "λ x:3").canonical()).isEqualTo("λ*x");
        assertThat(parse("\\sigma z", "σ z").canonical()).isEqualTo("σ*z");
        assertThat(parse("\\theta_{2}", "θ:3").canonical()).isEqualTo("θ_2");
    }

    @Test
    void theNotationIsGuessedAndCanBeForced() {
        assertThat(parse("\\frac{s}{t}", VARS).notation()).isEqualTo(InputNotation.LATEX);
        assertThat(parse("s/t", VARS).notation()).isEqualTo(InputNotation.TEXT);
        // without a backslash a forced LaTeX reading differs where TeX differs: s^23 is s^2 followed by 3
        assertThat(catchThrowableOfType(ExpressionException.class, () -> Parser.parse("s^23", declare(VARS),
                Limits.DEFAULT, InputNotation.LATEX)).getMessage()).startsWith("two numbers in a row (2 3)");
        assertThat(Parser.parse("[s + t] t", declare(VARS), Limits.DEFAULT, InputNotation.LATEX).canonical())
                .isEqualTo("(s + t)*t");
        assertThat(Parser.parse("s^23", declare(VARS), Limits.DEFAULT, InputNotation.TEXT).canonical())
                .isEqualTo("s^23");
        ExpressionException e = catchThrowableOfType(ExpressionException.class,
                () -> Parser.parse("\\frac{s}{t}", declare(VARS), Limits.DEFAULT, InputNotation.TEXT));
        assertThat(e.getMessage()).contains("send the expression as LaTeX");
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("\\frac{s}{t", "this `{` is never closed", 9),
                Arguments.of("\\fracc{s}{t}", "unknown LaTeX command `\\fracc`; did you mean `\\frac`?", 1),
                Arguments.of("\\arctn s", "did you mean `\\arctan`?", 1),
                Arguments.of("s + \\lambda", "unknown name `\\lambda`", 5),
                Arguments.of("\\begin{bmatrix} s \\\\ t \\end{bmatrix} + s", "entry-wise answer", 1),
                Arguments.of("\\frac s", "needs its arguments in braces", 1),
                Arguments.of("\\int s", "write the derivative itself", 1),
                Arguments.of("\\left| A \\right|", "write det(A) or abs(A)", 8),
                Arguments.of("\\sqrt[x]{s}", "write the root's index as a whole number", 1),
                Arguments.of("\\mathbf{1} + s", "write the size of the vector of ones", 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusalsPointIntoTheLatexSource(String latex, String message, int position) {
        ExpressionException e = catchThrowableOfType(ExpressionException.class, () -> Parser.parse(latex, declare(VARS)));
        assertThat(e).as(latex).isNotNull();
        assertThat(e.getMessage()).contains(message);
        assertThat(e.span().position()).isEqualTo(position);
    }

    @Test
    void aLatexMatrixSplitsIntoEntriesWithTheirPositions() {
        String latex = "\\begin{bmatrix} 2 x_{1} & \\frac{1}{2} \\\\ -x_2 & 0 \\\\ \\end{bmatrix}";
        List<List<MatrixAnswer.Entry>> rows = MatrixAnswer.rows(latex);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).extracting(e -> e.text().trim()).containsExactly("2 x_{1}", "\\frac{1}{2}");
        assertThat(rows.get(1)).extracting(e -> e.text().trim()).containsExactly("-x_2", "0");
        MatrixAnswer.Entry second = rows.get(0).get(1);
        assertThat(latex.substring(second.offset()).trim()).startsWith("\\frac{1}{2}");
        assertThat(MatrixAnswer.rows("\\left(\\begin{pmatrix} a \\\\ b \\end{pmatrix}\\right)"))
                .extracting(r -> r.stream().map(e -> e.text().trim()).toList())
                .containsExactly(List.of("a"), List.of("b"));
        assertThat(MatrixAnswer.isMatrix("x + \\begin{bmatrix} a \\end{bmatrix}")).isFalse();
        assertThat(MatrixAnswer.isMatrix("2 x")).isFalse();
    }
}
