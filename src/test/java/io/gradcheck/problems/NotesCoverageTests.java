package io.gradcheck.problems;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradcheck.problems.ProblemSetDefinition.ProblemDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every derivative the five lecture documents ask for or work out, by document and line (read from the notes,
 * not from the sets), has a problem of its own whose {@code source} names that line. The list is the reading of
 * the notes recorded in docs/problem-sets.md; a rule or function the notes repeat is one item.
 */
class NotesCoverageTests {

    private static final Map<String, String> DOCUMENTS = Map.of(
            "000", "000_dd4e148ad8d3c70b.txt", "001", "001_6c349ea76e3b6d6f.txt", "002", "002_f667fd8366b5c2f0.txt",
            "003", "003_fa45f117007b52c7.txt", "004", "004_35aecc902e33a1e3.txt");

    record Item(String document, int line, String text) {
        @Override
        public String toString() {
            return document + " L" + line + " (" + text + ")";
        }
    }

    private static Item item(String doc, int line, String text) {
        return new Item(DOCUMENTS.get(doc), line, text);
    }

    /** The notes' derivative items: document, line, and a piece of that line's text. */
    static final List<Item> ITEMS = List.of(
            // 000: CMU Mathematical Foundations, Calculus & Lagrange Multipliers
            item("000", 61, "Find \\mathbf{w} , b that minimizes MSE"),
            item("000", 235, "Exercise 1"),
            item("000", 303, "Say: $F_n = \\sigma$"),
            item("000", 308, "What is a Derivative?"),
            item("000", 323, "What is a Derivative?"),
            item("000", 337, "What is a Derivative?"),
            item("000", 385, "Exercise 2"),
            item("000", 403, "Exercise 3"),
            item("000", 476, "$$L(x, \\lambda) = 2x + 9 - \\lambda(x^2 -"),
            // 001: CMU 10-606, matrix differentials
            item("001", 57, "$$dL = \\boxed{2(\\hat{y} - y) U^T} dv^T$$"),
            item("001", 61, "$$dU = \\frac{1}{\\|u\\|} (d\\tilde{u} - U \\"),
            item("001", 87, "$$dL = \\text{tr} \\left(\\boxed{G^T} d\\til"),
            item("001", 95, "$$\\rightarrow \\text{tr} \\left(X (G \\circ"),
            item("001", 113, "$$ds = a \\, dt$$"),
            item("001", 115, "$$du = v \\, dt$$"),
            item("001", 117, "$$dM = N \\, ds$$"),
            item("001", 119, "$$ds = u^T \\, dv$$"),
            item("001", 121, "$$du = M \\, dv$$"),
            item("001", 125, "$$ds = \\operatorname{tr}(M^T \\, dN)$$"),
            item("001", 144, "$$f(t) = \\begin{pmatrix} 2 \\cos t \\\\ 4 \\"),
            item("001", 148, "$$d^2f(t) = f''(t) dt^2 = \\begin{pmatrix"),
            item("001", 174, "$$\\frac{1}{2}(Ax - b)^T (Ax - b) = \\frac"),
            item("001", 180, "$$d^2) \\quad = \\quad dx^T A^T A dx$$"),
            // 002: DS4420 Lecture 2
            item("002", 102, "$$f'(x = 1) = 0.6(1) = 0.6.$$"),
            item("002", 114, "$$f(x_1, x_2, x_3) = x_1 + 2x_2 - 3x_3.$"),
            item("002", 118, "$$f_1(x_1, x_2, x_3) = 2x_1 - x_3$$"),
            item("002", 169, "x_1 + x_2^2 - 4x_3"),
            item("002", 169, "e^{x_1} + \\ln(x_2^2)"),
            item("002", 189, "$$\\frac{d}{dx} 2x - e^x = 2 - e^x.$$"),
            item("002", 193, "2x_1 - e^{x_2} - \\ln(x_3)"),
            item("002", 233, "$$f(x) = x_1^2 - \\ln(x_2) + e^{-x_3} \\qu"),
            item("002", 235, "$$f(x) = x_1^2 - x_1 - \\ln(x_2) + e^{-x_"),
            item("002", 260, "1. $f(x) = y^\\top x - w^\\top x$"),
            item("002", 260, "3. $f(x) = y^\\top Ax - y^\\top x$"),
            item("002", 260, "5. $f(x) = \\text{ReLU}(w^\\top x)$"),
            item("002", 261, "2. $f(x) = y^\\top Ax$"),
            item("002", 261, "4. $f(x) = e^{y^\\top Ax}$"),
            item("002", 343, "y = \\begin{bmatrix} 2 \\\\ 1 \\end{bmatrix}"),
            item("002", 376, "y = \\begin{bmatrix} 1 \\\\ 2 \\\\ 1 \\end{bmatrix}"),
            item("002", 275, "$f(x) = x^\\top A x$"),
            item("002", 278, "$f(x) = \\text{Tr}(x^\\top A x)$"),
            item("002", 281, "$f(w) = \\text{ReLU}(w^\\top x)$"),
            item("002", 284, "$f(w) = \\frac{1}{2} \\sum_{i=1}^n (w^\\top"),
            item("002", 287, "$f(x) = e^{-\\text{Tr}(x^\\top A x)}$"),
            item("002", 290, "$f(x) = e^{-x^\\top A x}$"),
            item("002", 293, "$f(z) = \\frac{1}{1+e^{-z}}$"),
            item("002", 296, "$f(w) = \\frac{1}{1+e^{-w^\\top x}}$"),
            item("002", 299, "$f(x) = \\|x\\|_1.$"),
            item("002", 302, "$f(x) = \\|x\\|_2.$"),
            item("002", 305, "$f(w) = \\sum_{i=1}^n \\text{ReLU}(1 - y_i"),
            item("002", 308, "$f(x) = x^\\top A x - \\lambda(x^\\top x - "),
            item("002", 313, "$$f(\\mu) = \\log \\left( \\prod_i^n \\frac{1"),
            item("002", 318, "$$f(\\lambda) = \\log \\left( \\prod_i^n \\la"),
            item("002", 324, "$$f(p) = \\log \\left( \\prod_i^n p^{\\alpha"),
            item("002", 329, "$$f(a, b) = \\log \\left( \\prod_i^n \\frac{"),
            item("002", 534, "$$f'(v) = \\text{sign}\\left(\\begin{bmatri"),
            item("002", 554, "$$f(x) = x^T A x - \\lambda(x^T I x - 1)."),
            item("002", 651, "$$f(x) = \\log_3(2x^2) - 2xe^{3x} + 2$$"),
            item("002", 835, "$$f(x) = y^\\top x + x^\\top \\mathbf{1} \\q"),
            item("002", 839, "$$f(x) = x^\\top A x \\quad \\text{where} \\"),
            item("002", 843, "$$f(x) = e^{x^\\top A x} \\quad \\text{wher"),
            item("002", 847, "$$f(x) = \\frac{1}{1 + e^{-w^\\top x}} \\qu"),
            // 003: Deep Learning Indaba 2018, Mathematics for Machine Learning
            item("003", 668, "$$f(x) = x^n$$"),
            item("003", 670, "$$f(x) = \\sin(x)$$"),
            item("003", 672, "$$f(x) = \\tanh(x)$$"),
            item("003", 674, "$$f(x) = \\exp(x)$$"),
            item("003", 676, "$$f(x) = \\log(x)$$"),
            item("003", 694, "$$g(z) = 6z + 3$$"),
            item("003", 702, "$$g(z) = \\tanh(z)$$"),
            item("003", 758, "$$f(x_1, x_2) = x_1^2 x_2 + x_1 x_2^3 \\i"),
            item("003", 764, "$$f(x_1, x_2) = (x_1 + 2x_2^3)^2 \\in \\ma"),
            item("003", 846, "$$L(\\mathbf{e}) = \\frac{1}{2} \\|\\mathbf{"),
            item("003", 888, "$$f(x) = Ax, \\quad f(x) \\in \\mathbb{R}^M"),
            item("003", 942, "$$f(\\mathbf{x}) = f(x_1, x_2) = x_1^2 + "),
            item("003", 1029, "$$\\mathbf{f} = \\mathbf{A}\\mathbf{x}, \\qu"),
            item("003", 1147, "$$\\frac{\\partial f}{\\partial \\mathbf{b}}"),
            item("003", 1149, "$$\\frac{\\partial f}{\\partial \\mathbf{A}}"),
            item("003", 1214, "dfdx = np.einsum('il, lj', dfdz, dzdx)"),
            item("003", 1263, "$$\\begin{aligned}\\frac{\\partial L}{\\part"),
            item("003", 1469, "$$L(\\boldsymbol{\\theta}) = \\sum_{i=1}^N "),
            // 004: Vector calculus and optimization notes
            item("004", 72, "- $f(x) = c \\rightarrow f'(x) = 0$, for "),
            item("004", 73, "- $f(x) = cx \\rightarrow f'(x) = c$, for"),
            item("004", 78, "- $f(x) = \\cos(x) \\rightarrow f'(x) = -\\"),
            item("004", 84, "for $f(x) = 3x \\sin(x)$."),
            item("004", 91, "Example 2: Find f'(x) for $f(x) = \\ln(x^"),
            item("004", 113, "Example: Let $f(x,y) = \\sin(x) + 3y^2$. "),
            item("004", 130, "Example 2: Let $f(\\vec{x}, \\vec{b}) = \\v"),
            item("004", 159, "Example: Let $x(t) = \\sin(t)$, $y(t) = \\"),
            item("004", 177, "Consider $f(\\vec{x}) = e^{x_1} + 2x_2^3$"),
            item("004", 236, "Example: Let A be an $m \\times n$ matrix"),
            item("004", 266, "$$\\nabla_{\\vec{x}} \\vec{x}^{\\top} A \\vec"),
            item("004", 311, "- $\\nabla_A \\operatorname{Tr}(AB) = B^{\\"),
            item("004", 312, "- $\\nabla_{A^{\\top}} f(A) = (\\nabla_A f("),
            item("004", 313, "- $\\nabla_A \\operatorname{Tr} (ABA^{\\top"),
            item("004", 314, "- $\\nabla_A \\det(A) = \\det(A)(A^{-1})^{\\"),
            item("004", 421, "$$f(x) = \\sqrt{x^2 + \\exp(x^2)} + \\cos(x"),
            item("004", 508, "$$f_0(x) = x^4 + 7x^3 + 5x^2 - 17x + 3 ("),
            item("004", 521, "The tricky part about this problem is th"),
            item("004", 550, "$$f(\\vec{x}) = \\left(\\frac{x_1 - a}{4}\\r"),
            item("004", 722, "$$f_0(\\vec{x}) : \\mathbb{R}^{50} \\to \\ma"));

