package org.ofdft.ml.regression;

/**
 * A stationary kernel k = φ(distance) with width σ: its kernel matrices are a function applied
 * element-wise to a distance matrix, which is what lets hyperparameter searches compute distances once.
 */
public sealed interface DistanceKernel extends Kernel permits GaussianKernel, LaplacianKernel {

    /** The width σ (bohr-like units of the features). */
    double sigma();

    /** The distance this kernel is a function of. */
    DistanceMetric metric();

    /** φ(distance), for a distance measured with {@link #metric()}. */
    double ofDistance(double distance);

    /** The same kernel family with another width. */
    DistanceKernel withSigma(double sigma);

    /** scikit-learn's {@code gamma} for the same kernel (KernelRidge(kernel='rbf' | 'laplacian')). */
    double sklearnGamma();

    @Override
    default double value(double[] a, int aOffset, double[] b, int bOffset, int d) {
        return ofDistance(metric().between(a, aOffset, b, bOffset, d));
    }

    /** K = φ(D) element-wise, in place over a distance matrix. */
    default void applyInPlace(double[] distances) {
        for (int i = 0; i < distances.length; i++) {
            distances[i] = ofDistance(distances[i]);
        }
    }

    @Override
    default double[] matrix(double[] a, int n, double[] b, int m, int d) {
        double[] k = metric().pairwise(a, n, b, m, d);
        applyInPlace(k);
        return k;
    }
}
