package io.gradcheck.web;

import io.gradcheck.check.Checker;
import io.gradcheck.expr.Deadline;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Admission control for checks, which are CPU-bound: at most {@code concurrentChecks} run at once (about the
 * number of cores, so a running check is not slowed by twenty others), at most {@code checkQueue} wait up to
 * {@code queueWait} for a slot, and any further check is refused at once with a 503 and Retry-After, before it
 * has cost anything. Used by every endpoint that runs a check (stateless, per problem, submissions).
 *
 * <p>An admitted check gets its {@link Deadline} here, once it has a slot; while it runs, a watcher probes its
 * client's connection every {@link #PROBE_INTERVAL_MS} ms ({@link ClientConnection}) and cancels the deadline
 * when the client has gone, so that the engine stops at its next poll and the slot goes to someone who waits.
 */
@Component
public class CheckAdmission implements DisposableBean {

    static final long PROBE_INTERVAL_MS = 100;

    private final Semaphore slots;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final HttpLimits limits;
    private final Checker checker;
    private final Counter cancelled;
    private final Map<ClientConnection, Deadline> watched = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "check-disconnect-watcher");
        t.setDaemon(true);
        return t;
    });

    public CheckAdmission(HttpLimits limits, ObjectProvider<Checker> checker, ObjectProvider<MeterRegistry> meters) {
        this.limits = limits;
        this.slots = new Semaphore(limits.concurrentChecks(), true);
        this.checker = checker.getIfAvailable(Checker::new);
        this.cancelled = Counter.builder("gradcheck.checks.cancelled")
                .description("checks stopped because their client disconnected")
                .register(meters.getIfAvailable(SimpleMeterRegistry::new));
        watcher.scheduleWithFixedDelay(this::probe, PROBE_INTERVAL_MS, PROBE_INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code work} in a slot, under a deadline that starts now and is cancelled if the client goes away. */
    public <T> T admit(Function<Deadline, T> work) {
        if (!slots.tryAcquire()) {
            queue();
        }
        running.incrementAndGet();
        Deadline deadline = checker.deadline();
        ClientConnection connection = currentConnection();
        if (connection != null) {
            watched.put(connection, deadline);
        }
        try {
            return work.apply(deadline);
        } finally {
            if (connection != null) {
                watched.remove(connection);
                connection.release();
            }
            running.decrementAndGet();
            slots.release();
        }
    }

    /** Checks running now. */
    public int running() {
        return running.get();
    }

    /** Checks stopped so far because their client disconnected. */
    public long cancelled() {
        return (long) cancelled.count();
    }

    private void probe() {
        watched.forEach((connection, deadline) -> {
            try {
                if (connection.gone() && watched.remove(connection, deadline)) {
                    deadline.cancel();
                    cancelled.increment();
                }
            } catch (RuntimeException e) {
                // a probe must never end the watcher
            }
        });
    }

    private static ClientConnection currentConnection() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return ClientConnection.of(request);
        }
        return null;
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

    @Override
    public void destroy() {
        watcher.shutdownNow();
    }
}
