package io.gradcheck.web;

import io.gradcheck.check.Checker;
import io.gradcheck.expr.Deadline;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Logger log = LoggerFactory.getLogger(CheckAdmission.class);

    private final Semaphore slots;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    /** Notified when a check starts, ends or is cancelled (see {@link #awaitUntil}). */
    private final Object changes = new Object();
    private final HttpLimits limits;
    private final Checker checker;
    private final Counter cancelled;
    private final Timer cpu;
    private final DistributionSummary allocated;
    private volatile Cost last = new Cost(0, 0);
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
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        this.cancelled = Counter.builder("gradcheck.checks.cancelled")
                .description("checks stopped because their client disconnected").register(registry);
        this.cpu = Timer.builder("gradcheck.checks.cpu").description("CPU time of each admitted check's thread")
                .register(registry);
        this.allocated = DistributionSummary.builder("gradcheck.checks.allocated").baseUnit("bytes")
                .description("bytes allocated by each admitted check's thread").register(registry);
        watcher.scheduleWithFixedDelay(this::probe, PROBE_INTERVAL_MS, PROBE_INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code work} in a slot, under a deadline that starts now and is cancelled if the client goes away. */
    public <T> T admit(Function<Deadline, T> work) {
        if (!slots.tryAcquire()) {
            queue();
        }
        running.incrementAndGet();
        changed();
        long cpuBefore = threadCpu();
        long allocatedBefore = threadAllocated();
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
            last = new Cost(threadCpu() - cpuBefore, threadAllocated() - allocatedBefore);
            cpu.record(last.cpuNanos(), TimeUnit.NANOSECONDS);
            allocated.record(last.allocatedBytes());
            running.decrementAndGet();
            slots.release();
            changed();
        }
    }

    /**
     * What the last admitted check cost its thread: CPU time, and bytes allocated (an upper bound of the heap it
     * could hold). Recorded for every check as gradcheck.checks.cpu and gradcheck.checks.allocated.
     */
    public record Cost(long cpuNanos, long allocatedBytes) {
    }

    public Cost lastCost() {
        return last;
    }

    private static long threadCpu() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    private static long threadAllocated() {
        return THREADS instanceof com.sun.management.ThreadMXBean hotspot
                ? hotspot.getThreadAllocatedBytes(Thread.currentThread().getId()) : 0;
    }

    /** Checks running now. */
    public int running() {
        return running.get();
    }

    /** Checks stopped so far because their client disconnected. */
    public long cancelled() {
        return (long) cancelled.count();
    }

    /**
     * Waits until {@code condition} (of {@link #running()} and {@link #cancelled()}) holds, woken by each check
     * that starts, ends or is cancelled rather than by polling; false if {@code timeout} passes first.
     */
    public boolean awaitUntil(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        synchronized (changes) {
            while (!condition.getAsBoolean()) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(changes, left);
            }
            return true;
        }
    }

    private void changed() {
        synchronized (changes) {
            changes.notifyAll();
        }
    }

    private void probe() {
        watched.forEach((connection, deadline) -> {
            try {
                if (connection.gone() && watched.remove(connection, deadline)) {
                    deadline.cancel();
                    // logged before it is counted: whoever waits for the count finds the line written
                    log.info("check cancelled: its client closed the connection");
                    cancelled.increment();
                    changed();
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
