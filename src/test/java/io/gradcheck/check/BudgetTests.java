package io.gradcheck.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gradcheck.expr.Deadline;
import io.gradcheck.expr.Limits;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The CPU findings of issue 15, each answered quickly: by the work budget before the work (a 400), by a diagnosis
 * that takes the cheaper way (a verdict), or by not doing work nothing needs. Each is asserted to take under a
 * second of the thread's CPU time (what the load of other processes does not change) and under 10 s of wall-clock
 * time on a loaded machine; before the budget each of these took 23 s to more than 590 s.
 */
class BudgetTests {

    private static final long CPU_NANOS = Duration.ofSeconds(1).toNanos();
    private static final long WALL_NANOS = Duration.ofSeconds(10).toNanos();

    @Test
    void sumOfExpOverAHundredThousandEntriesWithAWrongAnswerIsJudgedQuickly() {
        // the full reference would be 10⁵ dual passes of 10⁵ entries at 3 points: it does not fit, so the
        // diagnosis says how the answer is wrong without it
        CheckReport report = quickly(() -> Checks.of("sum(exp(x))", "x:100000").part("x", null, "exp(x) + x").run());
        assertThat(report.verdict()).isEqualTo(Verdict.INCORRECT);
        assertThat(report.parts().get(0).diagnosis().kind()).isEqualTo(DiagnosisKind.WRONG);
        assertThat(report.parts().get(0).diagnosis().message()).contains("Which entries are wrong was not worked out");
    }

    @Test
    void detOfAHundredByHundredWithAWrongAnswerIsJudgedQuickly() {
        CheckReport report = quickly(() -> Checks.of("det(X)", "X:100x100").part("X", null, "inv(X)").run());
        assertThat(report.verdict()).isEqualTo(Verdict.INCORRECT);
        assertThat(report.parts().get(0).diagnosis().kind()).isEqualTo(DiagnosisKind.WRONG);
    }

    @Test
    void kronOfThirtyByThirtyWithAWrongAnswerIsJudgedQuickly() {
        CheckReport report = quickly(() -> Checks.of("sum(kron(A, A))", "A:30x30").part("A", null, "A").run());
        assertThat(report.verdict()).isEqualTo(Verdict.INCORRECT);
        assertThat(report.parts().get(0).diagnosis().kind()).isEqualTo(DiagnosisKind.WRONG);
    }

