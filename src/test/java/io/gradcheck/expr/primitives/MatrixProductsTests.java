package io.gradcheck.expr.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradcheck.expr.eval.Jets.BilinearMap;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fused kernels (value and tangent in one sweep) give what two plain accumulations give, and a large product
 * split over the cores gives what one thread gives, bit for bit.
 */
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

    @Test
    void aLargeProductSplitOverTheCoresEqualsItsPartsComputedSmall() {
        SplittableRandom r = new SplittableRandom(12);
        int k = 700;
        int m = 600; // k·m = 420,000 multiply-adds: over the parallel threshold
        assertThat((long) k * m).isGreaterThan(Ranges.PARALLEL_WORK);
        double[] a = random(k * m, r);
        double[] v = random(k, r);
        double[] t = random(k, r);

        // A v (rows split): each row against the same row alone as a 1 × k product, below the threshold
        double[] w = random(m, r);
        double[] whole = new double[k];
        MatrixProducts.product(k, m, 1).accumulate(a, w, whole);
        for (int i = 0; i < k; i++) {
            double[] row = java.util.Arrays.copyOfRange(a, i * m, (i + 1) * m);
            double[] one = new double[1];
            MatrixProducts.product(1, m, 1).accumulate(row, w, one);
            assertThat(whole[i]).isEqualTo(one[0]);
        }

        // Aᵀ v and its fused dual form (one result row, split in two halves of A's rows): each half as a small
        // product of its own, the second added last
        double[] plain = new double[m];
        MatrixProducts.transposedLeft(k, m, 1).accumulate(a, v, plain);
        double[] value = new double[m];
        double[] tangent = new double[m];
        MatrixProducts.transposedLeft(k, m, 1).accumulateRight(a, v, t, value, tangent);
        int half = k / 2 / MatrixProducts.BLOCK * MatrixProducts.BLOCK;
        double[][] halves = {halfOf(a, v, 0, half, m), halfOf(a, v, half, k, m)};
        double[][] tangentHalves = {halfOf(a, t, 0, half, m), halfOf(a, t, half, k, m)};
        for (int j = 0; j < m; j++) {
            assertThat(plain[j]).isEqualTo(halves[0][j] + halves[1][j]);
            assertThat(value[j]).isEqualTo(plain[j]);
            assertThat(tangent[j]).isEqualTo(tangentHalves[0][j] + tangentHalves[1][j]);
        }
    }

    /** Rows lo ≤ l < hi of a (k × m) combined with the same entries of v, by a product below the threshold. */
    private static double[] halfOf(double[] a, double[] v, int lo, int hi, int m) {
        double[] rows = java.util.Arrays.copyOfRange(a, lo * m, hi * m);
        double[] coefficients = java.util.Arrays.copyOfRange(v, lo, hi);
        assertThat((long) (hi - lo) * m).isLessThan(Ranges.PARALLEL_WORK);
        double[] r = new double[m];
        MatrixProducts.transposedLeft(hi - lo, m, 1).accumulate(rows, coefficients, r);
        return r;
    }
}
