package io.gradcheck.expr.primitives;

import static io.gradcheck.expr.Notation.ADDITIVE;
import static io.gradcheck.expr.Notation.MULTIPLICATIVE;
import static io.gradcheck.expr.Notation.UNARY;

import io.gradcheck.expr.Node;
import io.gradcheck.expr.Notation;
import io.gradcheck.expr.Primitive;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.Jet;

/** The operators: + - * / .* ^ and transpose. */
public final class Arithmetic {

    private Arithmetic() {
    }

    public static final Primitive ADD = new Defined("+",
            new Notation("@1 + $2", "@1 + $2", ADDITIVE),
            ShapeRules.broadcast("add", "and"),
            (a, out) -> Ops.add(a.get(0), a.get(1)),
            null,
            call -> planSum(call, false));

    public static final Primitive SUBTRACT = new Defined("-",
            new Notation("@1 - $2", "@1 - $2", ADDITIVE),
            ShapeRules.broadcast("subtract", "from"),
            (a, out) -> Ops.subtract(a.get(0), a.get(1)),
            null,
            call -> planSum(call, true));

    /**
     * A + Bᵀ, Aᵀ + B and A - Bᵀ of two matrices as one pass that reads the transposed side in place (the transpose
     * is never formed): {@code (A + A^T) x} with a fixed 1000 × 1000 A formed Aᵀ, then the sum, once per check.
     * Addition commutes exactly (up to the sign of a zero), so Aᵀ + B may be read as B + Aᵀ; Aᵀ - B is left as it is.
     */
    private static Node.Call planSum(Node.Call call, boolean subtract) {
        Node a = call.args().get(0);
        Node b = call.args().get(1);
        if (a.shape().isScalar() || b.shape().isScalar()) {
            return call;
        }
        if (b instanceof Node.Call tb && tb.primitive() == TRANSPOSE) {
            return new Node.Call(subtract ? MINUS_TRANSPOSED : PLUS_TRANSPOSED, java.util.List.of(a, tb.args().get(0)),
                    call.shape(), call.span());
        }
        if (!subtract && a instanceof Node.Call ta && ta.primitive() == TRANSPOSE) {
            return new Node.Call(PLUS_TRANSPOSED, java.util.List.of(b, ta.args().get(0)), call.shape(), call.span());
        }
        return call;
    }

    /** A + Bᵀ, for plans only (see {@link #planSum}): never written by a reader, never printed as such. */
    static final Primitive PLUS_TRANSPOSED = new Defined("+transposed",
            new Notation("@1 + $2^T", "@1 + $2^{\\top}", ADDITIVE),
            (args, d) -> args.get(0).shape(),
            (a, out) -> Ops.addTransposed(a.get(0), a.get(1), 1));

    /** A - Bᵀ, for plans only. */
    static final Primitive MINUS_TRANSPOSED = new Defined("-transposed",
            new Notation("@1 - $2^T", "@1 - $2^{\\top}", ADDITIVE),
            (args, d) -> args.get(0).shape(),
            (a, out) -> Ops.addTransposed(a.get(0), a.get(1), -1));

    public static final Primitive NEGATE = new Defined("neg",
            new Notation("-@1", "-@1", UNARY),
            ShapeRules.same(),
            (a, out) -> Ops.scale(a.get(0), -1));

    /** a * b and juxtaposition: scaling when either side is a scalar, else the matrix product. */
    public static final Primitive MULTIPLY = new Defined("*",
            new Notation("@1*$2", "@1~$2", MULTIPLICATIVE),
            (args, d) -> {
                Shape a = args.get(0).shape();
                Shape b = args.get(1).shape();
                if (a.isScalar()) {
                    return b;
                }
                if (b.isScalar()) {
                    return a;
                }
                if (a.cols() != b.rows()) {
                    throw ShapeRules.mismatch("cannot multiply " + d.describe(args.get(0)) + " by "
                            + d.describe(args.get(1)) + ": the inner sizes " + a.cols() + " and " + b.rows()
                            + " differ", args.get(0));
                }
                return new Shape(a.rows(), b.cols());
            },
            (a, out) -> a.get(0).shape().isScalar() || a.get(1).shape().isScalar()
                    ? Ops.product(a.get(0), a.get(1))
                    : Ops.matmul(a.get(0), a.get(1)),
            Arithmetic::productCost,
            Arithmetic::planProduct);

    private static long productCost(java.util.List<Node> args, Shape out) {
        Shape a = args.get(0).shape();
        Shape b = args.get(1).shape();
        return a.isScalar() || b.isScalar() ? out.size() : (long) a.rows() * a.cols() * b.cols();
    }

    /** Aᵀ B and A Bᵀ as products that read the transposed factor in place (the transpose is never formed). */
    private static Node.Call planProduct(Node.Call call) {
        Node a = call.args().get(0);
        Node b = call.args().get(1);
        if (a.shape().isScalar() || b.shape().isScalar()) {
            return call;
        }
        if (a instanceof Node.Call ta && ta.primitive() == TRANSPOSE) {
            return new Node.Call(TRANSPOSED_TIMES, java.util.List.of(ta.args().get(0), b), call.shape(), call.span());
        }
        if (b instanceof Node.Call tb && tb.primitive() == TRANSPOSE) {
            return new Node.Call(TIMES_TRANSPOSED, java.util.List.of(a, tb.args().get(0)), call.shape(), call.span());
        }
        return call;
    }

