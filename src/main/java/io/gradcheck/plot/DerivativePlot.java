package io.gradcheck.plot;

import io.gradcheck.check.CheckException;
import io.gradcheck.check.CheckRequest.VariableSpec;
import io.gradcheck.check.Layout;
import io.gradcheck.check.SamplePoints;
import io.gradcheck.expr.parse.Declarations;
import io.gradcheck.expr.ExpressionException;
import io.gradcheck.expr.Limits;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.Tensor;
import io.gradcheck.expr.eval.Evaluator;
import io.gradcheck.expr.parse.ParsedExpression;
import io.gradcheck.expr.parse.Parser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The two curves that show a derivative answer against the truth. With respect to a scalar, over its domain: the
 * derivative (by dual numbers) and the answer. Otherwise along a random line through a sample point x₀ in a random
 * direction v: t ↦ D_v f(x₀ + t v) and the answer contracted with v (for a Hessian, vᵀHv against the second
 * directional derivative). A vector- or matrix-valued f is contracted with a random weight u, so that each curve
 * is one number per t. Same seed, same point, same line, same picture.
 */
public final class DerivativePlot {

    /** Points per curve: smooth enough to show a kink, cheap enough for a large problem. */
    static final int SAMPLES = 161;

    private DerivativePlot() {
    }

    /**
     * What to plot: the problem's function and variables, the part (wrt, layout, order) and the learner's answer —
     * one expression, or entry by entry as a list (of rows).
     */
    public record Request(String function, Map<String, VariableSpec> variables, String wrt, String layout,
            Integer order, Object answer, long seed) {
    }

    /** The curves, sampled at {@code t}; NaN where a value is undefined. */
    public record Curves(String title, String xLabel, String yLabel, double[] t, double[] reference,
            double[] answer) {
    }

