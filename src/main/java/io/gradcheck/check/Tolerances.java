package io.gradcheck.check;

import java.util.ArrayList;
import java.util.List;

/**
 * An answer passes at a point when every entry satisfies |a − r| ≤ atol·S + rtol·scale, where r is the reference
 * (D_v f, or vᵀHw), a the answer contracted with the same direction(s), scale the largest |r| or |a| over the
 * entries at that point, and S the size of the derivative over the whole check ({@link #atScale}): the floor
 * follows the scale of f and its inputs, so that 0 is never right for 1e-10·x².
 *
 * <p>{@code digits} is the numeric tolerance (significant digits) of a check whose answer is a number: every
 * variable fixed, or digits stated. Then an entry of the derivative also passes when it agrees with the true
 * entry to that many significant digits ({@link #agreesTo}).
 */
record Tolerances(double rtol, double atol, Integer digits) {

    /** Significant digits a numeric answer needs when the problem does not say. */
    static final int DEFAULT_DIGITS = 3;

    static Tolerances of(CheckRequest.Tolerance t, Checker.Defaults defaults, boolean everyVariableFixed) {
        double rtol = t == null || t.rtol() == null ? defaults.rtol() : t.rtol();
        double atol = t == null || t.atol() == null ? defaults.atol() : t.atol();
        if (!(rtol >= 0 && rtol < 1) || !(atol >= 0 && Double.isFinite(atol))) {
            throw new CheckException(CheckException.Kind.BAD_REQUEST,
                    "tolerance needs 0 ≤ rtol < 1 and a finite atol ≥ 0");
        }
        Integer digits = t == null ? null : t.digits();
        if (digits != null && (digits < 1 || digits > 15)) {
            throw new CheckException(CheckException.Kind.BAD_REQUEST,
                    "tolerance.digits (significant digits of a numeric answer) must be from 1 to 15");
        }
        if (digits == null && everyVariableFixed) {
            digits = DEFAULT_DIGITS;
        }
        return new Tolerances(rtol, atol, digits);
    }

    /** True when the answer is a number, judged to {@link #digits} significant digits. */
    boolean numeric() {
        return digits != null;
    }

    /** The same tolerances with the absolute floor relative to S, the size of the derivative in this check. */
    Tolerances atScale(double s) {
        return new Tolerances(rtol, atol * s, digits);
    }

    /**
     * True when a agrees with r to {@code d} significant digits: |a − r| is at most half a unit in r's d-th
     * significant digit, which is what rounding r to d digits can cost (2.72 for e at 3 digits; 0 only for 0).
     */
    static boolean agreesTo(double a, double r, int d) {
        if (r == 0) {
            return a == 0;
        }
        double unit = Math.pow(10, Math.floor(Math.log10(Math.abs(r))) - d + 1);
        return Math.abs(a - r) <= 0.5 * unit * (1 + 1e-9);
    }

    /** The significant digits a agrees with r to (0 when not even the first), at most 15. */
    static int digitsOfAgreement(double a, double r) {
        int d = 0;
        while (d < 15 && agreesTo(a, r, d + 1)) {
            d++;
        }
        return d;
    }

    /** The largest entry-wise difference between answer and reference. */
    static double error(double[] answer, double[] reference) {
        double worst = 0;
        for (int i = 0; i < reference.length; i++) {
            worst = Math.max(worst, Math.abs(answer[i] - reference[i]));
        }
        return worst;
    }

    /** Passes: every entry finite and within the tolerance (the same test as {@link #failing}, without a list). */
    boolean passes(double[] answer, double[] reference) {
        for (double a : answer) {
            if (!Double.isFinite(a)) {
                return false;
            }
        }
        double scale = scale(answer, reference);
        for (int i = 0; i < reference.length; i++) {
            if (!(Math.abs(answer[i] - reference[i]) <= atol + rtol * scale)) {
                return false;
            }
        }
        return true;
    }

    /** The largest |r| or |a| over the entries: what rtol is relative to. */
    private static double scale(double[] answer, double[] reference) {
        double scale = 0;
        for (int i = 0; i < reference.length; i++) {
            scale = Math.max(scale, Math.max(Math.abs(reference[i]), Math.abs(answer[i])));
        }
        return scale;
    }

    /** The entries outside |a − r| ≤ atol + rtol·scale (a NaN entry among them). */
    List<Integer> failing(double[] answer, double[] reference) {
        double scale = scale(answer, reference);
        List<Integer> failing = new ArrayList<>();
        for (int i = 0; i < reference.length; i++) {
            if (!(Math.abs(answer[i] - reference[i]) <= atol + rtol * scale)) {
                failing.add(i);
            }
        }
        return failing;
    }
}
