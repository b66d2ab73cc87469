package io.gradcheck.expr.primitives;

import io.gradcheck.expr.Shape;
import io.gradcheck.expr.Jet;
import io.gradcheck.expr.eval.Jets;
import io.gradcheck.expr.eval.Jets.ScalarRule;

/** Jet-level building blocks that composite primitives (softmax, det, inv, …) are written with. */
final class Ops {

    private Ops() {
    }

    /** Elementwise product; a scalar side is broadcast. */
    static Jet product(Jet a, Jet b) {
        Shape out = a.shape().isScalar() ? b.shape() : a.shape();
        boolean aScalar = a.shape().isScalar();
        boolean bScalar = b.shape().isScalar();
        if (aScalar && bScalar) {
            // the same map for one entry, without a loop or a captured state: scalar functions are mostly this
            return Jets.bilinear(a, b, out, SCALAR_PRODUCT);
        }
        int n = out.size();
        return Jets.bilinear(a, b, out, (x, y, r) -> {
            if (aScalar) {
                double s = x[0];
                for (int e = 0; e < n; e++) {
                    r[e] += s * y[e];
                }
            } else if (bScalar) {
                double s = y[0];
                for (int e = 0; e < n; e++) {
                    r[e] += x[e] * s;
                }
            } else {
                for (int e = 0; e < n; e++) {
                    r[e] += x[e] * y[e];
                }
            }
        });
    }

    private static final Jets.BilinearMap SCALAR_PRODUCT = (x, y, r) -> r[0] += x[0] * y[0];

    /** Matrix product (m×k)(k×n) ({@link MatrixProducts}). */
    static Jet matmul(Jet a, Jet b) {
        int m = a.shape().rows();
        int k = a.shape().cols();
        int n = b.shape().cols();
        return Jets.bilinear(a, b, new Shape(m, n), MatrixProducts.product(m, k, n));
    }

    /** aᵀ b for a (k×m) and b (k×n), reading a in place: never forms aᵀ. */
    static Jet matmulTransposedLeft(Jet a, Jet b) {
        int k = a.shape().rows();
        int m = a.shape().cols();
        int n = b.shape().cols();
        return Jets.bilinear(a, b, new Shape(m, n), MatrixProducts.transposedLeft(k, m, n));
    }

    /** a bᵀ for a (m×k) and b (n×k), reading b in place. */
    static Jet matmulTransposedRight(Jet a, Jet b) {
        int m = a.shape().rows();
        int k = a.shape().cols();
        int n = b.shape().rows();
        return Jets.bilinear(a, b, new Shape(m, n), MatrixProducts.transposedRight(m, k, n));
    }

    static Jet map(Jet a, ScalarRule rule) {
        return Jets.elementwise(a, rule);
    }

    /** Σ aᵢbᵢ over two values of the same shape, summed as {@link MatrixProducts#dot} sums. */
    static Jet inner(Jet a, Jet b) {
        int n = a.shape().size();
        return Jets.bilinear(a, b, Shape.SCALAR, (x, y, r) -> r[0] += MatrixProducts.dot(x, 0, y, 0, n));
    }

    /** Σ f(aᵢ): the same numbers as sum(map(a, rule)), without the mapped arrays in a double or a dual pass. */
    static Jet sumMap(Jet a, ScalarRule rule) {
        return a.partCount() <= 2 && a.part(0) != null ? Jets.sumElementwise(a, rule) : sum(map(a, rule));
    }

    static Jet sum(Jet a) {
        return Jets.linear(a, Shape.SCALAR, (x, r) -> {
            double s = 0;
            for (double v : x) {
                s += v;
            }
            r[0] = s;
        });
    }

    static Jet add(Jet a, Jet b) {
        return Jets.addScaled(a, b, 1, a.shape().isScalar() ? b.shape() : a.shape());
    }

    static Jet subtract(Jet a, Jet b) {
        return Jets.addScaled(a, b, -1, a.shape().isScalar() ? b.shape() : a.shape());
    }