    public static Curves compute(Request r) {
        Map<String, VariableSpec> specs = r.variables() == null ? Map.of() : r.variables();
        Map<String, Shape> shapes = new LinkedHashMap<>();
        specs.forEach((name, spec) -> shapes.put(name, Declarations.shapeOf(name,
                spec == null ? null : spec.shape(), Limits.DEFAULT)));
        Declarations declarations = Declarations.of(shapes);
        ParsedExpression f = Parser.parse(r.function(), declarations);
        Shape wrtShape = declarations.shape(r.wrt());
        if (wrtShape == null) {
            throw new PlotException("`" + r.wrt() + "` is not a variable of this problem (declared: "
                    + declarations.describe() + ")");
        }
        VariableSpec wrtSpec = specs.get(r.wrt());
        if (wrtSpec != null && wrtSpec.value() != null) {
            throw new PlotException("this part asks for the derivative at one given point (" + r.wrt()
                    + " is fixed), so there is no curve to draw; compare the numbers instead");
        }
        boolean second = r.order() != null && r.order() == 2;
        if (second && !f.shape().isScalar()) {
            throw new PlotException("a second-order part needs a scalar function");
        }
        Layout layout = second ? null : Layout.parse(r.layout(), f.shape());
        Shape expected = second ? new Shape(wrtShape.size(), wrtShape.size()) : layout.answerShape(f.shape(), wrtShape);
        AnswerEntries answer = AnswerEntries.read(r.answer(), declarations);
        if (expected == null || !answer.shape().equals(expected)) {
            throw new PlotException("the answer is " + answer.shape() + " but this part expects "
                    + (expected == null ? "another layout" : expected.toString())
                    + ", so it cannot be drawn against the derivative");
        }

        SplittableRandom random = new SplittableRandom(r.seed());
        Map<String, Tensor> x0;
        try {
            x0 = SamplePoints.draw(declarations, specs, random);
        } catch (CheckException e) {
            throw new PlotException(e.getMessage());
        }
        boolean overDomain = wrtShape.isScalar();
        Tensor v = overDomain ? Tensor.scalar(1) : unitDirection(wrtShape, random);
        // a second direction for a Hessian: vᵀHw sees an asymmetric H that vᵀHv would not
        Tensor w = overDomain ? v : unitDirection(wrtShape, random);
        double[] u = weights(f.shape().size(), random);
        double[] range = overDomain ? SamplePoints.domain(r.wrt(), specs.get(r.wrt())) : new double[] {-1, 1};

        double[] t = new double[SAMPLES];
        double[] ref = new double[SAMPLES];
        double[] ans = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            t[i] = range[0] + (range[1] - range[0]) * i / (SAMPLES - 1);
            Map<String, Tensor> point = new HashMap<>(x0);
            point.put(r.wrt(), overDomain ? Tensor.scalar(t[i]) : shifted(x0.get(r.wrt()), v, t[i]));
            ref[i] = second
                    ? Evaluator.secondDirectional(f.root(), point, r.wrt(), v, w).scalarPart(3)
                    : dot(u, Evaluator.directional(f.root(), point, r.wrt(), v).partAsTensor(1).data());
            ans[i] = contracted(answer.value(point), second, layout, f.shape(), wrtShape, v, w, u);
        }
        return new Curves(title(second, overDomain, f.shape().isScalar(), r.wrt()), overDomain ? r.wrt() : "t",
                yLabel(second, overDomain, f.shape().isScalar(), r.wrt()), t, finite(ref), finite(ans));
    }

    private static double contracted(Tensor answer, boolean second, Layout layout, Shape f, Shape wrt, Tensor v,
            Tensor w, double[] u) {
        double[] a = answer.data();
        int n = wrt.size();
        double[] dv = v.data();
        if (second) { // vᵀ H w, whatever the layout: a Hessian is n×n
            double s = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    s += dv[i] * a[i * n + j] * w.data()[j];
                }
            }
            return s;
        }
        double[] jacobian = layout.toJacobianForm(a, f, wrt);
        double s = 0;
        for (int i = 0; i < f.size(); i++) {
            double row = 0;
            for (int j = 0; j < n; j++) {
                row += jacobian[i * n + j] * dv[j];
            }
            s += u[i] * row;
        }
        return s;
    }

    private static Tensor unitDirection(Shape shape, SplittableRandom random) {
        double[] v = new double[shape.size()];
        double norm = 0;
        while (norm < 1e-6) {
            norm = 0;
            for (int i = 0; i < v.length; i++) {
                v[i] = random.nextDouble(-1, 1);
                norm += v[i] * v[i];
            }
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < v.length; i++) {
            v[i] /= norm;
        }
        return new Tensor(shape, v);
    }

    /** u = 1 for a scalar f; otherwise random weights, so that a wrong entry anywhere moves the curve. */
    private static double[] weights(int size, SplittableRandom random) {
        double[] u = new double[size];
        for (int i = 0; i < size; i++) {
            u[i] = size == 1 ? 1 : random.nextDouble(0.5, 1.5) * (random.nextBoolean() ? 1 : -1);
        }
        return u;
    }

    private static Tensor shifted(Tensor x0, Tensor v, double t) {
        double[] out = x0.data().clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += t * v.data()[i];
        }
        return new Tensor(x0.shape(), out);
    }

    private static double dot(double[] u, double[] d) {
        double s = 0;
        for (int i = 0; i < d.length; i++) {
            s += u[i] * d[i];
        }
        return s;
    }

    private static double[] finite(double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                values[i] = Double.NaN;
            }
        }
        return values;
    }

    private static String title(boolean second, boolean overDomain, boolean scalarF, String wrt) {
        String what = second ? "second derivative" : "derivative";
        return overDomain ? "The " + what + " with respect to " + wrt + (scalarF ? "" : " (weighted sum of entries)")
                + " and your answer"
                : "Along a random line " + wrt + " = " + wrt + "₀ + t·v: the " + what + " and your answer";
    }

    private static String yLabel(boolean second, boolean overDomain, boolean scalarF, String wrt) {
        String weight = scalarF ? "" : "uᵀ ";
        if (overDomain) {
            return weight + (second ? "d²f/d" + wrt + "²" : "df/d" + wrt);
        }
        return second ? "vᵀ H w at " + wrt + "₀ + t·v" : weight + "D_v f(" + wrt + "₀ + t·v)";
    }

    /** An answer read against the declarations: one expression, or scalar entries (a column, or rows). */
    private record AnswerEntries(Shape shape, List<ParsedExpression> entries, boolean entryWise) {

        static AnswerEntries read(Object answer, Declarations declarations) {
            try {
                if (answer instanceof String text) {
                    ParsedExpression p = Parser.parse(text, declarations);
                    return new AnswerEntries(p.shape(), List.of(p), false);
                }
                if (answer instanceof List<?> list && !list.isEmpty()) {
                    boolean nested = list.get(0) instanceof List<?>;
                    int cols = nested ? ((List<?>) list.get(0)).size() : 1;
                    List<ParsedExpression> entries = new ArrayList<>();
                    for (Object row : list) {
                        List<?> cells = nested && row instanceof List<?> r ? r : List.of(row);
                        if (cells.size() != cols) {
                            throw new PlotException("every row of the answer needs " + cols + " entries");
                        }
                        for (Object cell : cells) {
                            ParsedExpression p = Parser.parse(String.valueOf(cell), declarations);
                            if (!p.shape().isScalar()) {
                                throw new PlotException("entry `" + cell + "` of the answer is " + p.shape()
                                        + "; each entry must be a scalar");
                            }
                            entries.add(p);
                        }
                    }
                    return new AnswerEntries(new Shape(list.size(), cols), entries, true);
                }
            } catch (ExpressionException e) {
                throw new PlotException("the answer cannot be read: " + e.getMessage());
            }
            throw new PlotException("the answer must be an expression, or a list of expressions entry by entry");
        }

        Tensor value(Map<String, Tensor> point) {
            if (!entryWise) {
                return Evaluator.value(entries.get(0).root(), point);
            }
            double[] d = new double[entries.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = Evaluator.value(entries.get(i).root(), point).data()[0];
            }
            return new Tensor(shape, d);
        }
    }
}
