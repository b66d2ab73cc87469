package io.gradcheck.expr.eval;

import io.gradcheck.expr.Node;
import io.gradcheck.expr.Tensor;
import java.util.HashMap;
import java.util.Map;

/**
 * Central differences along a direction, refined by one Richardson step: D(h) = (f(x+hv) − f(x−hv)) / 2h has
 * error O(h²), so (4·D(h/2) − D(h)) / 3 has error O(h⁴), and |that − D(h/2)| estimates the error of the
 * refined value. This is an independent check on the dual numbers: it only ever evaluates plain values.
 */
public final class FiniteDifference {

    /** Entry by entry: the estimate of D_v f and a bound on its error. */
    public record Estimate(double[] derivative, double[] error) {
    }

    /** A step of 1e-3 balances truncation (h⁴ after refinement) against rounding (ε/h) for smooth f. */
    public static final double DEFAULT_STEP = 1e-3;

    private FiniteDifference() {
    }

    public static Estimate directional(Node f, Map<String, Tensor> point, String wrt, Tensor v, double step) {
        return refine(central(f, point, wrt, v, step), central(f, point, wrt, v, step / 2), step);
    }

    /**
     * The same estimate at a prepared point: the four moved evaluations re-evaluate only what depends on
     * {@code wrt}; everything else is the value already known at the point.
     */
    public static Estimate directional(Prepared.Point at, String wrt, Tensor v, double step) {
        return refine(central(h -> at.valueMoved(wrt, v, h).data(), step),
                central(h -> at.valueMoved(wrt, v, h).data(), step / 2), step);
    }

    /** The second-order estimate at a prepared point (see {@link #secondDirectional(Node, Map, String, Tensor, Tensor, double)}). */
    public static Estimate secondDirectional(Prepared.Point at, String wrt, Tensor v, Tensor w, double step) {
        return refine(central(h -> at.directionalMoved(wrt, v, w, h).partAsTensor(1).data(), step),
                central(h -> at.directionalMoved(wrt, v, w, h).partAsTensor(1).data(), step / 2), step);
    }

    private static double[] central(java.util.function.DoubleFunction<double[]> at, double h) {
        double[] plus = at.apply(h);
        double[] minus = at.apply(-h);
        double[] d = new double[plus.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = (plus[i] - minus[i]) / (2 * h);
        }
        return d;
    }

    /** One Richardson step from central differences at h and h/2, with its error estimate. */
    private static Estimate refine(double[] d1, double[] d2, double step) {
        double[] refined = new double[d1.length];
        double[] error = new double[d1.length];
        for (int i = 0; i < d1.length; i++) {
            refined[i] = (4 * d2[i] - d1[i]) / 3;
            // the difference between the two orders, plus the rounding error of the differences themselves
            error[i] = Math.abs(refined[i] - d2[i]) + 1e-12 * (Math.abs(refined[i]) + 1) / step;
        }
        return new Estimate(refined, error);
    }

    /**
     * The same refinement applied to the dual tangent D_v f along w: an estimate of the second directional
     * derivative vᵀHw that shares no second-order code with the nested duals it checks.
     */
    public static Estimate secondDirectional(Node f, Map<String, Tensor> point, String wrt, Tensor v, Tensor w,
            double step) {
        return refine(centralOfTangent(f, point, wrt, v, w, step), centralOfTangent(f, point, wrt, v, w, step / 2),
                step);
    }

    private static double[] centralOfTangent(Node f, Map<String, Tensor> point, String wrt, Tensor v, Tensor w,
            double h) {
        double[] plus = Evaluator.directional(f, shifted(point, wrt, w, h), wrt, v).partAsTensor(1).data();
        double[] minus = Evaluator.directional(f, shifted(point, wrt, w, -h), wrt, v).partAsTensor(1).data();
        double[] d = new double[plus.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = (plus[i] - minus[i]) / (2 * h);
        }
        return d;
    }

    private static double[] central(Node f, Map<String, Tensor> point, String wrt, Tensor v, double h) {
        double[] plus = Evaluator.value(f, shifted(point, wrt, v, h)).data();
        double[] minus = Evaluator.value(f, shifted(point, wrt, v, -h)).data();
        double[] d = new double[plus.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = (plus[i] - minus[i]) / (2 * h);
        }
        return d;
    }

    private static Map<String, Tensor> shifted(Map<String, Tensor> point, String wrt, Tensor v, double h) {
        Map<String, Tensor> p = new HashMap<>(point);
        double[] x = point.get(wrt).data();
        double[] moved = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            moved[i] = x[i] + h * v.data()[i];
        }
        p.put(wrt, new Tensor(point.get(wrt).shape(), moved));
        return p;
    }
}
