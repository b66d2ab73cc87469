package io.gradcheck.expr.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.gradcheck.expr.parse.Catalogue;
import io.gradcheck.expr.parse.Declarations;
import io.gradcheck.expr.ExpressionException;
import io.gradcheck.expr.Fixtures;
import io.gradcheck.expr.Limits;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The service reads back what it prints: for random trees (the fuzz generator's), the LaTeX output and the
 * canonical text both read to the same tree (equal canonical text). And random LaTeX soup only ever fails
 * with a positioned expression error, quickly; so does soup inside a LaTeX matrix, its positions in the whole
 * text. Seeded, so a failure is reproducible.
 */
class RoundTripTests {

    private static final Declarations VARS = Fixtures.declare("x:3 y:3 A:3x3 C:2x3 s t");

    @Test
    void theServicesOwnLatexAndCanonicalTextReadBackToTheSameTree() {
        SplittableRandom random = new SplittableRandom(7);
        List<String> functions = new ArrayList<>(Catalogue.functions().keySet());
        int trees = 0;
        int read = 0;
        while (read < 5_000) {
            String text = FuzzTests.tree(random, functions, 0);
            trees++;
            ParsedExpression p;
            try {
                p = Parser.parse(text, VARS);
            } catch (ExpressionException e) {
                continue; // an ill-shaped tree: nothing to print
            }
            read++;
            String canonical = p.canonical();
            assertThat(Parser.parse(canonical, VARS).canonical()).as("canonical text of %s", text)
                    .isEqualTo(canonical);
            ParsedExpression fromLatex;
            try {
                fromLatex = Parser.parse(p.latex(), VARS, Limits.DEFAULT, InputNotation.LATEX);
            } catch (ExpressionException e) {
                fail("the LaTeX of %s, %s, was refused: %s", text, p.latex(), e.getMessage());
                return;
            }
            assertThat(fromLatex.canonical()).as("LaTeX %s of %s", p.latex(), text).isEqualTo(canonical);
            assertThat(fromLatex.shape()).isEqualTo(p.shape());
        }
        assertThat(trees).isGreaterThanOrEqualTo(5_000);
    }

    private static final String[] SOUP = {
        "x", "y", "A", "C", "s", "t", "z", "e", "T", "I", "0", "1", "2", "12", ".5", "1e-3", " ", " ",
        "+", "-", "*", "/", "^", "_", "'", ",", "(", ")", "[", "]", "{", "}", "{", "}", "|", "||", "&", "\\\\",
        "\\frac", "\\dfrac", "\\sqrt", "\\sqrt[3]", "\\left(", "\\right)", "\\left[", "\\right]", "\\left|",
        "\\right|", "\\left\\|", "\\right\\|", "\\lVert", "\\rVert", "\\|", "\\cdot", "\\times", "\\odot",
        "\\circ", "\\otimes", "^{\\top}", "^\\top", "^{T}", "^\\intercal", "^{-1}", "^{-\\top}", "_{1}", "_{1,2}",
        "\\mathbf", "\\mathbf{x}", "\\boldsymbol", "\\bm", "\\vec", "\\mathrm", "\\operatorname", "\\text",
        "\\operatorname{tr}", "\\exp", "\\ln", "\\log", "\\log_2", "\\sin", "\\cos", "\\tan", "\\sec", "\\arctan",
        "\\det", "\\max", "\\sigma", "\\alpha", "\\pi", "\\,", "\\;", "\\quad", "\\!", "\\begin{bmatrix}",
        "\\end{bmatrix}", "\\begin", "\\end", "\\mathbf{1}", "_3", "\\langle", "\\rangle", "\\infty", "\\foo",
        "\\", "‖", "²", "⁻", "¹", "√", "½", "σ", "sin", "sin^2", "tan^-1", "é", "\n", "~", "%"};

    @Test
    void latexSoupFailsOnlyWithPositionedExpressionErrors() {
        SplittableRandom random = new SplittableRandom(20261122);
        int read = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(n % 100 == 0 ? 400 : 20);
            for (int i = 0; i < length; i++) {
                text.append(SOUP[random.nextInt(SOUP.length)]);
            }
            read += readsOrFailsClearly(text.toString()) ? 1 : 0;
        }
        assertThat(read).as("some soup is valid LaTeX").isGreaterThan(50);
    }

    /** What a math field sends for an entry-wise answer: the soup as entries of a matrix, in its wrappers. */
    private static final String[] MATRIX_SOUP = {"&", " & ", "\\\\", " \\\\ ", "\\\\\n", "{", "}", "\\&"};
    private static final String[][] WRAPPERS = {
        {"\\begin{bmatrix}", "\\end{bmatrix}"}, {"\\begin{pmatrix} ", " \\end{pmatrix}"},
        {"\\left(\\begin{pmatrix}", "\\end{pmatrix}\\right)"}, {"  \\begin{bmatrix}\n", "\n\\end{bmatrix} "},
        {"\\left[ \\begin{matrix}", "\\end{matrix} \\right]"}, {"\\begin{bmatrix}", "\\end{pmatrix}"}};

    /**
     * Matrices of LaTeX soup (≥ 20,000): read as the service reads an answer, a whole matrix entry by entry, and
     * an error in any entry is an expression error whose position lies in the whole text as sent.
     */
    @Test
    void matrixSoupFailsOnlyWithPositionsInTheWholeText() {
        SplittableRandom random = new SplittableRandom(20261123);
        int read = 0;
        int matrices = 0;
        for (int n = 0; n < 20_000; n++) {
            String[] wrapper = WRAPPERS[random.nextInt(WRAPPERS.length)];
            StringBuilder text = new StringBuilder(wrapper[0]);
            int length = 1 + random.nextInt(n % 100 == 0 ? 300 : 24);
            for (int i = 0; i < length; i++) {
                text.append(random.nextInt(4) == 0 ? MATRIX_SOUP[random.nextInt(MATRIX_SOUP.length)]
                        : SOUP[random.nextInt(SOUP.length)]);
            }
            String sent = text.append(wrapper[1]).toString();
            matrices += MatrixAnswer.isMatrix(sent) ? 1 : 0;
            read += readsOrFailsClearly(sent) ? 1 : 0;
        }
        assertThat(matrices).as("most soups are whole matrices").isGreaterThan(10_000);
        assertThat(read).as("some matrices are read").isGreaterThan(50);
    }

    @Test
    void longAndDeepLatexIsRefusedByTheLimitsNotByTheStack() {
        assertThat(readsOrFailsClearly("\\frac{".repeat(700) + "x" + "}{2}".repeat(700))).isFalse();
        assertThat(readsOrFailsClearly("\\sin ".repeat(800) + "s")).isFalse();
        assertThat(readsOrFailsClearly("|".repeat(2000) + "s" + "|".repeat(2000))).isFalse();
        assertThat(readsOrFailsClearly("\\sqrt{".repeat(600) + "s" + "}".repeat(600))).isFalse();
        assertThat(readsOrFailsClearly("s".repeat(5000))).isFalse();
    }

    private static boolean readsOrFailsClearly(String text) {
        long start = System.nanoTime();
        try {
            if (MatrixAnswer.isMatrix(text)) { // as a check or the parse endpoint reads it
                MatrixAnswer.read(text, VARS, Limits.DEFAULT, InputNotation.LATEX, 100_000);
            } else {
                Parser.parse(text, VARS, Limits.DEFAULT, InputNotation.LATEX);
            }
            return true;
        } catch (ExpressionException e) {
            assertThat(e.getMessage()).as("message for %s", text).isNotBlank().doesNotContain("\n")
                    .doesNotContain("Exception").doesNotContain("java.");
            if (e.span().isKnown()) {
                assertThat(e.span().start()).as("start for %s", text).isBetween(0, text.length());
                assertThat(e.span().end()).as("end for %s", text).isBetween(e.span().start(), text.length());
            }
            if (MatrixAnswer.isMatrix(text)) {
                // an error of a matrix is an error of its entries: placed between \begin{…} and \end, never
                // at the entry's own offset alone (which would land in the \begin)
                int body = text.indexOf('}', text.indexOf("\\begin")) + 1;
                assertThat(e.span().isKnown()).as("a place for %s (%s)", text, e.getMessage()).isTrue();
                assertThat(e.span().start()).as("start for %s (%s)", text, e.getMessage())
                        .isBetween(body, text.lastIndexOf("\\end"));
            }
            return false;
        } catch (RuntimeException | StackOverflowError e) {
            fail("reading %s threw %s", text, e);
            return false;
        } finally {
            assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds for %s", text).isLessThan(2_000);
        }
    }
}
