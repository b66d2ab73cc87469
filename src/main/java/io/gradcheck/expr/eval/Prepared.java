package io.gradcheck.expr.eval;

import io.gradcheck.expr.Jet;
import io.gradcheck.expr.Node;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
 * the plain walk gives it too, so the results are the same numbers. The tree is compiled into numbered
 * {@link Step}s once, so that a pass looks up what it keeps by index, not by hashing nodes (a check of a small
 * function makes hundreds of passes, each a few dozen steps). A prepared tree is immutable and may be shared
 * between threads; a {@link Point} belongs to one thread.
 */
public final class Prepared {

    /**
     * One node of the planned tree, numbered in post-order: its arguments, the variables it depends on, and its
     * value when it depends on nothing at all (numbers and functions of numbers).
     */
    private static final class Step {
        final Node node;
        final int index;
        final Step[] args;
        final Set<String> dependencies;
        double[] pure;

        Step(Node node, int index, Step[] args, Set<String> dependencies) {
            this.node = node;
            this.index = index;
            this.args = args;
            this.dependencies = dependencies;
        }
    }

    /**
     * A tree planned and numbered, with its sub-expressions of numbers evaluated: what preparing a tree costs
     * whatever the fixed values. Immutable (the per-variable dependents are filled once, thread-safely), so the
     * plan of a tree that many checks share (the parser keeps recent trees, see {@code ParseCache}) is made once.
     */
    private static final class Plan {
        final List<Step> steps = new ArrayList<>();
        final Step root;
        /** Per variable: which steps depend on it (filled on first use; a check asks for one or a few). */
        final Map<String, boolean[]> dependents = new ConcurrentHashMap<>();

        Plan(Node root) {
            this.root = compile(root);
            evaluatePure(this.root);
        }

        /** Plans a node (see {@code Primitive.plan}) and numbers it after its arguments. */
        private Step compile(Node node) {
            if (node instanceof Node.Call call) {
                Node.Call c = call.primitive().plan(call);
                Step[] args = new Step[c.args().size()];
                List<Node> planned = new ArrayList<>(args.length);
                Set<String> deps = new HashSet<>();
                boolean same = true;
                for (int i = 0; i < args.length; i++) {
                    Node a = c.args().get(i);
                    args[i] = compile(a);
                    same &= args[i].node == a;
                    planned.add(args[i].node);
                    deps.addAll(args[i].dependencies);
                }
                Node n = same ? c : new Node.Call(c.primitive(), planned, c.shape(), c.span());
                return add(new Step(n, steps.size(), args, Set.copyOf(deps)));
            }
            Set<String> deps = node instanceof Node.Variable v ? Set.of(v.name())
                    : node instanceof Node.Component c ? Set.of(c.of().name()) : Set.of();
            return add(new Step(node, steps.size(), null, deps));
        }

        private Step add(Step step) {
            steps.add(step);
            return step;
        }

        /** Evaluates the largest sub-trees of numbers, once. */
        private void evaluatePure(Step step) {
            if (step.dependencies.isEmpty()) {
                step.pure = Evaluator.evaluate(step.node, Map.of(), 1).part(0);
            } else if (step.args != null) {
                for (Step a : step.args) {
                    evaluatePure(a);
                }
            }
        }

        boolean[] dependents(String wrt) {
            boolean[] known = dependents.get(wrt); // at every pass: computeIfAbsent allocated its lambda each time
            return known != null ? known : dependents.computeIfAbsent(wrt, name -> {
                boolean[] d = new boolean[steps.size()];
                for (Step s : steps) {
                    d[s.index] = s.dependencies.contains(name);
                }
                return d;
            });
        }
    }

