package io.gradcheck.web;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Admission control for checks, which are CPU-bound: at most {@code concurrentChecks} run at once (about the
 * number of cores, so a running check is not slowed by twenty others), at most {@code checkQueue} wait up to
 * {@code queueWait} for a slot, and any further check is refused at once with a 503 and Retry-After, before it
 * has cost anything. Used by every endpoint that runs a check (stateless, per problem, submissions).
 */
@Component
public class CheckAdmission {

    private final Semaphore slots;
    private final AtomicInteger waiting = new AtomicInteger();
    private final HttpLimits limits;

    public CheckAdmission(HttpLimits limits) {
        this.limits = limits;
        this.slots = new Semaphore(limits.concurrentChecks(), true);
    }

    public <T> T admit(Supplier<T> work) {
        if (!slots.tryAcquire()) {
            queue();
        }
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }

    private void queue() {
        if (waiting.incrementAndGet() > limits.checkQueue()) {
            waiting.decrementAndGet();
            throw overloaded();
        }
        try {
            if (!slots.tryAcquire(limits.queueWait().toNanos(), TimeUnit.NANOSECONDS)) {
                throw overloaded();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw overloaded();
        } finally {
            waiting.decrementAndGet();
        }
    }

    private Overloaded overloaded() {
        return new Overloaded(limits.concurrentChecks() + " checks are running and " + limits.checkQueue()
                + " waiting, the most this server takes at once; retry in " + limits.retryAfterSeconds() + " s",
                limits.retryAfterSeconds());
    }
}
