package io.gradcheck.expr.primitives;

import io.gradcheck.expr.Node;
import io.gradcheck.expr.Notation;
import io.gradcheck.expr.Primitive;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.Jet;
import java.util.List;

/** A primitive assembled from its rules, so that each family can declare its members side by side. */
record Defined(String name, Notation notation, ShapeRule shapeRule, Rule rule, CostRule costRule, Planner planner)
        implements Primitive {

    @FunctionalInterface
    interface ShapeRule {
        Shape shape(List<Node> args, Describer describe);
    }

    @FunctionalInterface
    interface Rule {
        Jet apply(List<Jet> args, Shape out);
    }

    @FunctionalInterface
    interface CostRule {
        long cost(List<Node> args, Shape out);
    }

    /** A cheaper equivalent of a call, or the call itself (see {@link Primitive#plan}). */
    @FunctionalInterface
    interface Planner {
        Node.Call plan(Node.Call call);
    }

    Defined(String name, Notation notation, ShapeRule shapeRule, Rule rule) {
        this(name, notation, shapeRule, rule, null, null);
    }

    Defined(String name, Notation notation, ShapeRule shapeRule, Rule rule, CostRule costRule) {
        this(name, notation, shapeRule, rule, costRule, null);
    }

    @Override
    public Node.Call plan(Node.Call call) {
        return planner == null ? call : planner.plan(call);
    }

    @Override
    public Shape shape(List<Node> args, Describer describe) {
        return shapeRule.shape(args, describe);
    }

    @Override
    public Jet apply(List<Jet> args, Shape out) {
        return rule.apply(args, out);
    }

    @Override
    public long cost(List<Node> args, Shape out) {
        return costRule == null ? Primitive.super.cost(args, out) : costRule.cost(args, out);
    }

    @Override
    public String toString() {
        return name;
    }
}
