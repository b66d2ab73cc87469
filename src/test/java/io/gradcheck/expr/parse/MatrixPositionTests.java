package io.gradcheck.expr.parse;

import static io.gradcheck.expr.Fixtures.declare;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gradcheck.expr.ExpressionException;
import io.gradcheck.expr.Limits;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An error in an entry of a LaTeX matrix answer names the entry and points into the whole text as sent: the
 * span starts at the offending token, and a position the message itself names is a position in the whole text.
 */
public class MatrixPositionTests {

    public static final String VARS = LearnerNotationTests.VARS;

    /**
     * Each row: the matrix with {@code @} just before the offending token (the {@code @} is not sent), the token
     * the error must point at, and the entry (or row) the message must name.
     */
    public static Stream<Arguments> entryErrors() {
        return Stream.of(
                // first entry, first row
                Arguments.of("\\begin{bmatrix} @q & s \\\\ t & 1 \\end{bmatrix}", "q", "entry (1,1) of the matrix"),
                // middle row of three, and a missing operand
                Arguments.of("\\begin{bmatrix} s & t \\\\ 2 @+ & s \\\\ 1 & 0 \\end{bmatrix}", "+",
                        "entry (2,1) of the matrix"),
                // last row, last entry, after multi-character commands in earlier entries and in its own
                Arguments.of("\\begin{bmatrix} \\frac{1}{2} & \\sqrt{t} \\\\ \\frac{1}{2} s & \\frac{s}{t} @q "
                        + "\\end{bmatrix}", "q", "entry (2,2) of the matrix"),
                Arguments.of("\\begin{bmatrix} \\operatorname{tr}(A) \\cdot s & 0 \\\\ 0 & \\dfrac{\\sqrt{s}}{t} "
                        + "\\cdot @\\fracc{s}{t} \\end{bmatrix}", "\\fracc", "entry (2,2) of the matrix"),
                // pmatrix inside \left( … \right), an unmatched parenthesis in the last entry
                Arguments.of("\\left(\\begin{pmatrix} s \\\\ \\frac{s}{2}@) \\end{pmatrix}\\right)", ")",
                        "entry (2,1) of the matrix"),
                // extra spaces and line breaks everywhere
                Arguments.of("   \\begin{bmatrix}\n    s    &    @q   \\\\\n   t  &  1\n\\end{bmatrix}  ", "q",
                        "entry (1,2) of the matrix"),
                Arguments.of("\\left( \\begin{pmatrix}  s  \\\\  t  \\\\   \\frac{1}{ @q }  \\end{pmatrix} \\right)", "q",
                        "entry (3,1) of the matrix"),
                // an unknown LaTeX command in the first entry
                Arguments.of("\\begin{bmatrix} @\\lambda s \\\\ t \\end{bmatrix}", "\\lambda",
                        "entry (1,1) of the matrix"),
                // an empty entry: the place where it should be
                Arguments.of("\\begin{bmatrix} s & @\\\\ t & 1 \\end{bmatrix}", "\\\\", "entry (1,2) of the matrix"),
                // an entry that is not a scalar
                Arguments.of("\\begin{bmatrix} s & t \\\\ 1 & @x \\end{bmatrix}", "x", "entry (2,2) of the matrix is"),
                // a row shorter than the first
                Arguments.of("\\begin{bmatrix} s & t \\\\ @1 \\end{bmatrix}", "1", "row 2 of the matrix"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entryErrors")
    void anErrorInAnEntryPointsAtTheTokenInTheWholeText(String marked, String token, String names) {
        String sent = marked.replace("@", "");
        int expected = marked.indexOf('@');
        ExpressionException e = refusal(sent);
        assertThat(e.getMessage()).as(sent).startsWith(names);
        assertThat(e.span().start()).as("start in %s (%s)", sent, e.getMessage()).isEqualTo(expected);
        assertThat(sent.startsWith(token, e.span().start())).as("%s points at %s", e.getMessage(), token).isTrue();
        assertThat(e.span().end()).isBetween(e.span().start(), sent.length());
        assertThat(e.span().position()).isEqualTo(expected + 1);
    }

    /** A message that names a second place (the bracket a closing one does not match) names it in the whole text. */
    @Test
    void aPositionNamedInTheMessageIsAPositionInTheWholeText() {
        String bars = "\\begin{bmatrix} s & t \\\\ 1 & |s‖ \\end{bmatrix}";
        ExpressionException e = refusal(bars);
        assertThat(bars.charAt(e.span().start())).isEqualTo('‖');
        assertThat(e.getMessage()).startsWith("entry (2,2) of the matrix: ")
                .contains("the `|` at position " + (bars.indexOf('|') + 1) + ";");

        String brackets = "\\begin{pmatrix} \\frac{1}{2} \\\\ \\left( s + t \\right] \\end{pmatrix}";
        ExpressionException f = refusal(brackets);
        // a \left( or \right] is placed at its bracket, as in an expression of its own
        assertThat(f.span().start()).as(f.getMessage()).isEqualTo(brackets.indexOf("\\right]") + "\\right".length());
        assertThat(f.getMessage()).startsWith("entry (2,1) of the matrix: ")
                .contains("the `(` at position " + (brackets.indexOf("\\left(") + "\\left(".length()) + ";");
    }

    @Test
    void aReadableMatrixReadsEntryByEntry() {
        MatrixAnswer.Read m = MatrixAnswer.read("\\left(\\begin{pmatrix} 2 s & \\frac{1}{2} \\\\ t^{2} & 0 "
                + "\\end{pmatrix}\\right)", declare(VARS), Limits.DEFAULT, null, 100);
        assertThat(m.shape().dims()).containsExactly(2, 2);
        assertThat(m.canonical()).isEqualTo("[[\"2*s\", \"1/2\"], [\"t^2\", \"0\"]]");
        assertThat(MatrixAnswer.read(m.latex(), declare(VARS), Limits.DEFAULT, null, 100).canonical())
                .isEqualTo(m.canonical());
    }

    @Test
    void aMatrixOverTheLimitsIsRefusedWithAPlace() {
        String big = "\\begin{bmatrix} " + "s & ".repeat(20) + "s \\end{bmatrix}";
        ExpressionException e = refusal(big, 10);
        assertThat(e.kind()).isEqualTo(ExpressionException.Kind.LIMIT_EXCEEDED);
        assertThat(e.span().start()).isBetween(0, big.length());
        String longer = "\\begin{bmatrix} " + "s + ".repeat(1_100) + "s \\end{bmatrix}";
        assertThat(refusal(longer, 100).kind()).isEqualTo(ExpressionException.Kind.LIMIT_EXCEEDED);
    }

    private static ExpressionException refusal(String latex) {
        return refusal(latex, 100);
    }

    private static ExpressionException refusal(String latex, int maxEntries) {
        assertThat(MatrixAnswer.isMatrix(latex)).as("a whole matrix: %s", latex).isTrue();
        ExpressionException e = catchThrowableOfType(ExpressionException.class,
                () -> MatrixAnswer.read(latex, declare(VARS), Limits.DEFAULT, null, maxEntries));
        assertThat(e).as("refused: %s", latex).isNotNull();
        return e;
    }
}
