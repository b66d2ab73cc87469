package io.gradcheck.check;

import io.gradcheck.expr.ExpressionException;
import io.gradcheck.expr.Limits;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.parse.Declarations;
import io.gradcheck.expr.parse.ParsedExpression;
import java.util.ArrayList;
import java.util.List;

/**
 * The first stage: each requested part becomes a {@link PartPlan} (its variable, layout, order, the shape the
 * answer must have, and the answer read under the engine's limits), and the whole check is priced.
 */
final class Planner {

    /** Estimated floating-point operations one check may spend. */
    static final long COST_LIMIT = 2_000_000_000L;

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
    static void budget(ParsedExpression f, List<PartPlan> parts, int points) {
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
}
