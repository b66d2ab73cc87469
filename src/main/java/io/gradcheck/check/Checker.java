package io.gradcheck.check;

import io.gradcheck.check.CheckReport.Diagnosis;
import io.gradcheck.check.CheckReport.ExpressionView;
import io.gradcheck.check.CheckReport.PartReport;
import io.gradcheck.expr.Deadline;
import io.gradcheck.expr.Limits;
import io.gradcheck.expr.Tensor;
import io.gradcheck.expr.eval.Prepared;
import io.gradcheck.expr.parse.Declarations;
import io.gradcheck.expr.parse.InputNotation;
import io.gradcheck.expr.parse.ParsedExpression;
import io.gradcheck.expr.parse.Parser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * Runs a check (DESIGN.md §4) as a one-way pipeline: plan ({@link Planner}) → sample ({@link Sampling}, which
 * keeps the points where the {@link Reference} is sound) → judge each part ({@link PartJudge}) → diagnose a wrong
 * answer ({@link Diagnoser}, from an {@link Evidence}) → report. No stage calls back into an earlier one.
 */
public final class Checker {

    public static final int DEFAULT_POINTS = 8;
    public static final int MAX_POINTS = 64;
    public static final double DEFAULT_RTOL = 1e-6;
    public static final double DEFAULT_ATOL = 1e-9;

    /** How much work one check may do: estimated operations, and the time until it is stopped (docs/checks.md). */
    public record Bounds(long workBudget, Duration deadline) {
        public static final Bounds STANDARD = new Bounds(Budget.DEFAULT_LIMIT, Duration.ofSeconds(5));

        public Bounds {
            if (workBudget < 1 || deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("the work budget and the deadline must be positive");
            }
        }
    }

    /** What a check uses when the request leaves it open. */
    public record Defaults(int points, double rtol, double atol) {
        public static final Defaults STANDARD = new Defaults(DEFAULT_POINTS, DEFAULT_RTOL, DEFAULT_ATOL);
    }

    private final Limits limits;
    private final Defaults defaults;
    private final Seeds seeds;
    private final Bounds bounds;
    private final LongSupplier nanoClock;

    /** The engine's default limits and settings, random seeds: for tests and tools without configuration. */
    public Checker() {
        this(Limits.DEFAULT, Defaults.STANDARD, Seeds.random());
    }

    /** @param limits apply to the function, the answers and the constraints alike */
    public Checker(Limits limits, Defaults defaults, Seeds seeds) {
        this(limits, defaults, seeds, Bounds.STANDARD, System::nanoTime);
    }

    /** @param nanoClock what deadlines are measured with ({@link System#nanoTime} but in tests) */
    public Checker(Limits limits, Defaults defaults, Seeds seeds, Bounds bounds, LongSupplier nanoClock) {
        this.limits = limits;
        this.defaults = defaults;
        this.seeds = seeds;
        this.bounds = bounds;
        this.nanoClock = nanoClock;
    }

    /** A seed for a check the caller does not want to reproduce from a seed of its own. */
    public long nextSeed() {
        return seeds.next();
    }

    /** Runs a check under the configured work budget and a deadline that starts now. */
    public CheckReport check(CheckRequest request) {
        return check(request, deadline());
    }

    /** The configured deadline, starting now: for a caller that may cancel it (its client went away). */
    public Deadline deadline() {
        return Deadline.after(bounds.deadline(), nanoClock);
    }

    /**
     * Runs a check that stops at {@code deadline} (or when it is cancelled) with {@link Deadline.Exceeded}; over
     * the work budget it is a {@link CheckException} of kind {@code WORK_BUDGET}.
     */
    public CheckReport check(CheckRequest request, Deadline deadline) {
        if (request.function() == null || request.function().isBlank()) {
            throw new CheckException(CheckException.Kind.BAD_REQUEST, "function is required");
        }
        Map<String, CheckRequest.VariableSpec> specs = request.variables() == null ? Map.of() : request.variables();
        Map<String, List<Integer>> dims = new LinkedHashMap<>();
        specs.forEach((name, spec) -> dims.put(name, spec == null ? null : spec.shape()));
        Declarations declarations = Declarations.fromDims(dims, limits);
        ParsedExpression f = Parser.parse(request.function(), declarations, limits,
                InputNotation.of(request.notation()));
        List<Constraint> constraints = new ArrayList<>();
        if (request.constraints() != null) {
            request.constraints().forEach(c -> constraints.add(Constraint.parse(c, declarations, limits)));
        }
        List<PartPlan> parts = Planner.plan(request.parts(), f, declarations, limits);
        Sampler sampler = new Sampler(declarations, specs, UsedVariables.of(f.root(), parts, constraints));
        int points = request.points() == null ? defaults.points() : request.points();
        if (points < 1 || points > MAX_POINTS) {
            throw new CheckException(CheckException.Kind.BAD_REQUEST, "points must be from 1 to " + MAX_POINTS);
        }
        boolean everyVariableFixed = specs.values().stream().allMatch(s -> s != null && s.value() != null);
        Tolerances tol = Tolerances.of(request.tolerance(), defaults, everyVariableFixed);
        Budget budget = new Budget(bounds.workBudget(), deadline, f);
        budget.require(parts, constraints, sampler.drawCost(), points);
        long seed = request.seed() != null ? request.seed() : seeds.next();
        // its own stream, so that the draws of the check itself are the same as without this test
        SplittableRandom kinkRandom = new SplittableRandom(seed ^ 0x6B696E6BL);
        Planner.refuseKinksAtFixedPoints(f, parts, name -> specs.get(name) != null && specs.get(name).value() != null,
                () -> sampler.draw(kinkRandom, budget), kinkRandom);

        // prepared once per check: what depends only on fixed values is evaluated here, once (docs/checks.md)
        Map<String, Tensor> fixed = sampler.fixed();
        Prepared prepared = Prepared.of(f.root(), fixed);
        List<PartPlan> planned = new ArrayList<>();
        for (PartPlan p : parts) {
            planned.add(p.answer() == null ? p : new PartPlan(p.wrt(), p.wrtShape(), p.layout(), p.order(),
                    p.expected(), p.answer().prepared(fixed), p.unreadable(), p.unreadableAt()));
        }
        parts = planned;
        Sampling sampling = new Sampling(prepared, f.cost(), Smoothness.of(prepared.root()), parts, sampler,
                constraints)
                .run(new SplittableRandom(seed), points, budget);
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
            reports.add(new PartJudge(f, parts.get(i), sampling.probes(i), tol, sampling.skipped(),
                    sampler::isDeclaredSymmetric, budget).judge());
        }
        Verdict overall = Verdict.overall(reports.stream().map(PartReport::verdict).toList());
        return new CheckReport(overall, seed, function, reports, null);
    }
}
