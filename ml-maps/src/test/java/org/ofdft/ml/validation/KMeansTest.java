package org.ofdft.ml.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KMeansTest {

    /** Three well-separated blobs of 20 points: k-means++ recovers them exactly, with repeatable labels. */
    static double[][] blobs() {
        double[][] centres = {{0, 0}, {10, 0}, {0, 10}};
        SplittableRandom random = new SplittableRandom(5);
        double[][] points = new double[60][];
        for (int i = 0; i < 60; i++) {
            double[] c = centres[i / 20];
            points[i] = new double[] {c[0] + random.nextDouble() - 0.5, c[1] + random.nextDouble() - 0.5};
        }
        return points;
    }

    @Test
    void recoversSeparatedClusters() {
        double[][] points = blobs();
        KMeans.Result result = new KMeans(3, 1).fit(points);
        int[] labels = result.labels();
        for (int blob = 0; blob < 3; blob++) {
            for (int i = blob * 20; i < blob * 20 + 20; i++) {
                assertEquals(labels[blob * 20], labels[i], "point " + i);
            }
        }
        assertEquals(3, java.util.Arrays.stream(labels).distinct().count());
        assertArrayEquals(labels, new KMeans(3, 1).fit(points).labels());
        // centroids are the blob means
        for (double[] centroid : result.centroids()) {
            double nearestCentre = Math.min(Math.hypot(centroid[0], centroid[1]),
                    Math.min(Math.hypot(centroid[0] - 10, centroid[1]), Math.hypot(centroid[0], centroid[1] - 10)));
            assertEquals(0.0, nearestCentre, 0.3);
        }
    }

    /** Leave-one-cluster-out on the blobs: three splits, each testing exactly one blob. */
    @Test
    void leaveOneClusterOutTestsEachClusterOnce() {
        double[][] points = blobs();
        LeaveOneClusterOut splitter = LeaveOneClusterOut.byKMeans(points, 3, 1);
        List<Split> splits = splitter.splits(60);
        assertEquals(3, splits.size());
        for (Split split : splits) {
            assertEquals(20, split.testSize());
            assertEquals(40, split.trainSize());
            int first = split.test()[0] / 20;
            for (int i : split.test()) {
                assertEquals(first, i / 20);
            }
        }
    }
}
