package io.gradcheck.check;

import io.gradcheck.check.CheckReport.Diagnosis;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.Tensor;
import io.gradcheck.expr.eval.Evaluator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Says how a wrong answer is wrong, by testing what it is instead, in this order: undefined where f is
 * defined, the transpose, a constant multiple (the negative, a missing factor 2, …), right only for symmetric
 * constant matrices, right in some entries only. Each test re-uses the sampled points and directions.
 */
final class Diagnoser {

    /** The full reference (one dual pass per entry of wrt) is computed only up to this many entries. */
    static final int FULL_REFERENCE_LIMIT = 100_000;
    private static final int FULL_REFERENCE_POINTS = 3;

    private final PartJudge judge;

    Diagnoser(PartJudge judge) {
        this.judge = judge;
    }

    Diagnosis diagnose() {
        Diagnosis d = undefined();
        if (d == null) {
            d = transposed();
        }
        if (d == null) {
            d = scaled();
        }
        if (d == null) {
            d = symmetricOnly();
        }
        if (d == null) {
            d = partiallyCorrect();
        }
        return d != null ? d : wrong();
    }

    private Diagnosis undefined() {
        for (int k = 0; k < judge.probes().size(); k++) {
            if (!judge.answers().get(k).allFinite()) {
                return Diagnosis.of(DiagnosisKind.UNDEFINED, "Your answer is undefined (NaN or infinite) at "
                        + describe(judge.probes().get(k).point()) + ", where the function and its derivative are "
                        + "defined.");
            }
        }
        return null;
    }

    private Diagnosis transposed() {
        Shape s = judge.plan().expected();
        if (s.isScalar() || !s.isSquare() || !judge.matches(a -> PartJudge.transpose(a, s))) {
            return null;
        }
        return judge.transposedDiagnosis();
    }

    /** answer = c · derivative for one constant c, fitted by least squares over the points. */
    private Diagnosis scaled() {
        double ar = 0;
        double rr = 0;
        int equations = 0;
        for (int k = 0; k < judge.probes().size(); k++) {
            Probe p = judge.probes().get(k);
            double[] a = judge.contracted(judge.answers().get(k).data(), p);
            for (int i = 0; i < a.length; i++) {
                ar += a[i] * p.reference()[i];
                rr += p.reference()[i] * p.reference()[i];
            }
            equations += a.length;
        }
        double c = ar / rr;
        // one constant fitted to fewer than three numbers would fit anything
        if (equations < 3 || rr == 0 || !Double.isFinite(c) || Math.abs(c) < 1e-12 || Math.abs(c - 1) < 1e-9) {
            return null;
        }
        double factor = nice(c);
        if (!judge.matches(a -> times(a, 1 / factor))) {
            return null;
        }
        if (factor == -1) {
            return Diagnosis.of(DiagnosisKind.NEGATED, "Your answer has the wrong sign: it is the negative of the derivative.");
        }
        String message = factor == 0.5 ? "Your answer is half the derivative: a factor 2 is missing."
                : factor == 2 ? "Your answer is twice the derivative: there is an extra factor 2 (or a 1/2 is missing)."
                : "Your answer is " + format(factor) + " times the derivative: look for a missing or extra constant "
                        + "factor.";
        return new Diagnosis(DiagnosisKind.SCALED, message, factor, null, null, null);
    }

    /** Right when every constant square matrix is replaced by its symmetric part (A + Aᵀ)/2. */
    private Diagnosis symmetricOnly() {
        List<String> matrices = new ArrayList<>();
        judge.firstPoint().forEach((name, t) -> {
            if (t.shape().isMatrix() && t.shape().isSquare() && !name.equals(judge.plan().wrt())
                    && !judge.sampler().isDeclaredSymmetric(name)) {
                matrices.add(name);
            }
        });
        if (matrices.isEmpty()) {
            return null;
        }
        int checked = 0;
        for (Probe p : judge.probes()) {
            Map<String, Tensor> point = new LinkedHashMap<>(p.point());
            matrices.forEach(name -> point.put(name, symmetricPart(point.get(name))));
            Probe q = judge.sampling().reprobe(judge.plan(), p, point);
            if (q == null) {
                continue;
            }
            double[] a = judge.contracted(judge.plan().answer().value(point).data(), q);
            if (!judge.tol().passes(a, q.reference())) {
                return null;
            }
            checked++;
        }
        if (checked == 0) {
            return null;
        }
        String names = String.join(", ", matrices);
        return Diagnosis.of(DiagnosisKind.SYMMETRIC_ONLY, "Your answer is right only when " + names
                + (matrices.size() == 1 ? " is" : " are") + " symmetric; for a general " + names
                + " the derivative is different (compare what " + names + " and its transpose contribute).");
    }

