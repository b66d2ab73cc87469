package io.gradcheck.check;

import java.util.ArrayList;
import java.util.List;

/**
 * An answer passes at a point when every entry satisfies |a − r| ≤ atol + rtol·scale, where r is the reference
 * (D_v f, or vᵀHw), a the answer contracted with the same direction(s), and scale the largest |r| or |a| over the
 * entries at that point.
 */
record Tolerances(double rtol, double atol) {

    static Tolerances of(CheckRequest.Tolerance t, Checker.Defaults defaults) {
        double rtol = t == null || t.rtol() == null ? defaults.rtol() : t.rtol();
        double atol = t == null || t.atol() == null ? defaults.atol() : t.atol();
        if (!(rtol >= 0 && rtol < 1) || !(atol >= 0 && Double.isFinite(atol))) {
            throw new CheckException(CheckException.Kind.BAD_REQUEST,
                    "tolerance needs 0 ≤ rtol < 1 and a finite atol ≥ 0");
        }
        return new Tolerances(rtol, atol);
    }

    /** The largest entry-wise difference between answer and reference. */
    static double error(double[] answer, double[] reference) {
        double worst = 0;
        for (int i = 0; i < reference.length; i++) {
            worst = Math.max(worst, Math.abs(answer[i] - reference[i]));
        }
        return worst;
    }

    /** Passes: every entry finite and within the tolerance. */
    boolean passes(double[] answer, double[] reference) {
        for (double a : answer) {
            if (!Double.isFinite(a)) {
                return false;
            }
        }
        return failing(answer, reference).isEmpty();
    }

    /** The entries outside |a − r| ≤ atol + rtol·scale (a NaN entry among them). */
    List<Integer> failing(double[] answer, double[] reference) {
        double scale = 0;
        for (int i = 0; i < reference.length; i++) {
            scale = Math.max(scale, Math.max(Math.abs(reference[i]), Math.abs(answer[i])));
        }
        List<Integer> failing = new ArrayList<>();
        for (int i = 0; i < reference.length; i++) {
            if (!(Math.abs(answer[i] - reference[i]) <= atol + rtol * scale)) {
                failing.add(i);
            }
        }
        return failing;
    }
}
