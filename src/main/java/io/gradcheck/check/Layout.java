package io.gradcheck.check;

import io.gradcheck.expr.Shape;
import java.util.Locale;

/**
 * How a derivative is written out (DESIGN.md §3). Every layout is turned into one internal form, the
 * "Jacobian form": a (size of f) × (size of wrt) matrix, both flattened row-major, so that one contraction
 * with a direction serves them all. {@code FLATTENED} writes f and wrt row-major (row by row); {@code VEC} writes
 * ∂vec(F)/∂vec(X) column-major, as Magnus–Neudecker and the Matrix Cookbook do (vec stacks the columns).
 */
public enum Layout {
    GRADIENT, NUMERATOR, DENOMINATOR, FLATTENED, VEC;

    public static Layout parse(String text, Shape f) {
        if (text == null || text.isBlank()) {
            return f.isScalar() ? GRADIENT : NUMERATOR;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CheckException(CheckException.Kind.BAD_REQUEST, "layout `" + text
                    + "` is not one of gradient, numerator, denominator, flattened, vec");
        }
    }

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The shape an answer has in this layout, or null where the layout does not apply to these shapes. */
    public Shape answerShape(Shape f, Shape wrt) {
        int m = f.size();
        int n = wrt.size();
        boolean atMostVectors = !f.isMatrix() && !wrt.isMatrix();
        return switch (this) {
            case GRADIENT -> f.isScalar() ? wrt : null;
            case NUMERATOR -> atMostVectors ? new Shape(m, n) : null;
            case DENOMINATOR -> atMostVectors ? new Shape(n, m) : null;
            case FLATTENED, VEC -> new Shape(m, n);
        };
    }

    /** Entry (i, j) of the Jacobian form, read from an answer of {@link #answerShape}: row-major throughout. */
    public double[] toJacobianForm(double[] answer, Shape f, Shape wrt) {
        // a denominator-layout answer is n × m: its transpose is the m × n Jacobian form
        if (this == DENOMINATOR) {
            return Values.transpose(answer, wrt.size(), f.size());
        }
        return this == VEC ? reorder(answer, f, wrt, true) : answer;
    }

    /** The inverse of {@link #toJacobianForm} for the flattened and vec layouts (the answer as this layout writes it). */
    double[] fromJacobianForm(double[] jacobian, Shape f, Shape wrt) {
        return this == VEC ? reorder(jacobian, f, wrt, false) : jacobian;
    }

    /** True when the flattened and vec layouts write these shapes differently (f or wrt is a matrix). */
    static boolean vecDiffers(Shape f, Shape wrt) {
        return f.isMatrix() || wrt.isMatrix();
    }

    /**
     * Between the Jacobian form (rows and columns row-major) and the vec form (both column-major): with
     * {@code toRowMajor}, entry (i, j) of the result is entry (vec index of i, vec index of j) of {@code a}.
     */
    private static double[] reorder(double[] a, Shape f, Shape wrt, boolean toRowMajor) {
        int m = f.size();
        int n = wrt.size();
        double[] out = new double[a.length];
        for (int i = 0; i < m; i++) {
            int p = columnMajor(i, f);
            for (int j = 0; j < n; j++) {
                int q = columnMajor(j, wrt);
                if (toRowMajor) {
                    out[i * n + j] = a[p * n + q];
                } else {
                    out[p * n + q] = a[i * n + j];
                }
            }
        }
        return out;
    }

    /** Where entry k (row-major) of a tensor of this shape stands in vec (columns stacked). */
    private static int columnMajor(int k, Shape s) {
        int cols = s.cols();
        return (k % cols) * s.rows() + k / cols;
    }

    /** The layouts in which an answer of this shape would make sense, for a wrong-shape message. */
    public static Layout suggestedBy(Shape answer, Shape f, Shape wrt) {
        for (Layout l : values()) {
            if (answer.equals(l.answerShape(f, wrt))) {
                return l;
            }
        }
        return null;
    }
}
