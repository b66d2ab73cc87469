package io.gradcheck.check;

import io.gradcheck.expr.parse.Declarations;
import io.gradcheck.expr.ExpressionException;
import io.gradcheck.expr.Limits;
import io.gradcheck.expr.Tensor;
import io.gradcheck.expr.eval.Evaluator;
import io.gradcheck.expr.parse.ParsedExpression;
import io.gradcheck.expr.parse.Parser;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A condition every sampled point must meet, such as "b - a > 0": two scalar expressions and a comparison. */
record Constraint(String text, ParsedExpression left, String op, ParsedExpression right) {

    private static final Pattern COMPARISON = Pattern.compile("(>=|<=|≥|≤|>|<)");

    static Constraint parse(String text, Declarations declarations, Limits limits) {
        Matcher m = text == null ? null : COMPARISON.matcher(text);
        if (m == null || !m.find()) {
            throw new CheckException(CheckException.Kind.BAD_REQUEST, "the constraint `" + text
                    + "` needs a comparison, as in b - a > 0");
        }
        String op = switch (m.group(1)) {
            case "≥" -> ">=";
            case "≤" -> "<=";
            default -> m.group(1);
        };
        try {
            ParsedExpression left = Parser.parse(text.substring(0, m.start()), declarations, limits);
            ParsedExpression right = Parser.parse(text.substring(m.end()), declarations, limits);
            if (!left.shape().isScalar() || !right.shape().isScalar()) {
                throw new CheckException(CheckException.Kind.BAD_REQUEST, "both sides of the constraint `" + text
                        + "` must be scalars");
            }
            return new Constraint(text, left, op, right);
        } catch (ExpressionException e) {
            throw new CheckException(CheckException.Kind.BAD_REQUEST, "the constraint `" + text + "` cannot be read: "
                    + e.getMessage());
        }
    }

    boolean holds(Map<String, Tensor> point) {
        double l = Evaluator.value(left.root(), point).data()[0];
        double r = Evaluator.value(right.root(), point).data()[0];
        return switch (op) {
            case ">" -> l > r;
            case "<" -> l < r;
            case ">=" -> l >= r;
            default -> l <= r;
        };
    }
}
