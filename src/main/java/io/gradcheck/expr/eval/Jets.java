package io.gradcheck.expr.eval;

import io.gradcheck.expr.Jet;
import io.gradcheck.expr.Shape;

/**
 * The algebra of jets. Primitives describe themselves through these four shapes of rule — linear, bilinear,
 * elementwise with local derivatives, or a composition of the others — and this class applies the rule to every
 * part. It is the single place where the product rule and the chain rule are written.
 */
public final class Jets {

    private Jets() {
    }

    /** A linear map of entries: out = L(in). Applied to every part unchanged. */
    @FunctionalInterface
    public interface LinearMap {
        void apply(double[] in, double[] out);
    }

    /** A bilinear map of entries: out += B(a, b). The product rule pairs the parts. */
    @FunctionalInterface
    public interface BilinearMap {
        void accumulate(double[] a, double[] b, double[] out);

        /** B(a, b0) into out0 and B(a, b1) into out1: a kernel that can read a once overrides it. */
        default void accumulateRight(double[] a, double[] b0, double[] b1, double[] out0, double[] out1) {
            accumulate(a, b0, out0);
            accumulate(a, b1, out1);
        }

        /** B(a0, b) into out0 and B(a1, b) into out1: a kernel that can read b once overrides it. */
        default void accumulateLeft(double[] a0, double[] a1, double[] b, double[] out0, double[] out1) {
            accumulate(a0, b, out0);
            accumulate(a1, b, out1);
        }
    }

    /** Value and local derivatives of a scalar function; fx is f(x), passed in so rules can reuse it. */
    public interface ScalarRule {
        double value(double x);

        double first(double x, double fx);

        double second(double x, double fx);
    }

    public static Jet linear(Jet a, Shape out, LinearMap map) {
        double[][] in = a.parts();
        double[][] res = new double[in.length][];
        for (int k = 0; k < in.length; k++) {
            if (in[k] != null) {
                res[k] = new double[out.size()];
                map.apply(in[k], res[k]);
            }
        }
        return new Jet(out, res);
    }

    /** Part k of B(a, b) is the sum of B(a_i, b_j) over the ways to split the bits of k into i and j. */
    public static Jet bilinear(Jet a, Jet b, Shape out, BilinearMap map) {
        double[][] x = a.parts();
        double[][] y = b.parts();
        int n = Math.max(x.length, y.length);
        if (n == 2) {
            // one dual pass with one constant side (the most common case): value and tangent in one sweep
            boolean aConstant = x.length == 1 || x[1] == null;
            boolean bConstant = y.length == 1 || y[1] == null;
            if (aConstant != bConstant && x[0] != null && y[0] != null) {
                double[] r0 = new double[out.size()];
                double[] r1 = new double[out.size()];
                if (aConstant) {
                    map.accumulateRight(x[0], y[0], y[1], r0, r1);
                } else {
                    map.accumulateLeft(x[0], x[1], y[0], r0, r1);
                }
                return new Jet(out, new double[][] {r0, r1});
            }
        }
        double[][] res = new double[n][];
        for (int k = 0; k < n; k++) {
            for (int i = k; ; i = (i - 1) & k) {
                int j = k ^ i;
                if (i < x.length && j < y.length && x[i] != null && y[j] != null) {
                    if (res[k] == null) {
                        res[k] = new double[out.size()];
                    }
                    map.accumulate(x[i], y[j], res[k]);
                }
                if (i == 0) {
                    break;
                }
            }
        }
        return new Jet(out, res);
    }

