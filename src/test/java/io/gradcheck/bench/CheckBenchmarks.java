package io.gradcheck.bench;

import io.gradcheck.check.CheckReport;
import io.gradcheck.check.CheckRequest;
import io.gradcheck.check.CheckRequest.Part;
import io.gradcheck.check.CheckRequest.VariableSpec;
import io.gradcheck.check.Checker;
import io.gradcheck.check.Verdict;
import io.gradcheck.expr.parse.Declarations;
import io.gradcheck.expr.Node;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.Tensor;
import io.gradcheck.expr.eval.Evaluator;
import io.gradcheck.expr.parse.Parser;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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
 * A whole 8-point check (parse, sampling, dual reference, finite-difference cross-check, comparison) of notes
 * exercises, against the baseline of one double evaluation of f plus one of the answer. Target for x^T A x with
 * n = 1000: check ≤ 30× baseline. Run: ./mvnw -Pbench test-compile exec:exec -Dbench.args="CheckBenchmarks"
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CheckBenchmarks {

    /** name: function | wrt | answer | declarations. */
    @Param({
        "quadratic1000: x^T A x | x | (A + A^T) x | x:1000 A:1000x1000",
        "quadratic3: x^T A x | x | (A + A^T) x | x:3 A:3x3",
        "logistic: 1/(1 + e^(-w^T x)) | w | sigmoid(w^T x)(1 - sigmoid(w^T x)) x | w:3 x:3",
        "leastSquares: 1/2 norm(X w - y)^2 | w | X^T (X w - y) | X:100x10 w:10 y:100",
        "networkA: 1/2 norm(y - tanh(A x + b))^2 | A | outer(-(y - tanh(A x + b)) .* (1 - tanh(A x + b)^2), x)"
                + " | A:10x10 x:10 b:10 y:10",
        "determinant: det(X) | X | det(X) inv(X)^T | X:3x3"})
    public String exercise;

    private CheckRequest request;
    private Node f;
    private Node answer;
    private Map<String, Tensor> point;

    @Setup
    public void setUp() {
        String[] p = exercise.substring(exercise.indexOf(':') + 1).split("\\|");
        Map<String, VariableSpec> variables = new LinkedHashMap<>();
        Map<String, Shape> shapes = new LinkedHashMap<>();
        for (String d : p[3].trim().split("\\s+")) {
            String[] ns = d.split(":");
            List<Integer> dims = ns.length == 1 ? List.of() : Arrays.stream(ns[1].split("x")).map(Integer::valueOf).toList();
            variables.put(ns[0], new VariableSpec(dims, null, null, null, null, null));
            shapes.put(ns[0], Shape.of(dims));
        }
        request = new CheckRequest(p[0].trim(), variables, null, List.of(new Part(p[1].trim(), null, 1, p[2].trim())),
                8, 42L, null);
        Declarations declarations = Declarations.of(shapes);
        f = Parser.parse(p[0].trim(), declarations).root();
        answer = Parser.parse(p[2].trim(), declarations).root();
        SplittableRandom random = new SplittableRandom(5);
        point = new LinkedHashMap<>();
        shapes.forEach((name, s) -> {
            double[] v = new double[s.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = random.nextDouble(-2, 2);
            }
            point.put(name, new Tensor(s, v));
        });
        if (!new Checker().check(request).verdict().equals(Verdict.CORRECT)) {
            throw new IllegalStateException("the benchmark's answer must be correct: " + exercise);
        }
    }

    @Benchmark
    public CheckReport check() {
        return new Checker().check(request);
    }

    /** One double evaluation of f plus one of the answer: the unit the check's cost is measured in. */
    @Benchmark
    public Tensor baseline() {
        Evaluator.value(f, point);
        return Evaluator.value(answer, point);
    }
}
