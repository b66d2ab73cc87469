package io.gradcheck.expr.primitives;

import io.gradcheck.expr.ExpressionException;
import io.gradcheck.expr.ExpressionException.Kind;
import io.gradcheck.expr.Node;
import io.gradcheck.expr.Primitive.Describer;
import io.gradcheck.expr.Shape;

/** Shape rules shared by several primitives, each failing with a sentence that names the sub-expressions. */
final class ShapeRules {

    private ShapeRules() {
    }

    static ExpressionException mismatch(String message, Node at) {
        return new ExpressionException(Kind.SHAPE_MISMATCH, message, at.span());
    }

    static Defined.ShapeRule same() {
        return (args, d) -> args.get(0).shape();
    }

    static Defined.ShapeRule scalar() {
        return (args, d) -> Shape.SCALAR;
    }

    /** Same shape, or one side a scalar that is broadcast. */
    static Defined.ShapeRule broadcast(String verb, String joiner) {
        return (args, d) -> {
            Shape a = args.get(0).shape();
            Shape b = args.get(1).shape();
            if (a.equals(b) || b.isScalar()) {
                return a;
            }
            if (a.isScalar()) {
                return b;
            }
            throw mismatch("cannot " + verb + " " + d.describe(args.get(0)) + " " + joiner + " "
                    + d.describe(args.get(1)) + ": the shapes must be equal, or one side a scalar", args.get(0));
        };
    }

    static Defined.ShapeRule square(String function) {
        return (args, d) -> {
            requireSquare(function, args.get(0), d);
            return args.get(0).shape();
        };
    }

    static Defined.ShapeRule squareToScalar(String function) {
        return (args, d) -> {
            requireSquare(function, args.get(0), d);
            return Shape.SCALAR;
        };
    }

    static void requireSquare(String function, Node arg, Describer d) {
        if (!arg.shape().isSquare()) {
            throw mismatch(function + " needs a square matrix, but " + d.describe(arg) + " is not square", arg);
        }
    }

    static void requireVector(String function, Node arg, Describer d) {
        if (arg.shape().isMatrix()) {
            throw mismatch(function + " needs a vector, but " + d.describe(arg) + " is a matrix", arg);
        }
    }
}
