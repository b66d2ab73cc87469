package io.gradcheck.expr.primitives;

import io.gradcheck.expr.eval.Jets.BilinearMap;

/**
 * The kernels of the three matrix products (a b, aᵀ b, a bᵀ), in row-major order. A large product is bound by
 * reading its matrices, not by arithmetic, so the kernels read as little as they can:
 *
 * <ul>
 *   <li>each kernel has a fused form for a dual pass with a constant operand (x ↦ xᵀA, x ↦ A x with A fixed):
 *   value and tangent are accumulated in one sweep over the constant, which is read once instead of twice;</li>
 *   <li>a row of the result is updated from four rows of the right-hand factor at a time ({@link #BLOCK}): the
 *   result row is read and written once per four instead of once per row (JDK 17 does not vectorise a loop
 *   whose arrays are read at different offsets, so the saving is in memory traffic, not in SIMD);</li>
 *   <li>a matrix times a vector sums each entry in {@link #dot} (eight partial sums);</li>
 *   <li>a large product (from {@link Ranges#PARALLEL_WORK} multiply-adds) is split over the cores: by rows of the
 *   result, or by columns when the result is one row; every entry is summed as on one thread.</li>
 * </ul>
 *
 * The plain and the fused forms add the same terms in the same order, so a value computed in a dual pass equals
 * the plain product bit for bit.
 */
final class MatrixProducts {

    /** Rows of the right-hand factor combined per update of a result row. */
    static final int BLOCK = 4;

    private MatrixProducts() {
    }

    /** a b for a (m×k) and b (k×n): rows of the result are independent, and split when large. */
    static BilinearMap product(int m, int k, int n) {
        long work = (long) m * k * n;
        return new BilinearMap() {
            @Override
            public void accumulate(double[] x, double[] y, double[] r) {
                if (n > 1) {
                    byRows(m, n, work, (i, from, to) -> combineRows(x, i * k, 1, k, y, n, r, i * n, from, to));
                    return;
                }
                Ranges.run(m, work, (from, to) -> {
                    for (int i = from; i < to; i++) {
                        r[i] += dot(x, i * k, y, 0, k);
                    }
                });
            }

            @Override
            public void accumulateRight(double[] x, double[] y0, double[] y1, double[] r0, double[] r1) {
                if (n > 1) {
                    byRows(m, n, 2 * work, (i, from, to) -> {
                        combineRows(x, i * k, 1, k, y0, n, r0, i * n, from, to);
                        combineRows(x, i * k, 1, k, y1, n, r1, i * n, from, to);
                    });
                    return;
                }
                Ranges.run(m, 2 * work, (from, to) -> {
                    for (int i = from; i < to; i++) {
                        dot2(x, i * k, y0, y1, k, r0, r1, i);
                    }
                });
            }

            @Override
            public void accumulateLeft(double[] x0, double[] x1, double[] y, double[] r0, double[] r1) {
                if (n > 1) {
                    byRows(m, n, 2 * work,
                            (i, from, to) -> combineRows2(x0, x1, i * k, 1, k, y, n, r0, r1, i * n, from, to));
                    return;
                }
                Ranges.run(m, 2 * work, (from, to) -> {
                    for (int i = from; i < to; i++) {
                        r0[i] += dot(x0, i * k, y, 0, k);
                        r1[i] += dot(x1, i * k, y, 0, k);
                    }
                });
            }
        };
    }

    /**
     * aᵀ b for a (k×m) and b (k×n), reading a in place: never forms aᵀ. Row i of the result combines the rows
     * of b with column i of a as coefficients; for a vector b, the result combines the rows of a with b (split
     * by columns of the result when large).
     */
    static BilinearMap transposedLeft(int k, int m, int n) {
        long work = (long) k * m * n;
        return new BilinearMap() {
            @Override
            public void accumulate(double[] x, double[] y, double[] r) {
                if (n == 1) {
                    Ranges.run(m, work, (from, to) -> combineRows(y, 0, 1, k, x, m, r, 0, from, to));
                    return;
                }
                byRows(m, n, work, (i, from, to) -> combineRows(x, i, m, k, y, n, r, i * n, from, to));
            }

            @Override
            public void accumulateRight(double[] x, double[] y0, double[] y1, double[] r0, double[] r1) {
                if (n == 1) {
                    Ranges.run(m, 2 * work,
                            (from, to) -> combineRows2(y0, y1, 0, 1, k, x, m, r0, r1, 0, from, to));
                    return;
                }
                accumulate(x, y0, r0);
                accumulate(x, y1, r1);
            }

            @Override
            public void accumulateLeft(double[] x0, double[] x1, double[] y, double[] r0, double[] r1) {
                if (n == 1) {
                    Ranges.run(m, 2 * work, (from, to) -> {
                        combineRows(y, 0, 1, k, x0, m, r0, 0, from, to);
                        combineRows(y, 0, 1, k, x1, m, r1, 0, from, to);
                    });
                    return;
                }
                byRows(m, n, 2 * work,
                        (i, from, to) -> combineRows2(x0, x1, i, m, k, y, n, r0, r1, i * n, from, to));
            }
        };
    }

