package io.gradcheck.expr.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradcheck.expr.eval.Jets.BilinearMap;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fused kernels (value and tangent in one sweep) give what two plain accumulations give. */
class MatrixProductsTests {

    private static double[] random(int n, SplittableRandom r) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            // some exact zeros: the plain kernels skip them
            v[i] = r.nextInt(5) == 0 ? 0 : r.nextDouble(-2, 2);
        }
        return v;
    }

    @Test
    void fusedSweepsEqualTwoPlainOnesForEveryProductAndShape() {
        SplittableRandom r = new SplittableRandom(11);
        int[][] shapes = {{1, 1, 1}, {3, 4, 1}, {1, 5, 3}, {4, 1, 2}, {5, 6, 7}, {7, 3, 1}, {1, 9, 1}};
        for (int[] s : shapes) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            check(MatrixProducts.product(m, k, n), m * k, k * n, m * n, r);
            check(MatrixProducts.transposedLeft(k, m, n), k * m, k * n, m * n, r);
            check(MatrixProducts.transposedRight(m, k, n), m * k, n * k, m * n, r);
        }
    }

    private static void check(BilinearMap map, int aSize, int bSize, int outSize, SplittableRandom r) {
        double[] a0 = random(aSize, r);
        double[] a1 = random(aSize, r);
        double[] b0 = random(bSize, r);
        double[] b1 = random(bSize, r);

        double[] plain0 = new double[outSize];
        double[] plain1 = new double[outSize];
        map.accumulate(a0, b0, plain0);
        map.accumulate(a0, b1, plain1);
        double[] fused0 = new double[outSize];
        double[] fused1 = new double[outSize];
        map.accumulateRight(a0, b0, b1, fused0, fused1);
        assertThat(fused0).containsExactly(plain0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(fused1).containsExactly(plain1, org.assertj.core.data.Offset.offset(1e-12));

        plain0 = new double[outSize];
        plain1 = new double[outSize];
        map.accumulate(a0, b0, plain0);
        map.accumulate(a1, b0, plain1);
        fused0 = new double[outSize];
        fused1 = new double[outSize];
        map.accumulateLeft(a0, a1, b0, fused0, fused1);
        assertThat(fused0).containsExactly(plain0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(fused1).containsExactly(plain1, org.assertj.core.data.Offset.offset(1e-12));
    }
}
