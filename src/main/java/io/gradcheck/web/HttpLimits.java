package io.gradcheck.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * What the HTTP layer lets one client ask of the service (docs/limits.md). Every bound is refused with its own
 * problem type, so a client can tell which limit it met.
 *
 * @param concurrentChecks checks (stateless, per problem, submissions) running at once; 0 means the number of cores
 * @param checkQueue       checks that may wait for a free slot; beyond it, 503 with Retry-After at once
 * @param queueWait        how long a queued check waits for a slot before its 503
 * @param retryAfter       the Retry-After of a 503
 * @param bodyDeadline     time allowed to receive a whole request body (slow bodies are cut off with a 408)
 * @param maxBody          largest request body (413 beyond it)
 * @param practiceChecksPerMinute per client, on open per-problem practice checks (429 beyond it)
 */
@ConfigurationProperties("gradcheck.http")
public record HttpLimits(Integer concurrentChecks, Integer checkQueue, Duration queueWait, Duration retryAfter,
        Duration bodyDeadline, DataSize maxBody, Integer practiceChecksPerMinute) {

    public HttpLimits {
        concurrentChecks = concurrentChecks == null || concurrentChecks < 1
                ? Runtime.getRuntime().availableProcessors() : concurrentChecks;
        checkQueue = checkQueue == null ? 16 * concurrentChecks : Math.max(0, checkQueue);
        queueWait = queueWait == null ? Duration.ofSeconds(2) : queueWait;
        retryAfter = retryAfter == null ? Duration.ofSeconds(2) : retryAfter;
        bodyDeadline = bodyDeadline == null ? Duration.ofSeconds(10) : bodyDeadline;
        maxBody = maxBody == null ? DataSize.ofMegabytes(1) : maxBody;
        practiceChecksPerMinute = practiceChecksPerMinute == null ? 20 : practiceChecksPerMinute;
    }

    /** Whole seconds for a Retry-After header, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
