package io.gradcheck.expr;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A request's deadline, polled cooperatively by the engine's loops (per point, per dual pass, per LU attempt):
 * {@link #check()} costs a volatile read and a clock read, and throws once the time is up or the request was
 * cancelled (the client went away). Plain Java: the web layer creates one per request and cancels it; check/
 * and the evaluators only poll it. The clock is injected so that tests need no waiting.
 */
public final class Deadline {

    /** No deadline: for tests and for work that is bounded otherwise (start-up validation). */
    public static final Deadline NONE = new Deadline(Long.MAX_VALUE, () -> 0L, null);

    private final long at;
    private final LongSupplier nanoClock;
    private final Duration limit;
    private volatile boolean cancelled;

    private Deadline(long at, LongSupplier nanoClock, Duration limit) {
        this.at = at;
        this.nanoClock = nanoClock;
        this.limit = limit;
    }

    public static Deadline after(Duration limit) {
        return after(limit, System::nanoTime);
    }

    public static Deadline after(Duration limit, LongSupplier nanoClock) {
        return new Deadline(nanoClock.getAsLong() + limit.toNanos(), nanoClock, limit);
    }

    /** The client went away: the work stops at the next {@link #check()}. */
    public void cancel() {
        if (limit != null) {  // NONE is shared: never cancelled
            cancelled = true;
        }
    }

    public boolean expired() {
        return cancelled || (limit != null && nanoClock.getAsLong() - at >= 0);
    }

    /** Throws {@link Exceeded} once the deadline has passed or the request was cancelled. */
    public void check() {
        if (expired()) {
            throw new Exceeded(cancelled ? "the request was cancelled (the client went away)"
                    : "the check took longer than " + limit.toMillis() + " ms, the limit; it was stopped");
        }
    }

    /** The work was stopped: nothing of it is kept. */
    public static final class Exceeded extends RuntimeException {
        public Exceeded(String message) {
            super(message, null, false, false);
        }
    }
}
