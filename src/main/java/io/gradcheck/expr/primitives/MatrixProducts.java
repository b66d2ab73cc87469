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
                        int xo = i * k;
                        double s = 0;
                        for (int l = 0; l < k; l++) {
                            s += x[xo + l] * y[l];
                        }
                        r[i] += s;
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
                        int xo = i * k;
                        double s0 = 0;
                        double s1 = 0;
                        for (int l = 0; l < k; l++) {
                            double a = x[xo + l];
                            s0 += a * y0[l];
                            s1 += a * y1[l];
                        }
                        r0[i] += s0;
                        r1[i] += s1;
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
                int xo = i * k;
                for (int j = 0; j < n; j++) {
                    int yo = j * k;
                    double s = 0;
                    for (int l = 0; l < k; l++) {
                        s += x[xo + l] * y[yo + l];
                    }
                    r[i * n + j] += s;
                }
            }
        };
    }
}
