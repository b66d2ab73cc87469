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
    void aTransposedFactorOfAProductIsReadInPlace() {
        for (String text : List.of("A^T x", "x^T A x", "B A^T", "transpose(A) x")) {
            ParsedExpression f = parse(text, "A:3x3 B:2x3 x:3");
            assertThat(names(Prepared.of(f.root()).root())).as(text).doesNotContain("transpose");
        }
        ParsedExpression f = parse("(A + A^T) x", "A:3x3 x:3");
        assertThat(names(Prepared.of(f.root()).root())).as("a transpose outside a product stays")
                .contains("transpose");
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
