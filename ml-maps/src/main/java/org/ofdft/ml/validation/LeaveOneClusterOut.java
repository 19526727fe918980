package org.ofdft.ml.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * Leave-one-cluster-out cross-validation: the samples carry cluster labels 0 … k−1 and each cluster in
 * turn is the test set, so the model is judged on a region of descriptor space it has not seen (an honest
 * estimate of extrapolation, Meredig et al., Mol. Syst. Des. Eng. 3, 819 (2018)). Labels usually come from
 * {@link #byKMeans} on the descriptors.
 */
public final class LeaveOneClusterOut implements Splitter {

    private final int[] labels;
    private final int clusters;

    public LeaveOneClusterOut(int[] labels) {
        if (labels == null || labels.length == 0) {
            throw new IllegalArgumentException("cluster labels are empty");
        }
        int largest = -1;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("cluster label " + labels[i] + " of sample " + i + " is negative");
            }
            largest = Math.max(largest, labels[i]);
        }
        this.labels = labels.clone();
        this.clusters = largest + 1;
        if (clusters < 2) {
            throw new IllegalArgumentException("leave-one-cluster-out needs at least 2 clusters, got " + clusters);
        }
        int[] counts = new int[clusters];
        for (int label : labels) {
            counts[label]++;
        }
        for (int c = 0; c < clusters; c++) {
            if (counts[c] == 0) {
                throw new IllegalArgumentException("cluster " + c + " of 0 … " + (clusters - 1)
                        + " is empty; it would give an empty test set");
            }
        }
    }

    /** Clusters from k-means (k-means++ initialization, seeded) on the descriptors. */
    public static LeaveOneClusterOut byKMeans(double[][] descriptors, int clusters, long seed) {
        return new LeaveOneClusterOut(new KMeans(clusters, seed).fit(descriptors).labels());
    }

    public int clusterCount() {
        return clusters;
    }

    public int[] labels() {
        return labels.clone();
    }

    @Override
    public List<Split> splits(int sampleCount) {
        if (sampleCount != labels.length) {
            throw new IllegalArgumentException(labels.length + " cluster labels for " + sampleCount + " samples");
        }
        List<Split> splits = new ArrayList<>(clusters);
        for (int c = 0; c < clusters; c++) {
            int testSize = 0;
            for (int label : labels) {
                testSize += label == c ? 1 : 0;
            }
            int[] test = new int[testSize];
            int[] train = new int[sampleCount - testSize];
            int t = 0;
            int r = 0;
            for (int i = 0; i < sampleCount; i++) {
                if (labels[i] == c) {
                    test[t++] = i;
                } else {
                    train[r++] = i;
                }
            }
            splits.add(new Split(train, test));
        }
        return splits;
    }
}
