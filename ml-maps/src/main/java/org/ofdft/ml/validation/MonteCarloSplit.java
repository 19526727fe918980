package org.ofdft.ml.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Monte Carlo cross-validation (repeated random sub-sampling): each repeat draws a fresh random test set of
 * round(fraction · n) samples (at least 1, at most n − 1) and trains on the rest; seeded, so repeatable.
 */
public record MonteCarloSplit(int repeats, double testFraction, long seed) implements Splitter {

    public MonteCarloSplit {
        if (repeats < 1) {
            throw new IllegalArgumentException("Monte Carlo cross-validation needs ≥ 1 repeat, got " + repeats);
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must lie in (0, 1), got " + testFraction);
        }
    }

    @Override
    public List<Split> splits(int sampleCount) {
        if (sampleCount < 2) {
            throw new IllegalArgumentException("Monte Carlo cross-validation needs at least 2 samples, got "
                    + sampleCount);
        }
        int testSize = (int) Math.min(sampleCount - 1, Math.max(1, Math.round(testFraction * sampleCount)));
        SplittableRandom random = new SplittableRandom(seed);
        List<Split> splits = new ArrayList<>(repeats);
        for (int r = 0; r < repeats; r++) {
            int[] order = Splitter.permutation(sampleCount, random);
            int[] test = Arrays.copyOfRange(order, 0, testSize);
            int[] train = Arrays.copyOfRange(order, testSize, sampleCount);
            Arrays.sort(test);
            Arrays.sort(train);
            splits.add(new Split(train, test));
        }
        return splits;
    }
}
