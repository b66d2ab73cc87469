package io.gradcheck.check;

import io.gradcheck.expr.Tensor;
import io.gradcheck.expr.eval.Prepared;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws points until enough are valid for every part: constraints hold, f is defined, and the dual-number
 * reference agrees with finite differences (otherwise the point is at a kink or a singularity and is skipped).
 * Where the dual numbers cannot be wrong ({@link Smoothness}) the cross-check runs at the first
 * {@link #CROSS_CHECKED_POINTS} valid points (a check of the engine itself; one for a function as costly as
 * {@link #LARGE_F_COST}) and, for a function that is smooth only where it is defined, where it is steep
 * (docs/checks.md).
 */
final class Sampling {

    /** Draws allowed per requested point before the domain is declared empty or the check inconclusive. */
    static final int ATTEMPTS_PER_POINT = 50;
    /** Points always cross-checked by finite differences, whatever f is built of (one for a costly f). */
    static final int CROSS_CHECKED_POINTS = 2;
    /**
     * The cost of one evaluation of f (multiply-adds) from which the engine is checked at one point, not two: the
     * four difference passes of one point already run every primitive of f, and each costs as much as the dual
     * pass (a second point was 15 % of the check of xᵀ A x at n = 1000, a million multiply-adds an evaluation;
     * this is half of that). Where a kink or a singularity can bite the cross-check is unchanged.
     */
    static final long LARGE_F_COST = 1L << 19;

    private final Prepared f;
    private final Smoothness.Kind smoothness;
    private final List<PartPlan> parts;
    private final Sampler sampler;
    private final List<Constraint> constraints;
    private final List<ArrayList<Probe>> probes = new ArrayList<>();
    private int drawn;
    private int rejected;
    private int undefined;
    private int overflowed;
    private int kinks;
    private final int selfChecks;
    private int crossChecked;

    /**
     * @param f prepared with the check's fixed values
     * @param smoothness of f: where the cross-check runs
     */
    Sampling(Prepared f, Smoothness.Kind smoothness, List<PartPlan> parts, Sampler sampler,
            List<Constraint> constraints) {
        this(f, 0, smoothness, parts, sampler, constraints);
    }

    /** @param fCost of one evaluation of f ({@link #LARGE_F_COST}) */
    Sampling(Prepared f, long fCost, Smoothness.Kind smoothness, List<PartPlan> parts, Sampler sampler,
            List<Constraint> constraints) {
        this.f = f;
        this.selfChecks = fCost >= LARGE_F_COST ? 1 : CROSS_CHECKED_POINTS;
        this.smoothness = smoothness;
        this.parts = parts;
        this.sampler = sampler;
        this.constraints = constraints;
        parts.forEach(p -> probes.add(new ArrayList<>()));
    }

    /** Each draw, evaluation and reference is charged to the budget (which polls the deadline) before it runs. */
    Sampling run(SplittableRandom random, int points, Budget budget) {
        int attempts = points * ATTEMPTS_PER_POINT;
        probes.forEach(found -> found.ensureCapacity(points));
        while (valid() < points && drawn < attempts) {
            drawn++;
            budget.poll(); // the deadline, once per drawn point (its cheap steps do not read the clock)
            Map<String, Tensor> point = sampler.draw(random, budget);
            budget.beforeConstraints(constraints);
            if (!satisfiesConstraints(point)) {
                rejected++;
                continue;
            }
            // the directions are drawn before f is evaluated: the first dual pass then gives f's value as well
            // (kept at the point), so no separate pass over doubles is needed to see whether f is defined
            Tensor[][] directions = new Tensor[parts.size()][];
            for (int i = 0; i < parts.size(); i++) {
                PartPlan part = parts.get(i);
                directions[i] = new Tensor[] {direction(part, random),
                    part.order() == 2 ? direction(part, random) : null};
            }
            budget.beforeValue();
            Prepared.Point at = f.at(point);
            Reference.CrossCheck crossCheck = crossCheck();
            if (crossCheck == Reference.CrossCheck.ALWAYS) {
                crossChecked++;
            }
            List<Probe> found = new ArrayList<>(parts.size());
            boolean defined = true;
            for (int i = 0; i < parts.size(); i++) {
                PartPlan part = parts.get(i);
                budget.beforeReference(part);
                double[] ref = Reference.at(at, part, directions[i][0], directions[i][1], crossCheck);
                if (i == 0 && !at.value().allFinite()) {
                    defined = false;
                    break;
                }
                if (ref == null) {
                    break;
                }
                found.add(new Probe(point, directions[i][0], directions[i][1], ref, Probe.size(at.value())));
            }
            if (!defined) {
                undefined++;
                if (overflows(at.value())) {
                    overflowed++;
                }
                continue;
            }
            if (found.size() < parts.size()) {
                kinks++;
                continue;
            }
            for (int i = 0; i < parts.size(); i++) {
                probes.get(i).add(found.get(i));
            }
        }
        if (valid() == 0 && rejected == drawn) {
            throw new CheckException(CheckException.Kind.QUESTION, "no sampled point satisfies the constraints ("
                    + drawn + " tried): check them and the variables' domains");
        }
        if (valid() == 0 && overflowed > 0 && overflowed == undefined && undefined + rejected == drawn) {
            // det of a 300 × 300 matrix once got "the domain looks empty": it is defined, but beyond doubles
            throw new CheckException(CheckException.Kind.QUESTION, "the function's value overflows (is ±infinite, "
                    + "beyond about 1.8e308) at every sampled point (" + drawn + " tried): draw the variables from "
                    + "a smaller domain, or use smaller sizes");
        }
        if (valid() == 0 && undefined + rejected == drawn) {
            throw new CheckException(CheckException.Kind.QUESTION, "the function is undefined at every sampled point ("
                    + drawn + " tried): the domain looks empty; give the variables a domain where it is defined");
        }
        return this;
    }

    private Reference.CrossCheck crossCheck() {
        if (smoothness == Smoothness.Kind.KINKED || valid() < selfChecks) {
            return Reference.CrossCheck.ALWAYS;
        }
        return smoothness == Smoothness.Kind.ANALYTIC ? Reference.CrossCheck.NEVER : Reference.CrossCheck.IF_STEEP;
    }

    /** Infinite but not NaN: a value too large for a double, not a point outside the function's domain. */
    private static boolean overflows(Tensor value) {
        boolean infinite = false;
        for (double d : value.data()) {
            if (Double.isNaN(d)) {
                return false;
            }
            infinite |= Double.isInfinite(d);
        }
        return infinite;
    }

    private boolean satisfiesConstraints(Map<String, Tensor> point) {
        for (Constraint c : constraints) {
            if (!c.holds(point)) {
                return false;
            }
        }
        return true;
    }

    private static Tensor direction(PartPlan part, SplittableRandom random) {
        double[] v = new double[part.wrtShape().size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextDouble(-1, 1);
        }
        return new Tensor(part.wrtShape(), v);
    }

    int valid() {
        return probes.get(0).size();
    }

    /** Points drawn where the cross-check ran whatever f's values (the engine's own check, or a kinked f). */
    int crossChecked() {
        return crossChecked;
    }

    int skipped() {
        return undefined + kinks;
    }

    List<Probe> probes(int part) {
        return probes.get(part);
    }

    String inconclusiveReason(int points) {
        return "only " + valid() + " of the " + points + " points could be used after " + drawn + " draws ("
                + undefined + " where the function is undefined, " + kinks + " at a kink or singularity, "
                + rejected + " outside the constraints); the numbers cannot decide";
    }
}
