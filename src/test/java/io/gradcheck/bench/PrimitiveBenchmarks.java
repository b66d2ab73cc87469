package io.gradcheck.bench;

import io.gradcheck.expr.Jet;
import io.gradcheck.expr.parse.Declarations;
import io.gradcheck.expr.Node;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.Tensor;
import io.gradcheck.expr.eval.Evaluator;

import io.gradcheck.expr.parse.Parser;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Every primitive alone, over doubles and over dual numbers (one forward pass along a random direction of the
 * first variable): the target is dual ≤ 3× double for each. Vectors have 100 entries, matrices are 20×20 (and
 * det, logdet, inv also 3×3 and 100×100). Entries are drawn from [0.2, 0.9] (inside every function's domain);
 * square matrices get n added to their diagonal, so that det > 0 and the inverse is well conditioned.
 * Run: ./mvnw -Pbench test-compile exec:exec -Dbench.args="PrimitiveBenchmarks" (figures: docs/performance.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PrimitiveBenchmarks {

    /** expression | declarations (name:shape); the derivative is along the first declared variable. */
    @Param({
        "x + y | x:100 y:100", "x - y | x:100 y:100", "-x | x:100", "s * x | x:100 s", "A B | A:20x20 B:20x20",
        "A x | A:20x20 x:20", "x / y | x:100 y:100", "x^3 | x:100", "x^y | x:100 y:100", "pow(x, 3) | x:100",
        "pow(x, y) | x:100 y:100", "A^3 | A:20x20", "A^T | A:20x20", "x .* y | x:100 y:100",
        "hadamard(x, y) | x:100 y:100",
        "exp(x) | x:100", "log(x) | x:100", "log2(x) | x:100", "log10(x) | x:100", "sqrt(x) | x:100",
        "abs(x) | x:100", "sign(x) | x:100", "sin(x) | x:100", "cos(x) | x:100", "tan(x) | x:100",
        "asin(x) | x:100", "acos(x) | x:100", "atan(x) | x:100", "sinh(x) | x:100", "cosh(x) | x:100",
        "tanh(x) | x:100", "sigmoid(x) | x:100", "relu(x) | x:100", "step(x) | x:100", "softplus(x) | x:100",
        "max(x, y) | x:100 y:100", "min(x, y) | x:100 y:100", "sum(x) | x:100", "mean(x) | x:100",
        "norm(x) | x:100", "norm1(x) | x:100", "norm2(x) | x:100", "logsumexp(x) | x:100",
        "softmax(x) | x:100", "tr(A) | A:20x20", "det(A) | A:3x3", "det(A) | A:20x20", "det(A) | A:100x100",
        "logdet(A) | A:3x3", "logdet(A) | A:20x20", "logdet(A) | A:100x100", "inv(A) | A:3x3",
        "inv(A) | A:20x20", "inv(A) | A:100x100", "diag(x) | x:20", "diag(A) | A:20x20",
        "dot(x, y) | x:100 y:100", "outer(x, y) | x:20 y:20", "kron(A, B) | A:5x5 B:5x5", "vec(A) | A:20x20",
        "eye(20) | x:20", "ones(100) | x:20", "zeros(100) | x:20"})
    public String function;

    private Node root;
    private Map<String, Tensor> point;
    private String wrt;
    private Tensor direction;

    @Setup
    public void setUp() {
        String[] parts = function.split("\\|");
        Map<String, Shape> shapes = new LinkedHashMap<>();
        for (String d : parts[1].trim().split("\\s+")) {
            String[] nameShape = d.split(":");
            shapes.put(nameShape[0], nameShape.length == 1 ? Shape.SCALAR : shape(nameShape[1]));
        }
        wrt = shapes.keySet().iterator().next();
        root = Parser.parse(parts[0].trim(), Declarations.of(shapes)).root();
        SplittableRandom random = new SplittableRandom(1);
        point = new LinkedHashMap<>();
        shapes.forEach((name, s) -> point.put(name, draw(s, random)));
        double[] v = new double[shapes.get(wrt).size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextDouble(-1, 1);
        }
        direction = new Tensor(shapes.get(wrt), v);
    }

    private static Shape shape(String s) {
        String[] d = s.split("x");
        return d.length == 1 ? Shape.vector(Integer.parseInt(d[0]))
                : Shape.matrix(Integer.parseInt(d[0]), Integer.parseInt(d[1]));
    }

    private static Tensor draw(Shape s, SplittableRandom random) {
        double[] v = new double[s.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextDouble(0.2, 0.9);
        }
        if (s.isMatrix() && s.rows() == s.cols()) {
            for (int i = 0; i < s.rows(); i++) {
                v[i * s.cols() + i] += s.rows();
            }
        }
        return new Tensor(s, v);
    }

    @Benchmark
    public Tensor doubles() {
        return Evaluator.value(root, point);
    }

    @Benchmark
    public Jet duals() {
        return Evaluator.directional(root, point, wrt, direction);
    }
}
