package io.gradcheck.check;

import io.gradcheck.check.CheckReport.Diagnosis;
import io.gradcheck.check.CheckReport.ExpressionView;
import io.gradcheck.check.CheckReport.PartReport;
import io.gradcheck.check.CheckReport.PointEvidence;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.Tensor;
import io.gradcheck.expr.parse.ParsedExpression;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Judges one part at the valid points: compares the answer with the reference and, when it fails, hands the
 * evidence to the {@link Diagnoser} to say how.
 */
final class PartJudge {

    private final ParsedExpression f;
    private final PartPlan plan;
    private final List<Probe> probes;
    private final Tolerances tol;
    private final int skipped;
    private final Predicate<String> declaredSymmetric;
    private final Budget budget;

    PartJudge(ParsedExpression f, PartPlan plan, List<Probe> probes, Tolerances tol, int skipped,
            Predicate<String> declaredSymmetric, Budget budget) {
        this.f = f;
        this.plan = plan;
        this.probes = probes;
        this.tol = tol;
        this.skipped = skipped;
        this.declaredSymmetric = declaredSymmetric;
        this.budget = budget;
    }

    PartReport judge() {
        if (plan.answer() == null) {
            return report(Verdict.INVALID, null, new Diagnosis(DiagnosisKind.UNREADABLE,
                    "We could not read your answer: " + plan.unreadable(), null, null, null, null,
                    plan.unreadableAt().position()), List.of());
        }
        Shape shape = plan.answer().shape();
        List<Tensor> answers = new ArrayList<>(probes.size());
        budget.beforeAnswers(plan, probes.size());
        probes.forEach(p -> answers.add(plan.answer().value(p.point())));
        double noise = noiseLevel();
        // the absolute floor follows the size of the derivative here (never below what can be told apart)
        Tolerances scaled = tol.atScale(Math.max(derivativeSize(), noise));
        Evidence evidence = new Evidence(f, plan, probes, answers, scaled, declaredSymmetric);
        if (!shape.equals(plan.expected())) {
            return wrongShape(evidence, shape);
        }
        List<PointEvidence> points = new ArrayList<>(probes.size());
        // a fixed variable is the same tensor at every point: written for the report once, not once per point
        Map<String, Shown> written = new HashMap<>();
        boolean all = true;
        double largest = 0;
        for (int k = 0; k < probes.size(); k++) {
            Probe p = probes.get(k);
            double[] a = evidence.contracted(answers.get(k).data(), p);
            boolean passed = scaled.passes(a, p.reference())
                    || (tol.numeric() && numericPasses(evidence, answers.get(k).data(), p));
            all &= passed;
            largest = Math.max(largest, Math.max(maxAbs(a), maxAbs(p.reference())));
            points.add(point(p, a, Tolerances.error(a, p.reference()), passed, written));
        }
        if (all) {
            return report(Verdict.CORRECT, shape, Diagnosis.of(DiagnosisKind.CORRECT, "Your derivative matches the "
                    + "reference at " + (probes.size() == 1 ? "the point." : "all " + probes.size() + " points.")),
                    points);
        }
        if (largest <= noise) {
            return report(Verdict.INCONCLUSIVE, shape, Diagnosis.of(DiagnosisKind.INCONCLUSIVE, "Every number of "
                    + "this check (the derivative and the answer, at most " + Values.format(largest) + ") is below "
                    + Values.format(noise) + ", what can be told apart from zero at the scale of the function and "
                    + "its inputs: the numbers cannot decide; rescale the question."), points);
        }
        return report(Verdict.INCORRECT, shape, new Diagnoser(evidence, budget).diagnose(), points);
    }

    /** The largest entry of the reference over the part's points: the size of the derivative in this check. */
    private double derivativeSize() {
        double s = 0;
        for (Probe p : probes) {
            s = Math.max(s, maxAbs(p.reference()));
        }
        return s;
    }

    /**
     * What can be told apart from zero: rounding in f's arithmetic moves a derivative by about 10⁻¹² of |f|
     * divided by the size of the variable (to the order of the derivative), and nothing below the smallest
     * numbers that keep full precision can be compared at all.
     */
    private double noiseLevel() {
        double fSize = 0;
        double xSize = 0;
        for (Probe p : probes) {
            xSize = Math.max(xSize, maxAbs(p.point().get(plan.wrt()).data()));
            fSize = Math.max(fSize, p.fSize());
        }
        double floor = Double.MIN_NORMAL / Math.ulp(1.0);
        double scale = xSize > 0 ? fSize / Math.pow(xSize, plan.order()) : 0;
        return Double.isFinite(scale) ? Math.max(floor, 1e-12 * scale) : floor;
    }

