package io.gradcheck.check;

import io.gradcheck.expr.Node;
import java.util.Set;

/**
 * Whether a function is analytic everywhere: built only from primitives with no kink, no jump and no point
 * where they or their derivatives are undefined (sums, products, transposes, whole non-negative powers, exp,
 * sin, tanh, …). There the dual-number derivative is exact at every point, so the finite-difference
 * cross-check cannot catch a kink or a singularity and {@link Sampling} runs it at a few points only.
 * The list is an allow-list: a primitive not named here (abs, relu, step, sign, max, min, division, log, sqrt,
 * inv, logdet, norm, a matrix power, …, or one added later) keeps the cross-check at every point.
 */
final class Smoothness {

    private static final Set<String> ANALYTIC = Set.of(
            "+", "-", "neg", "*", "transposed*", "*transposed", "hadamard", "transpose",
            "tr", "det", "diag", "dot", "outer", "kron", "vec", "eye", "ones", "zeros", "sum", "mean",
            "exp", "sin", "cos", "sinh", "cosh", "tanh", "sigmoid", "softplus", "atan", "asinh",
            "logsumexp", "softmax");

    private Smoothness() {
    }

    static boolean analytic(Node node) {
        if (node instanceof Node.Call call) {
            String name = call.primitive().name();
            boolean ok = ANALYTIC.contains(name) || (name.equals("^") || name.equals("pow"))
                    && wholeNonNegative(call.args().get(1));
            if (!ok) {
                return false;
            }
            for (Node a : call.args()) {
                if (!analytic(a)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** An exponent written as a number 0, 1, 2, …: the power is a polynomial. */
    private static boolean wholeNonNegative(Node exponent) {
        return exponent instanceof Node.Number n && n.value() >= 0 && n.value() == Math.rint(n.value());
    }
}
