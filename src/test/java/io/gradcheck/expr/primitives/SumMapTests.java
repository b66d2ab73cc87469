package io.gradcheck.expr.primitives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gradcheck.expr.Jet;
import io.gradcheck.expr.Shape;
import io.gradcheck.expr.eval.Jets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SumMapTests {

    /** Σ f(aₑ) gives, bit for bit, the numbers of mapping and then summing, for every pass (fused or not). */
    @Test
    void aSumOfAMapIsTheSumOfTheMappedEntries() {
        SplittableRandom random = new SplittableRandom(16);
        for (ScalarFunction f : new ScalarFunction[] {ScalarFunction.ABS, ScalarFunction.EXP, ScalarFunction.SIN}) {
            for (double[][] parts : new double[][][] {
                    {draw(random, 37)},
                    {draw(random, 37), null},
                    {draw(random, 37), draw(random, 37)},
                    {null, draw(random, 5)},
                    {draw(random, 37), draw(random, 37), draw(random, 37), null},
                    {draw(random, 37), draw(random, 37), draw(random, 37), draw(random, 37)}}) {
                Jet a = new Jet(Shape.vector(parts[0] == null ? 5 : 37), parts);
                Jet fused = Ops.sumMap(a, f);
                Jet mapped = Ops.map(a, f);
                for (int k = 0; k < parts.length; k++) {
                    double[] m = mapped.part(k);
                    double[] expected = m == null ? null : new double[] {Arrays.stream(m).reduce(0, Double::sum)};
                    assertThat(fused.part(k)).as("%s, %d parts, part %d", f, parts.length, k).isEqualTo(expected);
                }
                assertThat(fused.shape()).isEqualTo(Shape.SCALAR);
            }
        }
    }

    private static double[] draw(SplittableRandom random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextDouble(-2, 2);
        }
        v[n / 2] = 0; // abs's kink: its derivative there is the rule's (0), in both forms
        return v;
    }

    /** The fused loop is for one double or one dual pass; the other passes map, then sum. */
    @Test
    void theFusedLoopTakesOneOrTwoParts() {
        Jet nested = new Jet(Shape.vector(2), new double[][] {{1, 2}, {1, 0}, {0, 1}, null});
        assertThatThrownBy(() -> Jets.sumElementwise(nested, ScalarFunction.EXP))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
