package io.gradcheck.check;

import io.gradcheck.check.CheckReport.Diagnosis;
import io.gradcheck.check.CheckReport.ExpressionView;
import io.gradcheck.check.CheckReport.PartReport;
import io.gradcheck.check.CheckReport.PointEvidence;
import io.gradcheck.expr.parse.Declarations;
import io.gradcheck.expr.ExpressionException;
import io.gradcheck.expr.Limits;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.Tensor;
import io.gradcheck.expr.eval.Evaluator;
import io.gradcheck.expr.eval.FiniteDifference;
import io.gradcheck.expr.parse.ParsedExpression;
import io.gradcheck.expr.parse.Parser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Runs a check (DESIGN.md §4): draws seeded points, takes the exact directional derivative by dual numbers,
 * cross-checks it by finite differences (skipping points at kinks and singularities), compares the answer
 * contracted with the same direction, and diagnoses a wrong answer.
 */
public final class Checker {

    public static final int DEFAULT_POINTS = 8;
    public static final int MAX_POINTS = 64;
    public static final double DEFAULT_RTOL = 1e-6;
    public static final double DEFAULT_ATOL = 1e-9;
    /** Draws allowed per requested point before the domain is declared empty or the check inconclusive. */
    static final int ATTEMPTS_PER_POINT = 50;
    /** Estimated floating-point operations one check may spend. */
    static final long COST_LIMIT = 2_000_000_000L;

    /** What a check uses when the request leaves it open. */
    public record Defaults(int points, double rtol, double atol) {
        public static final Defaults STANDARD = new Defaults(DEFAULT_POINTS, DEFAULT_RTOL, DEFAULT_ATOL);
    }

    private final Limits limits;
    private final Defaults defaults;
    private final Seeds seeds;

    /** The engine's default limits and settings, random seeds: for tests and tools without configuration. */
    public Checker() {
        this(Limits.DEFAULT, Defaults.STANDARD, Seeds.random());
    }

    /** @param limits apply to the function, the answers and the constraints alike */
    public Checker(Limits limits, Defaults defaults, Seeds seeds) {
        this.limits = limits;
        this.defaults = defaults;
        this.seeds = seeds;
    }

    /** A seed for a check the caller does not want to reproduce from a seed of its own. */
    public long nextSeed() {
        return seeds.next();
    }

