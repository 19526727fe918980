package org.ofdft.ml.learn;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.ofdft.ml.regression.DistanceMetric;
import org.ofdft.ml.regression.InputChecks;

/**
 * The distances between every pair of samples of a data set under one metric (n × n, row-major),
 * computed once (rows in parallel) so that every kernel width, fold and training size of a study reuses
 * them; kernel-matrix entries are then one function evaluation each.
 *
 * @param count  the number of samples n
 * @param metric the metric the distances were measured with
 * @param values d(x_i, x_j) at [i · n + j]; owned by this object, not copied (read-only)
 */
public record PairwiseDistances(int count, DistanceMetric metric, double[] values) {

    public PairwiseDistances {
        if (values.length != (long) count * count) {
            throw new IllegalArgumentException(values.length + " distances do not form a " + count + " × " + count
                    + " matrix");
        }
    }

    /** The distances between all rows of {@code features} (finite, rectangular; checked). */
    public static PairwiseDistances compute(double[][] features, DistanceMetric metric) {
        int d = InputChecks.requireFeatures(features, "features");
        int n = features.length;
        if ((long) n * n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(n + " samples: the " + n + " × " + n + " distance matrix does not fit"
                    + " in one Java array (at most 46340 samples)");
        }
        double[] rows = InputChecks.flatten(features);
        double[] values = new double[n * n];
        // row i computes j ≥ i; the strided work is balanced by pairing short and long rows
        IntStream.range(0, (n + 1) / 2).parallel().forEach(pair -> {
            fillRow(pair, rows, n, d, metric, values);
            int partner = n - 1 - pair;
            if (partner != pair) {
                fillRow(partner, rows, n, d, metric, values);
            }
        });
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                values[i * n + j] = values[j * n + i];
            }
        }
        return new PairwiseDistances(n, metric, values);
    }

    private static void fillRow(int i, double[] rows, int n, int d, DistanceMetric metric, double[] values) {
        for (int j = i; j < n; j++) {
            values[i * n + j] = metric.between(rows, i * d, rows, j * d, d);
        }
    }

    /** d(x_i, x_j). */
    public double get(int i, int j) {
        return values[i * count + j];
    }

    /**
     * The median distance between distinct samples among {@code samples} (the first {@code limit} of them
     * at most): the scale of a default kernel-width grid. For the squared Euclidean metric the median of
     * ‖x − x'‖ (not squared) is returned, the scale of the Gaussian σ.
     */
    public double medianDistance(int[] samples, int limit) {
        int m = Math.min(samples.length, limit);
        if (m < 2) {
            throw new IllegalArgumentException("a median distance needs at least 2 samples, got " + m);
        }
        double[] pairs = new double[m * (m - 1) / 2];
        int k = 0;
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < a; b++) {
                pairs[k++] = get(samples[a], samples[b]);
            }
        }
        Arrays.sort(pairs);
        double median = pairs.length % 2 == 1 ? pairs[pairs.length / 2]
                : 0.5 * (pairs[pairs.length / 2 - 1] + pairs[pairs.length / 2]);
        return metric == DistanceMetric.SQUARED_EUCLIDEAN ? Math.sqrt(median) : median;
    }
}
