package org.ofdft.ml.hk;

import java.util.Arrays;
import org.ofdft.ml.regression.KernelRidgeCrossValidation;
import org.ofdft.ml.regression.KernelRidgePath;

/**
 * Kernel ridge regression of an energy on periodic densities with the space-group-averaged Gaussian kernel
 * of {@link SpaceGroupDensityKernel}: E^ML[n] = Σ_i α_i k̄_σ(n, n_i), α = (K̄ + λI)⁻¹ y. The widths searched
 * are multiples of the median over training pairs of min_g ‖n_i − g n_j‖ (the distance the kernel sees
 * between the closest images), so the grid adapts to the system's size and displacement amplitude.
 */
public final class SymmetricEnergyModel implements DensityEnergyModel {

    private final SpaceGroupDensityKernel kernel;
    private final double sigma;
    private final double lambda;
    private final double[][] trainingCoefficients;
    private final double[] dualCoefficients;

    /** A fitted model: training densities as the kernel's plane-wave coefficients, and α. */
    public SymmetricEnergyModel(SpaceGroupDensityKernel kernel, double sigma, double lambda,
                                double[][] trainingCoefficients, double[] dualCoefficients) {
        if (trainingCoefficients.length != dualCoefficients.length) {
            throw new IllegalArgumentException(trainingCoefficients.length + " training densities but "
                    + dualCoefficients.length + " dual coefficients");
        }
        for (double[] row : trainingCoefficients) {
            if (row.length != 2 * kernel.planeWaves()) {
                throw new IllegalArgumentException("training density with " + row.length / 2 + " plane waves, the "
                        + "kernel keeps " + kernel.planeWaves());
            }
        }
        this.kernel = kernel;
        this.sigma = sigma;
        this.lambda = lambda;
        this.trainingCoefficients = trainingCoefficients;
        this.dualCoefficients = dualCoefficients;
    }

    /**
     * Chooses σ = factor × (median closest-image distance) and λ by k-fold CV on the training set (mean
     * absolute error) and fits at the best pair; if K̄ + λI of the whole set is not positive definite to
     * working precision there, at the next best.
     */
    public static SymmetricEnergyModel fit(SpaceGroupDensityKernel kernel, double[][] densities, double[] targets,
                                           double[] widthFactors, double[] lambdas, int folds, long seed) {
        if (densities.length != targets.length) {
            throw new IllegalArgumentException(densities.length + " densities but " + targets.length + " energies");
        }
        double[][] coefficients = new double[densities.length][];
        for (int i = 0; i < densities.length; i++) {
            coefficients[i] = kernel.coefficients(densities[i]);
        }
        double scale = kernel.medianMinimumDistance(coefficients);
        if (!(scale > 0)) {
            throw new IllegalArgumentException("the training densities are all symmetric images of each other "
                    + "(median closest-image distance " + scale + "): nothing to learn");
        }
        double[] sigmas = Arrays.stream(widthFactors).map(f -> f * scale).toArray();
        double[][] matrices = kernel.kernelMatrices(coefficients, coefficients, sigmas, true);
        KernelRidgeCrossValidation.Result cv = KernelRidgeCrossValidation.searchPrecomputed(matrices, targets, sigmas,
                lambdas, folds, seed);
        return KernelRidgeCrossValidation.firstPositiveDefinite(cv, targets.length, (sigma, lambda) ->
                new SymmetricEnergyModel(kernel, sigmas[sigma], lambdas[lambda], coefficients,
                        new KernelRidgePath(matrices[sigma].clone(), targets).dualCoefficients(lambdas[lambda])));
    }

    @Override
    public double predict(double[] density) {
        double[] row = kernel.kernelMatrices(new double[][] {kernel.coefficients(density)}, trainingCoefficients,
                new double[] {sigma}, false)[0];
        double energy = 0;
        for (int j = 0; j < row.length; j++) {
            energy += row[j] * dualCoefficients[j];
        }
        return energy;
    }

    public SpaceGroupDensityKernel kernel() {
        return kernel;
    }

    public double sigma() {
        return sigma;
    }

    public double lambda() {
        return lambda;
    }

    /** The training densities' plane-wave coefficients (a copy). */
    public double[][] trainingCoefficients() {
        return Arrays.stream(trainingCoefficients).map(double[]::clone).toArray(double[][]::new);
    }

    public double[] dualCoefficients() {
        return dualCoefficients.clone();
    }
}
