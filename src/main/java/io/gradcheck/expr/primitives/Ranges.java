package io.gradcheck.expr.primitives;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a large kernel over parts of its output on the calling thread and the other cores together. A 1000 × 1000
 * matrix times a vector is bound by reading the matrix: 0.28 ms for its 8 MB on one core of this project's
 * machine (as single-threaded OpenBLAS), 0.14 ms on two (docs/performance.md).
 *
 * <p>The parts write disjoint ranges of the result (rows of a product, or columns of one result row), and each
 * entry is summed exactly as on one thread, so the result does not depend on how the work is split or who runs
 * which part. The caller runs every part no helper has claimed, so a busy or absent helper costs nothing but the
 * queue operations, and nothing ever waits for a part that no thread runs.
 *
 * <p>Why helpers of our own rather than the common fork-join pool: a parked pool thread took ~45 µs to start a
 * part here, a third of the half-sweep it was to run. A helper spins for {@link #SPIN_NANOS} after its last part
 * before it parks, so the sweeps of one check (back to back, a fraction of a millisecond each) find it awake.
 */
final class Ranges {

    /** Multiply-adds below which a kernel stays on the calling thread: a hand-off costs microseconds. */
    static final long PARALLEL_WORK = 1L << 18;
    /** How long an idle helper spins for the next part before it parks. */
    static final long SPIN_NANOS = 200_000;
    /** Cores that take part: the caller's and up to three helpers. */
    private static final int CORES = Math.min(4, Runtime.getRuntime().availableProcessors());

    private static final ConcurrentLinkedQueue<Part> QUEUE = new ConcurrentLinkedQueue<>();
    private static final Thread[] HELPERS = new Thread[CORES - 1];

    /** A kernel over the output indices [from, to). */
    @FunctionalInterface
    interface Range {
        void run(int from, int to);
    }

    private Ranges() {
    }

    static {
        for (int h = 0; h < HELPERS.length; h++) {
            HELPERS[h] = new Thread(Ranges::help, "gradcheck-kernel-" + (h + 1));
            HELPERS[h].setDaemon(true);
            HELPERS[h].start();
        }
    }

    /** Runs {@code range} over [0, count), split over the cores when {@code work} (multiply-adds) is large. */
    static void run(int count, long work, Range range) {
        int parts = work < PARALLEL_WORK ? 1 : Math.min(CORES, count);
        if (parts <= 1) {
            range.run(0, count);
            return;
        }
        Part[] offered = new Part[parts];
        for (int p = 1; p < parts; p++) {
            offered[p] = new Part(range, bound(count, parts, p), bound(count, parts, p + 1));
            QUEUE.add(offered[p]);
        }
        for (Thread helper : HELPERS) {
            LockSupport.unpark(helper);
        }
        range.run(0, bound(count, parts, 1));
        for (int p = parts - 1; p >= 1; p--) {
            if (offered[p].claim()) {
                offered[p].runHere();
            }
        }
        for (int p = 1; p < parts; p++) {
            offered[p].awaitDone();
        }
    }

    private static int bound(int count, int parts, int p) {
        return (int) ((long) count * p / parts);
    }

    /** A helper's loop: take the next offered part, or spin a while and then park until parts are offered. */
    private static void help() {
        long idleSince = System.nanoTime();
        while (true) {
            Part part = QUEUE.poll();
            if (part != null) {
                if (part.claim()) {
                    part.runHere();
                }
                idleSince = System.nanoTime();
            } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(Ranges.class);
                idleSince = System.nanoTime();
            }
        }
    }

    /** One part of a kernel; exactly one thread claims it, and the caller waits until it is done. */
    private static final class Part {
        private static final int OFFERED = 0;
        private static final int CLAIMED = 1;
        private static final int DONE = 2;

        private final Range range;
        private final int from;
        private final int to;
        private final AtomicInteger state = new AtomicInteger(OFFERED);
        private volatile Throwable failure;

        Part(Range range, int from, int to) {
            this.range = range;
            this.from = from;
            this.to = to;
        }

        boolean claim() {
            return state.compareAndSet(OFFERED, CLAIMED);
        }

        void runHere() {
            try {
                range.run(from, to);
            } catch (Throwable t) {
                failure = t;
            } finally {
                state.set(DONE);
            }
        }

        /** A claimed part is being run on another core (a fraction of a millisecond): spin until it is done. */
        void awaitDone() {
            while (state.get() != DONE) {
                Thread.onSpinWait();
            }
            Throwable t = failure;
            if (t instanceof RuntimeException e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
        }
    }
}
