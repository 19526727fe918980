package org.ofdft.ml.validation;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ofdft.ml.regression.InputChecks;

/**
 * k-means clustering (Lloyd's algorithm) with k-means++ seeding: each further initial centre is drawn with
 * probability proportional to the squared distance to the nearest centre chosen so far (Arthur &
 * Vassilvitskii, SODA 2007, §2.2). Seeded, so repeatable. An empty cluster is an error rather than being
 * silently re-seeded, because leave-one-cluster-out validation would then have an empty test set.
 */
public record KMeans(int clusters, int maxIterations, long seed) {

    /** Cluster centres, the cluster of every sample, and the within-cluster sum of squares. */
    public record Result(double[][] centroids, int[] labels, double inertia, int iterations) {
    }

    public KMeans {
        if (clusters < 1) {
            throw new IllegalArgumentException("k-means needs at least 1 cluster, got " + clusters);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("k-means maxIterations must be ≥ 1, got " + maxIterations);
        }
    }

    public KMeans(int clusters, long seed) {
        this(clusters, 300, seed);
    }

    public Result fit(double[][] points) {
        int d = InputChecks.requireFeatures(points, "k-means points");
        int n = points.length;
        if (clusters > n) {
            throw new IllegalArgumentException("k-means: more clusters (" + clusters + ") than points (" + n + ")");
        }
        double[][] centroids = initialCentroids(points, d);
        int[] labels = new int[n];
        Arrays.fill(labels, -1);
        int[] counts = new int[clusters];
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                int nearest = nearest(points[i], centroids);
                if (nearest != labels[i]) {
                    labels[i] = nearest;
                    changed = true;
                }
            }
            Arrays.fill(counts, 0);
            for (double[] centroid : centroids) {
                Arrays.fill(centroid, 0);
            }
            for (int i = 0; i < n; i++) {
                counts[labels[i]]++;
                for (int j = 0; j < d; j++) {
                    centroids[labels[i]][j] += points[i][j];
                }
            }
            for (int c = 0; c < clusters; c++) {
                if (counts[c] == 0) {
                    throw new IllegalArgumentException("k-means: cluster " + c + " became empty at iteration "
                            + iteration + " (k = " + clusters + " is too many for these " + n + " points; use fewer"
                            + " clusters or another seed)");
                }
                for (int j = 0; j < d; j++) {
                    centroids[c][j] /= counts[c];
                }
            }
            if (!changed) {
                return new Result(centroids, labels, inertia(points, centroids, labels), iteration);
            }
        }
        return new Result(centroids, labels, inertia(points, centroids, labels), maxIterations);
    }

    private double[][] initialCentroids(double[][] points, int d) {
        int n = points.length;
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centroids = new double[clusters][];
        centroids[0] = points[random.nextInt(n)].clone();
        double[] nearestSquared = new double[n];
        for (int i = 0; i < n; i++) {
            nearestSquared[i] = squaredDistance(points[i], centroids[0]);
        }
        for (int c = 1; c < clusters; c++) {
            double total = 0;
            for (double value : nearestSquared) {
                total += value;
            }
            if (!(total > 0)) {
                throw new IllegalArgumentException("k-means: only " + c + " distinct points for " + clusters
                        + " clusters; a cluster would be empty");
            }
            double target = random.nextDouble() * total;
            int chosen = n - 1;
            double cumulative = 0;
            for (int i = 0; i < n; i++) {
                cumulative += nearestSquared[i];
                if (cumulative > target && nearestSquared[i] > 0) {
                    chosen = i;
                    break;
                }
            }
            centroids[c] = points[chosen].clone();
            for (int i = 0; i < n; i++) {
                nearestSquared[i] = Math.min(nearestSquared[i], squaredDistance(points[i], centroids[c]));
            }
        }
        return centroids;
    }

    private static int nearest(double[] point, double[][] centroids) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            double distance = squaredDistance(point, centroids[c]);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = c;
            }
        }
        return best;
    }

    private static double inertia(double[][] points, double[][] centroids, int[] labels) {
        double sum = 0;
        for (int i = 0; i < points.length; i++) {
            sum += squaredDistance(points[i], centroids[labels[i]]);
        }
        return sum;
    }

    private static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            double difference = a[j] - b[j];
            sum += difference * difference;
        }
        return sum;
    }
}
