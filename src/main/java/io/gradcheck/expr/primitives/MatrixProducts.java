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
 *   <li>a matrix times a vector sums each entry in {@link #dot} (eight partial sums), two rows per read of the
 *   vector;</li>
 *   <li>a large product (from {@link Ranges#PARALLEL_WORK} multiply-adds) is split over the cores ({@link #rows}).
 *   </li>
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

    /** a b for a (m×k) and b (k×n). */
    static BilinearMap product(int m, int k, int n) {
        long work = (long) m * k * n;
        return new BilinearMap() {
            @Override
            public void accumulate(double[] x, double[] y, double[] r) {
                if (n > 1) {
                    rows(m, k, n, work, r, null,
                            (i, lo, hi, rr, qq, ro) -> combineRows(x, i * k, 1, lo, hi, y, n, rr, ro));
                    return;
                }
                Ranges.run(m, work, (from, to) -> {
                    int i = from;
                    for (; i + 1 < to; i += 2) {
                        dotTwoRows(x, i * k, k, y, r, i);
                    }
                    if (i < to) {
                        r[i] += dot(x, i * k, y, 0, k);
                    }
                });
            }

            @Override
            public void accumulateRight(double[] x, double[] y0, double[] y1, double[] r0, double[] r1) {
                if (n > 1) {
                    rows(m, k, n, 2 * work, r0, r1, (i, lo, hi, rr, qq, ro) -> {
                        combineRows(x, i * k, 1, lo, hi, y0, n, rr, ro);
                        combineRows(x, i * k, 1, lo, hi, y1, n, qq, ro);
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
                    rows(m, k, n, 2 * work, r0, r1,
                            (i, lo, hi, rr, qq, ro) -> combineRows2(x0, x1, i * k, 1, lo, hi, y, n, rr, qq, ro));
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
     * of b with column i of a as coefficients; for a vector b, the result is one row that combines the rows of a
     * with b.
     */
    static BilinearMap transposedLeft(int k, int m, int n) {
        long work = (long) k * m * n;
        return new BilinearMap() {
            @Override
            public void accumulate(double[] x, double[] y, double[] r) {
                if (n == 1) {
                    rows(1, k, m, work, r, null, (i, lo, hi, rr, qq, ro) -> combineRows(y, 0, 1, lo, hi, x, m, rr, ro));
                    return;
                }
                rows(m, k, n, work, r, null, (i, lo, hi, rr, qq, ro) -> combineRows(x, i, m, lo, hi, y, n, rr, ro));
            }

            @Override
            public void accumulateRight(double[] x, double[] y0, double[] y1, double[] r0, double[] r1) {
                if (n == 1) {
                    rows(1, k, m, 2 * work, r0, r1,
                            (i, lo, hi, rr, qq, ro) -> combineRows2(y0, y1, 0, 1, lo, hi, x, m, rr, qq, ro));
                    return;
                }
                accumulate(x, y0, r0);
                accumulate(x, y1, r1);
            }

            @Override
            public void accumulateLeft(double[] x0, double[] x1, double[] y, double[] r0, double[] r1) {
                if (n == 1) {
                    rows(1, k, m, 2 * work, r0, r1, (i, lo, hi, rr, qq, ro) -> {
                        combineRows(y, 0, 1, lo, hi, x0, m, rr, ro);
                        combineRows(y, 0, 1, lo, hi, x1, m, qq, ro);
                    });
                    return;
                }
                rows(m, k, n, 2 * work, r0, r1,
                        (i, lo, hi, rr, qq, ro) -> combineRows2(x0, x1, i, m, lo, hi, y, n, rr, qq, ro));
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

    /** Row i of a result summed over the rows lo ≤ l < hi of a factor, into r (and q, for a fused form) from ro. */
    @FunctionalInterface
    private interface RowSum {
        void run(int i, int lo, int hi, double[] r, double[] q, int ro);
    }

    /**
     * Every row of an m × n result that sums over k rows of a factor (into r, and q for a fused form), split over
     * the cores when large: by rows of the result, or, for a single row, by halves of the k rows, the second half
     * summed into a row of its own and added last. The halves are the same on every machine (one core runs both),
     * so the result depends on the sizes only. (Splitting a single row by columns instead left each core reading
     * half of every row of the factor, which scaled to 1.5× on two cores, against 2× for halves of the rows.)
     */
    private static void rows(int m, int k, int n, long work, double[] r, double[] q, RowSum sum) {
        if (m > 1 || work < Ranges.PARALLEL_WORK || k < 2 * BLOCK) {
            Ranges.run(m, work, (from, to) -> {
                for (int i = from; i < to; i++) {
                    sum.run(i, 0, k, r, q, i * n);
                }
            });
            return;
        }
        int half = k / 2 / BLOCK * BLOCK;
        double[][] second = new double[2][];
        Ranges.run(2, work, (from, to) -> {
            for (int p = from; p < to; p++) {
                if (p == 0) {
                    sum.run(0, 0, half, r, q, 0);
                } else {
                    // allocated (and zeroed) by the thread that fills it: its lines start in that core's cache
                    second[0] = new double[n];
                    second[1] = q == null ? null : new double[n];
                    sum.run(0, half, k, second[0], second[1], 0);
                }
            }
        });
        double[] r2 = second[0];
        double[] q2 = second[1];
        for (int j = 0; j < n; j++) {
            r[j] += r2[j];
        }
        if (q != null) {
            for (int j = 0; j < n; j++) {
                q[j] += q2[j];
            }
        }
    }

    /**
     * r[ro + j] += Σ_l s[so + l·stride]·rows[l·n + j] over lo ≤ l < hi: a combination of rows (of length n) of
     * {@code rows}, {@link #BLOCK} rows per pass over the result row. A block of zero coefficients is skipped
     * (a unit direction, as in a Jacobian column, touches one row).
     */
    private static void combineRows(double[] s, int so, int stride, int lo, int hi, double[] rows, int n,
            double[] r, int ro) {
        int l = lo;
        for (; l + 3 < hi; l += 4) {
            int c = so + l * stride;
            double s0 = s[c];
            double s1 = s[c + stride];
            double s2 = s[c + 2 * stride];
            double s3 = s[c + 3 * stride];
            if (s0 == 0 && s1 == 0 && s2 == 0 && s3 == 0) {
                continue;
            }
            addFourRows(s0, s1, s2, s3, rows, l * n, n, r, ro);
        }
        for (; l < hi; l++) {
            double s0 = s[so + l * stride];
            if (s0 != 0) {
                addRow(s0, rows, l * n, n, r, ro);
            }
        }
    }

    /** r[ro + j] += (s0·row0[j] + s1·row1[j]) + (s2·row2[j] + s3·row3[j]) for the four rows from {@code o}. */
    private static void addFourRows(double s0, double s1, double s2, double s3, double[] rows, int o, int n,
            double[] r, int ro) {
        int o1 = o + n;
        int o2 = o1 + n;
        int o3 = o2 + n;
        for (int j = 0; j < n; j++) {
            r[ro + j] += (s0 * rows[o + j] + s1 * rows[o1 + j]) + (s2 * rows[o2 + j] + s3 * rows[o3 + j]);
        }
    }

    /** r[ro + j] += s·row[j] for the row from {@code o}. */
    private static void addRow(double s, double[] rows, int o, int n, double[] r, int ro) {
        for (int j = 0; j < n; j++) {
            r[ro + j] += s * rows[o + j];
        }
    }

    /**
     * {@link #combineRows} with two coefficient vectors (a value and a tangent) over the same rows, read once:
     * each result equals what {@code combineRows} gives for its coefficients alone, bit for bit.
     */
    private static void combineRows2(double[] s, double[] t, int so, int stride, int lo, int hi, double[] rows,
            int n, double[] r, double[] q, int ro) {
        int l = lo;
        for (; l + 3 < hi; l += 4) {
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
                    addFourRows(s0, s1, s2, s3, rows, l * n, n, r, ro);
                } else if (!tZero) {
                    addFourRows(t0, t1, t2, t3, rows, l * n, n, q, ro);
                }
                continue;
            }
            int o0 = l * n;
            int o1 = o0 + n;
            int o2 = o1 + n;
            int o3 = o2 + n;
            for (int j = 0; j < n; j++) {
                double b0 = rows[o0 + j];
                double b1 = rows[o1 + j];
                double b2 = rows[o2 + j];
                double b3 = rows[o3 + j];
                r[ro + j] += (s0 * b0 + s1 * b1) + (s2 * b2 + s3 * b3);
                q[ro + j] += (t0 * b0 + t1 * b1) + (t2 * b2 + t3 * b3);
            }
        }
        for (; l < hi; l++) {
            double s0 = s[so + l * stride];
            double t0 = t[so + l * stride];
            if (s0 != 0) {
                addRow(s0, rows, l * n, n, r, ro);
            }
            if (t0 != 0) {
                addRow(t0, rows, l * n, n, q, ro);
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
     * Rows i and i + 1 of x (from xo, of length k) against y, each summed exactly as {@link #dot} sums it: y is
     * read once for two rows (1.3× faster than two dots on this project's machine).
     */
    private static void dotTwoRows(double[] x, int xo, int k, double[] y, double[] r, int i) {
        int xo1 = xo + k;
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
            double y0 = y[l];
            double y1 = y[l + 1];
            double y2 = y[l + 2];
            double y3 = y[l + 3];
            double y4 = y[l + 4];
            double y5 = y[l + 5];
            double y6 = y[l + 6];
            double y7 = y[l + 7];
            a0 += x[xo + l] * y0;
            a1 += x[xo + l + 1] * y1;
            a2 += x[xo + l + 2] * y2;
            a3 += x[xo + l + 3] * y3;
            a4 += x[xo + l + 4] * y4;
            a5 += x[xo + l + 5] * y5;
            a6 += x[xo + l + 6] * y6;
            a7 += x[xo + l + 7] * y7;
            b0 += x[xo1 + l] * y0;
            b1 += x[xo1 + l + 1] * y1;
            b2 += x[xo1 + l + 2] * y2;
            b3 += x[xo1 + l + 3] * y3;
            b4 += x[xo1 + l + 4] * y4;
            b5 += x[xo1 + l + 5] * y5;
            b6 += x[xo1 + l + 6] * y6;
            b7 += x[xo1 + l + 7] * y7;
        }
        for (; l < k; l++) {
            a0 += x[xo + l] * y[l];
            b0 += x[xo1 + l] * y[l];
        }
        r[i] += ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7));
        r[i + 1] += ((b0 + b1) + (b2 + b3)) + ((b4 + b5) + (b6 + b7));
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
