package io.gradcheck.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DeadlineTests {

    private final AtomicLong now = new AtomicLong(1_000);

    @Test
    void passesUntilTheTimeIsUpThenStopsTheWork() {
        Deadline d = Deadline.after(Duration.ofMillis(5), now::get);
        now.addAndGet(4_999_999);
        d.check();
        assertThat(d.expired()).isFalse();
        now.addAndGet(1);
        assertThatThrownBy(d::check).isInstanceOf(Deadline.Exceeded.class).hasMessageContaining("5 ms");
    }

    @Test
    void aCancelledRequestStopsAtOnce() {
        Deadline d = Deadline.after(Duration.ofSeconds(5), now::get);
        d.cancel();
        assertThatThrownBy(d::check).isInstanceOf(Deadline.Exceeded.class).hasMessageContaining("cancelled");
    }

    @Test
    void noneNeverExpires() {
        Deadline.NONE.check();
        assertThat(Deadline.NONE.expired()).isFalse();
    }
}
