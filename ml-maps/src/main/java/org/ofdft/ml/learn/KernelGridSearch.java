package org.ofdft.ml.learn;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.ofdft.ml.regression.DenseCholesky;
import org.ofdft.ml.regression.DistanceKernel;
import org.ofdft.ml.regression.KernelRidgeCrossValidation;

/**
 * k-fold cross-validation of kernel ridge regression over a grid of widths σ and regularizations λ on a
 * precomputed {@link PairwiseDistances} matrix, with the folds of
 * {@link KernelRidgeCrossValidation#foldAssignment} and its score (mean absolute error pooled over all
 * held-out samples; +∞ where K + λI is not positive definite on some fold; ties go to the first pair in
 * grid order), and the same {@link KernelRidgeCrossValidation.Result}.
 *
 * <p>The difference is the solve: one Cholesky factorization of K + λI per (σ, λ, fold) with LAPACK
 * ({@link DenseCholesky}), instead of one tridiagonal reduction per (σ, fold) serving every λ. The
 * reduction ({@code dsytrd}, 4n³/3 flops) is half matrix–vector work and runs far below the machine's peak,
 * while the blocked, threaded Cholesky (n³/3) runs near it; for the few λ a QM7 grid needs this is the
 * cheaper of the two. Optionally each fold's targets are centred on that fold's
 * training mean (the held-out fold never informs its own prediction).
 */
public final class KernelGridSearch {

    /** Progress of a search: {@code done} of {@code total} (σ, fold) blocks finished. */
    @FunctionalInterface
    public interface Progress {
        void blocksDone(int done, int total);
    }

    private KernelGridSearch() {
    }

    /**
     * @param family   the kernel family (its σ is replaced by each grid value)
     * @param training indices of the samples to cross-validate on
     * @param targets  targets, indexed like {@code distances}
     * @param centre   centre each fold's targets on its training mean (as {@link FittedKernelRidge})
     * @param seed     seed of the fold assignment
     */
    public static KernelRidgeCrossValidation.Result search(DistanceKernel family, PairwiseDistances distances,
            int[] training, double[] targets, double[] sigmas, double[] lambdas, int folds, long seed,
            boolean centre, DenseCholesky solver, Progress progress) {
        if (family.metric() != distances.metric()) {
            throw new IllegalArgumentException("the " + family + " kernel needs " + family.metric()
                    + " distances, the matrix holds " + distances.metric());
        }
        KernelRidgeCrossValidation.requireGrid(sigmas, lambdas);
        int samples = training.length;
        int[] fold = KernelRidgeCrossValidation.foldAssignment(samples, folds, seed);
        int[] foldSize = new int[folds];
        for (int f : fold) {
            foldSize[f]++;
        }
        int largestTest = Arrays.stream(foldSize).max().getAsInt();
        int largestTraining = samples - Arrays.stream(foldSize).min().getAsInt();
        double[] kernelMatrix = new double[largestTraining * largestTraining];
        double[] factor = new double[largestTraining * largestTraining];
        double[] crossKernel = new double[largestTest * largestTraining];
        double[] alpha = new double[largestTraining];
        double[][] absoluteErrorSums = new double[sigmas.length][lambdas.length];
        int total = folds * sigmas.length;
        int done = 0;
        for (int f = 0; f < folds; f++) {
            final int heldOut = f;
            int[] foldTraining = IntStream.range(0, samples).filter(i -> fold[i] != heldOut)
                    .map(i -> training[i]).toArray();
            int[] foldTest = IntStream.range(0, samples).filter(i -> fold[i] == heldOut)
                    .map(i -> training[i]).toArray();
            int n = foldTraining.length;
            double offset = centre ? FittedKernelRidge.mean(targets, foldTraining) : 0.0;
            for (int s = 0; s < sigmas.length; s++) {
                DistanceKernel kernel = family.withSigma(sigmas[s]);
                FittedKernelRidge.fillKernel(kernel, distances, foldTraining, foldTraining, kernelMatrix, true);
                FittedKernelRidge.fillKernel(kernel, distances, foldTest, foldTraining, crossKernel, false);
                for (int l = 0; l < lambdas.length; l++) {
                    System.arraycopy(kernelMatrix, 0, factor, 0, n * n);
                    for (int i = 0; i < n; i++) {
                        factor[i * n + i] += lambdas[l];
                    }
                    if (!solver.factorInPlace(factor, n)) {
                        absoluteErrorSums[s][l] = Double.POSITIVE_INFINITY;
                        continue;
                    }
                    for (int i = 0; i < n; i++) {
                        alpha[i] = targets[foldTraining[i]] - offset;
                    }
                    solver.solveInPlace(factor, n, alpha);
                    double errorSum = 0;
                    for (int i = 0; i < foldTest.length; i++) {
                        double prediction = offset;
                        int row = i * n;
                        for (int j = 0; j < n; j++) {
                            prediction += crossKernel[row + j] * alpha[j];
                        }
                        errorSum += Math.abs(prediction - targets[foldTest[i]]);
                    }
                    absoluteErrorSums[s][l] += errorSum;
                }
                progress.blocksDone(++done, total);
            }
        }
        double[][] table = new double[sigmas.length][];
        int bestS = 0;
        int bestL = 0;
        for (int s = 0; s < sigmas.length; s++) {
            table[s] = Arrays.stream(absoluteErrorSums[s]).map(sum -> sum / samples).toArray();
            for (int l = 0; l < lambdas.length; l++) {
                if (table[s][l] < table[bestS][bestL]) {
                    bestS = s;
                    bestL = l;
                }
            }
        }
        if (!Double.isFinite(table[bestS][bestL])) {
            throw new IllegalArgumentException("no (σ, λ) of the grid gives a positive definite K + λI on every fold"
                    + " (λ up to " + Arrays.stream(lambdas).max().getAsDouble() + "); use larger λ");
        }
        return new KernelRidgeCrossValidation.Result(sigmas[bestS], lambdas[bestL], sigmas.clone(), lambdas.clone(),
                table);
    }
}
