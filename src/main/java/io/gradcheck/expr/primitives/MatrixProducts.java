package io.gradcheck.expr.primitives;

import io.gradcheck.expr.eval.Jets.BilinearMap;

/**
 * The kernels of the three matrix products (a b, aᵀ b, a bᵀ), in row-major order. A large product is bound by
 * reading its matrices from memory, not by arithmetic, so each kernel has a fused form for a dual pass with a
 * constant operand (x ↦ xᵀA, x ↦ A x with A fixed): value and tangent are accumulated in one sweep over the
 * constant, which is read once instead of twice. A matrix times a vector accumulates each entry in a local sum.
 */
final class MatrixProducts {

    private MatrixProducts() {
    }

    /** a b for a (m×k) and b (k×n). */
    static BilinearMap product(int m, int k, int n) {
        return new BilinearMap() {
            @Override
            public void accumulate(double[] x, double[] y, double[] r) {
                if (n == 1) {
                    for (int i = 0; i < m; i++) {
                        r[i] += dot(x, i * k, y, 0, k);
                    }
                    return;
                }
                for (int i = 0; i < m; i++) {
                    int ro = i * n;
                    for (int l = 0; l < k; l++) {
                        double s = x[i * k + l];
                        if (s == 0) {
                            continue;
                        }
                        int yo = l * n;
                        for (int j = 0; j < n; j++) {
                            r[ro + j] += s * y[yo + j];
                        }
                    }
                }
            }

            @Override
            public void accumulateRight(double[] x, double[] y0, double[] y1, double[] r0, double[] r1) {
                for (int i = 0; i < m; i++) {
                    if (n == 1) {
                        dot2(x, i * k, y0, y1, k, r0, r1, i);
                        continue;
                    }
                    int ro = i * n;
                    for (int l = 0; l < k; l++) {
                        double s = x[i * k + l];
                        int yo = l * n;
                        for (int j = 0; j < n; j++) {
                            r0[ro + j] += s * y0[yo + j];
                            r1[ro + j] += s * y1[yo + j];
                        }
                    }
                }
            }

            @Override
            public void accumulateLeft(double[] x0, double[] x1, double[] y, double[] r0, double[] r1) {
                if (n == 1) {
                    for (int i = 0; i < m; i++) {
                        r0[i] += dot(x0, i * k, y, 0, k);
                        r1[i] += dot(x1, i * k, y, 0, k);
                    }
                    return;
                }
                for (int i = 0; i < m; i++) {
                    int ro = i * n;
                    for (int l = 0; l < k; l++) {
                        double s0 = x0[i * k + l];
                        double s1 = x1[i * k + l];
                        int yo = l * n;
                        for (int j = 0; j < n; j++) {
                            double b = y[yo + j];
                            r0[ro + j] += s0 * b;
                            r1[ro + j] += s1 * b;
                        }
                    }
                }
            }
        };
    }

    /** aᵀ b for a (k×m) and b (k×n), reading a in place: never forms aᵀ. */
    static BilinearMap transposedLeft(int k, int m, int n) {
        return new BilinearMap() {
            @Override
            public void accumulate(double[] x, double[] y, double[] r) {
                for (int l = 0; l < k; l++) {
                    int xo = l * m;
                    int yo = l * n;
                    if (n == 1) {
                        double s = y[l];
                        if (s != 0) {
                            for (int i = 0; i < m; i++) {
                                r[i] += x[xo + i] * s;
                            }
                        }
                        continue;
                    }
                    for (int i = 0; i < m; i++) {
                        double s = x[xo + i];
                        if (s == 0) {
                            continue;
                        }
                        int ro = i * n;
                        for (int j = 0; j < n; j++) {
                            r[ro + j] += s * y[yo + j];
                        }
                    }
                }
            }

            @Override
            public void accumulateRight(double[] x, double[] y0, double[] y1, double[] r0, double[] r1) {
                for (int l = 0; l < k; l++) {
                    int xo = l * m;
                    int yo = l * n;
                    for (int i = 0; i < m; i++) {
                        double s = x[xo + i];
                        int ro = i * n;
                        for (int j = 0; j < n; j++) {
                            r0[ro + j] += s * y0[yo + j];
                            r1[ro + j] += s * y1[yo + j];
                        }
                    }
                }
            }

            @Override
            public void accumulateLeft(double[] x0, double[] x1, double[] y, double[] r0, double[] r1) {
                for (int l = 0; l < k; l++) {
                    int xo = l * m;
                    int yo = l * n;
                    for (int i = 0; i < m; i++) {
                        double s0 = x0[xo + i];
                        double s1 = x1[xo + i];
                        int ro = i * n;
                        for (int j = 0; j < n; j++) {
                            double b = y[yo + j];
                            r0[ro + j] += s0 * b;
                            r1[ro + j] += s1 * b;
                        }
                    }
                }
            }
        };
    }

    /** a bᵀ for a (m×k) and b (n×k), reading b in place: entry (i, j) is the dot product of rows i and j. */
    static BilinearMap transposedRight(int m, int k, int n) {
        return (x, y, r) -> {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    r[i * n + j] += dot(x, i * k, y, j * k, k);
                }
            }
        };
    }

    /*
     * Dot products in four partial sums: one running sum waits for each addition to finish before the next
     * (a floating-point sum is not reordered by the JIT), four independent ones keep the adder busy. The result
     * differs from the sequential sum by rounding only.
     */

    /** Σ x[xo + l]·y[yo + l] over l < k. */
    static double dot(double[] x, int xo, double[] y, int yo, int k) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int l = 0;
        for (; l + 3 < k; l += 4) {
            s0 += x[xo + l] * y[yo + l];
            s1 += x[xo + l + 1] * y[yo + l + 1];
            s2 += x[xo + l + 2] * y[yo + l + 2];
            s3 += x[xo + l + 3] * y[yo + l + 3];
        }
        for (; l < k; l++) {
            s0 += x[xo + l] * y[yo + l];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Row i of x against y0 and against y1, read once: the value and the tangent of a matrix times a vector,
     * each summed exactly as {@link #dot} sums it, so the value part equals the plain product bit for bit.
     */
    private static void dot2(double[] x, int xo, double[] y0, double[] y1, int k, double[] r0, double[] r1, int i) {
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        double b3 = 0;
        int l = 0;
        for (; l + 3 < k; l += 4) {
            double p0 = x[xo + l];
            double p1 = x[xo + l + 1];
            double p2 = x[xo + l + 2];
            double p3 = x[xo + l + 3];
            a0 += p0 * y0[l];
            a1 += p1 * y0[l + 1];
            a2 += p2 * y0[l + 2];
            a3 += p3 * y0[l + 3];
            b0 += p0 * y1[l];
            b1 += p1 * y1[l + 1];
            b2 += p2 * y1[l + 2];
            b3 += p3 * y1[l + 3];
        }
        for (; l < k; l++) {
            a0 += x[xo + l] * y0[l];
            b0 += x[xo + l] * y1[l];
        }
        r0[i] += (a0 + a1) + (a2 + a3);
        r1[i] += (b0 + b1) + (b2 + b3);
    }
}
