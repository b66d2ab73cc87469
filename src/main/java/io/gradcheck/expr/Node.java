package io.gradcheck.expr;

import java.util.List;

/** The typed syntax tree. Every node knows its shape and where it was written. */
public sealed interface Node permits Node.Number, Node.Constant, Node.Variable, Node.Component, Node.Call {

    Shape shape();

    Span span();

    /** A number as written: 2, 0.5, 1e-3. */
    record Number(double value, String text, Span span) implements Node {
        @Override
        public Shape shape() {
            return Shape.SCALAR;
        }
    }

    /** A named constant: e or pi. */
    record Constant(String name, double value, Span span) implements Node {
        @Override
        public Shape shape() {
            return Shape.SCALAR;
        }
    }

    /** A declared variable. */
    record Variable(String name, Shape shape, Span span) implements Node {
    }

    /** One entry of a declared vector or matrix; row and col are 0-based (the text is 1-based). */
    record Component(Variable of, int row, int col, Span span) implements Node {
        @Override
        public Shape shape() {
            return Shape.SCALAR;
        }
    }

    /** An operator or function applied to arguments. */
    record Call(Primitive primitive, List<Node> args, Shape shape, Span span) implements Node {
        public Call {
            args = List.copyOf(args);
        }
    }
}