    public CheckReport check(CheckRequest request) {
        if (request.function() == null || request.function().isBlank()) {
            throw new CheckException(CheckException.Kind.BAD_REQUEST, "function is required");
        }
        Map<String, CheckRequest.VariableSpec> specs = request.variables() == null ? Map.of() : request.variables();
        Map<String, List<Integer>> dims = new LinkedHashMap<>();
        specs.forEach((name, spec) -> dims.put(name, spec == null ? null : spec.shape()));
        Declarations declarations = Declarations.fromDims(dims, limits);
        ParsedExpression f = Parser.parse(request.function(), declarations, limits);
        Sampler sampler = new Sampler(declarations, specs);
        List<Constraint> constraints = new ArrayList<>();
        if (request.constraints() != null) {
            request.constraints().forEach(c -> constraints.add(Constraint.parse(c, declarations, limits)));
        }
        List<PartPlan> parts = plan(request.parts(), f, declarations);
        int points = request.points() == null ? defaults.points() : request.points();
        if (points < 1 || points > MAX_POINTS) {
            throw new CheckException(CheckException.Kind.BAD_REQUEST, "points must be from 1 to " + MAX_POINTS);
        }
        Tolerances tol = Tolerances.of(request.tolerance(), defaults);
        budget(f, parts, points);
        long seed = request.seed() != null ? request.seed() : seeds.next();

        Sampling sampling = new Sampling(f, parts, sampler, constraints).run(new SplittableRandom(seed), points);
        ExpressionView function = new ExpressionView(f.shape().dims(), f.canonical(), f.latex());
        if (sampling.valid() < Math.min(points, 3)) {
            String reason = sampling.inconclusiveReason(points);
            List<PartReport> reports = new ArrayList<>();
            for (PartPlan p : parts) {
                reports.add(new PartReport(p.wrt(), p.layout(), p.order(), Verdict.INCONCLUSIVE,
                        p.expected().dims(), p.answer() == null ? null : p.answer().shape().dims(),
                        p.answer() == null ? null : p.answer().view(),
                        Diagnosis.of(DiagnosisKind.INCONCLUSIVE, reason), List.of(), sampling.skipped()));
            }
            return new CheckReport(Verdict.INCONCLUSIVE, seed, function, reports, reason);
        }
        List<PartReport> reports = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            reports.add(new PartJudge(f, parts.get(i), sampling.probes(i), tol, sampling, sampler).judge());
        }
        return new CheckReport(Verdict.overall(reports.stream().map(PartReport::verdict).toList()), seed, function, reports, null);
    }

    private List<PartPlan> plan(List<CheckRequest.Part> requested, ParsedExpression f, Declarations declarations) {
        if (requested == null || requested.isEmpty()) {
            throw new CheckException(CheckException.Kind.BAD_REQUEST, "parts must name at least one derivative to check");
        }
        List<PartPlan> plans = new ArrayList<>();
        for (CheckRequest.Part part : requested) {
            String wrt = part.wrt();
            if (wrt == null || !declarations.contains(wrt)) {
                throw new CheckException(CheckException.Kind.BAD_REQUEST, "wrt `" + wrt
                        + "` is not a declared variable (declared: " + declarations.describe() + ")");
            }
            Shape wrtShape = declarations.shape(wrt);
            int order = part.order() == null ? 1 : part.order();
            Layout layout = Layout.parse(part.layout(), f.shape());
            Shape expected;
            if (order == 2) {
                if (!f.shape().isScalar() || wrtShape.isMatrix()) {
                    throw new CheckException(CheckException.Kind.BAD_REQUEST, "a Hessian (order 2) needs a scalar "
                            + "function and a scalar or vector wrt; here f is " + f.shape() + " and " + wrt + " is "
                            + wrtShape);
                }
                expected = new Shape(wrtShape.size(), wrtShape.size());
            } else if (order == 1) {
                expected = layout.answerShape(f.shape(), wrtShape);
                if (expected == null) {
                    throw new CheckException(CheckException.Kind.BAD_REQUEST, "the " + layout.text() + " layout does "
                            + "not apply to f (" + f.shape() + ") and " + wrt + " (" + wrtShape + "); use "
                            + (f.shape().isScalar() ? "gradient" : "numerator, denominator or flattened"));
                }
            } else {
                throw new CheckException(CheckException.Kind.BAD_REQUEST, "order must be 1 or 2");
            }
            Answer answer = null;
            String unreadable = null;
            try {
                answer = Answer.read(part.answer(), declarations, limits);
            } catch (ExpressionException e) {
                unreadable = e.getMessage();
            } catch (Answer.Invalid e) {
                unreadable = e.getMessage();
            }
            plans.add(new PartPlan(wrt, wrtShape, layout, order, expected, answer, unreadable));
        }
        return plans;
    }

    /** Refuses a check whose work would be excessive: points × (dual pass, differences, answer, diagnosis). */
    private static void budget(ParsedExpression f, List<PartPlan> parts, int points) {
        long perPoint = 0;
        for (PartPlan p : parts) {
            long answer = p.answer() == null ? 0 : p.answer().cost();
            perPoint += (p.order() == 2 ? 20 : 8) * f.cost() + 2 * answer;
        }
        if (perPoint * (long) points > COST_LIMIT) {
            throw new CheckException(CheckException.Kind.BAD_REQUEST, "this check would take about "
                    + perPoint * points + " arithmetic operations; the limit is " + COST_LIMIT
                    + ": use fewer points or smaller variables");
        }
    }

    /** Evidence of one point, with the values of variables small enough to show. */
    static PointEvidence evidence(Probe p, double[] answer, double error, boolean passed) {
        Map<String, Object> values = new LinkedHashMap<>();
        p.point().forEach((name, t) -> {
            if (t.shape().size() <= 100) {
                values.put(name, Values.write(t));
            }
        });
        return new PointEvidence(values, numbers(p.reference()), numbers(answer), error, passed);
    }

    private static Object numbers(double[] d) {
        if (d == null) {
            return null;
        }
        if (d.length == 1) {
            return d[0];
        }
        List<Double> l = new ArrayList<>();
        for (double x : d) {
            l.add(x);
        }
        return l;
    }

    /** The reference for one part at one point, or null where it is undefined or at a kink. */
    static double[] reference(ParsedExpression f, PartPlan part, Map<String, Tensor> point, Tensor v, Tensor w) {
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
}
