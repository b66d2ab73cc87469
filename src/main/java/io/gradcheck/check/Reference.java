package io.gradcheck.check;

import io.gradcheck.expr.Shape;
import io.gradcheck.expr.Tensor;
import io.gradcheck.expr.eval.FiniteDifference;
import io.gradcheck.expr.eval.Prepared;
import io.gradcheck.expr.parse.ParsedExpression;
import java.util.Map;

/**
 * The true derivative: the exact directional derivative by dual numbers, trusted only where finite differences
 * agree (elsewhere the point is at a kink or a singularity), and the full Jacobian form for the diagnoser.
 */
final class Reference {

    private Reference() {
    }

    /** The reference for one part at one point, or null where it is undefined or at a kink. */
    static double[] at(ParsedExpression f, PartPlan part, Map<String, Tensor> point, Tensor v, Tensor w) {
        return at(Prepared.of(f.root()).at(point), part, v, w, CrossCheck.ALWAYS);
    }

    /** Where the finite-difference cross-check runs at one point (docs/checks.md, "Where it runs"). */
    enum CrossCheck {
        /** Always: f may have a kink. */
        ALWAYS,
        /**
         * Only where f changes by more than {@link #STEEP} of its value within one difference step along the
         * direction: f is smooth wherever it is finite, and a singularity can only be near where it is steep.
         */
        IF_STEEP,
        /** Never: f is analytic, or the point is not one of the few cross-checked as a check of the engine. */
        NEVER
    }

    /** The relative change of f over one difference step above which a smooth-where-defined f is cross-checked. */
    static final double STEEP = 0.05;

    /**
     * The reference at a prepared point (sub-expressions that do not depend on the part's variable are shared by
     * the dual pass and the difference passes), or null where it is undefined or, when cross-checked, where
     * finite differences disagree (a kink or a singularity). Without the cross-check only non-finite values are
     * refused: where f is analytic ({@link Smoothness}) the dual numbers are exact.
     */
    static double[] at(Prepared.Point at, PartPlan part, Tensor v, Tensor w, CrossCheck when) {
        double[] ref;
        FiniteDifference.Estimate fd = null;
        if (part.order() == 2) {
            ref = at.secondDirectional(part.wrt(), v, w).partAsTensor(3).data();
            if (!finite(ref) || !at.value().allFinite()) {
                return null;
            }
            if (when != CrossCheck.NEVER) {
                fd = FiniteDifference.secondDirectional(at, part.wrt(), v, w, FiniteDifference.DEFAULT_STEP);
            }
        } else {
            ref = at.directional(part.wrt(), v).partAsTensor(1).data();
            // undefined here (the value is kept from the dual pass): no differences to take
            if (!finite(ref) || !at.value().allFinite()) {
                return null;
            }
            if (when == CrossCheck.ALWAYS || when == CrossCheck.IF_STEEP && steep(ref, at.value().data())) {
                fd = FiniteDifference.directional(at, part.wrt(), v, FiniteDifference.DEFAULT_STEP);
            }
        }
        for (int i = 0; i < ref.length; i++) {
            if (!Double.isFinite(ref[i])) {
                return null;
            }
            if (fd == null) {
                continue;
            }
            double d = fd.derivative()[i];
            if (!Double.isFinite(d) || Math.abs(ref[i] - d) > 1e-5 * (1 + Math.abs(ref[i])) + 10 * fd.error()[i]) {
                return null;
            }
        }
        return ref;
    }

    private static boolean finite(double[] values) {
        for (double d : values) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }

    /** Whether some entry of f changes by more than {@link #STEEP} of its size within one difference step. */
    private static boolean steep(double[] derivative, double[] value) {
        for (int i = 0; i < derivative.length; i++) {
            if (FiniteDifference.DEFAULT_STEP * Math.abs(derivative[i]) > STEEP * Math.abs(value[i])) {
                return true;
            }
        }
        return false;
    }

    /**
     * The Jacobian form of the true derivative: one dual pass per entry of wrt (or nested passes per pair),
     * charged to the budget by the caller; the deadline is polled before each column.
     */
    static double[] full(ParsedExpression f, PartPlan plan, Map<String, Tensor> point, int fSize, Budget budget) {
        // one prepared point for every entry: what does not depend on wrt is evaluated once, not per entry
        Prepared.Point at = Prepared.of(f.root()).at(point);
        Shape ws = plan.wrtShape();
        int n = ws.size();
        int m = fSize;
        double[] out = new double[plan.order() == 2 ? n * n : m * n];
        for (int j = 0; j < n; j++) {
            budget.poll();
            Tensor ej = unit(ws, j);
            if (plan.order() == 2) {
                for (int i = 0; i < n; i++) {
                    out[i * n + j] = at.secondDirectional(plan.wrt(), unit(ws, i), ej)
                            .scalarPart(3);
                }
            } else {
                double[] column = at.directional(plan.wrt(), ej).partAsTensor(1).data();
                for (int i = 0; i < m; i++) {
                    out[i * n + j] = column[i];
                }
            }
        }
        return out;
    }

    private static Tensor unit(Shape s, int i) {
        double[] d = new double[s.size()];
        d[i] = 1;
        return new Tensor(s, d);
    }
}
