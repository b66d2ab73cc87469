package io.gradcheck.bench;

import io.gradcheck.expr.parse.Declarations;
import io.gradcheck.expr.Node;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.Tensor;
import io.gradcheck.expr.eval.Evaluator;
import io.gradcheck.expr.Jet;
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
 * One evaluation of each of the notes' functions over doubles and over dual numbers (one forward pass along a
 * random direction). The target is dual ≤ 3× double. Run: ./mvnw -Pbench test-compile exec:exec
 * (docs/performance.md has the figures and the machine).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ExpressionBenchmarks {

    /** name: expression | wrt | declarations (name:shape). */
    @Param({
        "quadratic3: x^T A x | x | x:3 A:3x3",
        "quadratic1000: x^T A x | x | x:1000 A:1000x1000",
        "gaussian: exp(-x^T A x) | x | x:100 A:100x100",
        "logistic: log(1 + exp(-y w^T x)) | w | w:10 x:10 y",
        "leastSquares: norm(X w - y)^2 | w | X:100x10 w:10 y:100",
        "network: 1/2 norm(y - tanh(A x + b))^2 | A | y:10 A:10x10 x:10 b:10"})
    public String function;

    private Node root;
    private Map<String, Tensor> point;
    private String wrt;
    private Tensor direction;

    @Setup
    public void setUp() {
        String[] parts = function.substring(function.indexOf(':') + 1).split("\\|");
        wrt = parts[1].trim();
        Map<String, Shape> shapes = new LinkedHashMap<>();
        for (String d : parts[2].trim().split("\\s+")) {
            String[] nameShape = d.split(":");
            shapes.put(nameShape[0], nameShape.length == 1 ? Shape.SCALAR : shape(nameShape[1]));
        }
        root = Parser.parse(parts[0].trim(), Declarations.of(shapes)).root();
        SplittableRandom random = new SplittableRandom(1);
        point = new LinkedHashMap<>();
        shapes.forEach((name, s) -> point.put(name, random(s, random, 0.1)));
        direction = random(shapes.get(wrt), random, 1);
    }

    private static Shape shape(String s) {
        String[] d = s.split("x");
        return d.length == 1 ? Shape.vector(Integer.parseInt(d[0]))
                : Shape.matrix(Integer.parseInt(d[0]), Integer.parseInt(d[1]));
    }

    private static Tensor random(Shape s, SplittableRandom random, double scale) {
        double[] v = new double[s.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = scale * random.nextDouble(-1, 1);
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
