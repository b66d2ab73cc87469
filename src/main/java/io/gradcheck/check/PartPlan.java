package io.gradcheck.check;

import io.gradcheck.expr.Shape;
import io.gradcheck.expr.Span;

/**
 * One part, ready to run: the variable, the layout, the order, the shape the answer must have, and the answer
 * (null with a reason, and where in the text as sent when the text gives a place, when it cannot be read).
 */
record PartPlan(String wrt, Shape wrtShape, Layout layout, int order, Shape expected, Answer answer,
        String unreadable, Span unreadableAt) {

    PartPlan(String wrt, Shape wrtShape, Layout layout, int order, Shape expected, Answer answer, String unreadable) {
        this(wrt, wrtShape, layout, order, expected, answer, unreadable, Span.NONE);
    }

    /** Contracts an answer in Jacobian form with the probe's direction(s): J·v, or vᵀHw. */
    double[] contract(double[] jacobian, Probe p, int fSize) {
        int n = wrtShape.size();
        double[] v = p.v().data();
        if (order == 2) {
            double[] w = p.w().data();
            double s = 0;
            for (int i = 0; i < n; i++) {
                double row = 0;
                for (int j = 0; j < n; j++) {
                    row += jacobian[i * n + j] * w[j];
                }
                s += v[i] * row;
            }
            return new double[] {s};
        }
        double[] out = new double[fSize];
        for (int i = 0; i < fSize; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += jacobian[i * n + j] * v[j];
            }
            out[i] = s;
        }
        return out;
    }

    /** The answer's values, in the answer's own shape, as the Jacobian form. */
    double[] jacobianForm(double[] answer, Shape f) {
        return order == 2 ? answer : layout.toJacobianForm(answer, f, wrtShape);
    }
}
