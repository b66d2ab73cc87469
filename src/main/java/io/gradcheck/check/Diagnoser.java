package io.gradcheck.check;

import io.gradcheck.check.CheckReport.Diagnosis;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Says how a wrong answer is wrong, by testing what it is instead, in this order: undefined where f is
 * defined, the transpose, a constant multiple (the negative, a missing factor 2, …), right only for symmetric
 * constant matrices, right in some entries only. Each test re-uses the sampled points and directions of the
 * {@link Evidence}, its only input.
 */
final class Diagnoser {

    /** The full reference (one dual pass per entry of wrt) is computed only up to this many entries. */
    static final int FULL_REFERENCE_LIMIT = 100_000;
    private static final int FULL_REFERENCE_POINTS = 3;

    private final Evidence evidence;
    private final Budget budget;
    /** The full reference did not fit in what was left of the work budget: partially correct was not decided. */
    private boolean entriesUndecided;

    Diagnoser(Evidence evidence, Budget budget) {
        this.evidence = evidence;
        this.budget = budget;
    }

    Diagnosis diagnose() {
        Diagnosis d = undefined();
        if (d == null) {
            d = transposed();
        }
        if (d == null) {
            d = otherFlattening();
        }
        if (d == null) {
            d = inaccurate();
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
        for (int k = 0; k < evidence.probes().size(); k++) {
            if (!evidence.answers().get(k).allFinite()) {
                return Diagnosis.of(DiagnosisKind.UNDEFINED, "Your answer is undefined (NaN or infinite) at "
                        + describe(evidence.probes().get(k).point()) + ", where the function and its derivative are "
                        + "defined.");
            }
        }
        return null;
    }

    private Diagnosis transposed() {
        Shape s = evidence.plan().expected();
        if (s.isScalar() || !s.isSquare() || !evidence.matches(a -> Values.transpose(a, s.rows(), s.cols()))) {
            return null;
        }
        return transposed(evidence.plan());
    }

    /** The answer is the transpose of the derivative: which layout it would fit, or just "transpose it". */
    static Diagnosis transposed(PartPlan plan) {
        if (plan.order() == 1 && (plan.layout() == Layout.NUMERATOR || plan.layout() == Layout.DENOMINATOR)) {
            String other = plan.layout() == Layout.NUMERATOR ? "denominator" : "numerator";
            return Diagnosis.of(DiagnosisKind.TRANSPOSED, "Your answer is the transpose of " + what(plan)
                    + ": it would be right in the " + other + " layout, so transpose it.");
        }
        String shapeNote = plan.order() == 1 && plan.layout() == Layout.GRADIENT
                ? " (the gradient has the shape of " + plan.wrt() + ")" : "";
        return Diagnosis.of(DiagnosisKind.TRANSPOSED, "Your answer is the transpose of " + what(plan) + shapeNote
                + ": transpose it.");
    }

    /**
     * Flattened (row-major) and vec (column-major) write the same numbers in another order when f or wrt is a
     * matrix: an answer that fits the other one is told so, as a transpose-like mistake naming the layout.
     */
    private Diagnosis otherFlattening() {
        PartPlan plan = evidence.plan();
        Shape f = evidence.f().shape();
        if (plan.order() != 1 || !(plan.layout() == Layout.FLATTENED || plan.layout() == Layout.VEC)
                || !Layout.vecDiffers(f, plan.wrtShape())) {
            return null;
        }
        Layout other = plan.layout() == Layout.FLATTENED ? Layout.VEC : Layout.FLATTENED;
        if (!evidence.matches(a -> plan.layout().fromJacobianForm(other.toJacobianForm(a, f, plan.wrtShape()), f,
                plan.wrtShape()))) {
            return null;
        }
        String mine = plan.layout() == Layout.VEC ? "vec layout (column-major, vec stacks the columns)"
                : "flattened layout (row-major, row by row)";
        String theirs = other == Layout.VEC ? "vec layout (column-major, ∂vec(F)/∂vec(X) as in Magnus–Neudecker)"
                : "flattened layout (row-major)";
        return new Diagnosis(DiagnosisKind.TRANSPOSED, "Your answer is the derivative with respect to "
                + plan.wrt() + " in the " + theirs + "; this part asks for the " + mine
                + ": reorder its rows and columns.", null, null, null, other);
    }

    /**
     * A numeric answer (tolerance.digits) whose every entry agrees with the derivative to at least one
     * significant digit but not to the digits asked: a rounding, not a wrong method.
     */
    private Diagnosis inaccurate() {
        if (!evidence.tol().numeric()) {
            return null;
        }
        PartPlan plan = evidence.plan();
        int digits = evidence.tol().digits();
        int agreed = Integer.MAX_VALUE;
        for (int k = 0; k < Math.min(FULL_REFERENCE_POINTS, evidence.probes().size()); k++) {
            double[] answer = plan.jacobianForm(evidence.answers().get(k).data(), evidence.f().shape());
            if (answer.length > FULL_REFERENCE_LIMIT) {
                return null;
            }
            if (!budget.tryCharge(budget.fullReferenceCost(plan))) {
                return null; // no room for the full derivative: the cheaper diagnoses speak instead
            }
            double[] reference = Reference.full(evidence.f(), plan, evidence.probes().get(k).point(),
                    evidence.fSize(), budget);
            for (int i = 0; i < reference.length; i++) {
                agreed = Math.min(agreed, Tolerances.digitsOfAgreement(answer[i], reference[i]));
            }
        }
        if (agreed < 1 || agreed >= digits) {
            return null;
        }
        return Diagnosis.of(DiagnosisKind.INACCURATE, "Your answer is close but not accurate enough: it agrees "
                + "with the derivative to " + agreed + " significant digit" + (agreed == 1 ? "" : "s")
                + ", and this problem asks for " + digits + " (round, do not truncate, or give an exact value).");
    }

    /** The answer has another shape than the part asks: which, and the layout such a shape would fit, if any. */
    static Diagnosis wrongShape(PartPlan plan, Shape shape, Shape f) {
        Shape expected = plan.expected();
        Layout suggested = plan.order() == 1 ? Layout.suggestedBy(shape, f, plan.wrtShape()) : null;
        String message = "Your answer is " + shape + ", but " + what(plan) + " is " + expected
                + (suggested != null ? "; a " + shape + " answer would fit the " + suggested.text() + " layout" : "")
                + ".";
        return new Diagnosis(DiagnosisKind.WRONG_SHAPE, message, null, null, expected.dims(), suggested);
    }

    private static String what(PartPlan plan) {
        return plan.order() == 2 ? "the Hessian with respect to " + plan.wrt()
                : "the derivative with respect to " + plan.wrt() + " in the " + plan.layout().text() + " layout";
    }

    /** answer = c · derivative for one constant c, fitted by least squares over the points. */
    private Diagnosis scaled() {
        double ar = 0;
        double rr = 0;
        int equations = 0;
        for (int k = 0; k < evidence.probes().size(); k++) {
            Probe p = evidence.probes().get(k);
            double[] a = evidence.contracted(evidence.answers().get(k).data(), p);
            for (int i = 0; i < a.length; i++) {
                ar += a[i] * p.reference()[i];
                rr += p.reference()[i] * p.reference()[i];
            }
            equations += a.length;
        }
        if (evidence.tol().numeric()) {
            // a numeric answer holds as many numbers as it has entries, however many points repeat them
            equations = Math.min(equations, evidence.plan().expected().size());
        }
        double c = ar / rr;
        // one constant fitted to fewer than three numbers would fit anything; a sign error in a number is still one
        boolean fewNumbers = equations < 3 && !(evidence.tol().numeric() && nice(c) == -1);
        if (fewNumbers || rr == 0 || !Double.isFinite(c) || Math.abs(c) < 1e-12 || Math.abs(c - 1) < 1e-9) {
            return null;
        }
        double factor = nice(c);
        if (!evidence.matches(a -> times(a, 1 / factor))) {
            return null;
        }
        if (factor == -1) {
            return Diagnosis.of(DiagnosisKind.NEGATED,
                    "Your answer has the wrong sign: it is the negative of the derivative.");
        }
        String message = factor == 0.5 ? "Your answer is half the derivative: a factor 2 is missing."
                : factor == 2 ? "Your answer is twice the derivative: there is an extra factor 2 (or a 1/2 is missing)."
                : "Your answer is " + Values.format(factor) + " times the derivative: look for a missing or extra "
                        + "constant factor.";
        return new Diagnosis(DiagnosisKind.SCALED, message, factor, null, null, null);
    }

    /** Right when every constant square matrix is replaced by its symmetric part (A + Aᵀ)/2. */
    private Diagnosis symmetricOnly() {
        List<String> matrices = new ArrayList<>();
        evidence.probes().get(0).point().forEach((name, t) -> {
            if (t.shape().isMatrix() && t.shape().isSquare() && !name.equals(evidence.plan().wrt())
                    && !evidence.declaredSymmetric().test(name)) {
                matrices.add(name);
            }
        });
        if (matrices.isEmpty()) {
            return null;
        }
        int checked = 0;
        for (Probe p : evidence.probes()) {
            // optional work: without the budget for it, this diagnosis is not tried
            if (!budget.tryCharge(budget.referenceCost(evidence.plan()) + Budget.answerCost(evidence.plan()))) {
                return null;
            }
            Map<String, Tensor> point = new LinkedHashMap<>(p.point());
            matrices.forEach(name -> point.put(name, symmetricPart(point.get(name))));
            Probe q = evidence.reprobe(p, point);
            if (q == null) {
                continue;
            }
            double[] a = evidence.contracted(evidence.plan().answer().value(point).data(), q);
            if (!evidence.tol().passes(a, q.reference())) {
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
        PartPlan plan = evidence.plan();
        int n = plan.wrtShape().size();
        int m = evidence.fSize();
        long entries = plan.order() == 2 ? (long) n * n : (long) m * n;
        if (entries > FULL_REFERENCE_LIMIT || (plan.order() == 2 && n > 100)) {
            return null;
        }
        // charged before it runs, at as many of the three points as the budget allows (none: not decided)
        long perPoint = budget.fullReferenceCost(plan);
        int points = Math.min(FULL_REFERENCE_POINTS, evidence.probes().size());
        while (points > 0 && !budget.tryCharge(Budget.saturated(perPoint, points))) {
            points--;
        }
        if (points == 0) {
            entriesUndecided = true;
            return null;
        }
        Shape answerShape = plan.expected();
        TreeSet<Integer> wrong = new TreeSet<>();
        for (int k = 0; k < points; k++) {
            budget.poll();
            Map<String, Tensor> point = evidence.probes().get(k).point();
            double[] reference = Reference.full(evidence.f(), plan, point, m, budget);
            double[] answer = plan.jacobianForm(evidence.answers().get(k).data(), evidence.f().shape());
            for (int i : evidence.tol().failing(answer, reference)) {
                if (!(evidence.tol().numeric() && Tolerances.agreesTo(answer[i], reference[i],
                        evidence.tol().digits()))) {
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
        return new Diagnosis(DiagnosisKind.PARTIALLY_CORRECT, "Some entries are right, but "
                + (names.size() == 1 ? "entry " : "entries ") + String.join(", ", shown) + (names.size() > 20 ? " and " + (names.size() - 20)
                + " more" : "") + (names.size() == 1 ? " is" : " are") + " not.", null,
                names.size() > Budget.WRONG_ENTRIES_LISTED ? List.copyOf(names.subList(0, Budget.WRONG_ENTRIES_LISTED))
                        : names, null, null);
    }

    /** Where entry i of the Jacobian form stands in the answer as the layout writes it. */
    private int answerIndex(int i, int m, int n) {
        PartPlan plan = evidence.plan();
        if (plan.order() == 1 && plan.layout() == Layout.VEC) {
            double[] at = new double[m * n];
            at[i] = 1;
            double[] written = Layout.VEC.fromJacobianForm(at, evidence.f().shape(), plan.wrtShape());
            for (int k = 0; k < written.length; k++) {
                if (written[k] == 1) {
                    return k;
                }
            }
        }
        return plan.order() == 1 && plan.layout() == Layout.DENOMINATOR ? (i % n) * m + i / n : i;
    }

    private static String entryName(int flat, Shape s) {
        return s.isMatrix() ? "(" + (flat / s.cols() + 1) + "," + (flat % s.cols() + 1) + ")"
                : String.valueOf(flat + 1);
    }

    private Diagnosis wrong() {
        String undecided = entriesUndecided ? " Which entries are wrong was not worked out: that would take more "
                + "work than this check's budget allows." : "";
        for (int k = 0; k < evidence.probes().size(); k++) {
            Probe p = evidence.probes().get(k);
            double[] a = evidence.contracted(evidence.answers().get(k).data(), p);
            if (!evidence.tol().passes(a, p.reference())) {
                return Diagnosis.of(DiagnosisKind.WRONG, "Your answer does not match the derivative: at "
                        + describe(p.point()) + ", along a random direction the derivative changes by "
                        + Values.format(p.reference()[0]) + " but your answer gives " + Values.format(a[0]) + "."
                        + undecided);
            }
        }
        return Diagnosis.of(DiagnosisKind.WRONG, "Your answer does not match the derivative." + undecided);
    }

    private static Tensor symmetricPart(Tensor t) {
        return new Tensor(t.shape(), Values.symmetricPart(t.data(), t.shape().rows()));
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

    /** "x = [0.5, -1.2, 1.9]" for the small variables of a point. */
    private static String describe(Map<String, Tensor> point) {
        List<String> parts = new ArrayList<>();
        point.forEach((name, t) -> {
            if (t.shape().size() <= 9) {
                parts.add(name + " = " + Values.text(t));
            }
        });
        return parts.isEmpty() ? "a sampled point" : String.join(", ", parts);
    }
}
