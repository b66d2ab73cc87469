package io.gradcheck.expr.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradcheck.expr.Fixtures;
import io.gradcheck.expr.Tensor;
import io.gradcheck.expr.parse.ParsedExpression;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FiniteDifferenceTests {

    @Test
    void richardsonRefinementIsAccurateAndItsErrorEstimateBoundsTheTrueError() {
        ParsedExpression f = Fixtures.parse("sin(3 s) exp(s)", "s");
        for (double s : new double[] {-1.2, 0.1, 0.9}) {
            double exact = (3 * Math.cos(3 * s) + Math.sin(3 * s)) * Math.exp(s);
            FiniteDifference.Estimate e = FiniteDifference.directional(f.root(), Map.of("s", Tensor.scalar(s)), "s",
                    Tensor.scalar(1), FiniteDifference.DEFAULT_STEP);
            double trueError = Math.abs(e.derivative()[0] - exact);
            assertThat(trueError).isLessThan(1e-9);
            assertThat(e.error()[0]).isGreaterThanOrEqualTo(trueError);
        }
    }

    @Test
    void aKinkInsideTheStencilShowsAsALargeErrorEstimate() {
        // |s| at s = 1e-4 with step 1e-3: the difference straddles the kink and cannot be trusted
        ParsedExpression f = Fixtures.parse("abs(s)", "s");
        FiniteDifference.Estimate e = FiniteDifference.directional(f.root(), Map.of("s", Tensor.scalar(1e-4)), "s",
                Tensor.scalar(1), FiniteDifference.DEFAULT_STEP);
        assertThat(e.error()[0]).isGreaterThan(0.01);
    }
}
