package io.gradcheck.expr.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.gradcheck.expr.ExpressionException;
import io.gradcheck.expr.Fixtures;
import io.gradcheck.expr.Tensor;
import io.gradcheck.expr.eval.Evaluator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Whatever text arrives, reading it either succeeds or fails with an ExpressionException carrying one plain
 * sentence; and whatever reads successfully evaluates, over doubles and duals, without throwing. Seeded, so a
 * failure is reproducible.
 */
class FuzzTests {

    private static final Declarations VARS = Fixtures.declare("x:3 y:3 A:3x3 C:2x3 s t");
    private static final String[] PIECES = {
        "x", "y", "A", "C", "s", "t", "z", "e", "pi", "T", "π", "0", "1", "2", ".5", "1e-3", "9e999", "12",
        "+", "-", "*", "/", "^", "'", "ᵀ", ".*", "⊙", "·", "×", "−", "**", "(", ")", "(", ")", "[", "]", "{", "}",
        ",", "_", " ", " ", "x1", "x_3", "A_{1,2}", "A[2,3]", "x[0]", "%", "!", "\"", "\\", "é", "ℵ", "\t", "\n",
        "sin(", "exp(", "log(", "tr(", "det(", "inv(", "norm(", "max(", "pow(", "eye(", "ones(", "softmax(",
        "kron(", "outer(", "diag(", "vec(", "sum(", "sigmoid(", "relu("};

    @Test
    void randomTextNeverThrowsAnythingButAClearExpressionError() {
        SplittableRandom random = new SplittableRandom(20261122);
        int read = 0;
        for (int n = 0; n < 30_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(16);
            for (int i = 0; i < length; i++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            read += readAndEvaluate(text.toString(), random) ? 1 : 0;
        }
        assertThat(read).as("some random texts are valid expressions").isGreaterThan(100);
    }

    @Test
    void randomTreesReadAndEvaluateOrFailClearly() {
        SplittableRandom random = new SplittableRandom(42);
        List<String> functions = new ArrayList<>(Catalogue.functions().keySet());
        int read = 0;
        for (int n = 0; n < 5_000; n++) {
            read += readAndEvaluate(tree(random, functions, 0), random) ? 1 : 0;
        }
        assertThat(read).as("many random trees are well-shaped").isGreaterThan(500);
    }

    static String tree(SplittableRandom random, List<String> functions, int depth) {
        int choice = depth > 4 ? random.nextInt(2) : random.nextInt(6);
        switch (choice) {
            case 0:
                return new String[] {"x", "y", "A", "C", "s", "t", "x2", "A[1,3]"}[random.nextInt(8)];
            case 1:
                return new String[] {"2", "0.5", "3", "1e-2", "e", "pi"}[random.nextInt(6)];
            case 2:
            case 3: {
                String op = new String[] {" + ", " - ", " * ", " / ", " .* ", "^", " "}[random.nextInt(7)];
                return "(" + tree(random, functions, depth + 1) + op + tree(random, functions, depth + 1) + ")";
            }
            case 4:
                return "(" + tree(random, functions, depth + 1) + (random.nextBoolean() ? ")^T" : ")'");
            default: {
                String f = functions.get(random.nextInt(functions.size()));
                int arity = Catalogue.function(f).arity();
                if (f.equals("eye") || f.equals("ones") || f.equals("zeros")) {
                    return f + "(3)";
                }
                StringBuilder call = new StringBuilder(f).append('(');
                for (int i = 0; i < arity; i++) {
                    call.append(i > 0 ? ", " : "").append(tree(random, functions, depth + 1));
                }
                return call.append(')').toString();
            }
        }
    }

    /** True when the text was read; fails the test on anything but a well-formed ExpressionException. */
    private static boolean readAndEvaluate(String text, SplittableRandom random) {
        ParsedExpression parsed;
        try {
            parsed = Parser.parse(text, VARS);
        } catch (ExpressionException e) {
            assertThat(e.getMessage()).as("message for %s", text).isNotBlank().doesNotContain("\n")
                    .doesNotContain("Exception").doesNotContain("java.");
            if (e.span().isKnown()) {
                assertThat(e.span().start()).isBetween(0, text.length());
                assertThat(e.span().end()).isBetween(e.span().start(), text.length());
            }
            return false;
        } catch (RuntimeException e) {
            fail("reading %s threw %s", text, e);
            return false;
        }
        try {
            Map<String, Tensor> point = Fixtures.point(VARS, random);
            Evaluator.value(parsed.root(), point);
            Evaluator.directional(parsed.root(), point, "x", Fixtures.uniform(point.get("x").shape(), random));
            Evaluator.secondDirectional(parsed.root(), point, "A", Fixtures.uniform(point.get("A").shape(), random),
                    Fixtures.uniform(point.get("A").shape(), random));
            assertThat(Parser.parse(parsed.canonical(), VARS).canonical()).isEqualTo(parsed.canonical());
        } catch (RuntimeException e) {
            fail("evaluating %s (read as %s) threw %s", text, parsed.canonical(), e);
        }
        return true;
    }
}