    /**
     * f applied entry by entry: the chain rule for truncated duals. With parts u0 + u1ε₁ + u2ε₂ + u3ε₁ε₂,
     * f(u) = f(u0) + f'(u0)(u1ε₁ + u2ε₂ + u3ε₁ε₂) + f''(u0) u1 u2 ε₁ε₂.
     */
    public static Jet elementwise(Jet a, ScalarRule rule) {
        double[][] u = a.parts();
        int n = a.shape().size();
        double[][] res = new double[u.length][];
        double[] u0 = u[0] == null ? new double[n] : u[0];
        double[] f0 = new double[n];
        res[0] = f0;
        boolean anyTangent = false;
        for (int k = 1; k < u.length; k++) {
            anyTangent |= u[k] != null;
        }
        if (!anyTangent) {
            for (int e = 0; e < n; e++) {
                f0[e] = rule.value(u0[e]);
            }
            return new Jet(a.shape(), res);
        }
        if (u.length == 2) {
            // one dual pass (the common case): value and first derivative in one tight loop
            double[] u1 = u[1];
            double[] f1 = new double[n];
            res[1] = f1;
            for (int e = 0; e < n; e++) {
                double x = u0[e];
                double fx = rule.value(x);
                f0[e] = fx;
                f1[e] = rule.first(x, fx) * u1[e];
            }
            return new Jet(a.shape(), res);
        }
        for (int k = 1; k < u.length; k++) {
            if (u[k] != null) {
                res[k] = new double[n];
            }
        }
        boolean cross = u.length == 4 && u[1] != null && u[2] != null;
        if (cross && res[3] == null) {
            res[3] = new double[n];
        }
        for (int e = 0; e < n; e++) {
            double x = u0[e];
            double fx = rule.value(x);
            f0[e] = fx;
            double d1 = rule.first(x, fx);
            for (int k = 1; k < u.length; k++) {
                if (u[k] != null) {
                    res[k][e] = d1 * u[k][e];
                }
            }
            if (cross) {
                res[3][e] += rule.second(x, fx) * u[1][e] * u[2][e];
            }
        }
        return new Jet(a.shape(), res);
    }

    /**
     * Σₑ f(aₑ) as a scalar jet, for one double or one dual pass (one or two parts, a value part present): the same
     * numbers as summing {@link #elementwise} entry by entry in order, without its arrays. norm1 and logsumexp are
     * sums of a map, and the two arrays of a dual map were most of norm1's dual cost; other passes map, then sum.
     */
    public static Jet sumElementwise(Jet a, ScalarRule rule) {
        double[][] u = a.parts();
        if (u.length > 2 || u[0] == null) {
            throw new IllegalArgumentException("a fused sum of a map takes one double or one dual pass");
        }
        double[] u0 = u[0];
        double[] u1 = u.length == 2 ? u[1] : null;
        double s0 = 0;
        double s1 = 0;
        if (u1 == null) {
            for (double x : u0) {
                s0 += rule.value(x);
            }
        } else {
            for (int e = 0; e < u0.length; e++) {
                double x = u0[e];
                double fx = rule.value(x);
                s0 += fx;
                s1 += rule.first(x, fx) * u1[e];
            }
        }
        double[][] res = new double[u.length][];
        res[0] = new double[] {s0};
        if (u1 != null) {
            res[1] = new double[] {s1};
        }
        return new Jet(Shape.SCALAR, res);
    }

    /** a + sign·b, either side broadcast when it is a scalar. */
    public static Jet addScaled(Jet a, Jet b, double sign, Shape out) {
        double[][] x = a.parts();
        double[][] y = b.parts();
        int n = Math.max(x.length, y.length);
        double[][] res = new double[n][];
        int size = out.size();
        for (int k = 0; k < n; k++) {
            double[] p = k < x.length ? x[k] : null;
            double[] q = k < y.length ? y[k] : null;
            if (p == null && q == null) {
                continue;
            }
            double[] r = new double[size];
            if (p != null) {
                if (p.length == size) {
                    System.arraycopy(p, 0, r, 0, size);
                } else {
                    java.util.Arrays.fill(r, p[0]);
                }
            }
            if (q != null) {
                boolean full = q.length == size;
                for (int e = 0; e < size; e++) {
                    r[e] += sign * (full ? q[e] : q[0]);
                }
            }
            res[k] = r;
        }
        return new Jet(out, res);
    }

    /** The same jet with its value part dropped: the nilpotent part N of U = U0 + N. */
    public static Jet nilpotentPart(Jet a) {
        double[][] p = a.parts().clone();
        p[0] = null;
        return new Jet(a.shape(), p);
    }

    /** A jet whose value part is the given array and whose derivative parts are exactly zero. */
    public static Jet constant(Shape shape, double[] value, int partCount) {
        double[][] p = new double[partCount][];
        p[0] = value;
        return new Jet(shape, p);
    }

    public static Jet scalar(double v, int partCount) {
        return constant(Shape.SCALAR, new double[] {v}, partCount);
    }
}
