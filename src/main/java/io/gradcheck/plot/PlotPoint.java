package io.gradcheck.plot;

import io.gradcheck.check.CheckRequest.VariableSpec;
import io.gradcheck.check.NumericValue;
import io.gradcheck.expr.parse.Declarations;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.Tensor;
import io.gradcheck.expr.primitives.LinearAlgebra;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The point a plot goes through: fixed values as declared, the others drawn (seeded) as a check draws them —
 * uniform on the domain ([-2, 2] by default), symmetric, positive definite (B Bᵀ/n + I/2) or invertible.
 * Constraints are not applied here: where the line leaves f's domain the curves simply have gaps.
 */
final class PlotPoint {

    private PlotPoint() {
    }

    static double[] domain(VariableSpec spec) {
        if (spec != null && spec.domain() != null && spec.domain().size() == 2 && spec.domain().get(0) != null
                && spec.domain().get(1) != null && spec.domain().get(0) < spec.domain().get(1)) {
            return new double[] {spec.domain().get(0), spec.domain().get(1)};
        }
        return new double[] {-2, 2};
    }

    static Map<String, Tensor> draw(Declarations declarations, Map<String, VariableSpec> specs,
            SplittableRandom random) {
        Map<String, Tensor> point = new LinkedHashMap<>();
        declarations.shapes().forEach((name, shape) -> {
            VariableSpec spec = specs.get(name);
            point.put(name, spec != null && spec.value() != null ? fixed(name, spec.value(), shape)
                    : drawn(shape, spec, random));
        });
        return point;
    }

    private static Tensor drawn(Shape s, VariableSpec spec, SplittableRandom random) {
        double[] d = domain(spec);
        int n = s.rows();
        double[] b = uniform(s.size(), d, random);
        if (spec != null && Boolean.TRUE.equals(spec.positiveDefinite()) && s.isSquare()) {
            double[] m = new double[s.size()];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = 0;
                    for (int k = 0; k < n; k++) {
                        sum += b[i * n + k] * b[j * n + k];
                    }
                    m[i * n + j] = sum / n + (i == j ? 0.5 : 0);
                }
            }
            return new Tensor(s, m);
        }
        if (spec != null && Boolean.TRUE.equals(spec.symmetric()) && s.isSquare()) {
            double[] m = new double[s.size()];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    m[i * n + j] = (b[i * n + j] + b[j * n + i]) / 2;
                }
            }
            return new Tensor(s, m);
        }
        if (spec != null && Boolean.TRUE.equals(spec.invertible()) && s.isSquare()) {
            double bound = 0.1 * Math.max(Math.abs(d[0]), Math.abs(d[1]));
            for (int attempt = 0; attempt < 100; attempt++) {
                Tensor t = new Tensor(s, b);
                if (Math.pow(Math.abs(LinearAlgebra.determinant(t)), 1.0 / n) >= bound) {
                    return t;
                }
                b = uniform(s.size(), d, random);
            }
        }
        return new Tensor(s, b);
    }

    private static double[] uniform(int size, double[] d, SplittableRandom random) {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = random.nextDouble(d[0], d[1]);
        }
        return out;
    }

    /**
     * A fixed value as problem sets write it: a number, a list (vector) or a list of rows (matrix); read from
     * the service's JSON, already a {@link NumericValue} (its entries row by row).
     */
    private static Tensor fixed(String name, Object value, Shape shape) {
        if (value instanceof NumericValue v) {
            if (v.data().length != shape.size()) {
                throw new PlotException("the fixed value of " + name + " does not fit its shape " + shape);
            }
            return new Tensor(shape, v.data());
        }
        double[] out = new double[shape.size()];
        int k = 0;
        List<?> rows = value instanceof List<?> l ? l : List.of(value);
        for (Object row : rows) {
            for (Object x : row instanceof List<?> r ? r : List.of(row)) {
                if (!(x instanceof Number num) || k >= out.length) {
                    throw new PlotException("the fixed value of " + name + " does not fit its shape " + shape);
                }
                out[k++] = num.doubleValue();
            }
        }
        if (k != out.length) {
            throw new PlotException("the fixed value of " + name + " does not fit its shape " + shape);
        }
        return new Tensor(shape, out);
    }
}
