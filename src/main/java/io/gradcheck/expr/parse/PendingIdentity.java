package io.gradcheck.expr.parse;

import io.gradcheck.expr.parse.Catalogue;
import io.gradcheck.expr.ExpressionException;
import io.gradcheck.expr.ExpressionException.Kind;
import io.gradcheck.expr.Node;
import io.gradcheck.expr.Primitive;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.Span;
import io.gradcheck.expr.primitives.Arithmetic;
import io.gradcheck.expr.primitives.LinearAlgebra;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * I, the identity, when I is not declared: its size is taken from where it stands. Until then it is a
 * placeholder; scaling it (λI, -I, I/2) keeps it pending, and adding it to or multiplying it with a matrix
 * decides its size (A + λI, I - A, x^T I x). Anywhere else the learner is asked to write eye(n).
 */
final class PendingIdentity {

    interface Maker {
        Node make(Primitive p, List<Node> args, Span span);
    }

    private final Map<Node, IntFunction<Node>> pending = new IdentityHashMap<>();
    private final Maker maker;

    PendingIdentity(Maker maker) {
        this.maker = maker;
    }

    Node leaf(Span span) {
        Node placeholder = new Node.Constant(Catalogue.IDENTITY, Double.NaN, span);
        pending.put(placeholder, n -> maker.make(LinearAlgebra.EYE,
                List.of(new Node.Number(n, String.valueOf(n), span)), span));
        return placeholder;
    }

    boolean isPending(Node n) {
        return pending.containsKey(n);
    }

    /**
     * The arguments with every placeholder resolved, or a new placeholder standing for the whole call (scaling);
     * returns null when no argument is a placeholder.
     */
    Object resolve(Primitive p, List<Node> args, Span span) {
        int index = args.size() == 2 && isPending(args.get(1)) ? 1 : isPending(args.get(0)) ? 0 : -1;
        if (index < 0) {
            return null;
        }
        Node identity = args.get(index);
        IntFunction<Node> make = pending.get(identity);
        if (args.size() == 1 && p == Arithmetic.NEGATE) {
            return scaled(span, n -> maker.make(p, List.of(make.apply(n)), span));
        }
        if (args.size() == 2 && !isPending(args.get(1 - index))) {
            Node other = args.get(1 - index);
            Shape s = other.shape();
            boolean scaling = s.isScalar() && (p == Arithmetic.MULTIPLY || (p == Arithmetic.DIVIDE && index == 0));
            if (scaling) {
                return scaled(span, n -> maker.make(p, index == 0 ? List.of(make.apply(n), other)
                        : List.of(other, make.apply(n)), span));
            }
            int size = -1;
            if (p == Arithmetic.ADD || p == Arithmetic.SUBTRACT || p == Arithmetic.HADAMARD) {
                size = s.isSquare() && !s.isScalar() ? s.rows() : -1;
            } else if (p == Arithmetic.MULTIPLY && !s.isScalar()) {
                size = index == 0 ? s.rows() : s.cols();
            }
            if (size > 0) {
                Node resolved = make.apply(size);
                return index == 0 ? List.of(resolved, other) : List.of(other, resolved);
            }
        }
        throw unknownSize(identity.span());
    }

    private Node scaled(Span span, IntFunction<Node> make) {
        Node placeholder = new Node.Constant(Catalogue.IDENTITY, Double.NaN, span);
        pending.put(placeholder, make);
        return placeholder;
    }

    static ExpressionException unknownSize(Span span) {
        return new ExpressionException(Kind.SHAPE_MISMATCH, "the size of the identity I cannot be taken from "
                + "where it stands; write eye(n), as in eye(3)", span);
    }
}