    static Jet plusConstant(Jet a, double c) {
        return add(a, Jets.scalar(c, a.partCount()));
    }

    static Jet scale(Jet a, double c) {
        return Jets.linear(a, a.shape(), (x, r) -> {
            for (int e = 0; e < x.length; e++) {
                r[e] = c * x[e];
            }
        });
    }

    /** The side of the square tiles a transpose copies (32 × 32 doubles: 8 KB read, 8 KB written). */
    private static final int TRANSPOSE_TILE = 32;

    static Jet transpose(Jet a) {
        int m = a.shape().rows();
        int n = a.shape().cols();
        // by square tiles: row by row, every write of a large matrix's column missed the cache (4 ms at n = 1000,
        // most of a check whose answer is (A + A^T) x); a tile's rows and columns stay in the cache together
        return Jets.linear(a, a.shape().transposed(), (x, r) -> {
            for (int i0 = 0; i0 < m; i0 += TRANSPOSE_TILE) {
                int i1 = Math.min(i0 + TRANSPOSE_TILE, m);
                for (int j0 = 0; j0 < n; j0 += TRANSPOSE_TILE) {
                    int j1 = Math.min(j0 + TRANSPOSE_TILE, n);
                    for (int i = i0; i < i1; i++) {
                        for (int j = j0; j < j1; j++) {
                            r[j * m + i] = x[i * n + j];
                        }
                    }
                }
            }
        });
    }

    /**
     * a + sign·bᵀ for a of m × n and b of n × m (a plan of {@code A + B^T} and {@code A - B^T}, see
     * {@code Arithmetic.planSum}): the same sums, entry by entry, as forming bᵀ and adding it, so the same
     * numbers, without the transpose's array and its pass; b is read by the transpose's tiles.
     */
    static Jet addTransposed(Jet a, Jet b, double sign) {
        int m = a.shape().rows();
        int n = a.shape().cols();
        double[][] x = a.parts();
        double[][] y = b.parts();
        double[][] res = new double[Math.max(x.length, y.length)][];
        for (int k = 0; k < res.length; k++) {
            double[] p = k < x.length ? x[k] : null;
            double[] q = k < y.length ? y[k] : null;
            if (p == null && q == null) {
                continue;
            }
            double[] r = new double[m * n];
            // by bands of rows, on the cores together when large (each entry is one sum: the same bits)
            Ranges.run(m, (long) m * n, (from, to) -> {
                if (p != null) {
                    System.arraycopy(p, from * n, r, from * n, (to - from) * n);
                }
                if (q != null) {
                    addTransposedRows(r, q, sign, m, n, from, to);
                }
            });
            res[k] = r;
        }
        return new Jet(a.shape(), res);
    }

    /** Rows [from, to) of r += sign·qᵀ (q is n × m), by the transpose's square tiles. */
    private static void addTransposedRows(double[] r, double[] q, double sign, int m, int n, int from, int to) {
        for (int i0 = from; i0 < to; i0 += TRANSPOSE_TILE) {
            int i1 = Math.min(i0 + TRANSPOSE_TILE, to);
            for (int j0 = 0; j0 < n; j0 += TRANSPOSE_TILE) {
                int j1 = Math.min(j0 + TRANSPOSE_TILE, n);
                for (int i = i0; i < i1; i++) {
                    for (int j = j0; j < j1; j++) {
                        r[i * n + j] += sign * q[j * m + i];
                    }
                }
            }
        }
    }

    static Jet trace(Jet a) {
        int n = a.shape().rows();
        return Jets.linear(a, Shape.SCALAR, (x, r) -> {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += x[i * n + i];
            }
            r[0] = s;
        });
    }

    static Jet identity(int n, int partCount) {
        double[] id = new double[n * n];
        for (int i = 0; i < n; i++) {
            id[i * n + i] = 1;
        }
        return Jets.constant(new Shape(n, n), id, partCount);
    }

    static double maxValue(Jet a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : a.value().data()) {
            m = Math.max(m, v);
        }
        return m;
    }
}
