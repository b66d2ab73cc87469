package io.gradcheck.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gradcheck.expr.ExpressionException;
import io.gradcheck.expr.Limits;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckerTests {

    @Test
    void theSameSeedGivesTheSameReport() {
        Checks check = Checks.of("x^T A x", "x:3 A:3x3").part("x", null, "2 A x").seed(2026);
        assertThat(check.run()).isEqualTo(check.run());
        assertThat(check.run().seed()).isEqualTo(2026);
    }

    @Test
    void differentSeedsDrawDifferentPoints() {
        Checks check = Checks.of("x^T A x", "x:3 A:3x3").part("x", null, "(A + A^T) x");
        assertThat(check.seed(1).run().parts().get(0).points())
                .isNotEqualTo(check.seed(2).run().parts().get(0).points());
    }

    @Test
    void withoutASeedOneIsChosenAndReturned() {
        CheckRequest r = Checks.of("s^2", "s").part("s", null, "2s").request();
        CheckReport report = new Checker().check(new CheckRequest(r.function(), r.variables(), null, r.parts(), 3,
                null, null));
        assertThat(report.verdict()).isEqualTo(Verdict.CORRECT);
        CheckReport again = new Checker().check(new CheckRequest(r.function(), r.variables(), null, r.parts(), 3,
                report.seed(), null));
        assertThat(again).isEqualTo(report);
    }

    @Test
    void aPointWhoseDifferenceStencilStraddlesAKinkHasNoReference() {
        Checks check = Checks.of("abs(s)", "s").part("s", null, "sign(s)");
        var f = io.gradcheck.expr.parse.Parser.parse("abs(s)", io.gradcheck.expr.Fixtures.declare("s"));
        PartPlan plan = new PartPlan("s", io.gradcheck.expr.Shape.SCALAR, Layout.GRADIENT, 1,
                io.gradcheck.expr.Shape.SCALAR, null, null);
        var one = io.gradcheck.expr.Tensor.scalar(1);
        assertThat(Reference.at(f, plan, java.util.Map.of("s", io.gradcheck.expr.Tensor.scalar(1e-4)), one, null))
                .as("|s| at 1e-4 with a step of 1e-3").isNull();
        assertThat(Reference.at(f, plan, java.util.Map.of("s", io.gradcheck.expr.Tensor.scalar(0.5)), one, null))
                .containsExactly(1.0);
        assertThat(check.run().verdict()).isEqualTo(Verdict.CORRECT);
    }

    @Test
    void kinksAreSkippedAndNeverMakeARightAnswerWrong() {
        int skipped = 0;
        for (long seed = 1; seed <= 20; seed++) {
            CheckReport relu = Checks.of("relu(w^T x)", "w:3 x:3").domain("w", -0.01, 0.01)
                    .part("w", null, "step(w^T x) x").seed(seed).run();
            CheckReport abs = Checks.of("abs(s)", "s").domain("s", -0.002, 0.002).part("s", null, "sign(s)")
                    .seed(seed).run();
            assertThat(relu.verdict()).isIn(Verdict.CORRECT, Verdict.INCONCLUSIVE);
            assertThat(abs.verdict()).isIn(Verdict.CORRECT, Verdict.INCONCLUSIVE);
            skipped += relu.parts().get(0).skippedPoints() + abs.parts().get(0).skippedPoints();
        }
        assertThat(skipped).as("points near the kinks were skipped").isGreaterThan(0);
    }

    @Test
    void constraintsAreMetByEveryPoint() {
        CheckReport report = Checks.of("1/(b - a)", "a b").constraint("b - a > 0").part("b", null, "-1/(b-a)^2").run();
        assertThat(report.verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(report.parts().get(0).points()).allSatisfy(p -> {
            double a = (Double) p.values().get("a");
            double b = (Double) p.values().get("b");
            assertThat(b - a).isPositive();
        });
    }

    @Test
    void anUnsatisfiableConstraintIsTheAuthorsError() {
        CheckException e = catchThrowableOfType(CheckException.class,
                () -> Checks.of("1/(b - a)", "a b").constraint("b - a > 10").part("b", null, "-1/(b-a)^2").run());
        assertThat(e.kind()).isEqualTo(CheckException.Kind.QUESTION);
        assertThat(e.getMessage()).startsWith("no sampled point satisfies the constraints");
    }

    @Test
    void aFunctionUndefinedEverywhereIsTheAuthorsError() {
        CheckException e = catchThrowableOfType(CheckException.class,
                () -> Checks.of("log(s)", "s").domain("s", -3, -1).part("s", null, "1/s").run());
        assertThat(e.kind()).isEqualTo(CheckException.Kind.QUESTION);
        assertThat(e.getMessage()).contains("the domain looks empty");
    }

    @Test
    void anEmptyDomainIsTheAuthorsError() {
        CheckException e = catchThrowableOfType(CheckException.class,
                () -> Checks.of("s^2", "s").domain("s", 2, 1).part("s", null, "2s").run());
        assertThat(e.kind()).isEqualTo(CheckException.Kind.QUESTION);
        assertThat(e.getMessage()).isEqualTo("the domain of s is empty: [2.0, 1.0] needs a finite low below a finite high");
    }

    @Test
    void pointsWhereTheFunctionIsUndefinedAreRedrawn() {
        CheckReport report = Checks.of("log(s)", "s").part("s", null, "1/s").run();
        assertThat(report.verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(report.parts().get(0).skippedPoints()).isGreaterThan(0);
        assertThat(report.parts().get(0).points()).hasSize(8);
    }

    @Test
    void anUnreadableAnswerIsInvalidWithTheReason() {
        CheckReport report = Checks.of("x^T A x", "x:3 A:3x3").part("x", null, "(A + A^T) z").run();
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(report.parts().get(0).diagnosis().message())
                .isEqualTo("We could not read your answer: unknown name `z` (declared: x, A)");
    }

    @Test
    void severalPartsAreJudgedSeparately() {
        CheckReport report = Checks.of("1/2 norm(y - A x - b)^2", "A:3x2 x:2 b:3 y:3")
                .part("b", null, "-(y - A x - b)").part("A", null, "(y - A x - b) x^T").run();
        assertThat(report.verdict()).isEqualTo(Verdict.INCORRECT);
        assertThat(report.parts().get(0).verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(report.parts().get(1).diagnosis().kind()).isEqualTo(DiagnosisKind.NEGATED);
    }

    @Test
    void largeVariablesAreLeftOutOfTheEvidence() {
        CheckReport report = Checks.of("x^T A x", "x:20 A:20x20").part("x", null, "(A + A^T) x").points(2).run();
        assertThat(report.parts().get(0).points().get(0).values()).containsOnlyKeys("x");
    }

    @Test
    void aFixedValueIsShownAtEveryPointButWrittenOnce() {
        CheckReport report = Checks.of("x^T A x", "x:2 A:2x2").value("A", List.of(List.of(1, 2), List.of(3, 4)))
                .part("x", null, "(A + A^T) x").points(3).run();
        var points = report.parts().get(0).points();
        assertThat(points).hasSize(3);
        assertThat(points.get(0).values().get("A")).isEqualTo(List.of(List.of(1.0, 2.0), List.of(3.0, 4.0)));
        assertThat(points.get(1).values().get("A")).isSameAs(points.get(0).values().get("A"));
        assertThat(points.get(2).values().get("A")).isSameAs(points.get(0).values().get("A"));
        assertThat(points.get(1).values().get("x")).as("a sampled value is its point's own")
                .isNotEqualTo(points.get(0).values().get("x"));
    }

    @Test
    void badRequestsAreRefusedWithAReason() {
        assertThat(badRequest(Checks.of("s^2", "s").part("z", null, "1")))
                .isEqualTo("wrt `z` is not a declared variable (declared: s)");
        assertThat(badRequest(Checks.of("s^2", "s").part("s", "sideways", "1")))
                .isEqualTo("layout `sideways` is not one of gradient, numerator, denominator, flattened, vec");
        assertThat(badRequest(Checks.of("x", "x:3").part("x", "gradient", "1")))
                .startsWith("the gradient layout does not apply to f (3×1)");
        assertThat(badRequest(Checks.of("s^2", "s").part("s", null, "2s").points(0))).isEqualTo("points must be from 1 to 64");
        assertThat(badRequest(Checks.of("x^T x", "x:2").value("x", List.of(1, 2, 3)).part("x", null, "2x")))
                .isEqualTo("the value of x must be an array of 2 numbers, as its shape [2] says");
        assertThat(badRequest(Checks.of("x^T x", "x:2").part("x", null, "2x").constraint("x1")))
                .startsWith("the constraint `x1` needs a comparison");
        assertThat(badRequest(Checks.of("x^T A x", "x:3 A:3x3").hessian("A", "A")))
                .startsWith("a Hessian (order 2) needs a scalar function and a scalar or vector wrt");
    }

    @Test
    void aBadFunctionIsAnExpressionError() {
        ExpressionException e = catchThrowableOfType(ExpressionException.class,
                () -> Checks.of("x^T B x", "x:3").part("x", null, "1").run());
        assertThat(e.getMessage()).isEqualTo("unknown name `B` (declared: x)");
    }

    @Test
    void anExcessiveCheckIsRefusedBeforeItRuns() {
        CheckException e = catchThrowableOfType(CheckException.class,
                Checks.of("tr(A A)", "A:300x300").part("A", null, "2 A^T").points(64)::run);
        assertThat(e.kind()).isEqualTo(CheckException.Kind.WORK_BUDGET);
        assertThat(e.getMessage()).contains("arithmetic operations; the limit is 2000000000 (the work budget)");
    }

    private static String badRequest(Checks check) {
        CheckException e = catchThrowableOfType(CheckException.class, check::run);
        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(CheckException.Kind.BAD_REQUEST);
        return e.getMessage();
    }

    @Test
    void theEngineLimitsApplyToAnswersAndConstraintsToo() {
        Limits tight = new Limits(40, 2_000, 100, 1_000_000, 50_000_000L, 64);
        Checker checker = new Checker(tight, Checker.Defaults.STANDARD, Seeds.counting(7));
        String longAnswer = "x" + " + 0 x".repeat(10);
        CheckReport report = checker.check(Checks.of("x^2", "x").part("x", null, longAnswer).request());
        assertThat(report.parts().get(0).diagnosis().kind()).isEqualTo(DiagnosisKind.UNREADABLE);
        assertThat(report.parts().get(0).diagnosis().message()).contains("40");
        CheckException e = catchThrowableOfType(CheckException.class, () -> checker.check(Checks.of("x^2", "x")
                .constraint("x" + " + 0 x".repeat(10) + " > -5").part("x", null, "2 x").request()));
        assertThat(e.getMessage()).contains("cannot be read").contains("40");
        assertThat(new Checker().check(Checks.of("x^2", "x").part("x", null, longAnswer).request()).parts().get(0)
                .diagnosis().kind()).isNotEqualTo(DiagnosisKind.UNREADABLE);
    }

    @Test
    void withoutASeedTheCheckDrawsOneFromItsSeedSource() {
        Checker checker = new Checker(Limits.DEFAULT, Checker.Defaults.STANDARD, Seeds.counting(123));
        CheckRequest r = Checks.of("x^2", "x").part("x", null, "2 x").request();
        CheckRequest unseeded = new CheckRequest(r.function(), r.variables(), r.constraints(), r.parts(), r.points(),
                null, null);
        assertThat(checker.check(unseeded).seed()).isEqualTo(123);
        assertThat(checker.check(unseeded).seed()).isEqualTo(124);
    }
}