    /** a bᵀ for a (m×k) and b (n×k), reading b in place: entry (i, j) is the dot product of rows i and j. */
    static BilinearMap transposedRight(int m, int k, int n) {
        long work = (long) m * k * n;
        return (x, y, r) -> Ranges.run(m, work, (from, to) -> {
            for (int i = from; i < to; i++) {
                for (int j = 0; j < n; j++) {
                    r[i * n + j] += dot(x, i * k, y, j * k, k);
                }
            }
        });
    }

    /** Columns from ≤ j < to of row i of a result. */
    @FunctionalInterface
    private interface RowKernel {
        void run(int i, int from, int to);
    }

    /** Every row of an m × n result, split by rows, or by columns when it is a single row. */
    private static void byRows(int m, int n, long work, RowKernel kernel) {
        if (m == 1) {
            Ranges.run(n, work, (from, to) -> kernel.run(0, from, to));
            return;
        }
        Ranges.run(m, work, (from, to) -> {
            for (int i = from; i < to; i++) {
                kernel.run(i, 0, n);
            }
        });
    }

    /**
     * r[ro + j] += Σ_l s[so + l·stride]·rows[l·n + j] over l < k, for the columns from ≤ j < to: a combination of
     * the k rows (of length n) of {@code rows}, {@link #BLOCK} rows per pass over the result row. A block of zero
     * coefficients is skipped (a unit direction, as in a Jacobian column, touches one row).
     */
    private static void combineRows(double[] s, int so, int stride, int k, double[] rows, int n, double[] r,
            int ro, int from, int to) {
        int l = 0;
        for (; l + 3 < k; l += 4) {
            int c = so + l * stride;
            double s0 = s[c];
            double s1 = s[c + stride];
            double s2 = s[c + 2 * stride];
            double s3 = s[c + 3 * stride];
            if (s0 == 0 && s1 == 0 && s2 == 0 && s3 == 0) {
                continue;
            }
            addFourRows(s0, s1, s2, s3, rows, l * n, n, r, ro, from, to);
        }
        for (; l < k; l++) {
            double s0 = s[so + l * stride];
            if (s0 != 0) {
                addRow(s0, rows, l * n, r, ro, from, to);
            }
        }
    }

    /**
     * r[ro + j] += (s0·row0[j] + s1·row1[j]) + (s2·row2[j] + s3·row3[j]) for the four rows (of length n) from
     * {@code o}, for from ≤ j < to.
     */
    private static void addFourRows(double s0, double s1, double s2, double s3, double[] rows, int o, int n,
            double[] r, int ro, int from, int to) {
        int o1 = o + n;
        int o2 = o1 + n;
        int o3 = o2 + n;
        for (int j = from; j < to; j++) {
            r[ro + j] += (s0 * rows[o + j] + s1 * rows[o1 + j]) + (s2 * rows[o2 + j] + s3 * rows[o3 + j]);
        }
    }

    /** r[ro + j] += s·row[j] for the row from {@code o}, for from ≤ j < to. */
    private static void addRow(double s, double[] rows, int o, double[] r, int ro, int from, int to) {
        for (int j = from; j < to; j++) {
            r[ro + j] += s * rows[o + j];
        }
    }

