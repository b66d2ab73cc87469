package io.gradcheck.expr.primitives;

import io.gradcheck.expr.Notation;
import io.gradcheck.expr.Primitive;
import io.gradcheck.expr.Jet;

/** Reductions to a scalar, and softmax. A norm of a matrix is the Frobenius norm. */
public final class Reductions {

    private Reductions() {
    }

    public static final Primitive SUM = new Defined("sum",
            Notation.function("sum", "\\operatorname{sum}", 1), ShapeRules.scalar(),
            (a, out) -> Ops.sum(a.get(0)));

    public static final Primitive MEAN = new Defined("mean",
            Notation.function("mean", "\\operatorname{mean}", 1), ShapeRules.scalar(),
            (a, out) -> Ops.scale(Ops.sum(a.get(0)), 1.0 / a.get(0).shape().size()));

    public static final Primitive NORM = new Defined("norm",
            new Notation("norm(#1)", "\\left\\lVert #1\\right\\rVert", Notation.ATOM), ShapeRules.scalar(),
            (a, out) -> euclidean(a.get(0)));

    public static final Primitive NORM2 = new Defined("norm2",
            new Notation("norm2(#1)", "\\left\\lVert #1\\right\\rVert_2", Notation.ATOM), ShapeRules.scalar(),
            (a, out) -> euclidean(a.get(0)));

    public static final Primitive NORM1 = new Defined("norm1",
            new Notation("norm1(#1)", "\\left\\lVert #1\\right\\rVert_1", Notation.ATOM), ShapeRules.scalar(),
            (a, out) -> Ops.sumMap(a.get(0), ScalarFunction.ABS));

    /** log Σ exp(x), shifted by the largest value so that it cannot overflow (the shift does not change it). */
    public static final Primitive LOGSUMEXP = new Defined("logsumexp",
            Notation.function("logsumexp", "\\operatorname{logsumexp}", 1), ShapeRules.scalar(),
            (a, out) -> {
                double m = Ops.maxValue(a.get(0));
                Jet shifted = Ops.plusConstant(a.get(0), -m);
                return Ops.plusConstant(Ops.map(Ops.sumMap(shifted, ScalarFunction.EXP), ScalarFunction.LOG), m);
            });

    public static final Primitive SOFTMAX = new Defined("softmax",
            Notation.function("softmax", "\\operatorname{softmax}", 1), ShapeRules.same(),
            (a, out) -> {
                double m = Ops.maxValue(a.get(0));
                Jet e = Ops.map(Ops.plusConstant(a.get(0), -m), ScalarFunction.EXP);
                return Ops.product(e, Ops.map(Ops.sum(e), ScalarFunction.RECIPROCAL));
            });

    /** √⟨x, x⟩: one inner product (no array of squares), then the root. */
    private static Jet euclidean(Jet x) {
        return Ops.map(Ops.inner(x, x), ScalarFunction.SQRT);
    }
}
