package io.gradcheck.expr.primitives;

import java.util.Arrays;

/** Plain double linear algebra for the value parts: LU with partial pivoting. */
final class Matrices {

    private Matrices() {
    }

    /** Determinant of the row-major n×n matrix a. */
    static double det(double[] a, int n) {
        double[] lu = a.clone();
        double det = 1;
        for (int c = 0; c < n; c++) {
            int p = pivot(lu, n, c);
            if (lu[p * n + c] == 0) {
                return 0;
            }
            if (p != c) {
                swapRows(lu, n, p, c);
                det = -det;
            }
            double d = lu[c * n + c];
            det *= d;
            for (int r = c + 1; r < n; r++) {
                double f = lu[r * n + c] / d;
                for (int j = c; j < n; j++) {
                    lu[r * n + j] -= f * lu[c * n + j];
                }
            }
        }
        return det;
    }

    /**
     * Determinant and its directional derivative at once: one LU factorisation over dual numbers (value a,
     * tangent t), pivoting on the values. Returns {det, D det}; {0, NaN} where a is exactly singular (as the
     * general rule, which needs the inverse, gives).
     */
    static double[] detDual(double[] a, double[] t, int n) {
        double[] lu = a.clone();
        double[] dt = t.clone();
        double det = 1;
        double ddet = 0;
        for (int c = 0; c < n; c++) {
            int p = pivot(lu, n, c);
            if (lu[p * n + c] == 0) {
                return new double[] {0, Double.NaN};
            }
            if (p != c) {
                swapRows(lu, n, p, c);
                swapRows(dt, n, p, c);
                det = -det;
                ddet = -ddet;
            }
            int co = c * n;
            double d = lu[co + c];
            double td = dt[co + c];
            ddet = ddet * d + det * td;
            det *= d;
            for (int r = c + 1; r < n; r++) {
                int ro = r * n;
                double f = lu[ro + c] / d;
                double tf = (dt[ro + c] - f * td) / d;
                for (int j = c + 1; j < n; j++) {
                    lu[ro + j] -= f * lu[co + j];
                    dt[ro + j] -= tf * lu[co + j] + f * dt[co + j];
                }
            }
        }
        return new double[] {det, ddet};
    }

    /** Inverse of the row-major n×n matrix a by Gauss–Jordan; all NaN when a is singular. */
    static double[] inverse(double[] a, int n) {
        double[] m = a.clone();
        double[] inv = new double[n * n];
        for (int i = 0; i < n; i++) {
            inv[i * n + i] = 1;
        }
        for (int c = 0; c < n; c++) {
            int p = pivot(m, n, c);
            if (m[p * n + c] == 0) {
                Arrays.fill(inv, Double.NaN);
                return inv;
            }
            swapRows(m, n, p, c);
            swapRows(inv, n, p, c);
            double d = m[c * n + c];
            for (int j = 0; j < n; j++) {
                m[c * n + j] /= d;
                inv[c * n + j] /= d;
            }
            for (int r = 0; r < n; r++) {
                double f = m[r * n + c];
                if (r == c || f == 0) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    m[r * n + j] -= f * m[c * n + j];
                    inv[r * n + j] -= f * inv[c * n + j];
                }
            }
        }
        return inv;
    }

    private static int pivot(double[] m, int n, int c) {
        int p = c;
        for (int r = c + 1; r < n; r++) {
            if (Math.abs(m[r * n + c]) > Math.abs(m[p * n + c])) {
                p = r;
            }
        }
        return p;
    }

    private static void swapRows(double[] m, int n, int a, int b) {
        if (a == b) {
            return;
        }
        for (int j = 0; j < n; j++) {
            double t = m[a * n + j];
            m[a * n + j] = m[b * n + j];
            m[b * n + j] = t;
        }
    }
}