    /**
     * {@link #combineRows} with two coefficient vectors (a value and a tangent) over the same rows, read once:
     * each result equals what {@code combineRows} gives for its coefficients alone, bit for bit.
     */
    private static void combineRows2(double[] s, double[] t, int so, int stride, int k, double[] rows, int n,
            double[] r, double[] q, int ro, int from, int to) {
        int l = 0;
        for (; l + 3 < k; l += 4) {
            int c = so + l * stride;
            double s0 = s[c];
            double s1 = s[c + stride];
            double s2 = s[c + 2 * stride];
            double s3 = s[c + 3 * stride];
            double t0 = t[c];
            double t1 = t[c + stride];
            double t2 = t[c + 2 * stride];
            double t3 = t[c + 3 * stride];
            boolean sZero = s0 == 0 && s1 == 0 && s2 == 0 && s3 == 0;
            boolean tZero = t0 == 0 && t1 == 0 && t2 == 0 && t3 == 0;
            if (sZero || tZero) {
                if (!sZero) {
                    addFourRows(s0, s1, s2, s3, rows, l * n, n, r, ro, from, to);
                } else if (!tZero) {
                    addFourRows(t0, t1, t2, t3, rows, l * n, n, q, ro, from, to);
                }
                continue;
            }
            int o0 = l * n;
            int o1 = o0 + n;
            int o2 = o1 + n;
            int o3 = o2 + n;
            for (int j = from; j < to; j++) {
                double b0 = rows[o0 + j];
                double b1 = rows[o1 + j];
                double b2 = rows[o2 + j];
                double b3 = rows[o3 + j];
                r[ro + j] += (s0 * b0 + s1 * b1) + (s2 * b2 + s3 * b3);
                q[ro + j] += (t0 * b0 + t1 * b1) + (t2 * b2 + t3 * b3);
            }
        }
        for (; l < k; l++) {
            double s0 = s[so + l * stride];
            double t0 = t[so + l * stride];
            if (s0 != 0) {
                addRow(s0, rows, l * n, r, ro, from, to);
            }
            if (t0 != 0) {
                addRow(t0, rows, l * n, q, ro, from, to);
            }
        }
    }

    /*
     * Dot products in eight partial sums: one running sum waits for each addition to finish before the next
     * (a floating-point sum is not reordered by the JIT), eight independent ones keep the adders busy. The result
     * differs from the sequential sum by rounding only.
     */

    /** Σ x[xo + l]·y[yo + l] over l < k. */
    static double dot(double[] x, int xo, double[] y, int yo, int k) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int l = 0;
        for (; l + 7 < k; l += 8) {
            s0 += x[xo + l] * y[yo + l];
            s1 += x[xo + l + 1] * y[yo + l + 1];
            s2 += x[xo + l + 2] * y[yo + l + 2];
            s3 += x[xo + l + 3] * y[yo + l + 3];
            s4 += x[xo + l + 4] * y[yo + l + 4];
            s5 += x[xo + l + 5] * y[yo + l + 5];
            s6 += x[xo + l + 6] * y[yo + l + 6];
            s7 += x[xo + l + 7] * y[yo + l + 7];
        }
        for (; l < k; l++) {
            s0 += x[xo + l] * y[yo + l];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
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
        double a4 = 0;
        double a5 = 0;
        double a6 = 0;
        double a7 = 0;
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        double b3 = 0;
        double b4 = 0;
        double b5 = 0;
        double b6 = 0;
        double b7 = 0;
        int l = 0;
        for (; l + 7 < k; l += 8) {
            double p0 = x[xo + l];
            double p1 = x[xo + l + 1];
            double p2 = x[xo + l + 2];
            double p3 = x[xo + l + 3];
            double p4 = x[xo + l + 4];
            double p5 = x[xo + l + 5];
            double p6 = x[xo + l + 6];
            double p7 = x[xo + l + 7];
            a0 += p0 * y0[l];
            a1 += p1 * y0[l + 1];
            a2 += p2 * y0[l + 2];
            a3 += p3 * y0[l + 3];
            a4 += p4 * y0[l + 4];
            a5 += p5 * y0[l + 5];
            a6 += p6 * y0[l + 6];
            a7 += p7 * y0[l + 7];
            b0 += p0 * y1[l];
            b1 += p1 * y1[l + 1];
            b2 += p2 * y1[l + 2];
            b3 += p3 * y1[l + 3];
            b4 += p4 * y1[l + 4];
            b5 += p5 * y1[l + 5];
            b6 += p6 * y1[l + 6];
            b7 += p7 * y1[l + 7];
        }
        for (; l < k; l++) {
            a0 += x[xo + l] * y0[l];
            b0 += x[xo + l] * y1[l];
        }
        r0[i] += ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7));
        r1[i] += ((b0 + b1) + (b2 + b3)) + ((b4 + b5) + (b6 + b7));
    }
}
