package io.gradcheck.check;

import io.gradcheck.check.CheckReport.Diagnosis;
import io.gradcheck.check.CheckReport.ExpressionView;
import io.gradcheck.check.CheckReport.PartReport;
import io.gradcheck.check.CheckReport.PointEvidence;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.Tensor;
import io.gradcheck.expr.parse.ParsedExpression;
import java.util.ArrayList;
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

    PartJudge(ParsedExpression f, PartPlan plan, List<Probe> probes, Tolerances tol, int skipped,
            Predicate<String> declaredSymmetric) {
        this.f = f;
        this.plan = plan;
        this.probes = probes;
        this.tol = tol;
        this.skipped = skipped;
        this.declaredSymmetric = declaredSymmetric;
    }

    PartReport judge() {
        if (plan.answer() == null) {
            return report(Verdict.INVALID, null, Diagnosis.of(DiagnosisKind.UNREADABLE,
                    "We could not read your answer: " + plan.unreadable()), List.of());
        }
        Shape shape = plan.answer().shape();
        List<Tensor> answers = new ArrayList<>();
        probes.forEach(p -> answers.add(plan.answer().value(p.point())));
        Evidence evidence = new Evidence(f, plan, probes, answers, tol, declaredSymmetric);
        if (!shape.equals(plan.expected())) {
            return wrongShape(evidence, shape);
        }
        List<PointEvidence> points = new ArrayList<>();
        boolean all = true;
        for (int k = 0; k < probes.size(); k++) {
            Probe p = probes.get(k);
            double[] a = evidence.contracted(answers.get(k).data(), p);
            boolean passed = tol.passes(a, p.reference());
            all &= passed;
            points.add(point(p, a, Tolerances.error(a, p.reference()), passed));
        }
        if (all) {
            return report(Verdict.CORRECT, shape, Diagnosis.of(DiagnosisKind.CORRECT, "Your derivative matches the "
                    + "reference at " + (probes.size() == 1 ? "the point." : "all " + probes.size() + " points.")),
                    points);
        }
        return report(Verdict.INCORRECT, shape, new Diagnoser(evidence).diagnose(), points);
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

    /** Evidence of one point, with the values of variables small enough to show. */
    private static PointEvidence point(Probe p, double[] answer, double error, boolean passed) {
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

    private PartReport report(Verdict verdict, Shape answerShape, Diagnosis d, List<PointEvidence> points) {
        ExpressionView view = plan.answer() == null ? null : plan.answer().view();
        return new PartReport(plan.wrt(), plan.layout(), plan.order(), verdict, plan.expected().dims(),
                answerShape == null ? null : answerShape.dims(), view, d, points, skipped);
    }
}
