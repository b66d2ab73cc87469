package io.gradcheck.bench;

import io.gradcheck.check.CheckReport;
import io.gradcheck.check.NumericValue;
import io.gradcheck.check.CheckRequest;
import io.gradcheck.check.CheckRequest.Part;
import io.gradcheck.check.CheckRequest.VariableSpec;
import io.gradcheck.check.Checker;
import io.gradcheck.check.Seeds;
import io.gradcheck.expr.Limits;
import io.gradcheck.expr.parse.Declarations;
import io.gradcheck.expr.Node;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.Tensor;
import io.gradcheck.expr.eval.Evaluator;
import io.gradcheck.expr.eval.FiniteDifference;
import io.gradcheck.expr.eval.Prepared;
import io.gradcheck.expr.parse.Parser;
import java.util.ArrayList;
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
 * The exercises of the Python peer benchmark (../shared/peers/peer_gradcheck.py: the same functions, shapes,
 * domains, fixed data drawn from the same distributions with a seeded Java generator, 10 points per check), so
 * that the two can be run side by side and compared per exercise:
 * <ul>
 *   <li>{@code check}: a whole 10-point check in process, as the service runs it (parse, sampling, dual
 *   reference, finite-difference cross-check, comparison, report);</li>
 *   <li>{@code preparedPasses}: the engine's passes of a 10-point check through {@link Prepared} (the
 *   evaluate-once API): per point and part, one dual pass of f, the finite-difference estimate and one value of
 *   the answer, contracted with the direction;</li>
 *   <li>{@code dualPasses}: the same without the finite-difference estimate (a point where the cross-check
 *   is thinned out);</li>
 *   <li>{@code baseline}: one double evaluation of f plus one of the answer (the per-point unit).</li>
 * </ul>
 * Run: ./mvnw -Pbench test-compile exec:exec -Dbench.args="PeerExerciseBenchmarks"
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PeerExerciseBenchmarks {

    static final int POINTS = 10;

    @Param({"1", "2", "3", "4", "5", "6", "7", "8", "9", "10a", "10b", "10c"})
    public String exercise;

    /** One exercise: f, sampled variables (name → shape, domain), fixed ones, and per wrt the answer. */
    record Exercise(String f, Map<String, Shape> sampled, double[] domain, Map<String, Tensor> fixed,
            Map<String, String> answers) {
    }

    static Exercise exercise(String key) {
        SplittableRandom r = new SplittableRandom(20240601L + key.hashCode());
        return switch (key) {
            case "1" -> new Exercise("0.3 x^2 + 0.2", Map.of("x", Shape.SCALAR), new double[] {-3, 3}, Map.of(),
                    Map.of("x", "0.6 x"));
            case "2" -> new Exercise("log(2 x^2)/log(3) - 2 x e^(3 x) + 2", Map.of("x", Shape.SCALAR),
                    new double[] {0.1, 1}, Map.of(), Map.of("x", "2/(x log(3)) - 2 e^(3 x) - 6 x e^(3 x)"));
            case "3" -> new Exercise("x1^2 - ln(x2) + e^(-x3)", Map.of("x", Shape.vector(3)),
                    new double[] {0.5, 2}, Map.of(), Map.of("x", "[2 x1, -1/x2, -e^(-x3)]"));
            case "4" -> new Exercise("x^T A x", Map.of("x", Shape.vector(3)), null,
                    Map.of("A", normal(Shape.matrix(3, 3), 1, r)), Map.of("x", "(A + A^T) x"));
            case "5" -> new Exercise("exp(-x^T A x)", Map.of("x", Shape.vector(3)), new double[] {-1, 1},
                    Map.of("A", normal(Shape.matrix(3, 3), 1, r)), Map.of("x", "-exp(-x^T A x) (A + A^T) x"));
            case "6" -> new Exercise("1/(1 + exp(-w^T x))", Map.of("w", Shape.vector(2)), null,
                    Map.of("x", normal(Shape.vector(2), 1, r)),
                    Map.of("w", "1/(1 + exp(-w^T x)) (1 - 1/(1 + exp(-w^T x))) x"));
            case "7" -> new Exercise("1/2 norm(X w - y)^2", Map.of("w", Shape.vector(5)), null,
                    Map.of("X", normal(Shape.matrix(20, 5), 1, r), "y", normal(Shape.vector(20), 1, r)),
                    Map.of("w", "X^T (X w - y)"));
            case "8" -> new Exercise("norm(x)", Map.of("x", Shape.vector(10)), null, Map.of(),
                    Map.of("x", "x / norm(x)"));
            case "9" -> new Exercise("1/2 norm(y - tanh(A x + b))^2",
                    new LinkedHashMap<>(Map.of("A", Shape.matrix(3, 2), "b", Shape.vector(3))), null,
                    Map.of("x", normal(Shape.vector(2), 1, r), "y", normal(Shape.vector(3), 1, r)),
                    Map.of("A", "outer((tanh(A x + b) - y) .* (1 - tanh(A x + b) .* tanh(A x + b)), x)",
                            "b", "(tanh(A x + b) - y) .* (1 - tanh(A x + b) .* tanh(A x + b))"));
            case "10a", "10b", "10c" -> {
                // 10c (n = 2000) is not in the peer script; it runs under the documented n = 2000 limits
                int n = key.equals("10a") ? 100 : key.equals("10b") ? 1000 : 2000;
                yield new Exercise("x^T A x", Map.of("x", Shape.vector(n)), null,
                        Map.of("A", normal(Shape.matrix(n, n), 1 / Math.sqrt(n), r)), Map.of("x", "A x + A^T x"));
            }
            default -> throw new IllegalArgumentException(key);
        };
    }

    /** Normal(0, scale²) entries (Box–Muller), as the peer's rng.normal. */
    static Tensor normal(Shape s, double scale, SplittableRandom r) {
        double[] v = new double[s.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = scale * Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
        }
        return new Tensor(s, v);
    }

    /** The documented settings for n = 2000 (gradcheck.engine.max-entries=4000000); the rest as default. */
    static final Limits LIMITS = new Limits(Limits.DEFAULT.maxLength(), Limits.DEFAULT.maxNodes(),
            Limits.DEFAULT.maxDepth(), 4_000_000, Limits.DEFAULT.maxCost(), Limits.DEFAULT.maxMatrixPower());

    private final Checker checker = new Checker(LIMITS, Checker.Defaults.STANDARD, Seeds.counting(1));
    private CheckRequest request;
    /** The same check at one point: (check − checkOnePoint) / (POINTS − 1) is what one more point costs. */
    private CheckRequest onePoint;
    /**
     * The same check at two points: the first points of a check are also the engine's self-check (finite
     * differences, {@code Sampling.CROSS_CHECKED_POINTS}), so (check − checkTwoPoints) / (POINTS − 2) is what a
     * point costs beyond them.
     */
    private CheckRequest twoPoints;
    private Prepared f;
    /** Per wrt, the answer's entries (one when it is one expression). */
    private final Map<String, List<Prepared>> answers = new LinkedHashMap<>();
    private final List<Map<String, Tensor>> points = new ArrayList<>();
    private final List<Map<String, Tensor>> directions = new ArrayList<>();
    private Map<String, Tensor> fullPoint;
    private Node plainF;
    private final List<Node> plainAnswers = new ArrayList<>();

    @Setup
    public void setUp() {
        Exercise e = exercise(exercise);
        Map<String, VariableSpec> specs = new LinkedHashMap<>();
        Map<String, Shape> shapes = new LinkedHashMap<>();
        e.sampled().forEach((name, s) -> {
            specs.put(name, new VariableSpec(s.dims(), null,
                    e.domain() == null ? null : List.of(e.domain()[0], e.domain()[1]), null, null, null));
            shapes.put(name, s);
        });
        e.fixed().forEach((name, t) -> {
            specs.put(name, new VariableSpec(t.shape().dims(), json(t), null, null, null, null));
            shapes.put(name, t.shape());
        });
        List<Part> parts = new ArrayList<>();
        e.answers().forEach((wrt, answer) -> parts.add(new Part(wrt, null, 1,
                answer.startsWith("[") ? List.of(answer.substring(1, answer.length() - 1).split(",\\s*")) : answer)));
        request = new CheckRequest(e.f(), specs, null, parts, POINTS, 42L, null);
        onePoint = new CheckRequest(e.f(), specs, null, parts, 1, 42L, null);
        twoPoints = new CheckRequest(e.f(), specs, null, parts, 2, 42L, null);
        CheckReport report = checker.check(request);
        if (report.verdict() != io.gradcheck.check.Verdict.CORRECT) {
            throw new IllegalStateException("the benchmark's answer must be correct: " + exercise + " " + report);
        }

        Declarations declarations = Declarations.of(shapes, LIMITS);
        f = Prepared.of(Parser.parse(e.f(), declarations, LIMITS).root(), e.fixed());
        e.answers().forEach((wrt, answer) -> {
            List<Prepared> entries = new ArrayList<>();
            for (String entry : answer.startsWith("[") ? answer.substring(1, answer.length() - 1).split(",\\s*")
                    : new String[] {answer}) {
                Node root = Parser.parse(entry, declarations, LIMITS).root();
                entries.add(Prepared.of(root, e.fixed()));
                plainAnswers.add(root);
            }
            answers.put(wrt, entries);
        });
        SplittableRandom random = new SplittableRandom(7);
        for (int p = 0; p < POINTS; p++) {
            Map<String, Tensor> point = new LinkedHashMap<>();
            Map<String, Tensor> direction = new LinkedHashMap<>();
            e.sampled().forEach((name, s) -> {
                double lo = e.domain() == null ? -2 : e.domain()[0];
                double hi = e.domain() == null ? 2 : e.domain()[1];
                double[] v = new double[s.size()];
                double[] d = new double[s.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = random.nextDouble(lo, hi);
                    d[i] = random.nextDouble(-1, 1);
                }
                point.put(name, new Tensor(s, v));
                direction.put(name, new Tensor(s, d));
            });
            points.add(point);
            directions.add(direction);
        }
        fullPoint = new LinkedHashMap<>(points.get(0));
        fullPoint.putAll(e.fixed());
        plainF = Parser.parse(e.f(), declarations, LIMITS).root();
    }

    /** A fixed value as the service's JSON reader hands it to the check: its numbers in one array. */
    private static Object json(Tensor t) {
        Shape s = t.shape();
        if (s.isScalar()) {
            return NumericValue.scalar(t.data()[0]);
        }
        return s.cols() == 1 ? NumericValue.vector(t.data().clone())
                : NumericValue.matrix(s.rows(), s.cols(), t.data().clone());
    }

    @Benchmark
    public CheckReport check() {
        return checker.check(request);
    }

    @Benchmark
    public CheckReport checkOnePoint() {
        return checker.check(onePoint);
    }

    @Benchmark
    public CheckReport checkTwoPoints() {
        return checker.check(twoPoints);
    }

    /** Counts the answers {@link #checkNewAnswer} has sent. */
    private int sentAnswers;

    /**
     * {@code check} with an answer text the service has not read recently: the answer is padded with a number of
     * spaces that changes with every call (5,000 different texts, more than the parser keeps), so it is read, and
     * its tree planned, in every check, as a learner's new answer is. The function stays the same text, as it is
     * for every answer to one problem.
     */
    @Benchmark
    public CheckReport checkNewAnswer() {
        int n = sentAnswers++ % 5_000;
        String before = " ".repeat(n % 200);
        String after = " ".repeat(n / 200);
        List<Part> parts = new ArrayList<>();
        for (Part p : request.parts()) {
            Object answer = p.answer() instanceof List<?> entries
                    ? entries.stream().map(e -> before + e + after).toList() : before + p.answer() + after;
            parts.add(new Part(p.wrt(), p.layout(), p.order(), answer));
        }
        return checker.check(new CheckRequest(request.function(), request.variables(), request.constraints(), parts,
                request.points(), request.seed(), request.tolerance()));
    }

    @Benchmark
    public double preparedPasses() {
        double total = 0;
        for (int p = 0; p < POINTS; p++) {
            Prepared.Point at = f.at(points.get(p));
            for (Map.Entry<String, List<Prepared>> part : answers.entrySet()) {
                String wrt = part.getKey();
                Tensor v = directions.get(p).get(wrt);
                double[] exact = at.directional(wrt, v).partAsTensor(1).data();
                FiniteDifference.Estimate fd = FiniteDifference.directional(at, wrt, v, FiniteDifference.DEFAULT_STEP);
                double[] answer = value(part.getValue(), points.get(p));
                double contracted = 0;
                for (int i = 0; i < answer.length; i++) {
                    contracted += answer[i] * v.data()[i];
                }
                total += exact[0] - contracted + fd.derivative()[0];
            }
        }
        return total;
    }

    /**
     * {@code preparedPasses} without the finite-difference estimate: what a point costs where the cross-check
     * is thinned out (an analytic f, after its first cross-checked points).
     */
    @Benchmark
    public double dualPasses() {
        double total = 0;
        for (int p = 0; p < POINTS; p++) {
            Prepared.Point at = f.at(points.get(p));
            for (Map.Entry<String, List<Prepared>> part : answers.entrySet()) {
                String wrt = part.getKey();
                Tensor v = directions.get(p).get(wrt);
                double[] exact = at.directional(wrt, v).partAsTensor(1).data();
                double[] answer = value(part.getValue(), points.get(p));
                double contracted = 0;
                for (int i = 0; i < answer.length; i++) {
                    contracted += answer[i] * v.data()[i];
                }
                total += exact[0] - contracted;
            }
        }
        return total;
    }

    private static double[] value(List<Prepared> entries, Map<String, Tensor> point) {
        if (entries.size() == 1) {
            return entries.get(0).value(point).data();
        }
        double[] v = new double[entries.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = entries.get(i).value(point).data()[0];
        }
        return v;
    }

    /** One double evaluation of f plus one of the answer (every part, every entry), by the plain walk. */
    @Benchmark
    public double baseline() {
        double total = Evaluator.value(plainF, fullPoint).data()[0];
        for (Node a : plainAnswers) {
            total += Evaluator.value(a, fullPoint).data()[0];
        }
        return total;
    }
}