    /** Aᵀ B, for plans only (see {@link #planProduct}): never written by a reader, never printed as such. */
    static final Primitive TRANSPOSED_TIMES = new Defined("transposed*",
            new Notation("@1^T*$2", "@1^{\\top}~$2", MULTIPLICATIVE),
            (args, d) -> new Shape(args.get(0).shape().cols(), args.get(1).shape().cols()),
            (a, out) -> Ops.matmulTransposedLeft(a.get(0), a.get(1)),
            (args, out) -> (long) args.get(0).shape().size() * args.get(1).shape().cols());

    /** A Bᵀ, for plans only. */
    static final Primitive TIMES_TRANSPOSED = new Defined("*transposed",
            new Notation("@1*$2^T", "@1~$2^{\\top}", MULTIPLICATIVE),
            (args, d) -> new Shape(args.get(0).shape().rows(), args.get(1).shape().rows()),
            (a, out) -> Ops.matmulTransposedRight(a.get(0), a.get(1)),
            (args, out) -> (long) args.get(0).shape().size() * args.get(1).shape().rows());

    /** a / b: by a scalar, or elementwise; a scalar divided by a tensor is elementwise too. */
    public static final Primitive DIVIDE = new Defined("/",
            new Notation("@1/$2", "\\frac{#1}{#2}", MULTIPLICATIVE),
            (args, d) -> {
                Shape a = args.get(0).shape();
                Shape b = args.get(1).shape();
                if (a.equals(b) || b.isScalar()) {
                    return a;
                }
                if (a.isScalar()) {
                    return b;
                }
                throw ShapeRules.mismatch("cannot divide " + d.describe(args.get(0)) + " by " + d.describe(args.get(1))
                        + ": divide by a scalar, or by a value of the same shape (elementwise)", args.get(0));
            },
            (a, out) -> Ops.product(a.get(0), Ops.map(a.get(1), ScalarFunction.RECIPROCAL)));

    public static final Primitive HADAMARD = new Defined("hadamard",
            new Notation("@1 .* $2", "@1 \\odot $2", MULTIPLICATIVE),
            ShapeRules.broadcast("multiply elementwise", "by"),
            (a, out) -> Ops.product(a.get(0), a.get(1)));

    public static final Primitive TRANSPOSE = new Defined("transpose",
            // binds like a power: x^T is read as one, so (x^T)^2 must keep its parentheses
            new Notation("$1^T", "$1^{\\top}", Notation.POWER),
            (args, d) -> args.get(0).shape().transposed(),
            (a, out) -> Ops.transpose(a.get(0)));

    /** a ^ p entry by entry, for an exponent p without variables: the power rule. */
    public static final Primitive POWER = new Defined("^",
            new Notation("$1^@2", "$1^{#2}", Notation.POWER),
            ShapeRules.broadcast("raise", "to the power"),
            (a, out) -> Ops.map(a.get(0), ScalarFunction.power(a.get(1).value().data()[0])));

    /**
     * a ^ b entry by entry, for an exponent with variables: exp(b·log a), defined where a &gt; 0. Which of the
     * two rules applies is decided once, when the expression is read, so every evaluation agrees on it.
     */
    public static final Primitive POWER_VARIABLE = new Defined("^var",
            new Notation("$1^@2", "$1^{#2}", Notation.POWER),
            ShapeRules.broadcast("raise", "to the power"),
            (a, out) -> exponential(a.get(0), a.get(1)));

    /** pow(a, b): the same rules as a ^ b entrywise, written as a function (it never means a matrix power). */
    public static final Primitive POW = new Defined("pow",
            Notation.function("pow", "\\operatorname{pow}", 2),
            ShapeRules.broadcast("raise", "to the power"),
            (a, out) -> Ops.map(a.get(0), ScalarFunction.power(a.get(1).value().data()[0])));

    public static final Primitive POW_VARIABLE = new Defined("pow var",
            Notation.function("pow", "\\operatorname{pow}", 2),
            ShapeRules.broadcast("raise", "to the power"),
            (a, out) -> exponential(a.get(0), a.get(1)));

    private static Jet exponential(Jet base, Jet exponent) {
        return Ops.map(Ops.product(exponent, Ops.map(base, ScalarFunction.LOG)), ScalarFunction.EXP);
    }

    /** A^k for a square matrix and a whole number k (negative: powers of the inverse). */
    public static Primitive matrixPower(int k) {
        return new Defined("matpow",
                new Notation("$1^@2", "$1^{#2}", Notation.POWER),
                (args, d) -> {
                    ShapeRules.requireSquare("a matrix power", args.get(0), d);
                    return args.get(0).shape();
                },
                (a, out) -> {
                    Jet base = k < 0 ? LinearAlgebra.inverse(a.get(0)) : a.get(0);
                    Jet result = Ops.identity(out.rows(), base.partCount());
                    for (int i = 0; i < Math.abs(k); i++) {
                        result = i == 0 ? base : Ops.matmul(result, base);
                    }
                    return result;
                },
                (args, out) -> {
                    long n = out.rows();
                    return (Math.abs(k) + (k < 0 ? 1 : 0)) * n * n * n;
                });
    }
}
