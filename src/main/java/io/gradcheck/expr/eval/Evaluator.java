package io.gradcheck.expr.eval;

import io.gradcheck.expr.Jet;
import io.gradcheck.expr.Node;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a tree over jets. A value is a jet of one part, a directional derivative a jet of two (the dual
 * numbers of forward mode), a second directional derivative a jet of four (nested duals). The rules all live in
 * the primitives; this class only walks the tree. To evaluate one tree many times (the points and passes of a
 * check), {@link Prepared} does the same walk but evaluates once what does not change.
 */
public final class Evaluator {

    private Evaluator() {
    }

    /** Evaluates with the given jets for the variables; every jet must have {@code parts} parts. */
    public static Jet evaluate(Node node, Map<String, Jet> env, int parts) {
        if (node instanceof Node.Call call) {
            Node.Call c = call.primitive().plan(call);
            List<Jet> args = new ArrayList<>(c.args().size());
            for (Node a : c.args()) {
                args.add(evaluate(a, env, parts));
            }
            return c.primitive().apply(args, c.shape());
        }
        if (node instanceof Node.Variable v) {
            return lookup(env, v.name());
        }
        if (node instanceof Node.Component c) {
            Jet of = lookup(env, c.of().name());
            int index = c.row() * c.of().shape().cols() + c.col();
            return Jets.linear(of, Shape.SCALAR, (x, r) -> r[0] = x[index]);
        }
        if (node instanceof Node.Number n) {
            return Jets.scalar(n.value(), parts);
        }
        Node.Constant k = (Node.Constant) node;
        return Jets.scalar(k.value(), parts);
    }

    private static Jet lookup(Map<String, Jet> env, String name) {
        Jet j = env.get(name);
        if (j == null) {
            throw new IllegalArgumentException("no value given for variable " + name);
        }
        return j;
    }

    /** The plain value at a point. */
    public static Tensor value(Node node, Map<String, Tensor> point) {
        Map<String, Jet> env = new HashMap<>();
        point.forEach((name, t) -> env.put(name, Jet.constant(t, 1)));
        return evaluate(node, env, 1).value();
    }

    /** Value and directional derivative D_v f at the point: one forward pass of dual numbers. */
    public static Jet directional(Node node, Map<String, Tensor> point, String wrt, Tensor v) {
        Map<String, Jet> env = new HashMap<>();
        point.forEach((name, t) -> env.put(name, Jet.constant(t, 2)));
        env.put(wrt, new Jet(v.shape(), new double[][] {point.get(wrt).data(), v.data()}));
        return evaluate(node, env, 2);
    }

    /** Part 3 of the result is the second directional derivative vᵀ H w: nested duals along v and w. */
    public static Jet secondDirectional(Node node, Map<String, Tensor> point, String wrt, Tensor v, Tensor w) {
        Map<String, Jet> env = new HashMap<>();
        point.forEach((name, t) -> env.put(name, Jet.constant(t, 4)));
        env.put(wrt, new Jet(v.shape(), new double[][] {point.get(wrt).data(), v.data(), w.data(), null}));
        return evaluate(node, env, 4);
    }
}