    @Test
    void theListHasEveryItemOnce() {
        assertThat(ITEMS).hasSize(100).doesNotHaveDuplicates();
    }

    /** Each item gets a problem of its own (a matching: no problem counts for two items). */
    @Test
    void everyDerivativeItemOfTheNotesHasAProblem() throws Exception {
        List<String> names = new ArrayList<>();
        List<ProblemDefinition> problems = new ArrayList<>();
        for (Path f : ProblemSetFiles.list(Path.of("problem-sets"))) {
            ProblemSetDefinition set = ProblemSetFiles.read(f.getFileName().toString(), ProblemSetFiles.read(f));
            for (ProblemDefinition p : set.problems()) {
                names.add(set.slug() + "/" + p.key());
                problems.add(p);
            }
        }
        Map<Integer, Integer> problemToItem = new HashMap<>();
        List<Item> uncovered = new ArrayList<>();
        for (int i = 0; i < ITEMS.size(); i++) {
            if (!augment(i, problems, problemToItem, new boolean[problems.size()])) {
                uncovered.add(ITEMS.get(i));
            }
        }
        assertThat(uncovered).as("items of the notes with no problem of their own").isEmpty();
        assertThat(problemToItem).hasSize(ITEMS.size());
        // And every problem that claims a place in the notes names one of these items' lines or a range around one.
        for (int j = 0; j < problems.size(); j++) {
            ProblemDefinition p = problems.get(j);
            if (p.source() != null && p.source().notInNotes() == null) {
                assertThat(ITEMS.stream().anyMatch(it -> p.source().covers(it.document(), it.line())))
                        .as(names.get(j) + " names a line of the notes that is no derivative item").isTrue();
            }
        }
    }

