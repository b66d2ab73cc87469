package io.gradcheck.check;

import io.gradcheck.expr.Tensor;
import io.gradcheck.expr.eval.Evaluator;
import io.gradcheck.expr.parse.ParsedExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws points until enough are valid for every part: constraints hold, f is defined, and the dual-number
 * reference agrees with finite differences (otherwise the point is at a kink or a singularity and is skipped).
 */
final class Sampling {

    /** Draws allowed per requested point before the domain is declared empty or the check inconclusive. */
    static final int ATTEMPTS_PER_POINT = 50;

    private final ParsedExpression f;
    private final List<PartPlan> parts;
    private final Sampler sampler;
    private final List<Constraint> constraints;
    private final List<List<Probe>> probes = new ArrayList<>();
    private int drawn;
    private int rejected;
    private int undefined;
    private int kinks;

    Sampling(ParsedExpression f, List<PartPlan> parts, Sampler sampler, List<Constraint> constraints) {
        this.f = f;
        this.parts = parts;
        this.sampler = sampler;
        this.constraints = constraints;
        parts.forEach(p -> probes.add(new ArrayList<>()));
    }

    Sampling run(SplittableRandom random, int points) {
        int attempts = points * ATTEMPTS_PER_POINT;
        while (valid() < points && drawn < attempts) {
            drawn++;
            Map<String, Tensor> point = sampler.draw(random);
            if (!satisfiesConstraints(point)) {
                rejected++;
                continue;
            }
            if (!Evaluator.value(f.root(), point).allFinite()) {
                undefined++;
                continue;
            }
            List<Probe> found = new ArrayList<>();
            for (PartPlan part : parts) {
                Tensor v = direction(part, random);
                Tensor w = part.order() == 2 ? direction(part, random) : null;
                double[] ref = Reference.at(f, part, point, v, w);
                if (ref == null) {
                    break;
                }
                found.add(new Probe(point, v, w, ref));
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
        if (valid() == 0 && undefined + rejected == drawn) {
            throw new CheckException(CheckException.Kind.QUESTION, "the function is undefined at every sampled point ("
                    + drawn + " tried): the domain looks empty; give the variables a domain where it is defined");
        }
        return this;
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
