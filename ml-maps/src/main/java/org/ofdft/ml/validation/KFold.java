package org.ofdft.ml.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * k-fold cross-validation: the (optionally shuffled) samples are cut into k consecutive folds, the first
 * n mod k of size ⌊n/k⌋ + 1 and the rest ⌊n/k⌋; each fold is the test set once. Unshuffled, the folds are
 * scikit-learn's {@code KFold(n_splits=k, shuffle=False)}; shuffled, the order comes from a seeded
 * {@link SplittableRandom} (not NumPy's generator, so shuffled folds differ from scikit-learn's).
 */
public record KFold(int folds, boolean shuffle, long seed) implements Splitter {

    public KFold {
        if (folds < 2) {
            throw new IllegalArgumentException("k-fold cross-validation needs at least 2 folds, got " + folds);
        }
    }

    /** Unshuffled k folds. */
    public KFold(int folds) {
        this(folds, false, 0);
    }

    @Override
    public List<Split> splits(int sampleCount) {
        if (folds > sampleCount) {
            throw new IllegalArgumentException("more folds (" + folds + ") than samples (" + sampleCount
                    + "); use at most " + sampleCount + " folds");
        }
        int[] order = new int[sampleCount];
        if (shuffle) {
            order = Splitter.permutation(sampleCount, new SplittableRandom(seed));
        } else {
            for (int i = 0; i < sampleCount; i++) {
                order[i] = i;
            }
        }
        List<Split> splits = new ArrayList<>(folds);
        int start = 0;
        for (int fold = 0; fold < folds; fold++) {
            int size = sampleCount / folds + (fold < sampleCount % folds ? 1 : 0);
            int[] test = Arrays.copyOfRange(order, start, start + size);
            int[] train = new int[sampleCount - size];
            System.arraycopy(order, 0, train, 0, start);
            System.arraycopy(order, start + size, train, start, sampleCount - start - size);
            if (shuffle) {
                Arrays.sort(test);
                Arrays.sort(train);
            }
            splits.add(new Split(train, test));
            start += size;
        }
        return splits;
    }
}
