package io.gradcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradcheck.expr.Fixtures;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.Tensor;
import io.gradcheck.expr.eval.Prepared;
import io.gradcheck.expr.parse.Declarations;
import io.gradcheck.expr.parse.Parser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The check's evaluate-once wiring (issue 16): prepared f and answers, and where the cross-check is thinned. */
class EvaluateOnceTests {

    private static boolean analytic(String f, String vars) {
        Declarations d = Fixtures.declare(vars);
        return Smoothness.of(Prepared.of(Parser.parse(f, d).root()).root()) == Smoothness.Kind.ANALYTIC;
    }

    @Test
    void onlyFunctionsBuiltFromEverywhereSmoothPrimitivesSkipTheCrossCheckAtMostPoints() {
        assertThat(analytic("x^T A x", "x:3 A:3x3")).isTrue();
        assertThat(analytic("exp(-x^T A x)", "x:3 A:3x3")).isTrue();
        assertThat(analytic("0.3 x^2 + 0.2", "x")).isTrue();
        assertThat(analytic("det(X) + tr(X^T X)", "X:3x3")).isTrue();
        assertThat(analytic("tanh(A x + b)^T tanh(A x + b)", "A:3x2 x:2 b:3")).isTrue();
        for (String kinked : List.of("abs(x)", "relu(x)", "step(x)", "sign(x) x", "max(x, 0)", "min(x, 1)",
                "1/x", "log(x)", "sqrt(x)", "x^0.5", "x^(-1)", "x^3 + abs(x - 1)", "2^x", "tan(x)")) {
            assertThat(analytic(kinked, "x")).as(kinked).isFalse();
        }
        assertThat(analytic("norm(v)", "v:3")).isFalse();
        assertThat(analytic("logdet(X)", "X:3x3")).isFalse();
        assertThat(analytic("inv(X)", "X:3x3")).isFalse();
    }

    private static Smoothness.Kind kind(String f, String vars) {
        Declarations d = Fixtures.declare(vars);
        return Smoothness.of(Prepared.of(Parser.parse(f, d).root()).root());
    }

    @Test
    void primitivesThatAreSmoothWhereDefinedAreToldFromKinkedOnes() {
        for (String singular : List.of("1/x", "log(x)", "sqrt(x)", "x^0.5", "x^(-1)", "2^x", "tan(x)",
                "log(2 x^2)/log(3) - 2 x e^(3 x) + 2", "acosh(x) + atanh(x/2) + cot(x)")) {
            assertThat(kind(singular, "x")).as(singular).isEqualTo(Smoothness.Kind.SMOOTH_WHERE_DEFINED);
        }
        assertThat(kind("norm(v)", "v:3")).isEqualTo(Smoothness.Kind.SMOOTH_WHERE_DEFINED);
        assertThat(kind("logdet(X) + tr(inv(X))", "X:3x3")).isEqualTo(Smoothness.Kind.SMOOTH_WHERE_DEFINED);
        for (String kinked : List.of("abs(x)", "relu(x)", "step(x)", "sign(x) x", "max(x, 0)", "min(x, 1)",
                "log(x) + abs(x)", "1/(1 + relu(x))", "sqrt(abs(x))")) {
            assertThat(kind(kinked, "x")).as(kinked).isEqualTo(Smoothness.Kind.KINKED);
        }
        assertThat(kind("norm1(v) / norm(v)", "v:3")).isEqualTo(Smoothness.Kind.KINKED);
        assertThat(kind("x^T A x", "x:3 A:3x3")).isEqualTo(Smoothness.Kind.ANALYTIC);
    }

