package io.gradcheck.check;

import io.gradcheck.expr.Tensor;
import java.util.Map;

/**
 * One valid sampled point for one part: the point, the random direction v (and w for a Hessian), the
 * reference: D_v f flattened, or vᵀHw, and the size of f there (its largest |entry|, kept from the pass that
 * gave the reference, so that judging the scale of f costs no further evaluation).
 */
record Probe(Map<String, Tensor> point, Tensor v, Tensor w, double[] reference, double fSize) {

    /** The largest |entry| of a value. */
    static double size(Tensor value) {
        double m = 0;
        for (double d : value.data()) {
            m = Math.max(m, Math.abs(d));
        }
        return m;
    }
}
