package io.gradcheck.check;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the seed of a check comes from when the caller gives none. Injected, so that tests can pin it; a seed
 * stays below 2^53 so that it survives a round trip through JSON numbers.
 */
@FunctionalInterface
public interface Seeds {

    long next();

    /** Fresh random seeds: the service's default. */
    static Seeds random() {
        return () -> ThreadLocalRandom.current().nextLong(1L << 53);
    }

    /** first, first + 1, first + 2, …: reproducible runs for tests. */
    static Seeds counting(long first) {
        AtomicLong next = new AtomicLong(first);
        return next::getAndIncrement;
    }
}