    @Test
    void anUnusedPositiveDefiniteThousandByThousandIsNotDrawn() {
        CheckReport report = quickly(() -> Checks.of("x^2", "x Y:1000x1000").positiveDefinite("Y")
                .part("x", null, "2x").points(64).run());
        assertThat(report.verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(report.parts().get(0).points()).hasSize(64)
                .allSatisfy(p -> assertThat(p.values()).containsOnlyKeys("x"));
    }

    @Test
    void aUsedPositiveDefiniteThousandByThousandAtSixtyFourPointsIsRefusedBeforeItIsDrawn() {
        CheckException e = quickly(() -> catchThrowableOfType(CheckException.class, Checks.of("x^2 + tr(Y)",
                "x Y:1000x1000").positiveDefinite("Y").part("x", null, "2x").points(64)::run));
        assertThat(e.kind()).isEqualTo(CheckException.Kind.WORK_BUDGET);
        assertThat(e.getMessage()).startsWith("this check would take about ")
                .contains("the limit is 2000000000 (the work budget)");
    }

    @Test
    void anInvertibleMatrixOnADomainOfNearlySingularMatricesIsTheQuestionsError() {
        // every matrix on [1, 1.000001] is nearly singular: the first draw's 100 attempts (each charged to the
        // budget) end the check with a 422, instead of 100 attempts at each of up to 400 draws
        CheckException e = quickly(() -> catchThrowableOfType(CheckException.class, Checks.of("sum(inv(X))",
                "X:100x100").invertible("X").domain("X", 1, 1.000001).part("X", null, "X")::run));
        assertThat(e.kind()).isEqualTo(CheckException.Kind.QUESTION);
        assertThat(e.getMessage()).isEqualTo("no invertible X could be drawn on its domain [1.0, 1.000001] in 100 "
                + "attempts (|det X|^(1/100) stayed below a tenth of the domain's largest bound): give X a wider domain");
    }

    @Test
    void theDiagnosisTakesTheCheaperWayWhenTheFullReferenceDoesNotFit() {
        Checks partly = Checks.of("x1^2 - ln(x2) + e^(-x3)", "x:3").domain("x", 0.1, 2)
                .part("x", null, List.of("2 x1", "1/x2", "-e^(-x3)"));
        assertThat(partly.run().parts().get(0).diagnosis().kind()).isEqualTo(DiagnosisKind.PARTIALLY_CORRECT);

        long least = leastBudget(partly);
        CheckReport tight = checker(least).check(partly.request());
        assertThat(tight.verdict()).isEqualTo(Verdict.INCORRECT);
        assertThat(tight.parts().get(0).diagnosis().kind()).isEqualTo(DiagnosisKind.WRONG);
        assertThat(tight.parts().get(0).diagnosis().message()).contains("Which entries are wrong was not worked out");
        // with room for the full reference at one point, the entries are named again
        assertThat(checker(least + 10_000).check(partly.request()).parts().get(0).diagnosis().kind())
                .isEqualTo(DiagnosisKind.PARTIALLY_CORRECT);

        // the cheaper diagnoses need no extra work: a missing factor is still found at the least budget
        Checks half = Checks.of("x1^2 - ln(x2) + e^(-x3)", "x:3").domain("x", 0.1, 2)
                .part("x", null, List.of("x1", "-1/(2 x2)", "-e^(-x3)/2"));
        assertThat(checker(leastBudget(half)).check(half.request()).parts().get(0).diagnosis().kind())
                .isEqualTo(DiagnosisKind.SCALED);
    }

    @Test
    void requiredWorkOverTheBudgetIsRefusedWithTheLimitNamed() {
        Checks check = Checks.of("x1^2 - ln(x2) + e^(-x3)", "x:3").domain("x", 0.1, 2).part("x", null, "2 x");
        CheckException e = catchThrowableOfType(CheckException.class,
                () -> checker(leastBudget(check) - 1).check(check.request()));
        assertThat(e.kind()).isEqualTo(CheckException.Kind.WORK_BUDGET);
        assertThat(e.getMessage()).contains("the limit is " + (leastBudget(check) - 1) + " (the work budget)");
    }

    @Test
    void theEvidenceOfALargeDerivativeIsNotRepeatedAtEveryPoint() {
        // f has 1,000 entries: its directional derivative is not written at each of the 64 points of the evidence
        CheckReport report = quickly(() -> Checks.of("exp(x)", "x:1000 s").part("x", "numerator", "diag(exp(x))")
                .part("s", null, "zeros(1000)").points(64).run());
        assertThat(report.verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(report.parts().get(0).points()).hasSize(64).allSatisfy(p -> {
            assertThat(p.reference()).isNull();
            assertThat(p.answer()).isNull();
            assertThat(p.values()).containsOnlyKeys("s");
        });
    }

    @Test
    void aCheckStopsAtItsDeadline() {
        // a clock that moves 1 ms at every reading: the deadline of 20 ms passes after about 20 polls
        Checker checker = checkerWithTickingClock(20, new AtomicLong());
        Deadline.Exceeded e = catchThrowableOfType(Deadline.Exceeded.class,
                () -> checker.check(Checks.of("det(X)", "X:3x3").part("X", null, "X").request()));
        assertThat(e).hasMessage("the check took longer than 20 ms, the limit; it was stopped");
        // the same check without a deadline finishes
        assertThat(checker.check(Checks.of("det(X)", "X:3x3").part("X", null, "X").request(), Deadline.NONE)
                .verdict()).isEqualTo(Verdict.INCORRECT);
    }

    @Test
    void aCheckOfCheapStepsStillReadsTheClockAtEveryDrawnPoint() {
        // every step of x^2 costs far less than CLOCK_OPS: only the sampling loop's poll can see the time pass
        AtomicLong now = new AtomicLong();
        Checker checker = checkerWithTickingClock(5, now);
        Deadline.Exceeded e = catchThrowableOfType(Deadline.Exceeded.class,
                () -> checker.check(Checks.of("x^2", "x").part("x", null, "2x").request()));
        assertThat(e).hasMessage("the check took longer than 5 ms, the limit; it was stopped");
        assertThat(now.get()).as("clock readings, 1 ms each").isLessThanOrEqualTo(7_000_000);
    }

    /** A checker whose deadline is {@code millis} ms and whose clock moves 1 ms at every reading. */
    private static Checker checkerWithTickingClock(long millis, AtomicLong now) {
        return new Checker(Limits.DEFAULT, Checker.Defaults.STANDARD, Seeds.counting(7),
                new Checker.Bounds(Budget.DEFAULT_LIMIT, Duration.ofMillis(millis)), () -> now.getAndAdd(1_000_000));
    }

    @Test
    void aCancelledCheckStops() {
        Deadline cancelled = Deadline.after(Duration.ofSeconds(5));
        cancelled.cancel();
        Deadline.Exceeded e = catchThrowableOfType(Deadline.Exceeded.class,
                () -> new Checker().check(Checks.of("x^2", "x").part("x", null, "2x").request(), cancelled));
        assertThat(e).hasMessageContaining("cancelled");
    }

    /** The least budget this check runs under, found by bisection (the check is seeded, so this is exact). */
    private static long leastBudget(Checks check) {
        long low = 1;
        long high = Budget.DEFAULT_LIMIT;
        while (low < high) {
            long mid = (low + high) >>> 1;
            try {
                checker(mid).check(check.request());
                high = mid;
            } catch (CheckException e) {
                assertThat(e.kind()).isEqualTo(CheckException.Kind.WORK_BUDGET);
                low = mid + 1;
            }
        }
        return low;
    }

    private static Checker checker(long budget) {
        return new Checker(Limits.DEFAULT, Checker.Defaults.STANDARD, Seeds.counting(7),
                new Checker.Bounds(budget, Duration.ofSeconds(30)), System::nanoTime);
    }

    private static <T> T quickly(Supplier<T> work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        T result = work.get();
        assertThat(threads.getCurrentThreadCpuTime() - cpu).as("CPU nanoseconds").isLessThan(CPU_NANOS);
        assertThat(System.nanoTime() - start).as("elapsed nanoseconds").isLessThan(WALL_NANOS);
        return result;
    }
}
