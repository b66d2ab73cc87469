package io.gradcheck.expr.eval;

import io.gradcheck.expr.Jet;
import io.gradcheck.expr.Node;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tree prepared for many evaluations: the same walk as {@link Evaluator}, with the same rules, but what does
 * not change is evaluated once.
 *
 * <ul>
 *   <li>A sub-expression that depends only on numbers and on the <em>fixed</em> variables (those with the same
 *   value at every point of a check) is evaluated once, here.</li>
 *   <li>At a point ({@link #at}), a sub-expression that does not depend on the variable being differentiated is
 *   evaluated once and shared by every pass at that point: the dual pass, the finite-difference passes (which
 *   only move that variable), the second-order passes and every direction of a diagnosis.</li>
 * </ul>
 *
 * A sub-expression that does not depend on the variable carries exactly zero derivative parts, which is what
 * the plain walk gives it too, so the results are the same numbers. A prepared tree is immutable and may be
 * shared between threads; a {@link Point} belongs to one thread.
 */
public final class Prepared {

    private final Node root;
    /** For every node of the planned tree: the variables it depends on. */
    private final Map<Node, Set<String>> dependencies = new IdentityHashMap<>();
    /** Values of the sub-expressions that depend on nothing sampled. */
    private final Map<Node, double[]> constants = new IdentityHashMap<>();
    private final Map<String, Tensor> fixed;

    private Prepared(Node root, Map<String, Tensor> fixed) {
        this.root = plan(root);
        this.fixed = fixed;
        Set<String> fixedNames = fixed.keySet();
        collectConstants(this.root, fixed, fixedNames);
    }

    /** Prepares a tree whose variables are all sampled at each point. */
    public static Prepared of(Node root) {
        return new Prepared(root, Map.of());
    }

    /**
     * Prepares a tree; {@code fixed} holds the variables whose values are the same at every point (they need not
     * be repeated in the points given to {@link #at}, and are ignored there if they are).
     */
    public static Prepared of(Node root, Map<String, Tensor> fixed) {
        return new Prepared(root, Map.copyOf(fixed));
    }

    /** The tree as it is evaluated (cheaper equivalents substituted, see {@code Primitive.plan}). */
    public Node root() {
        return root;
    }

    /** Evaluations at one point; values computed there are kept for the other passes at the same point. */
    public Point at(Map<String, Tensor> point) {
        return new Point(point);
    }

    /** The plain value at a point (one pass; for many passes at one point use {@link #at}). */
    public Tensor value(Map<String, Tensor> point) {
        return at(point).value();
    }

    private Node plan(Node node) {
        if (node instanceof Node.Call call) {
            Node.Call c = call.primitive().plan(call);
            List<Node> args = new ArrayList<>(c.args().size());
            Set<String> deps = new HashSet<>();
            boolean same = true;
            for (Node a : c.args()) {
                Node p = plan(a);
                same &= p == a;
                args.add(p);
                deps.addAll(dependencies.get(p));
            }
            Node planned = same ? c : new Node.Call(c.primitive(), args, c.shape(), c.span());
            dependencies.put(planned, Set.copyOf(deps));
            return planned;
        }
        if (node instanceof Node.Variable v) {
            dependencies.put(node, Set.of(v.name()));
        } else if (node instanceof Node.Component c) {
            dependencies.put(node, Set.of(c.of().name()));
        } else {
            dependencies.put(node, Set.of());
        }
        return node;
    }

    /** Evaluates the largest sub-trees that need nothing sampled, once. */
    private void collectConstants(Node node, Map<String, Tensor> fixed, Set<String> fixedNames) {
        if (fixedNames.containsAll(dependencies.get(node))) {
            Map<String, Jet> env = new HashMap<>();
            fixed.forEach((name, t) -> env.put(name, Jet.constant(t, 1)));
            constants.put(node, Evaluator.evaluate(node, env, 1).part(0));
            return;
        }
        if (node instanceof Node.Call c) {
            for (Node a : c.args()) {
                collectConstants(a, fixed, fixedNames);
            }
        }
    }

    /**
     * One point. Every value computed at the point itself (not at a moved copy of it) is kept, by node, so each
     * sub-expression is evaluated there at most once whatever the passes; a pass that moves the variable
     * {@code wrt} re-evaluates only the sub-expressions that depend on {@code wrt}.
     */
    public final class Point {

        private final Map<String, Tensor> point;
        private final Map<Node, double[]> values = new IdentityHashMap<>();

        private Point(Map<String, Tensor> point) {
            this.point = point;
        }

        public Map<String, Tensor> point() {
            return point;
        }

        /** The plain value of the tree at the point. */
        public Tensor value() {
            return new Tensor(root.shape(), valueOf(root));
        }

        /** Value and directional derivative D_v f along {@code wrt}: one forward pass of dual numbers. */
        public Jet directional(String wrt, Tensor v) {
            return walk(root, wrt, new double[][] {variable(wrt).data(), v.data()}, true);
        }

        /** Part 3 of the result is the second directional derivative vᵀ H w along {@code wrt}. */
        public Jet secondDirectional(String wrt, Tensor v, Tensor w) {
            return walk(root, wrt, new double[][] {variable(wrt).data(), v.data(), w.data(), null}, true);
        }

        /** The plain value at the point with {@code wrt} moved to x + h·v (the other variables as they are). */
        public Tensor valueMoved(String wrt, Tensor v, double h) {
            return walk(root, wrt, new double[][] {moved(wrt, v, h)}, false).value();
        }

        /** D_v f along {@code wrt} at the point with {@code wrt} moved to x + h·w. */
        public Jet directionalMoved(String wrt, Tensor v, Tensor w, double h) {
            return walk(root, wrt, new double[][] {moved(wrt, w, h), v.data()}, false);
        }

        private double[] moved(String wrt, Tensor v, double h) {
            double[] x = variable(wrt).data();
            double[] d = v.data();
            double[] m = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                m[i] = x[i] + h * d[i];
            }
            return m;
        }

        private Tensor variable(String name) {
            Tensor t = fixed.get(name);
            if (t == null) {
                t = point.get(name);
            }
            if (t == null) {
                throw new IllegalArgumentException("no value given for variable " + name);
            }
            return t;
        }

        /** The value of a node at the point, evaluated at most once. */
        private double[] valueOf(Node node) {
            double[] c = constants.get(node);
            if (c != null) {
                return c;
            }
            double[] v = values.get(node);
            if (v == null) {
                v = compute(node, null, null, 1).part(0);
                values.put(node, v);
            }
            return v;
        }

        /**
         * Evaluates with {@code wrt} given by {@code parts}; a node that does not depend on {@code wrt} is a
         * value with zero derivative parts. When {@code atPoint}, part 0 of every node is its value at the point
         * and is kept.
         */
        private Jet walk(Node node, String wrt, double[][] parts, boolean atPoint) {
            if (!dependencies.get(node).contains(wrt)) {
                return Jets.constant(node.shape(), valueOf(node), parts.length);
            }
            Jet j = compute(node, wrt, parts, parts.length, atPoint);
            if (atPoint && !(node instanceof Node.Variable)) {
                values.putIfAbsent(node, j.part(0));
            }
            return j;
        }

        private Jet compute(Node node, String wrt, double[][] parts, int count) {
            return compute(node, wrt, parts, count, false);
        }

        private Jet compute(Node node, String wrt, double[][] parts, int count, boolean atPoint) {
            if (node instanceof Node.Call c) {
                List<Jet> args = new ArrayList<>(c.args().size());
                for (Node a : c.args()) {
                    args.add(wrt == null ? Jets.constant(a.shape(), valueOf(a), 1) : walk(a, wrt, parts, atPoint));
                }
                return c.primitive().apply(args, c.shape());
            }
            if (node instanceof Node.Variable v) {
                if (v.name().equals(wrt)) {
                    return new Jet(v.shape(), parts);
                }
                return Jets.constant(v.shape(), variable(v.name()).data(), count);
            }
            if (node instanceof Node.Component c) {
                Jet of = c.of().name().equals(wrt) ? new Jet(c.of().shape(), parts)
                        : Jets.constant(c.of().shape(), variable(c.of().name()).data(), count);
                int index = c.row() * c.of().shape().cols() + c.col();
                return Jets.linear(of, Shape.SCALAR, (x, r) -> r[0] = x[index]);
            }
            if (node instanceof Node.Number n) {
                return Jets.scalar(n.value(), count);
            }
            return Jets.scalar(((Node.Constant) node).value(), count);
        }
    }
}
