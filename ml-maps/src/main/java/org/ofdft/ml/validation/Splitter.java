package org.ofdft.ml.validation;

import java.util.List;
import java.util.SplittableRandom;

/** A cross-validation scheme: the train/test splits of n samples, deterministic for a given seed. */
@FunctionalInterface
public interface Splitter {

    List<Split> splits(int sampleCount);

    /** 0, 1, …, n−1 in a seeded Fisher–Yates order (Knuth, TAOCP vol. 2, Algorithm 3.4.2P). */
    static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