    /** Plans kept for reuse: only of small trees, whose plan is cheap to keep and costly next to their passes. */
    private static final int KEPT_PLANS = 1024;
    private static final int KEPT_PLAN_MAX_NODES = 256;
    private static final Map<Kept, Plan> PLANS = new LinkedHashMap<>(KEPT_PLANS * 4 / 3 + 1, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Kept, Plan> eldest) {
            return size() > KEPT_PLANS;
        }
    };

    /** A tree by identity: the parser hands the same tree for the same text, and equal trees need not be found. */
    private record Kept(Node root) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Kept k && k.root == root;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(root);
        }
    }

    private static Plan plan(Node root) {
        Kept key = new Kept(root);
        synchronized (PLANS) {
            Plan kept = PLANS.get(key);
            if (kept != null) {
                return kept;
            }
        }
        Plan plan = new Plan(root);
        if (plan.steps.size() <= KEPT_PLAN_MAX_NODES) {
            synchronized (PLANS) {
                PLANS.put(key, plan);
            }
        }
        return plan;
    }

    private final Plan plan;
    private final Map<String, Tensor> fixed;
    /** By step: the value of each largest sub-expression that depends on fixed values only, evaluated once. */
    private final double[][] constants;

    private Prepared(Node root, Map<String, Tensor> fixed) {
        this.plan = plan(root);
        this.fixed = fixed;
        this.constants = new double[plan.steps.size()][];
        collectConstants(plan.root, fixed.keySet());
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
        return plan.root.node;
    }

    /** Evaluations at one point; values computed there are kept for the other passes at the same point. */
    public Point at(Map<String, Tensor> point) {
        return new Point(point);
    }

    /** The plain value at a point (one pass; for many passes at one point use {@link #at}). */
    public Tensor value(Map<String, Tensor> point) {
        return at(point).value();
    }

    /** Evaluates the largest sub-trees that need nothing sampled (and are not numbers only), once. */
    private void collectConstants(Step step, Set<String> fixedNames) {
        if (step.pure != null) {
            return;
        }
        if (fixedNames.containsAll(step.dependencies)) {
            Map<String, Jet> env = new HashMap<>();
            fixed.forEach((name, t) -> env.put(name, Jet.constant(t, 1)));
            constants[step.index] = Evaluator.evaluate(step.node, env, 1).part(0);
            return;
        }
        if (step.args != null) {
            for (Step a : step.args) {
                collectConstants(a, fixedNames);
            }
        }
    }

    /**
     * One point. Every value computed at the point itself (not at a moved copy of it) is kept, by step, so each
     * sub-expression is evaluated there at most once whatever the passes; a pass that moves the variable
     * {@code wrt} re-evaluates only the sub-expressions that depend on {@code wrt}.
     */
    public final class Point {

        private final Map<String, Tensor> point;
        private final double[][] values = new double[plan.steps.size()][];

        private Point(Map<String, Tensor> point) {
            this.point = point;
        }

        public Map<String, Tensor> point() {
            return point;
        }

        /** The value of the tree, once it has been asked for (a check asks several times per point). */
        private Tensor value;

        /** The plain value of the tree at the point. */
        public Tensor value() {
            Tensor v = value;
            if (v == null) {
                v = new Tensor(plan.root.node.shape(), valueOf(plan.root));
                value = v;
            }
            return v;
        }

        /** Value and directional derivative D_v f along {@code wrt}: one forward pass of dual numbers. */
        public Jet directional(String wrt, Tensor v) {
            return walk(plan.root, wrt, plan.dependents(wrt), new double[][] {variable(wrt).data(), v.data()}, true);
        }

        /** Part 3 of the result is the second directional derivative vᵀ H w along {@code wrt}. */
        public Jet secondDirectional(String wrt, Tensor v, Tensor w) {
            return walk(plan.root, wrt, plan.dependents(wrt),
                    new double[][] {variable(wrt).data(), v.data(), w.data(), null}, true);
        }

        /** The plain value at the point with {@code wrt} moved to x + h·v (the other variables as they are). */
        public Tensor valueMoved(String wrt, Tensor v, double h) {
            return walk(plan.root, wrt, plan.dependents(wrt), new double[][] {moved(wrt, v, h)}, false).value();
        }

        /** D_v f along {@code wrt} at the point with {@code wrt} moved to x + h·w. */
        public Jet directionalMoved(String wrt, Tensor v, Tensor w, double h) {
            return walk(plan.root, wrt, plan.dependents(wrt), new double[][] {moved(wrt, w, h), v.data()}, false);
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

        /** The value of a step at the point, evaluated at most once. */
        private double[] valueOf(Step step) {
            if (step.pure != null) {
                return step.pure;
            }
            if (constants[step.index] != null) {
                return constants[step.index];
            }
            double[] v = values[step.index];
            if (v == null) {
                v = compute(step, null, null, null, 1, true).part(0);
                values[step.index] = v;
            }
            return v;
        }

        /**
         * A step's value as an argument of a plain pass: the jet a first evaluation gives is handed on as it is
         * (its value kept), rather than its value wrapped again in a new jet.
         */
        private Jet plain(Step step) {
            if (step.pure != null || constants[step.index] != null || values[step.index] != null) {
                return Jets.constant(step.node.shape(), valueOf(step), 1);
            }
            Jet j = compute(step, null, null, null, 1, true);
            values[step.index] = j.part(0);
            return j;
        }

        /**
         * Evaluates with {@code wrt} given by {@code parts}; a step that does not depend on {@code wrt} is a
         * value with zero derivative parts. When {@code atPoint}, part 0 of every step is its value at the point
         * and is kept.
         */
        private Jet walk(Step step, String wrt, boolean[] dependsOnWrt, double[][] parts, boolean atPoint) {
            if (!dependsOnWrt[step.index]) {
                return Jets.constant(step.node.shape(), valueOf(step), parts.length);
            }
            Jet j = compute(step, wrt, dependsOnWrt, parts, parts.length, atPoint);
            if (atPoint && step.args != null && values[step.index] == null) {
                values[step.index] = j.part(0);
            }
            return j;
        }

        private Jet compute(Step step, String wrt, boolean[] dependsOnWrt, double[][] parts, int count,
                boolean atPoint) {
            Node node = step.node;
            if (node instanceof Node.Call c) {
                Jet[] args = new Jet[step.args.length];
                for (int i = 0; i < args.length; i++) {
                    Step a = step.args[i];
                    args[i] = wrt == null ? plain(a) : walk(a, wrt, dependsOnWrt, parts, atPoint);
                }
                return c.primitive().apply(List.of(args), c.shape()); // one or two arguments: a list of two fields
            }
            if (node instanceof Node.Variable v) {
                if (v.name().equals(wrt)) {
                    return new Jet(v.shape(), parts);
                }
                // its value at the point, looked up by name once per point (kept by step)
                double[] d = values[step.index];
                if (d == null) {
                    d = variable(v.name()).data();
                    values[step.index] = d;
                }
                return Jets.constant(v.shape(), d, count);
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
