package io.gradcheck.expr.primitives;

import io.gradcheck.expr.Notation;
import io.gradcheck.expr.Primitive;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.Jet;
import java.util.EnumMap;
import java.util.Map;

/** Functions applied entry by entry, and the elementwise max and min. */
public final class Elementwise {

    private Elementwise() {
    }

    private static final Map<ScalarFunction, Primitive> BY_FUNCTION = new EnumMap<>(ScalarFunction.class);

    static {
        for (ScalarFunction f : ScalarFunction.values()) {
            BY_FUNCTION.put(f, new Defined(f.text(), notation(f), ShapeRules.same(), (a, out) -> Ops.map(a.get(0), f)));
        }
    }

    public static Primitive of(ScalarFunction f) {
        return BY_FUNCTION.get(f);
    }

    private static Notation notation(ScalarFunction f) {
        return switch (f) {
            case SQRT -> new Notation("sqrt(#1)", "\\sqrt{#1}", Notation.ATOM);
            case ABS -> new Notation("abs(#1)", "\\left|#1\\right|", Notation.ATOM);
            default -> Notation.function(f.text(), f.latex(), 1);
        };
    }

    public static final Primitive MAX = new Defined("max",
            Notation.function("max", "\\max", 2),
            ShapeRules.broadcast("take the max of", "and"),
            (a, out) -> select(a.get(0), a.get(1), out, true));

    public static final Primitive MIN = new Defined("min",
            Notation.function("min", "\\min", 2),
            ShapeRules.broadcast("take the min of", "and"),
            (a, out) -> select(a.get(0), a.get(1), out, false));

    /** Entry by entry, all parts of whichever side wins on value (ties go to the first argument). */
    private static Jet select(Jet a, Jet b, Shape out, boolean max) {
        int n = out.size();
        int parts = Math.max(a.partCount(), b.partCount());
        double[] av = a.value().data();
        double[] bv = b.value().data();
        double[][] res = new double[parts][];
        for (int k = 0; k < parts; k++) {
            double[] pa = k < a.partCount() ? a.part(k) : null;
            double[] pb = k < b.partCount() ? b.part(k) : null;
            if (pa == null && pb == null) {
                continue;
            }
            res[k] = new double[n];
            for (int e = 0; e < n; e++) {
                double x = av.length == 1 ? av[0] : av[e];
                double y = bv.length == 1 ? bv[0] : bv[e];
                boolean first = max ? x >= y : x <= y;
                double[] p = first ? pa : pb;
                res[k][e] = p == null ? 0 : p.length == 1 ? p[0] : p[e];
            }
        }
        return new Jet(out, res);
    }
}
