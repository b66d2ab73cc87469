package io.gradcheck.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Open practice checks are an oracle: each answers "is this right?" without using an attempt. A token bucket per
 * client (Bucket4j) allows {@code practiceChecksPerMinute}, refilled evenly over the minute; beyond it a 429 with
 * Retry-After. A client is its address as the server sees it (behind a proxy, configure
 * server.forward-headers-strategy so that it is the learner's). The table forgets everyone when it passes
 * {@link #MAX_CLIENTS}, which bounds its memory and at worst gives a full bucket early.
 */
@Component
public class PracticeRateLimit {

    static final int MAX_CLIENTS = 50_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int perMinute;

    public PracticeRateLimit(HttpLimits limits) {
        this.perMinute = limits.practiceChecksPerMinute();
    }

    public void take(HttpServletRequest request) {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(request.getRemoteAddr(), client -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1))
                        .build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw new RateLimited(perMinute + " practice checks a minute per client is the limit; retry in "
                    + seconds + " s, or submit", seconds);
        }
    }

    /** Over the rate: a 429 with Retry-After. */
    public static class RateLimited extends RuntimeException {
        private final long retryAfterSeconds;

        RateLimited(String message, long retryAfterSeconds) {
            super(message);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
