package io.gradcheck.check;

import io.gradcheck.expr.Deadline;
import io.gradcheck.expr.parse.ParsedExpression;
import java.util.List;

/**
 * The work of one check, counted before it is done (docs/checks.md, "Bounds"). Every step is priced in estimated
 * floating-point operations and charged <em>before</em> it runs: drawing each used variable (each attempt of a
 * positive definite or invertible construction), each evaluation of f, each reference (the dual pass and the
 * finite differences), each evaluation of the answers, and the diagnosis's extra passes. Required work over the
 * limit ends the check with a {@link CheckException.Kind#WORK_BUDGET}; the diagnosis asks with
 * {@link #tryCharge} and takes a cheaper way when its work does not fit.
 *
 * <p>Every charge of {@link #CLOCK_OPS} or more also polls the request's {@link Deadline}, and so does the
 * sampling loop at every drawn point, so work that cannot be priced up front (draws rejected by constraints, a
 * loaded server) still stops at the deadline. Not thread-safe: one per check.
 */
final class Budget {

    /** Estimated floating-point operations one check may spend (configurable: gradcheck.checks.work-budget). */
    static final long DEFAULT_LIMIT = 2_000_000_000L;

    /** Response size: a point's evidence shows variables and derivatives of at most this many entries ... */
    static final int EVIDENCE_ENTRIES = 100;
    /** ... and at most this many numbers of variables in all (the first variables, in declaration order). */
    static final int EVIDENCE_VALUES_PER_POINT = 1_000;
    /** Response size: a partially correct diagnosis lists at most this many wrong entries (the message counts all). */
    static final int WRONG_ENTRIES_LISTED = 100;

    /**
     * A step of fewer operations than this (about a microsecond) does not read the clock itself: reading it costs
     * ~20 ns, as much as a small check's step, and the sampling loop reads it once per drawn point ({@link #poll}).
     */
    static final long CLOCK_OPS = 1_000;

    private final long limit;
    private final Deadline deadline;
    private final long fCost;
    private long spent;

    Budget(long limit, Deadline deadline, ParsedExpression f) {
        this(limit, deadline, f.cost());
    }

    private Budget(long limit, Deadline deadline, long fCost) {
        this.limit = limit;
        this.deadline = deadline;
        this.fCost = fCost;
    }

    /** No limit and no deadline: for drawing outside a check (a plot of a stored, validated problem). */
    static Budget unlimited() {
        return new Budget(Long.MAX_VALUE, Deadline.NONE, 0);
    }

    /**
     * Refuses, before anything runs, a check whose planned work alone (every point drawn once, with one attempt
     * per construction) is over the limit.
     */
    void require(List<PartPlan> parts, List<Constraint> constraints, long drawCost, int points) {
        long perPoint = drawCost + constraintCost(constraints) + fCost;
        for (PartPlan p : parts) {
            perPoint += referenceCost(p) + 2 * answerCost(p);
        }
        long total = saturated(perPoint, points);
        if (total > limit) {
            throw exceeded("this check would take about " + total + " arithmetic operations; the limit is " + limit
                    + " (the work budget): use fewer points or smaller variables");
        }
    }

    /** Charges required work, or ends the check when it does not fit in what is left. */
    void charge(long ops, String step) {
        charge(ops, step, "");
    }

    /** The same, for a step named by two words joined only if the check ends there ("drawing " + "x"). */
    void charge(long ops, String step, String subject) {
        if (ops >= CLOCK_OPS) {
            deadline.check();
        }
        if (ops > limit - spent) {
            throw exceeded("this check ran out of its work budget of " + limit + " arithmetic operations while "
                    + step + subject + " (" + spent + " spent, the next step needs " + ops + "): use fewer "
                    + "points, smaller variables, or domains and constraints most points satisfy");
        }
        spent += ops;
    }

    /** Charges optional work (the diagnosis) if it fits; false: take the cheaper way, nothing was charged. */
    boolean tryCharge(long ops) {
        deadline.check();
        if (ops < 0 || ops > limit - spent) {
            return false;
        }
        spent += ops;
        return true;
    }

    /** What is left of the budget. */
    long left() {
        return limit - spent;
    }

    long spent() {
        return spent;
    }

    /** Polls the deadline in a loop whose steps were charged already. */
    void poll() {
        deadline.check();
    }

    void beforeValue() {
        charge(fCost, "evaluating the function");
    }

    void beforeConstraints(List<Constraint> constraints) {
        charge(constraintCost(constraints), "testing the constraints");
    }

    void beforeReference(PartPlan part) {
        charge(referenceCost(part), "computing the reference derivative");
    }

    void beforeAnswers(PartPlan part, int points) {
        charge(saturated(answerCost(part), points), "evaluating the answer");
    }

    /** One point of the diagnosis's full reference: one dual pass per entry of wrt, n² nested passes for a Hessian. */
    long fullReferenceCost(PartPlan part) {
        long n = part.wrtShape().size();
        return part.order() == 2 ? saturated(saturated(n, n), 6 * fCost) : saturated(n, 3 * fCost);
    }

    /** The dual pass (nested for a Hessian) and the four passes of the finite differences that check it. */
    long referenceCost(PartPlan part) {
        return (part.order() == 2 ? 20 : 8) * fCost;
    }

    static long answerCost(PartPlan part) {
        return part.answer() == null ? 0 : part.answer().cost();
    }

    private static long constraintCost(List<Constraint> constraints) {
        long c = 0;
        for (Constraint k : constraints) {
            c += k.left().cost() + k.right().cost();
        }
        return c;
    }

    static long saturated(long a, long b) {
        long r = a * b;
        return (a != 0 && (r / a != b || r < 0)) ? Long.MAX_VALUE : r;
    }

    private static CheckException exceeded(String message) {
        return new CheckException(CheckException.Kind.WORK_BUDGET, message);
    }
}
