package io.gradcheck.expr.primitives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * A large kernel split over the cores runs every index once, on whichever thread, and its failures reach the
 * caller.
 */
class RangesTests {

    @Test
    void everyIndexOfALargeKernelRunsExactlyOnce() {
        for (int count : new int[] {1, 2, 3, 7, 1000, 4099}) {
            AtomicIntegerArray runs = new AtomicIntegerArray(count);
            for (int round = 0; round < 200; round++) {
                Ranges.run(count, Ranges.PARALLEL_WORK, (from, to) -> {
                    for (int i = from; i < to; i++) {
                        runs.incrementAndGet(i);
                    }
                });
            }
            for (int i = 0; i < count; i++) {
                assertThat(runs.get(i)).as("index %d of %d", i, count).isEqualTo(200);
            }
        }
    }

    @Test
    void aSmallKernelStaysOnTheCallingThread() {
        Thread caller = Thread.currentThread();
        Ranges.run(1000, Ranges.PARALLEL_WORK - 1, (from, to) -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            assertThat(from).isZero();
            assertThat(to).isEqualTo(1000);
        });
    }

    @Test
    void aFailingPartFailsTheCallWhoeverRanIt() {
        for (int round = 0; round < 100; round++) {
            assertThatThrownBy(() -> Ranges.run(1000, Ranges.PARALLEL_WORK, (from, to) -> {
                if (to == 1000) {
                    throw new IllegalStateException("the last part failed");
                }
            })).isInstanceOf(IllegalStateException.class).hasMessage("the last part failed");
        }
    }
}