    /** Entry by entry against the full reference, at up to three points. */
    private Diagnosis partiallyCorrect() {
        PartPlan plan = judge.plan();
        int n = plan.wrtShape().size();
        int m = judge.fSize();
        long entries = plan.order() == 2 ? (long) n * n : (long) m * n;
        if (entries > FULL_REFERENCE_LIMIT || (plan.order() == 2 && n > 100)) {
            return null;
        }
        Shape answerShape = plan.expected();
        TreeSet<Integer> wrong = new TreeSet<>();
        for (int k = 0; k < Math.min(FULL_REFERENCE_POINTS, judge.probes().size()); k++) {
            Map<String, Tensor> point = judge.probes().get(k).point();
            double[] reference = fullReference(point);
            double[] answer = plan.jacobianForm(judge.answers().get(k).data(), judge.function().shape());
            double scale = 0;
            for (int i = 0; i < reference.length; i++) {
                scale = Math.max(scale, Math.max(Math.abs(reference[i]), Math.abs(answer[i])));
            }
            for (int i = 0; i < reference.length; i++) {
                if (!(Math.abs(answer[i] - reference[i]) <= judge.tol().atol() + judge.tol().rtol() * scale)) {
                    wrong.add(answerIndex(i, m, n));
                }
            }
        }
        if (wrong.isEmpty() || wrong.size() == entries) {
            return null;
        }
        List<String> names = new ArrayList<>();
        wrong.forEach(i -> names.add(entryName(i, answerShape)));
        List<String> shown = names.size() > 20 ? names.subList(0, 20) : names;
        return new Diagnosis(DiagnosisKind.PARTIALLY_CORRECT, "Some entries are right, but " + (names.size() == 1 ? "entry "
                : "entries ") + String.join(", ", shown) + (names.size() > 20 ? " and " + (names.size() - 20)
                + " more" : "") + (names.size() == 1 ? " is" : " are") + " not.", null, names, null, null);
    }

    /** The Jacobian form of the true derivative: one dual pass per entry of wrt (or nested passes per pair). */
    private double[] fullReference(Map<String, Tensor> point) {
        PartPlan plan = judge.plan();
        Shape ws = plan.wrtShape();
        int n = ws.size();
        int m = judge.fSize();
        double[] out = new double[plan.order() == 2 ? n * n : m * n];
        for (int j = 0; j < n; j++) {
            Tensor ej = unit(ws, j);
            if (plan.order() == 2) {
                for (int i = 0; i < n; i++) {
                    out[i * n + j] = Evaluator.secondDirectional(judge.function().root(), point, plan.wrt(),
                            unit(ws, i), ej).scalarPart(3);
                }
            } else {
                double[] column = Evaluator.directional(judge.function().root(), point, plan.wrt(), ej)
                        .partAsTensor(1).data();
                for (int i = 0; i < m; i++) {
                    out[i * n + j] = column[i];
                }
            }
        }
        return out;
    }

    /** Where entry i of the Jacobian form stands in the answer as the layout writes it. */
    private int answerIndex(int i, int m, int n) {
        return judge.plan().order() == 1 && judge.plan().layout() == Layout.DENOMINATOR
                ? (i % n) * m + i / n : i;
    }

    private static String entryName(int flat, Shape s) {
        return s.isMatrix() ? "(" + (flat / s.cols() + 1) + "," + (flat % s.cols() + 1) + ")"
                : String.valueOf(flat + 1);
    }

    private Diagnosis wrong() {
        for (int k = 0; k < judge.probes().size(); k++) {
            Probe p = judge.probes().get(k);
            double[] a = judge.contracted(judge.answers().get(k).data(), p);
            if (!judge.tol().passes(a, p.reference())) {
                return Diagnosis.of(DiagnosisKind.WRONG, "Your answer does not match the derivative: at "
                        + describe(p.point()) + ", along a random direction the derivative changes by "
                        + format(p.reference()[0]) + " but your answer gives " + format(a[0]) + ".");
            }
        }
        return Diagnosis.of(DiagnosisKind.WRONG, "Your answer does not match the derivative.");
    }

    private static Tensor unit(Shape s, int i) {
        double[] d = new double[s.size()];
        d[i] = 1;
        return new Tensor(s, d);
    }

    private static Tensor symmetricPart(Tensor t) {
        int n = t.shape().rows();
        double[] d = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i * n + j] = (t.get(i, j) + t.get(j, i)) / 2;
            }
        }
        return new Tensor(t.shape(), d);
    }

    private static double[] times(double[] a, double c) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * c;
        }
        return out;
    }

    /** c as a simple fraction p/q (q ≤ 12) when it is one, so that a missing 2 reads as 0.5, not 0.50000001. */
    static double nice(double c) {
        for (int q = 1; q <= 12; q++) {
            double p = Math.rint(c * q);
            if (p != 0 && Math.abs(c - p / q) <= 1e-6 * Math.max(1, Math.abs(c))) {
                return p / q;
            }
        }
        return c;
    }

    private static String format(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d)
                : String.format(Locale.ROOT, "%.6g", d);
    }

    /** "x = [0.5, -1.2, 1.9]" for the small variables of a point. */
    private static String describe(Map<String, Tensor> point) {
        List<String> parts = new ArrayList<>();
        point.forEach((name, t) -> {
            if (t.shape().size() <= 9) {
                parts.add(name + " = " + values(t));
            }
        });
        return parts.isEmpty() ? "a sampled point" : String.join(", ", parts);
    }

    private static String values(Tensor t) {
        if (t.shape().isScalar()) {
            return format(t.data()[0]);
        }
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < t.shape().rows(); i++) {
            List<String> v = new ArrayList<>();
            for (int j = 0; j < t.shape().cols(); j++) {
                v.add(format(t.get(i, j)));
            }
            rows.add(t.shape().isMatrix() ? "[" + String.join(", ", v) + "]" : v.get(0));
        }
        return "[" + String.join(", ", rows) + "]";
    }
}
