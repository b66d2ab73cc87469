package io.gradcheck.check;

import io.gradcheck.expr.Shape;
import io.gradcheck.expr.Tensor;
import io.gradcheck.expr.eval.Evaluator;
import io.gradcheck.expr.eval.FiniteDifference;
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
        double[] ref;
        FiniteDifference.Estimate fd;
        if (part.order() == 2) {
            ref = Evaluator.secondDirectional(f.root(), point, part.wrt(), v, w).partAsTensor(3).data();
            fd = FiniteDifference.secondDirectional(f.root(), point, part.wrt(), v, w, FiniteDifference.DEFAULT_STEP);
        } else {
            ref = Evaluator.directional(f.root(), point, part.wrt(), v).partAsTensor(1).data();
            fd = FiniteDifference.directional(f.root(), point, part.wrt(), v, FiniteDifference.DEFAULT_STEP);
        }
        for (int i = 0; i < ref.length; i++) {
            double d = fd.derivative()[i];
            if (!Double.isFinite(ref[i]) || !Double.isFinite(d)
                    || Math.abs(ref[i] - d) > 1e-5 * (1 + Math.abs(ref[i])) + 10 * fd.error()[i]) {
                return null;
            }
        }
        return ref;
    }

    /** The Jacobian form of the true derivative: one dual pass per entry of wrt (or nested passes per pair). */
    static double[] full(ParsedExpression f, PartPlan plan, Map<String, Tensor> point, int fSize) {
        Shape ws = plan.wrtShape();
        int n = ws.size();
        int m = fSize;
        double[] out = new double[plan.order() == 2 ? n * n : m * n];
        for (int j = 0; j < n; j++) {
            Tensor ej = unit(ws, j);
            if (plan.order() == 2) {
                for (int i = 0; i < n; i++) {
                    out[i * n + j] = Evaluator.secondDirectional(f.root(), point, plan.wrt(), unit(ws, i), ej)
                            .scalarPart(3);
                }
            } else {
                double[] column = Evaluator.directional(f.root(), point, plan.wrt(), ej).partAsTensor(1).data();
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
