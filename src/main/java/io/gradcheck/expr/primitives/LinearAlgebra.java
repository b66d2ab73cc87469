package io.gradcheck.expr.primitives;

import io.gradcheck.expr.ExpressionException;
import io.gradcheck.expr.ExpressionException.Kind;
import io.gradcheck.expr.Node;
import io.gradcheck.expr.Notation;
import io.gradcheck.expr.Primitive;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.Tensor;
import io.gradcheck.expr.Jet;
import io.gradcheck.expr.eval.Jets;
import java.util.List;

/**
 * Trace, determinant, inverse and friends. The nonlinear ones are written once, for any number of jet parts,
 * by splitting U = U0 + N into its value and its nilpotent part: with M = U0⁻¹N (so M³ = 0),
 * U⁻¹ = (I − M + M²) U0⁻¹ and log det U = log det U0 + tr M − tr(M²)/2.
 */
public final class LinearAlgebra {

    private LinearAlgebra() {
    }

    private static long cube(List<Node> args) {
        long n = args.get(0).shape().rows();
        return n * n * n;
    }

    public static final Primitive TRACE = new Defined("tr",
            Notation.function("tr", "\\operatorname{tr}", 1), ShapeRules.squareToScalar("tr"),
            (a, out) -> Ops.trace(a.get(0)));

    public static final Primitive DET = new Defined("det",
            Notation.function("det", "\\det", 1), ShapeRules.squareToScalar("det"),
            (a, out) -> determinant(a.get(0)), (args, out) -> cube(args));

    public static final Primitive LOGDET = new Defined("logdet",
            Notation.function("logdet", "\\log\\det", 1), ShapeRules.squareToScalar("logdet"),
            (a, out) -> logDeterminant(a.get(0)), (args, out) -> cube(args));

    public static final Primitive INVERSE = new Defined("inv",
            new Notation("inv(#1)", "$1^{-1}", Notation.ATOM, Notation.POWER), ShapeRules.square("inv"),
            (a, out) -> inverse(a.get(0)), (args, out) -> 3 * cube(args));

    /** diag(v) is the diagonal matrix of a vector; diag(A) the diagonal of a square matrix. */
    public static final Primitive DIAG = new Defined("diag",
            Notation.function("diag", "\\operatorname{diag}", 1),
            (args, d) -> {
                Shape s = args.get(0).shape();
                if (s.isScalar()) {
                    return s;
                }
                if (s.isVector()) {
                    return new Shape(s.rows(), s.rows());
                }
                ShapeRules.requireSquare("diag of a matrix", args.get(0), d);
                return Shape.vector(s.rows());
            },
            (a, out) -> {
                Shape in = a.get(0).shape();
                int n = out.rows();
                if (in.isScalar()) {
                    return a.get(0);
                }
                return in.isVector()
                        ? Jets.linear(a.get(0), out, (x, r) -> {
                            for (int i = 0; i < n; i++) {
                                r[i * n + i] = x[i];
                            }
                        })
                        : Jets.linear(a.get(0), out, (x, r) -> {
                            for (int i = 0; i < n; i++) {
                                r[i] = x[i * n + i];
                            }
                        });
            });

    /** dot(a, b) = Σ aᵢbᵢ; for matrices the Frobenius inner product. */
    public static final Primitive DOT = new Defined("dot",
            new Notation("dot(#1, #2)", "\\left\\langle #1, #2\\right\\rangle", Notation.ATOM),
            (args, d) -> {
                if (!args.get(0).shape().equals(args.get(1).shape())) {
                    throw ShapeRules.mismatch("dot needs two values of the same shape, but " + d.describe(args.get(0))
                            + " and " + d.describe(args.get(1)) + " differ", args.get(0));
                }
                return Shape.SCALAR;
            },
            (a, out) -> Ops.inner(a.get(0), a.get(1)));

