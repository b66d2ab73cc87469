package io.gradcheck.check;

import io.gradcheck.check.CheckReport.Diagnosis;
import io.gradcheck.check.CheckReport.ExpressionView;
import io.gradcheck.check.CheckReport.PartReport;
import io.gradcheck.check.CheckReport.PointEvidence;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.Tensor;
import io.gradcheck.expr.parse.ParsedExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Judges one part at the valid points: compares the answer with the reference and, when it fails, says how. */
final class PartJudge {

    private final ParsedExpression f;
    private final PartPlan plan;
    private final List<Probe> probes;
    private final Tolerances tol;
    private final Sampling sampling;
    private final Sampler sampler;
    private final int fSize;
    private final List<Tensor> answers = new ArrayList<>();

    PartJudge(ParsedExpression f, PartPlan plan, List<Probe> probes, Tolerances tol,
            Sampling sampling, Sampler sampler) {
        this.f = f;
        this.plan = plan;
        this.probes = probes;
        this.tol = tol;
        this.sampling = sampling;
        this.sampler = sampler;
        this.fSize = plan.order() == 2 ? 1 : f.shape().size();
    }

    PartReport judge() {
        if (plan.answer() == null) {
            return report(Verdict.INVALID, null, Diagnosis.of(DiagnosisKind.UNREADABLE,
                    "We could not read your answer: " + plan.unreadable()), List.of());
        }
        Shape shape = plan.answer().shape();
        probes.forEach(p -> answers.add(plan.answer().value(p.point())));
        if (!shape.equals(plan.expected())) {
            return wrongShape(shape);
        }
        List<PointEvidence> evidence = new ArrayList<>();
        boolean all = true;
        for (int k = 0; k < probes.size(); k++) {
            Probe p = probes.get(k);
            double[] a = contracted(answers.get(k).data(), p);
            boolean passed = tol.passes(a, p.reference());
            all &= passed;
            evidence.add(Checker.evidence(p, a, Tolerances.error(a, p.reference()), passed));
        }
        if (all) {
            return report(Verdict.CORRECT, shape, Diagnosis.of(DiagnosisKind.CORRECT, "Your derivative matches the reference at "
                    + (probes.size() == 1 ? "the point." : "all " + probes.size() + " points.")), evidence);
        }
        return report(Verdict.INCORRECT, shape, new Diagnoser(this).diagnose(), evidence);
    }

    private PartReport wrongShape(Shape shape) {
        Shape expected = plan.expected();
        if (shape.equals(expected.transposed()) && matches(a -> transpose(a, shape))) {
            return report(Verdict.INCORRECT, shape, transposedDiagnosis(), List.of());
        }
        Layout suggested = plan.order() == 1 ? Layout.suggestedBy(shape, f.shape(), plan.wrtShape()) : null;
        String message = "Your answer is " + shape + ", but " + what() + " is " + expected
                + (suggested != null ? "; a " + shape + " answer would fit the " + suggested.text() + " layout" : "")
                + ".";
        Diagnosis d = new Diagnosis(DiagnosisKind.WRONG_SHAPE, message, null, null, expected.dims(),
                suggested);
        boolean fitsSomething = suggested != null || shape.equals(expected.transposed());
        return report(fitsSomething ? Verdict.INCORRECT : Verdict.INVALID, shape, d, List.of());
    }

    String what() {
        return plan.order() == 2 ? "the Hessian with respect to " + plan.wrt()
                : "the derivative with respect to " + plan.wrt() + " in the " + plan.layout().text() + " layout";
    }

    Diagnosis transposedDiagnosis() {
        if (plan.order() == 1 && (plan.layout() == Layout.NUMERATOR || plan.layout() == Layout.DENOMINATOR)) {
            String other = plan.layout() == Layout.NUMERATOR ? "denominator" : "numerator";
            return Diagnosis.of(DiagnosisKind.TRANSPOSED, "Your answer is the transpose of " + what() + ": it would be right in "
                    + "the " + other + " layout, so transpose it.");
        }
        String shapeNote = plan.order() == 1 && plan.layout() == Layout.GRADIENT
                ? " (the gradient has the shape of " + plan.wrt() + ")" : "";
        return Diagnosis.of(DiagnosisKind.TRANSPOSED, "Your answer is the transpose of " + what() + shapeNote
                + ": transpose it.");
    }

    /** The answer (as the answer's own values) contracted with the probe's directions. */
    double[] contracted(double[] answer, Probe p) {
        return plan.contract(plan.jacobianForm(answer, f.shape()), p, fSize);
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

    static double[] transpose(double[] a, Shape s) {
        double[] t = new double[a.length];
        for (int i = 0; i < s.rows(); i++) {
            for (int j = 0; j < s.cols(); j++) {
                t[j * s.rows() + i] = a[i * s.cols() + j];
            }
        }
        return t;
    }

    private PartReport report(Verdict verdict, Shape answerShape, Diagnosis d, List<PointEvidence> evidence) {
        ExpressionView view = plan.answer() == null ? null : plan.answer().view();
        return new PartReport(plan.wrt(), plan.layout(), plan.order(), verdict, plan.expected().dims(),
                answerShape == null ? null : answerShape.dims(), view, d, evidence, sampling.skipped());
    }

    PartPlan plan() {
        return plan;
    }

    List<Probe> probes() {
        return probes;
    }

    List<Tensor> answers() {
        return answers;
    }

    Tolerances tol() {
        return tol;
    }

    Sampling sampling() {
        return sampling;
    }

    Sampler sampler() {
        return sampler;
    }

    ParsedExpression function() {
        return f;
    }

    int fSize() {
        return fSize;
    }

    Map<String, Tensor> firstPoint() {
        return probes.get(0).point();
    }
}
