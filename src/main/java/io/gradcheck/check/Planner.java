package io.gradcheck.check;

import io.gradcheck.expr.ExpressionException;
import io.gradcheck.expr.Limits;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.Span;
import io.gradcheck.expr.Tensor;
import io.gradcheck.expr.eval.Evaluator;
import io.gradcheck.expr.parse.Declarations;
import io.gradcheck.expr.parse.InputNotation;
import io.gradcheck.expr.parse.ParsedExpression;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The first stage: each requested part becomes a {@link PartPlan} (its variable, layout, order, the shape the
 * answer must have, and the answer read under the engine's limits). The {@link Budget} prices the plan.
 */
final class Planner {

    private Planner() {
    }

    static List<PartPlan> plan(List<CheckRequest.Part> requested, ParsedExpression f, Declarations declarations,
            Limits limits) {
        if (requested == null || requested.isEmpty()) {
            throw new CheckException(CheckException.Kind.BAD_REQUEST,
                    "parts must name at least one derivative to check");
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
                            + (f.shape().isScalar() ? "gradient" : "numerator, denominator, flattened or vec"));
                }
            } else {
                throw new CheckException(CheckException.Kind.BAD_REQUEST, "order must be 1 or 2");
            }
            Answer answer = null;
            String unreadable = null;
            Span unreadableAt = Span.NONE;
            InputNotation notation = InputNotation.of(part.notation()); // an unknown name is the caller's 400
            try {
                answer = Answer.read(part.answer(), declarations, limits, notation);
            } catch (ExpressionException e) {
                unreadable = e.getMessage();
                unreadableAt = e.span();
            } catch (Answer.Invalid e) {
                unreadable = e.getMessage();
                unreadableAt = e.span();
            }
            plans.add(new PartPlan(wrt, wrtShape, layout, order, expected, answer, unreadable, unreadableAt));
        }
        return plans;
    }

    /**
     * A part whose variable has a fixed value asks for the derivative at that one point; where f has a kink
     * there (abs(x) at x = 0) or is defined on one side only (sqrt(x) at 0), the question has no answer: the
     * author's error (422), never a verdict against the learner. A kink shows as one-sided slopes whose gap
     * does not shrink with the step (it shrinks like the step where f is smooth). {@code draw} draws a point
     * (the other variables may be drawn); {@code random} gives the directions.
     */
    static void refuseKinksAtFixedPoints(ParsedExpression f, List<PartPlan> parts, Predicate<String> fixed,
            Supplier<Map<String, Tensor>> draw, SplittableRandom random) {
        for (PartPlan part : parts) {
            if (!fixed.test(part.wrt())) {
                continue;
            }
            Map<String, Tensor> point = draw.get();
            Tensor x = point.get(part.wrt());
            double f0 = maxAbs(Evaluator.value(f.root(), point));
            if (!Double.isFinite(f0)) {
                continue; // undefined at the point itself: sampling says so
            }
            double size = maxAbs(x);
            double h = 1e-4 * (size > 0 ? size : 1);
            for (int d = 0; d < 2; d++) {
                double[] v = new double[x.shape().size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = random.nextDouble(-1, 1);
                }
                String why = kink(f, point, part.wrt(), x, v, h, f0);
                if (why != null) {
                    throw new CheckException(CheckException.Kind.QUESTION, "the function has no derivative with "
                            + "respect to " + part.wrt() + " at its fixed value " + part.wrt() + " = "
                            + Values.text(x) + " (" + why + "), so the question has no answer: fix "
                            + part.wrt() + " where the function is differentiable");
                }
            }
        }
    }

    private static String kink(ParsedExpression f, Map<String, Tensor> point, String wrt, Tensor x, double[] v,
            double h, double f0) {
        double[] gaps = new double[3];
        for (int k = 0; k < 3; k++) {
            double step = h / Math.pow(10, k);
            double[] plus = Evaluator.value(f.root(), moved(point, wrt, x, v, step)).data();
            double[] minus = Evaluator.value(f.root(), moved(point, wrt, x, v, -step)).data();
            double[] here = Evaluator.value(f.root(), point).data();
            double gap = 0;
            for (int i = 0; i < here.length; i++) {
                if (!Double.isFinite(plus[i]) || !Double.isFinite(minus[i])) {
                    return "it is defined on one side only";
                }
                double forward = (plus[i] - here[i]) / step;
                double backward = (here[i] - minus[i]) / step;
                gap = Math.max(gap, Math.abs(forward - backward));
            }
            gaps[k] = gap;
        }
        // rounding alone moves a one-sided slope by about ε·|f|/step
        double noise = 1e3 * Math.ulp(1.0) * Math.max(f0, Double.MIN_NORMAL) / (h / 100);
        boolean kink = gaps[2] > noise && gaps[2] > 0.5 * gaps[1] && gaps[1] > 0.5 * gaps[0];
        return kink ? "the slopes on either side differ, by " + Values.format(gaps[2]) + " along a direction"
                : null;
    }

    private static Map<String, Tensor> moved(Map<String, Tensor> point, String wrt, Tensor x, double[] v, double t) {
        double[] d = x.data().clone();
        for (int i = 0; i < d.length; i++) {
            d[i] += t * v[i];
        }
        Map<String, Tensor> p = new LinkedHashMap<>(point);
        p.put(wrt, new Tensor(x.shape(), d));
        return p;
    }

    private static double maxAbs(Tensor t) {
        double m = 0;
        for (double d : t.data()) {
            m = Double.isNaN(d) ? Double.NaN : Math.max(m, Math.abs(d));
            if (Double.isNaN(m)) {
                return m;
            }
        }
        return m;
    }
}
