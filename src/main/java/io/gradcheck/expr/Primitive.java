package io.gradcheck.expr;

import java.util.List;

/**
 * An operation of the language. Each primitive states, in one place, its shape rule, its value-and-derivative
 * rule over jets (used by every evaluator: doubles are jets of one part, duals of two, nested duals of four),
 * its cost, and its notation.
 */
public interface Primitive {

    /** Canonical name, as in the catalogue. */
    String name();

    /** The result shape for arguments of these shapes, or an ExpressionException naming the culprits. */
    Shape shape(List<Node> args, Describer describe);

    /** Value and derivative parts of the result. */
    Jet apply(List<Jet> args, Shape out);

    Notation notation();

    /**
     * The call as an evaluator should run it: by default the call itself; a primitive may substitute an
     * equivalent call that is cheaper to evaluate (a product with a transposed factor reads that factor in place
     * instead of forming the transpose). The substitute has the same value and derivatives; it is never printed.
     */
    default Node.Call plan(Node.Call call) {
        return call;
    }

    /** Rough count of floating-point operations over doubles, for the cost limit. */
    default long cost(List<Node> args, Shape out) {
        long in = 0;
        for (Node a : args) {
            in += a.shape().size();
        }
        return in + out.size();
    }

    /** Says what a sub-expression is in an error message: its text as written and its shape. */
    @FunctionalInterface
    interface Describer {
        String describe(Node node);
    }
}