    /** Kuhn's augmenting path: item i takes a free problem covering its line, or one whose item can move. */
    private static boolean augment(int i, List<ProblemDefinition> problems, Map<Integer, Integer> problemToItem,
            boolean[] seen) {
        Item it = ITEMS.get(i);
        for (int j = 0; j < problems.size(); j++) {
            ProblemDefinition p = problems.get(j);
            if (seen[j] || p.source() == null || !p.source().covers(it.document(), it.line())) {
                continue;
            }
            seen[j] = true;
            Integer other = problemToItem.get(j);
            if (other == null || augment(other, problems, problemToItem, seen)) {
                problemToItem.put(j, i);
                return true;
            }
        }
        return false;
    }

    /** Where the notes are at hand (../shared/seeds/ beside the checkout), each item's line says what it says. */
    @Test
    void theLinesAreTheNotesLines() throws Exception {
        Path seeds = List.of(Path.of("../shared/seeds"), Path.of("../../shared/seeds")).stream()
                .filter(Files::isDirectory).findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(seeds != null, "the lecture documents are not beside the checkout");
        for (Item it : ITEMS) {
            List<String> lines = Files.readAllLines(seeds.resolve(it.document()));
            assertThat(lines.get(it.line() - 1)).as(it.toString()).contains(it.text());
        }
    }
}
