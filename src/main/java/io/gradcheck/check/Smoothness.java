package io.gradcheck.check;

import io.gradcheck.expr.Node;
import java.util.Set;

/**
 * How far a function's dual-number derivative can be trusted without the finite-difference cross-check, from
 * the primitives it is built of (docs/checks.md, "Where it runs"):
 * <ul>
 * <li>{@link Kind#ANALYTIC}: only primitives with no kink, no jump and no point where they or their
 * derivatives are undefined (sums, products, transposes, whole non-negative powers, exp, sin, tanh, …). The dual
 * derivative is exact at every point.</li>
 * <li>{@link Kind#SMOOTH_WHERE_DEFINED}: besides those, primitives that are smooth wherever their value and
 * derivative are finite (division, log, sqrt, other powers, tan, inv, logdet, the Euclidean norm, …). At a
 * point where one of them is not differentiable the dual pass gives a non-finite number, which skips the point
 * anyway; near such a point the dual derivative is still exact, and it is the difference stencil that can
 * straddle the singularity. The cross-check stays where the function changes steeply within the stencil.</li>
 * <li>{@link Kind#KINKED}: anything else (abs, relu, step, sign, max, min, norm1, the spectral norm, or a
 * primitive added later): at a kink the dual pass returns a finite one-sided derivative that only the
 * differences can expose, so every point is cross-checked.</li>
 * </ul>
 * Both lists are allow-lists: a primitive named in neither is treated as kinked.
 */
final class Smoothness {

    /** What the cross-check is needed for (see the class comment). */
    enum Kind {
        ANALYTIC, SMOOTH_WHERE_DEFINED, KINKED
    }

    private static final Set<String> ANALYTIC = Set.of(
            "+", "-", "+transposed", "-transposed", "neg", "*", "transposed*", "*transposed", "hadamard", "transpose",
            "tr", "det", "diag", "dot", "outer", "kron", "vec", "eye", "ones", "zeros", "sum", "mean",
            "exp", "sin", "cos", "sinh", "cosh", "tanh", "sigmoid", "softplus", "atan", "asinh", "sech",
            "logsumexp", "softmax");

    /**
     * Smooth wherever finite: the dual rule of each is the exact derivative at every point where the value and
     * the derivative are finite, and at the points where the primitive is not differentiable one of them is not
     * finite (a pole, a log or root of zero, a singular matrix, the norm of the zero vector: 0/0).
     */
    private static final Set<String> SMOOTH_WHERE_DEFINED = Set.of(
            "/", "^", "^var", "pow", "pow var", "matpow", "inv", "logdet", "norm", "reciprocal",
            "log", "log2", "log10", "sqrt", "cbrt", "tan", "asin", "acos", "sec", "csc", "cot",
            "acosh", "atanh", "csch", "coth");

    private Smoothness() {
    }

    static Kind of(Node node) {
        if (!(node instanceof Node.Call call)) {
            return Kind.ANALYTIC;
        }
        String name = call.primitive().name();
        Kind kind;
        if (ANALYTIC.contains(name) || (name.equals("^") || name.equals("pow")) && wholeNonNegative(call.args().get(1))) {
            kind = Kind.ANALYTIC;
        } else if (SMOOTH_WHERE_DEFINED.contains(name)) {
            kind = Kind.SMOOTH_WHERE_DEFINED;
        } else {
            return Kind.KINKED;
        }
        for (Node a : call.args()) {
            Kind k = of(a);
            if (k == Kind.KINKED) {
                return k;
            }
            if (k.ordinal() > kind.ordinal()) {
                kind = k;
            }
        }
        return kind;
    }

    /** An exponent written as a number 0, 1, 2, …: the power is a polynomial. */
    private static boolean wholeNonNegative(Node exponent) {
        return exponent instanceof Node.Number n && n.value() >= 0 && n.value() == Math.rint(n.value());
    }
}
