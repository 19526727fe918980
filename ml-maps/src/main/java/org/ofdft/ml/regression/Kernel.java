package org.ofdft.ml.regression;

/**
 * A positive-(semi)definite kernel k(x, x') on feature vectors. Rows are passed as (array, offset) into
 * row-major storage so that the hot loops of kernel methods never copy or allocate.
 */
public sealed interface Kernel permits DistanceKernel, PolynomialKernel {

    /** k(a[aOffset ..], b[bOffset ..]) for vectors of length d. */
    double value(double[] a, int aOffset, double[] b, int bOffset, int d);

    /**
     * Returns k(x, b_j) and adds weight · ∂k(x, b_j)/∂x into {@code gradient}, for the row b_j at
     * b[bOffset ..]; the sum over training rows of these terms is the gradient of a kernel expansion.
     */
    double valueAndAddGradient(double[] x, double[] b, int bOffset, double weight, double[] gradient);

    /** The kernel matrix K_ij = k(a_i, b_j), n × m row-major. */
    default double[] matrix(double[] a, int n, double[] b, int m, int d) {
        double[] k = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                k[i * m + j] = value(a, i * d, b, j * d, d);
            }
        }
        return k;
    }
}
