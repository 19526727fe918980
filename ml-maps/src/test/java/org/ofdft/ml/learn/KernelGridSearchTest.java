package org.ofdft.ml.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.ofdft.ml.regression.DenseCholesky;
import org.ofdft.ml.regression.GaussianKernel;
import org.ofdft.ml.regression.KernelRidgeCrossValidation;
import org.ofdft.ml.regression.KernelRidgeModel;
import org.ofdft.ml.regression.KernelRidgeRegression;
import org.ofdft.ml.regression.LaplacianKernel;

class KernelGridSearchTest {

    /** 80 noisy samples of a smooth function of 3 inputs. */
    private static double[][] features;
    private static double[] targets;

    static {
        SplittableRandom random = new SplittableRandom(11);
        features = new double[80][3];
        targets = new double[80];
        for (int i = 0; i < 80; i++) {
            for (int k = 0; k < 3; k++) {
                features[i][k] = random.nextDouble(-1, 1);
            }
            targets[i] = Math.sin(2 * features[i][0]) + features[i][1] * features[i][2] + 0.05 * random.nextGaussian();
        }
    }

    /** Kernel matrices handed in give the search on distances exactly: same folds, same reductions. */
    @Test
    void precomputedKernelMatricesScoreLikeTheDistanceSearch() {
        double[] sigmas = {0.3, 1.0, 3.0};
        double[] lambdas = {1e-6, 1e-3, 1e-1};
        GaussianKernel family = new GaussianKernel(1);
        KernelRidgeCrossValidation.Result reference = KernelRidgeCrossValidation.search(family, features, targets,
                sigmas, lambdas, 5, 9);
        int n = features.length;
        double[][] matrices = new double[sigmas.length][n * n];
        for (int s = 0; s < sigmas.length; s++) {
            GaussianKernel kernel = new GaussianKernel(sigmas[s]);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    matrices[s][i * n + j] = kernel.value(features[i], 0, features[j], 0, 3);
                }
            }
        }
        KernelRidgeCrossValidation.Result precomputed = KernelRidgeCrossValidation.searchPrecomputed(matrices, targets,
                sigmas, lambdas, 5, 9);
        assertEquals(reference.sigma(), precomputed.sigma());
        assertEquals(reference.lambda(), precomputed.lambda());
        for (int s = 0; s < sigmas.length; s++) {
            // the entries differ only by exp(−d²/2σ²) from d = ‖x − y‖ against from x and y directly
            assertArrayEquals(reference.meanAbsoluteError()[s], precomputed.meanAbsoluteError()[s],
                    1e-9 * reference.meanAbsoluteError()[s][0]);
        }
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> KernelRidgeCrossValidation.searchPrecomputed(new double[][] {new double[n * n]}, targets, sigmas,
                        lambdas, 5, 9));
        assertTrue(error.getMessage().contains("1 kernel matrices for 3 σ"), error.getMessage());
    }

    @Test
    void uncentredScoresEqualTheTridiagonalPathSearch() {
        // the same folds and score through two different solves: one Cholesky per (σ, λ, fold) here, one
        // tridiagonal reduction per (σ, fold) in the regression package. Two backward-stable solves of
        // (K + λI)α = y differ by up to ~cond·ε ≤ (‖K‖/λ)·ε ≈ (64 / 1e-6)·1.1e-16 ≈ 7e-9 relative at the
        // smallest λ here (measured 1.2e-9), hence 1e-8.
        double[] sigmas = {0.3, 1.0, 3.0};
        double[] lambdas = {1e-6, 1e-3, 1e-1};
        for (var family : new org.ofdft.ml.regression.DistanceKernel[] {new LaplacianKernel(1), new GaussianKernel(1)}) {
            KernelRidgeCrossValidation.Result reference = KernelRidgeCrossValidation.search(family, features, targets,
                    sigmas, lambdas, 5, 42);
            for (DenseCholesky solver : new DenseCholesky[] {DenseCholesky.fastest(), DenseCholesky.pureJava()}) {
                PairwiseDistances distances = PairwiseDistances.compute(features, family.metric());
                KernelRidgeCrossValidation.Result ours = KernelGridSearch.search(family, distances,
                        IntStream.range(0, 80).toArray(), targets, sigmas, lambdas, 5, 42, false, solver, (d, t) -> { });
                for (int s = 0; s < sigmas.length; s++) {
                    assertArrayEquals(reference.meanAbsoluteError()[s], ours.meanAbsoluteError()[s],
                            1e-8 * reference.meanAbsoluteError()[s][0], family + " " + solver.name());
                }
                assertEquals(reference.sigma(), ours.sigma());
                assertEquals(reference.lambda(), ours.lambda());
            }
        }
    }

    @Test
    void fittedModelEqualsTheRegressionPackagesKernelRidgeOnCentredTargets() {
        LaplacianKernel kernel = new LaplacianKernel(1.5);
        PairwiseDistances distances = PairwiseDistances.compute(features, kernel.metric());
        int[] training = IntStream.range(0, 60).toArray();
        int[] test = IntStream.range(60, 80).toArray();
        FittedKernelRidge ours = FittedKernelRidge.fit(kernel, 1e-4, distances, training, targets, true,
                DenseCholesky.fastest());
        double mean = IntStream.range(0, 60).mapToDouble(i -> targets[i]).average().getAsDouble();
        assertEquals(mean, ours.offset(), 1e-15);
        double[][] trainingRows = java.util.Arrays.copyOf(features, 60);
        double[] centred = IntStream.range(0, 60).mapToDouble(i -> targets[i] - mean).toArray();
        KernelRidgeModel reference = new KernelRidgeRegression(kernel, 1e-4).fit(trainingRows, centred);
        double[] predictions = ours.predict(distances, test);
        for (int i = 0; i < test.length; i++) {
            assertEquals(mean + reference.predict(features[test[i]]), predictions[i], 1e-10);
        }
    }

    @Test
    void aGridWithoutAPositiveDefinitePairIsAClearError() {
        double[][] duplicated = {{0.0}, {0.0}, {1.0}, {1.0}, {2.0}, {2.0}};
        double[] y = {1, 1, 2, 2, 3, 3};
        PairwiseDistances distances = PairwiseDistances.compute(duplicated, new GaussianKernel(1).metric());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KernelGridSearch.search(
                new GaussianKernel(1), distances, IntStream.range(0, 6).toArray(), y, new double[] {100.0},
                new double[] {1e-30}, 2, 1, true, DenseCholesky.pureJava(), (d, t) -> { }));
        assertTrue(e.getMessage().contains("use larger λ"), e.getMessage());
    }

    @Test
    void theKernelMustMatchTheDistances() {
        PairwiseDistances manhattan = PairwiseDistances.compute(features, new LaplacianKernel(1).metric());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KernelGridSearch.search(
                new GaussianKernel(1), manhattan, new int[] {0, 1, 2, 3}, targets, new double[] {1},
                new double[] {1e-3}, 2, 1, true, DenseCholesky.pureJava(), (d, t) -> { }));
        assertTrue(e.getMessage().contains("SQUARED_EUCLIDEAN"), e.getMessage());
    }
}
