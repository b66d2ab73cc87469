package io.gradcheck.check;

import io.gradcheck.expr.Tensor;
import io.gradcheck.expr.eval.Prepared;
import io.gradcheck.expr.parse.ParsedExpression;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * What the diagnoser works from, and all it may use: the part's plan, the valid probes, the answer's value at
 * each probe, the tolerances, which variables were drawn symmetric, and a way to probe again at another point
 * with the same directions. Built by the judge; the diagnoser never sees the judge.
 */
record Evidence(ParsedExpression f, PartPlan plan, List<Probe> probes, List<Tensor> answers, Tolerances tol,
        Predicate<String> declaredSymmetric) {

    /** Entries of the function's value that a directional derivative has (1 for a Hessian's vᵀHw). */
    int fSize() {
        return plan.order() == 2 ? 1 : f.shape().size();
    }

    /** The answer (as the answer's own values) contracted with the probe's directions. */
    double[] contracted(double[] answer, Probe p) {
        return plan.contract(plan.jacobianForm(answer, f.shape()), p, fSize());
    }

    /** True when the answer, changed by {@code change}, passes at every probe. */
    boolean matches(UnaryOperator<double[]> change) {
        for (int k = 0; k < probes.size(); k++) {
            double[] a = contracted(change.apply(answers.get(k).data()), probes.get(k));
            if (!tol.passes(a, probes.get(k).reference())) {
                return false;
            }
        }
        return true;
    }

    /** The same probe at another point (same directions): the reference there, or null if undefined there. */
    Probe reprobe(Probe p, Map<String, Tensor> point) {
        Prepared.Point at = Prepared.of(f.root()).at(point);
        double[] ref = Reference.at(at, plan, p.v(), p.w(), Reference.CrossCheck.ALWAYS);
        return ref == null ? null : new Probe(point, p.v(), p.w(), ref, Probe.size(at.value()));
    }
}
