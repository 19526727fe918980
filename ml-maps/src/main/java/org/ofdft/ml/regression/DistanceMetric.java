package org.ofdft.ml.regression;

/** The distances that the stationary kernels are functions of. */
public enum DistanceMetric {
    /** ‖a − b‖₂², for the Gaussian kernel. */
    SQUARED_EUCLIDEAN,
    /** ‖a − b‖₁ (Manhattan), for the Laplacian kernel. */
    MANHATTAN;

    /** The distance between rows a[aOffset ..] and b[bOffset ..] of length d. */
    public double between(double[] a, int aOffset, double[] b, int bOffset, int d) {
        double sum = 0;
        if (this == SQUARED_EUCLIDEAN) {
            for (int k = 0; k < d; k++) {
                double difference = a[aOffset + k] - b[bOffset + k];
                sum += difference * difference;
            }
        } else {
            for (int k = 0; k < d; k++) {
                sum += Math.abs(a[aOffset + k] - b[bOffset + k]);
            }
        }
        return sum;
    }

    /**
     * The distances between every row of {@code a} (n × d, row-major) and every row of {@code b} (m × d):
     * an n × m row-major matrix. Computed once per data set and reused for every kernel width.
     */
    public double[] pairwise(double[] a, int n, double[] b, int m, int d) {
        double[] distances = new double[n * m];
        boolean symmetric = a == b && n == m;
        for (int i = 0; i < n; i++) {
            int start = symmetric ? i : 0;
            for (int j = start; j < m; j++) {
                double value = between(a, i * d, b, j * d, d);
                distances[i * m + j] = value;
                if (symmetric) {
                    distances[j * m + i] = value;
                }
            }
        }
        return distances;
    }
}
