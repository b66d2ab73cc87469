package io.gradcheck.expr.eval;

import io.gradcheck.expr.Jet;
import static io.gradcheck.expr.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.gradcheck.expr.Fixtures;
import io.gradcheck.expr.Node;
import io.gradcheck.expr.Notation;
import io.gradcheck.expr.Primitive;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.Span;
import io.gradcheck.expr.Tensor;
import io.gradcheck.expr.parse.ParsedExpression;
import io.gradcheck.expr.primitives.Arithmetic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A prepared tree gives the same numbers as the plain walk (whose derivatives the property tests check against
 * finite differences), for every primitive, every variable, with and without fixed variables; and it evaluates
 * what does not change once.
 */
class PreparedTests {

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> cases() {
        return PrimitiveDerivativeTests.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void samePointsSameNumbersAsThePlainWalk(String text, String vars) {
        ParsedExpression f = parse(text, vars);
        SplittableRandom random = new SplittableRandom(text.hashCode());
        for (boolean fixFirst : new boolean[] {false, true}) {
            for (int n = 0; n < 4; n++) {
                Map<String, Tensor> point = Fixtures.point(f.declarations(), random);
                Map<String, Tensor> fixed = new LinkedHashMap<>();
                Map<String, Tensor> sampled = new LinkedHashMap<>(point);
                if (fixFirst) {
                    String first = point.keySet().iterator().next();
                    fixed.put(first, point.get(first));
                    sampled.remove(first);
                }
                Prepared.Point at = Prepared.of(f.root(), fixed).at(sampled);
                for (String wrt : point.keySet()) {
                    Tensor v = Fixtures.uniform(point.get(wrt).shape(), random);
                    Tensor w = Fixtures.uniform(point.get(wrt).shape(), random);
                    Jet plain = Evaluator.directional(f.root(), point, wrt, v);
                    Jet prepared = at.directional(wrt, v);
                    assertThat(prepared.value()).isEqualTo(plain.value());
                    assertThat(prepared.partAsTensor(1)).as("D_v f wrt %s", wrt).isEqualTo(plain.partAsTensor(1));
                    assertThat(at.value()).isEqualTo(Evaluator.value(f.root(), point));
                    assertThat(at.secondDirectional(wrt, v, w).partAsTensor(3)).as("vᵀHw wrt %s", wrt)
                            .isEqualTo(Evaluator.secondDirectional(f.root(), point, wrt, v, w).partAsTensor(3));
                    FiniteDifference.Estimate fd = FiniteDifference.directional(at, wrt, v, 1e-3);
                    FiniteDifference.Estimate plainFd = FiniteDifference.directional(f.root(), point, wrt, v, 1e-3);
                    assertThat(fd.derivative()).isEqualTo(plainFd.derivative());
                    assertThat(fd.error()).isEqualTo(plainFd.error());
                    assertThat(FiniteDifference.secondDirectional(at, wrt, v, w, 1e-3).derivative()).isEqualTo(
                            FiniteDifference.secondDirectional(f.root(), point, wrt, v, w, 1e-3).derivative());
                }
            }
        }
    }

    /** A primitive that passes its argument through and counts its evaluations. */
    private static Primitive counting(AtomicInteger count) {
        return new Primitive() {
            public String name() {
                return "count";
            }

            public Shape shape(List<Node> args, Describer describe) {
                return args.get(0).shape();
            }

            public Jet apply(List<Jet> args, Shape out) {
                count.incrementAndGet();
                return args.get(0);
            }

            public Notation notation() {
                return Notation.function("count", "count", 1);
            }
        };
    }

    @Test
    void whatDoesNotDependOnTheVariableIsEvaluatedOncePerPointAndWhatIsFixedOncePerCheck() {
        AtomicInteger count = new AtomicInteger();
        Shape n = Shape.vector(3);
        Node.Variable a = new Node.Variable("A", Shape.matrix(3, 3), new Span(0, 1));
        Node.Variable x = new Node.Variable("x", n, new Span(0, 1));
        Node.Call countedA = new Node.Call(counting(count), List.of(a), a.shape(), a.span());
        Node.Call xT = new Node.Call(Arithmetic.TRANSPOSE, List.of(x), Shape.matrix(1, 3), x.span());
        Node.Call xTA = new Node.Call(Arithmetic.MULTIPLY, List.of(xT, countedA), Shape.matrix(1, 3), x.span());
        Node f = new Node.Call(Arithmetic.MULTIPLY, List.of(xTA, x), Shape.SCALAR, x.span());
        SplittableRandom random = new SplittableRandom(7);
        Map<String, Tensor> point = Map.of("A", Fixtures.uniform(a.shape(), random), "x", Fixtures.uniform(n, random));
        Tensor v = Fixtures.uniform(n, random);

        Prepared prepared = Prepared.of(f);
        Prepared.Point at = prepared.at(point);
        at.directional("x", v);
        FiniteDifference.directional(at, "x", v, 1e-3);
        FiniteDifference.secondDirectional(at, "x", v, v, 1e-3);
        at.secondDirectional("x", v, v);
        at.value();
        assertThat(count).as("one point, eleven passes along x").hasValue(1);
        at.directional("A", Fixtures.uniform(a.shape(), random));
        assertThat(count).as("a pass along A itself evaluates it again").hasValue(2);

        count.set(0);
        Prepared withFixedA = Prepared.of(f, Map.of("A", point.get("A")));
        assertThat(count).as("a fixed A: once, when prepared").hasValue(1);
        for (int p = 0; p < 5; p++) {
            Prepared.Point q = withFixedA.at(Map.of("x", Fixtures.uniform(n, random)));
            q.directional("x", v);
            FiniteDifference.directional(q, "x", v, 1e-3);
        }
        assertThat(count).as("and never again, at any point").hasValue(1);

        count.set(0);
        for (int pass = 0; pass < 5; pass++) {
            Evaluator.value(f, point);
        }
        assertThat(count).as("the plain walk, for contrast, evaluates it at every pass").hasValue(5);
    }

    @Test
    void preparationsOfOneTreeShareItsPlanButNotTheirFixedValues() {
        AtomicInteger count = new AtomicInteger();
        Shape n = Shape.vector(3);
        Node.Variable a = new Node.Variable("A", Shape.matrix(3, 3), new Span(0, 1));
        Node.Variable x = new Node.Variable("x", n, new Span(0, 1));
        Node.Number two = new Node.Number(2, "2", new Span(0, 1));
        Node.Call countedTwo = new Node.Call(counting(count), List.of(two), Shape.SCALAR, two.span());
        Node.Call countedA = new Node.Call(counting(count), List.of(a), a.shape(), a.span());
        Node.Call ax = new Node.Call(Arithmetic.MULTIPLY, List.of(countedA, x), n, x.span());
        Node f = new Node.Call(Arithmetic.MULTIPLY, List.of(countedTwo, ax), n, x.span());
        SplittableRandom random = new SplittableRandom(11);
        Tensor x0 = Fixtures.uniform(n, random);

        for (int check = 0; check < 3; check++) {
            Tensor fixedA = Fixtures.uniform(a.shape(), random);
            Tensor expected = Evaluator.value(f, Map.of("A", fixedA, "x", x0));
            count.set(0);
            Tensor value = Prepared.of(f, Map.of("A", fixedA)).at(Map.of("x", x0)).value();
            assertThat(value).as("check %d: its own A", check).isEqualTo(expected);
            assertThat(count).as("check %d: A once for the check; the number once for every check", check)
                    .hasValue(check == 0 ? 2 : 1);
        }
    }

    @Test
    void oneTreePreparedOnManyThreadsGivesEachItsOwnNumbers() throws Exception {
        ParsedExpression f = parse("sum(exp(A x) .* (A^T x)) + log(3) x^T x", "A:4x4 x:4");
        int threads = 4;
        int checks = 200;
        Tensor[][] inputs = new Tensor[threads * checks][];
        Tensor[] expected = new Tensor[inputs.length];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < inputs.length; i++) {
            Tensor fixedA = Fixtures.uniform(Shape.matrix(4, 4), random);
            Tensor x = Fixtures.uniform(Shape.vector(4), random);
            Tensor v = Fixtures.uniform(Shape.vector(4), random);
            inputs[i] = new Tensor[] {fixedA, x, v};
            expected[i] = Evaluator.directional(f.root(), Map.of("A", fixedA, "x", x), "x", v).partAsTensor(1);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<Integer>> done = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t * checks;
                done.add(pool.submit(() -> {
                    int same = 0;
                    for (int i = first; i < first + checks; i++) {
                        Tensor[] in = inputs[i];
                        Jet d = Prepared.of(f.root(), Map.of("A", in[0])).at(Map.of("x", in[1]))
                                .directional("x", in[2]);
                        same += d.partAsTensor(1).equals(expected[i]) ? 1 : 0;
                    }
                    return same;
                }));
            }
            for (java.util.concurrent.Future<Integer> d : done) {
                assertThat(d.get()).isEqualTo(checks);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTransposedFactorOfAProductIsReadInPlace() {
        for (String text : List.of("A^T x", "x^T A x", "B A^T", "transpose(A) x")) {
            ParsedExpression f = parse(text, "A:3x3 B:2x3 x:3");
            assertThat(names(Prepared.of(f.root()).root())).as(text).doesNotContain("transpose");
        }
        for (String text : List.of("(A + A^T) x", "(A^T + A) x", "(A - A^T) x")) {
            ParsedExpression f = parse(text, "A:3x3 x:3");
            assertThat(names(Prepared.of(f.root()).root())).as(text).doesNotContain("transpose");
        }
        for (String text : List.of("(A^T - A) x", "tr(A^T) x")) {
            ParsedExpression f = parse(text, "A:3x3 x:3");
            assertThat(names(Prepared.of(f.root()).root())).as("%s: a transpose outside a product or sum stays", text)
                    .contains("transpose");
        }
    }

    /**
     * A + Bᵀ, Aᵀ + B and A - Bᵀ read the transposed side in place (issue 16) and give the very numbers of forming
     * the transpose and adding it: {@code 1 B^T} is not planned (a scaled transpose), and scaling by 1 is exact. The
     * sizes leave partial tiles on both sides; the larger one is summed by bands of rows on the cores together.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"A:40x70 B:70x40", "A:520x600 B:600x520"})
    void aSumWithATransposeGivesTheNumbersOfFormingTheTranspose(String sizes) {
        Map<String, String> planned = Map.of("A + B^T", "A + 1 B^T", "B^T + A", "1 B^T + A", "A - B^T", "A - 1 B^T");
        SplittableRandom random = new SplittableRandom(16);
        planned.forEach((text, formed) -> {
            ParsedExpression f = parse(text, sizes);
            ParsedExpression g = parse(formed, sizes);
            assertThat(names(Prepared.of(f.root()).root())).as(text).contains(text.contains("-") ? "-transposed"
                    : "+transposed");
            Map<String, Tensor> point = Fixtures.point(f.declarations(), random);
            for (String wrt : List.of("A", "B")) {
                Tensor v = Fixtures.uniform(point.get(wrt).shape(), random);
                Jet fused = Prepared.of(f.root()).at(point).directional(wrt, v);
                Jet plain = Evaluator.directional(g.root(), point, wrt, v);
                assertThat(fused.value()).as(text).isEqualTo(plain.value());
                assertThat(fused.partAsTensor(1)).as("%s along %s", text, wrt).isEqualTo(plain.partAsTensor(1));
            }
        });
    }

    private static List<String> names(Node n) {
        List<String> out = new java.util.ArrayList<>();
        if (n instanceof Node.Call c) {
            out.add(c.primitive().name());
            c.args().forEach(a -> out.addAll(names(a)));
        }
        return out;
    }
}