    @Test
    void nearAPoleASmoothWhereDefinedFunctionIsStillCrossCheckedAndAwayFromItKeepsEveryReference() {
        Declarations d = Fixtures.declare("x");
        var f = Parser.parse("1/x + log(x)", d);
        PartPlan part = new PartPlan("x", Shape.SCALAR, Layout.GRADIENT, 1, Shape.SCALAR, null, null);
        // every point of this domain is within the difference stencil of the pole at 0: the steep test must
        // send every point to the cross-check, which refuses those whose stencil crosses it, as the full one does
        Map<String, CheckRequest.VariableSpec> near = Map.of("x",
                new CheckRequest.VariableSpec(List.of(), null, List.of(1e-4, 5e-4), null, null, null));
        // far from it: the thinned sampling keeps the same points and references as the full one
        Map<String, CheckRequest.VariableSpec> far = Map.of("x",
                new CheckRequest.VariableSpec(List.of(), null, List.of(1.0, 3.0), null, null, null));
        for (long seed = 1; seed <= 5; seed++) {
            Sampling all = new Sampling(Prepared.of(f.root()), Smoothness.Kind.KINKED, List.of(part),
                    new Sampler(d, near, near.keySet()), List.of()).run(new SplittableRandom(seed), 8, unlimited(f));
            Sampling steep = new Sampling(Prepared.of(f.root()), Smoothness.Kind.SMOOTH_WHERE_DEFINED, List.of(part),
                    new Sampler(d, near, near.keySet()), List.of()).run(new SplittableRandom(seed), 8, unlimited(f));
            Sampling analytic = new Sampling(Prepared.of(f.root()), Smoothness.Kind.ANALYTIC, List.of(part),
                    new Sampler(d, near, near.keySet()), List.of()).run(new SplittableRandom(seed), 8, unlimited(f));
            assertThat(all.skipped()).as("near the pole the differences refuse points").isGreaterThan(0);
            assertThat(steep.skipped()).isEqualTo(all.skipped());
            assertThat(steep.valid()).isEqualTo(all.valid());
            for (int k = 0; k < steep.valid(); k++) {
                assertThat(steep.probes(0).get(k).reference()).containsExactly(all.probes(0).get(k).reference());
            }
            assertThat(analytic.skipped()).as("cross-checking only the first points would use points near the pole")
                    .isLessThan(all.skipped());

            Sampling farAll = new Sampling(Prepared.of(f.root()), Smoothness.Kind.KINKED, List.of(part),
                    new Sampler(d, far, far.keySet()), List.of()).run(new SplittableRandom(seed), 8, unlimited(f));
            Sampling farSteep = new Sampling(Prepared.of(f.root()), Smoothness.Kind.SMOOTH_WHERE_DEFINED,
                    List.of(part), new Sampler(d, far, far.keySet()), List.of())
                    .run(new SplittableRandom(seed), 8, unlimited(f));
            assertThat(farSteep.valid()).isEqualTo(farAll.valid()).isEqualTo(8);
            for (int k = 0; k < 8; k++) {
                assertThat(farSteep.probes(0).get(k).reference())
                        .containsExactly(farAll.probes(0).get(k).reference());
            }
        }
    }

    @Test
    void thinningTheCrossCheckOfAnAnalyticFunctionKeepsEveryPointAndReference() {
        Declarations d = Fixtures.declare("x:4 A:4x4");
        var f = Parser.parse("exp(-x^T A x / 10) + x^T A x", d);
        Map<String, CheckRequest.VariableSpec> specs = new LinkedHashMap<>();
        specs.put("x", new CheckRequest.VariableSpec(List.of(4), null, null, null, null, null));
        specs.put("A", new CheckRequest.VariableSpec(List.of(4, 4), null, null, null, null, null));
        Sampler sampler = new Sampler(d, specs, specs.keySet());
        PartPlan part = new PartPlan("x", Shape.vector(4), Layout.GRADIENT, 1, Shape.vector(4), null, null);
        Prepared prepared = Prepared.of(f.root());
        Sampling all = new Sampling(prepared, Smoothness.Kind.KINKED, List.of(part), sampler, List.of())
                .run(new SplittableRandom(5), 8, unlimited(f));
        Sampling thinned = new Sampling(prepared, Smoothness.Kind.ANALYTIC, List.of(part), sampler, List.of())
                .run(new SplittableRandom(5), 8, unlimited(f));
        assertThat(thinned.valid()).isEqualTo(all.valid()).isEqualTo(8);
        for (int k = 0; k < 8; k++) {
            assertThat(thinned.probes(0).get(k).reference()).containsExactly(all.probes(0).get(k).reference());
        }
    }

