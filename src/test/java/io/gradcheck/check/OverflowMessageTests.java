package io.gradcheck.check;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * A function that is defined but too large for doubles at every point is told as such (issue 15: det of a
 * 300 × 300 matrix answered "the domain looks empty"); one undefined at every point keeps its own message.
 */
class OverflowMessageTests {

    @Test
    void aValueBeyondDoublesEverywhereIsAnOverflowNotAnEmptyDomain() {
        assertThatThrownBy(Checks.of("exp(x)", "x").domain("x", 1000, 2000).part("x", null, "exp(x)")::run)
                .isInstanceOf(CheckException.class)
                .hasMessageContaining("the function's value overflows (is ±infinite, beyond about 1.8e308) at every "
                        + "sampled point").hasMessageNotContaining("domain looks empty");
    }

    @Test
    void aFunctionUndefinedEverywhereStillSaysTheDomainLooksEmpty() {
        assertThatThrownBy(Checks.of("ln(x)", "x").domain("x", -2, -1).part("x", null, "1/x")::run)
                .isInstanceOf(CheckException.class).hasMessageContaining("the domain looks empty");
    }
}
