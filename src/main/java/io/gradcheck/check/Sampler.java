package io.gradcheck.check;

import io.gradcheck.check.CheckRequest.VariableSpec;
import io.gradcheck.expr.parse.Declarations;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.Tensor;
import io.gradcheck.expr.primitives.LinearAlgebra;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Draws the random points of a check: every variable without a fixed value, uniform on its domain, or as a
 * symmetric, positive definite or invertible matrix. Seeded by the caller, so a check is reproducible.
 */
final class Sampler {

    static final double DEFAULT_LOW = -2;
    static final double DEFAULT_HIGH = 2;

    private record Plan(Shape shape, Tensor fixed, double low, double high, boolean symmetric,
            boolean positiveDefinite, boolean invertible) {
    }

    /** Attempts at an invertible matrix per draw; a draw that needs more is the question's error. */
    static final int INVERTIBLE_ATTEMPTS = 100;

    private final Map<String, Plan> plans = new LinkedHashMap<>();

    /** Every declaration is checked; only the {@code used} variables are drawn ({@link UsedVariables}). */
    Sampler(Declarations declarations, Map<String, VariableSpec> specs, Set<String> used) {
        declarations.shapes().forEach((name, shape) -> plans.put(name, plan(name, shape, specs.get(name))));
        plans.keySet().retainAll(used);
    }

    /** The work of drawing one point, one attempt per construction: for the budget, before anything is drawn. */
    long drawCost() {
        long c = 0;
        for (Plan p : plans.values()) {
            c += p.fixed() != null ? 0 : attemptCost(p);
        }
        return c;
    }

    /** Uniform entries, BBᵀ (2n³) for positive definite, an LU (n³) per attempt for invertible. */
    private static long attemptCost(Plan p) {
        long n = p.shape().rows();
        long size = p.shape().size();
        return size + (p.positiveDefinite() ? 2 * n * n * n : p.invertible() ? n * n * n : 0);
    }

    private static Plan plan(String name, Shape shape, VariableSpec spec) {
        double[] domain = domain(name, spec);
        double low = domain[0];
        double high = domain[1];
        boolean symmetric = spec != null && Boolean.TRUE.equals(spec.symmetric());
        boolean pd = spec != null && Boolean.TRUE.equals(spec.positiveDefinite());
        boolean invertible = spec != null && Boolean.TRUE.equals(spec.invertible());
        if ((symmetric || pd || invertible) && !(shape.isSquare())) {
            throw new CheckException(CheckException.Kind.BAD_REQUEST, name + " is " + shape
                    + "; only square matrices can be symmetric, positive definite or invertible");
        }
        Tensor fixed = spec == null || spec.value() == null ? null : Values.read(name, spec.value(), shape);
        return new Plan(shape, fixed, low, high, symmetric, pd, invertible);
    }

    /** The domain [low, high] a variable is drawn on: as declared, or [-2, 2]; refused when it cannot be used. */
    static double[] domain(String name, VariableSpec spec) {
        // [] is "no domain" (the default): generated clients send an empty list for an optional array
        if (spec == null || spec.domain() == null || spec.domain().isEmpty()) {
            return new double[] {DEFAULT_LOW, DEFAULT_HIGH};
        }
        List<Double> d = spec.domain();
        if (d.size() != 2 || d.get(0) == null || d.get(1) == null) {
            throw new CheckException(CheckException.Kind.BAD_REQUEST, "the domain of " + name + " must be [low, high]");
        }
        double low = d.get(0);
        double high = d.get(1);
        if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new CheckException(CheckException.Kind.QUESTION, "the domain of " + name + " is empty: ["
                    + low + ", " + high + "] needs a finite low below a finite high");
        }
        return new double[] {low, high};
    }

    /** A point: each construction attempt is charged to the budget before it is made. */
    Map<String, Tensor> draw(SplittableRandom random, Budget budget) {
        // sized for its variables: a default map allocated a table of 16 and grew it at every point
        Map<String, Tensor> point = new LinkedHashMap<>(plans.size() * 4 / 3 + 1);
        plans.forEach((name, plan) -> point.put(name, plan.fixed() != null ? plan.fixed()
                : draw(name, plan, random, budget)));
        return point;
    }

    /** The variables with a fixed value, read once per check: the same tensors in every drawn point. */
    Map<String, Tensor> fixed() {
        Map<String, Tensor> fixed = new LinkedHashMap<>();
        plans.forEach((name, plan) -> {
            if (plan.fixed() != null) {
                fixed.put(name, plan.fixed());
            }
        });
        return fixed;
    }

    boolean isDeclaredSymmetric(String name) {
        Plan p = plans.get(name);
        return p.symmetric() || p.positiveDefinite();
    }

    private Tensor draw(String name, Plan plan, SplittableRandom random, Budget budget) {
        budget.charge(attemptCost(plan), "drawing ", name);
        Shape s = plan.shape();
        int n = s.rows();
        if (plan.positiveDefinite()) {
            // B Bᵀ/n + I/2: eigenvalues at least 1/2, entries of the size of the domain
            double[] b = uniform(s.size(), plan.low(), plan.high(), random);
            double[] m = new double[s.size()];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = 0;
                    for (int k = 0; k < n; k++) {
                        sum += b[i * n + k] * b[j * n + k];
                    }
                    m[i * n + j] = sum / n + (i == j ? 0.5 : 0);
                }
            }
            return new Tensor(s, m);
        }
        if (plan.symmetric()) {
            return new Tensor(s, Values.symmetricPart(uniform(s.size(), plan.low(), plan.high(), random), n));
        }
        if (plan.invertible()) {
            double bound = 0.1 * Math.max(Math.abs(plan.low()), Math.abs(plan.high()));
            for (int attempt = 0; attempt < INVERTIBLE_ATTEMPTS; attempt++) {
                if (attempt > 0) {
                    budget.charge(attemptCost(plan), "drawing " + name + " (attempt " + (attempt + 1) + ")");
                }
                Tensor t = new Tensor(s, uniform(s.size(), plan.low(), plan.high(), random));
                double det = LinearAlgebra.determinant(t);
                if (Math.pow(Math.abs(det), 1.0 / n) >= bound) {
                    return t;
                }
            }
            // the domain gives (nearly) singular matrices only: retrying at every point would fail the same way
            throw new CheckException(CheckException.Kind.QUESTION, "no invertible " + name + " could be drawn on "
                    + "its domain [" + plan.low() + ", " + plan.high() + "] in " + INVERTIBLE_ATTEMPTS + " attempts "
                    + "(|det " + name + "|^(1/" + n + ") stayed below a tenth of the domain's largest bound): give "
                    + name + " a wider domain");
        }
        return new Tensor(s, uniform(s.size(), plan.low(), plan.high(), random));
    }

    private static double[] uniform(int size, double low, double high, SplittableRandom random) {
        double[] d = new double[size];
        for (int i = 0; i < size; i++) {
            d[i] = random.nextDouble(low, high);
        }
        return d;
    }
}