    /**
     * A numeric answer (tolerance.digits): every entry of the full derivative agrees with the answer's to that
     * many significant digits, or within the absolute floor.
     */
    private boolean numericPasses(Evidence evidence, double[] answer, Probe p) {
        double[] jacobian = plan.jacobianForm(answer, f.shape());
        if (jacobian.length > Diagnoser.FULL_REFERENCE_LIMIT) {
            return false;
        }
        budget.charge(budget.fullReferenceCost(plan), "the numeric comparison");
        double[] reference = Reference.full(f, plan, p.point(), evidence.fSize(), budget);
        for (int i = 0; i < reference.length; i++) {
            if (!Tolerances.agreesTo(jacobian[i], reference[i], tol.digits())
                    && !(Math.abs(jacobian[i] - reference[i]) <= evidence.tol().atol())) {
                return false;
            }
        }
        return true;
    }

    private static double maxAbs(double[] d) {
        double m = 0;
        for (double x : d) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    private PartReport wrongShape(Evidence evidence, Shape shape) {
        Shape expected = plan.expected();
        if (shape.equals(expected.transposed())
                && evidence.matches(a -> Values.transpose(a, shape.rows(), shape.cols()))) {
            return report(Verdict.INCORRECT, shape, Diagnoser.transposed(plan), List.of());
        }
        Diagnosis d = Diagnoser.wrongShape(plan, shape, f.shape());
        boolean fitsSomething = d.suggestedLayout() != null || shape.equals(expected.transposed());
        return report(fitsSomething ? Verdict.INCORRECT : Verdict.INVALID, shape, d, List.of());
    }

    /**
     * Evidence of one point, with the values of variables small enough to show; {@code written} keeps, per
     * variable, the last tensor shown and its written form, which the next point reuses when its tensor is the
     * same one (a fixed value every point shares).
     */
    private static PointEvidence point(Probe p, double[] answer, double error, boolean passed,
            Map<String, Shown> written) {
        Map<String, Object> values = Map.of();
        int shown = 0;
        for (Map.Entry<String, Tensor> e : p.point().entrySet()) {
            Tensor t = e.getValue();
            int size = t.shape().size();
            if (size <= Budget.EVIDENCE_ENTRIES && shown + size <= Budget.EVIDENCE_VALUES_PER_POINT) {
                Shown last = written.get(e.getKey());
                if (last == null || last.tensor() != t) {
                    last = new Shown(t, Values.write(t));
                    written.put(e.getKey(), last);
                }
                values = with(values, e.getKey(), last.written());
                shown += size;
            }
        }
        return new PointEvidence(values, numbers(p.reference()), numbers(answer), error, passed);
    }

    /** A variable's tensor and its written form. */
    private record Shown(Tensor tensor, Object written) {
    }

    /**
     * The values shown so far and one more, in declaration order: a one-entry map for the first (most checks show
     * one variable), a {@link LinkedHashMap} from the second on.
     */
    private static Map<String, Object> with(Map<String, Object> values, String name, Object value) {
        if (values.isEmpty()) {
            return Map.of(name, value);
        }
        Map<String, Object> more = values instanceof LinkedHashMap ? values : new LinkedHashMap<>(values);
        more.put(name, value);
        return more;
    }

    private static Object numbers(double[] d) {
        if (d == null || d.length > Budget.EVIDENCE_ENTRIES) {
            return null; // the response stays bounded: a large derivative is not repeated at every point
        }
        return d.length == 1 ? (Object) d[0] : NumberList.of(d);
    }

    private PartReport report(Verdict verdict, Shape answerShape, Diagnosis d, List<PointEvidence> points) {
        ExpressionView view = plan.answer() == null ? null : plan.answer().view();
        return new PartReport(plan.wrt(), plan.layout(), plan.order(), verdict, plan.expected().dims(),
                answerShape == null ? null : answerShape.dims(), view, d, points, skipped);
    }
}