    /** outer(a, b) = a bᵀ for vectors a ∈ Rᵐ, b ∈ Rⁿ. */
    public static final Primitive OUTER = new Defined("outer",
            Notation.function("outer", "\\operatorname{outer}", 2),
            (args, d) -> {
                ShapeRules.requireVector("outer", args.get(0), d);
                ShapeRules.requireVector("outer", args.get(1), d);
                return new Shape(args.get(0).shape().rows(), args.get(1).shape().rows());
            },
            (a, out) -> {
                int m = out.rows();
                int n = out.cols();
                return Jets.bilinear(a.get(0), a.get(1), out, (x, y, r) -> {
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            r[i * n + j] += x[i] * y[j];
                        }
                    }
                });
            });

    public static final Primitive KRON = new Defined("kron",
            new Notation("kron(#1, #2)", "@1 \\otimes $2", Notation.ATOM, Notation.MULTIPLICATIVE),
            (args, d) -> {
                Shape a = args.get(0).shape();
                Shape b = args.get(1).shape();
                long rows = (long) a.rows() * b.rows();
                long cols = (long) a.cols() * b.cols();
                if (rows * cols > Integer.MAX_VALUE) {
                    throw new ExpressionException(Kind.LIMIT_EXCEEDED, "kron(" + d.describe(args.get(0)) + ", "
                            + d.describe(args.get(1)) + ") would have " + rows * cols + " entries; that is far too large",
                            args.get(0).span());
                }
                return new Shape((int) rows, (int) cols);
            },
            (a, out) -> {
                Shape as = a.get(0).shape();
                Shape bs = a.get(1).shape();
                int oc = out.cols();
                return Jets.bilinear(a.get(0), a.get(1), out, (x, y, r) -> {
                    for (int i = 0; i < as.rows(); i++) {
                        for (int j = 0; j < as.cols(); j++) {
                            double s = x[i * as.cols() + j];
                            for (int k = 0; k < bs.rows(); k++) {
                                for (int l = 0; l < bs.cols(); l++) {
                                    r[(i * bs.rows() + k) * oc + j * bs.cols() + l] += s * y[k * bs.cols() + l];
                                }
                            }
                        }
                    }
                });
            });

    /** vec(A) stacks the columns of A (the matrix-calculus convention). */
    public static final Primitive VEC = new Defined("vec",
            Notation.function("vec", "\\operatorname{vec}", 1),
            (args, d) -> Shape.vector(args.get(0).shape().size()),
            (a, out) -> {
                int m = a.get(0).shape().rows();
                int n = a.get(0).shape().cols();
                return Jets.linear(a.get(0), out, (x, r) -> {
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            r[j * m + i] = x[i * n + j];
                        }
                    }
                });
            });

    public static final Primitive EYE = constant("eye", "I_{#1}", true, 1.0, true);
    public static final Primitive ONES = constant("ones", "\\mathbf{1}_{#1}", false, 1.0, false);
    public static final Primitive ZEROS = constant("zeros", "\\mathbf{0}_{#1}", false, 0.0, false);

    private static Primitive constant(String name, String latex, boolean square, double fill, boolean diagonal) {
        return new Defined(name, new Notation(name + "(#1)", latex, Notation.ATOM),
                (args, d) -> {
                    int n = wholeSize(name, args.get(0));
                    return square ? new Shape(n, n) : Shape.vector(n);
                },
                (a, out) -> {
                    double[] v = new double[out.size()];
                    int n = out.rows();
                    for (int i = 0; i < n; i++) {
                        if (diagonal) {
                            v[i * n + i] = fill;
                        } else {
                            v[i] = fill;
                        }
                    }
                    return Jets.constant(out, v, a.get(0).partCount());
                });
    }

    private static int wholeSize(String name, Node arg) {
        if (arg instanceof Node.Number num && num.value() >= 1 && num.value() <= Integer.MAX_VALUE
                && num.value() == Math.rint(num.value())) {
            return (int) num.value();
        }
        throw new ExpressionException(Kind.WRONG_ARGUMENTS,
                name + " needs a positive whole number written out, as in " + name + "(3)", arg.span());
    }

    /** The determinant of a plain square matrix: the value rule of det, for callers outside the evaluator. */
    public static double determinant(Tensor m) {
        return Matrices.det(m.data(), m.shape().rows());
    }

    static Jet inverse(Jet u) {
        int n = u.shape().rows();
        Jet v0 = Jets.constant(u.shape(), Matrices.inverse(u.value().data(), n), u.partCount());
        if (u.partCount() == 1) {
            return v0;
        }
        Jet m = Ops.matmul(v0, Jets.nilpotentPart(u));
        Jet mv0 = Ops.matmul(m, v0);
        return Ops.add(Ops.subtract(v0, mv0), Ops.matmul(m, mv0));
    }

    static Jet determinant(Jet u) {
        int n = u.shape().rows();
        if (u.partCount() == 2) {
            double[] d = dualDeterminant(u);
            return new Jet(Shape.SCALAR, new double[][] {{d[0]}, d.length == 1 ? null : new double[] {d[1]}});
        }
        double d0 = Matrices.det(u.value().data(), n);
        Jet s = logDeterminantIncrement(u);
        if (s == null) {
            return Jets.scalar(d0, u.partCount());
        }
        // det U = det U0 · exp(s), and exp of a nilpotent s is 1 + s + s²/2
        Jet exp = Ops.add(Ops.plusConstant(s, 1), Ops.scale(Ops.product(s, s), 0.5));
        return Ops.scale(exp, d0);
    }

    static Jet logDeterminant(Jet u) {
        if (u.partCount() == 2) {
            // d log det = d det / det, from the same factorisation
            double[] d = dualDeterminant(u);
            double log = Math.log(d[0]);
            return new Jet(Shape.SCALAR, new double[][] {{log}, d.length == 1 ? null : new double[] {d[1] / d[0]}});
        }
        double d0 = Matrices.det(u.value().data(), u.shape().rows());
        Jet s = logDeterminantIncrement(u);
        Jet base = Jets.scalar(Math.log(d0), u.partCount());
        return s == null ? base : Ops.add(base, s);
    }

    /**
     * Over dual numbers (value and one tangent, the common case): the determinant and its derivative from one
     * LU of the dual matrix, so the tangent costs about two more multiply-adds per step of the value's
     * elimination rather than an inverse and a matrix product. {det} alone where the tangent is exactly zero.
     */
    private static double[] dualDeterminant(Jet u) {
        int n = u.shape().rows();
        double[] value = u.part(0);
        double[] tangent = u.part(1);
        return tangent == null ? new double[] {Matrices.det(value, n)} : Matrices.detDual(value, tangent, n);
    }

    /** tr M − tr(M²)/2 with M = U0⁻¹N: the nilpotent part of log det U; null for a plain value. */
    private static Jet logDeterminantIncrement(Jet u) {
        if (u.partCount() == 1) {
            return null;
        }
        int n = u.shape().rows();
        Jet v0 = Jets.constant(u.shape(), Matrices.inverse(u.value().data(), n), u.partCount());
        Jet m = Ops.matmul(v0, Jets.nilpotentPart(u));
        return Ops.subtract(Ops.trace(m), Ops.scale(Ops.trace(Ops.matmul(m, m)), 0.5));
    }
}