    @Test
    void aCostlyAnalyticFunctionChecksTheEngineAtOnePointACheapOneAtTwoAndAKinkedOneEverywhere() {
        for (int n : new int[] {100, 800}) {
            Declarations d = Fixtures.declare("x:" + n + " A:" + n + "x" + n);
            var f = Parser.parse("x^T A x", d);
            SplittableRandom r = new SplittableRandom(n);
            double[] a = new double[n * n];
            for (int i = 0; i < a.length; i++) {
                a[i] = r.nextDouble(-1, 1);
            }
            Map<String, CheckRequest.VariableSpec> specs = new LinkedHashMap<>();
            specs.put("x", new CheckRequest.VariableSpec(List.of(n), null, null, null, null, null));
            specs.put("A", new CheckRequest.VariableSpec(List.of(n, n), NumericValue.matrix(n, n, a), null, null,
                    null, null));
            Sampler sampler = new Sampler(d, specs, specs.keySet());
            Prepared prepared = Prepared.of(f.root(), sampler.fixed());
            PartPlan part = new PartPlan("x", Shape.vector(n), Layout.GRADIENT, 1, Shape.vector(n), null, null);
            boolean costly = f.cost() >= Sampling.LARGE_F_COST;
            assertThat(costly).isEqualTo(n == 800);

            Sampling analytic = new Sampling(prepared, f.cost(), Smoothness.Kind.ANALYTIC, List.of(part), sampler,
                    List.of()).run(new SplittableRandom(3), 4, unlimited(f));
            Sampling kinked = new Sampling(prepared, f.cost(), Smoothness.Kind.KINKED, List.of(part), sampler,
                    List.of()).run(new SplittableRandom(3), 4, unlimited(f));
            assertThat(analytic.crossChecked()).isEqualTo(costly ? 1 : Sampling.CROSS_CHECKED_POINTS);
            assertThat(kinked.crossChecked()).isEqualTo(4);
            assertThat(analytic.valid()).isEqualTo(kinked.valid()).isEqualTo(4);
            for (int k = 0; k < 4; k++) {
                assertThat(analytic.probes(0).get(k).reference()).containsExactly(kinked.probes(0).get(k).reference());
            }
        }
    }

    @Test
    void aKinkedFunctionIsStillCrossCheckedAtEveryPoint() {
        // every point of this domain is within the difference stencil of the kink at 0
        Declarations d = Fixtures.declare("x");
        var f = Parser.parse("x^2 + abs(x)", d);
        Map<String, CheckRequest.VariableSpec> specs = Map.of("x",
                new CheckRequest.VariableSpec(List.of(), null, List.of(-1e-4, 1e-4), null, null, null));
        PartPlan part = new PartPlan("x", Shape.SCALAR, Layout.GRADIENT, 1, Shape.SCALAR, null, null);
        int checkerSkipped = 0;
        int crossCheckedSkipped = 0;
        int thinnedSkipped = 0;
        for (long seed = 1; seed <= 5; seed++) {
            CheckReport r = Checks.of("x^2 + abs(x)", "x").domain("x", -1e-4, 1e-4).part("x", null, "2 x + sign(x)")
                    .points(8).seed(seed).run();
            checkerSkipped += r.parts().get(0).skippedPoints();
            crossCheckedSkipped += new Sampling(Prepared.of(f.root()), Smoothness.Kind.KINKED, List.of(part), new Sampler(d, specs, specs.keySet()),
                    List.of()).run(new SplittableRandom(seed), 8, unlimited(f)).skipped();
            thinnedSkipped += new Sampling(Prepared.of(f.root()), Smoothness.Kind.ANALYTIC, List.of(part), new Sampler(d, specs, specs.keySet()),
                    List.of()).run(new SplittableRandom(seed), 8, unlimited(f)).skipped();
        }
        assertThat(crossCheckedSkipped).as("the cross-check finds the kink").isGreaterThan(thinnedSkipped);
        assertThat(checkerSkipped).as("the checker cross-checks a kinked f at every point")
                .isEqualTo(crossCheckedSkipped);
    }

    @Test
    void aPreparedAnswerUsesItsFixedValuesOnlyAtPointsThatCarryThem() {
        Declarations d = Fixtures.declare("x:2 A:2x2");
        Tensor a = new Tensor(Shape.matrix(2, 2), new double[] {1, 2, 3, 4});
        Answer plain = Answer.read("(A + A^T) x", d, io.gradcheck.expr.Limits.DEFAULT);
        Answer prepared = plain.prepared(Map.of("A", a));
        Tensor x = new Tensor(Shape.vector(2), new double[] {1, -1});
        assertThat(prepared.value(Map.of("x", x, "A", a)).data()).containsExactly(-3, -3);
        Tensor symmetric = new Tensor(Shape.matrix(2, 2), new double[] {1, 2.5, 2.5, 4});
        assertThat(prepared.value(Map.of("x", x, "A", symmetric)).data())
                .containsExactly(plain.value(Map.of("x", x, "A", symmetric)).data()).containsExactly(-3, -3);
        Tensor other = new Tensor(Shape.matrix(2, 2), new double[] {0, 0, 0, 1});
        assertThat(prepared.value(Map.of("x", x, "A", other)).data()).containsExactly(0, -2);
        assertThat(prepared.canonical()).isEqualTo(plain.canonical());
    }

    /** No limit and no deadline: these tests compare sampling strategies, not the budget. */
    private static Budget unlimited(io.gradcheck.expr.parse.ParsedExpression f) {
        return new Budget(Long.MAX_VALUE, io.gradcheck.expr.Deadline.NONE, f);
    }
}
