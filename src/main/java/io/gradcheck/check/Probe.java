package io.gradcheck.check;

import io.gradcheck.expr.Tensor;
import java.util.Map;

/**
 * One valid sampled point for one part: the point, the random direction v (and w for a Hessian), and the
 * reference: D_v f flattened, or vᵀHw.
 */
record Probe(Map<String, Tensor> point, Tensor v, Tensor w, double[] reference) {
}
