package io.gradcheck;

import io.gradcheck.check.Seeds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Time and seeds for tests that store submissions: the same every run. The clock starts at {@link #START} and
 * moves one millisecond each time it is read, so that "newest first" still has an order; seeds count from
 * {@link #FIRST_SEED}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PinnedClockAndSeeds {

    public static final Instant START = Instant.parse("2026-11-22T12:00:00Z");
    public static final long FIRST_SEED = 1_000_000L;

    @Bean
    @Primary
    Clock pinnedClock() {
        return new TickingClock(START, Duration.ofMillis(1));
    }

    @Bean
    @Primary
    Seeds pinnedSeeds() {
        return Seeds.counting(FIRST_SEED);
    }

    /** A clock that advances by a fixed step at every reading: deterministic, yet never standing still. */
    static final class TickingClock extends Clock {
        private final AtomicLong readings = new AtomicLong();
        private final Instant start;
        private final Duration step;

        TickingClock(Instant start, Duration step) {
            this.start = start;
            this.step = step;
        }

        @Override
        public Instant instant() {
            return start.plus(step.multipliedBy(readings.getAndIncrement()));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
