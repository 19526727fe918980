package org.ofdft.ml.kinetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.ofdft.ml.data.Dataset1D;
import org.ofdft.ml.data.GaussianWells;
import org.ofdft.ml.data.SnyderBox;
import org.ofdft.ml.regression.GaussianProcessHyperparameters;
import org.ofdft.ml.regression.GaussianProcessModel;
import org.ofdft.ml.regression.GaussianProcessRegression;

/**
 * Adaptive choice of training potentials for the ML kinetic functional: a Gaussian process of T_s over
 * the potential vectors (the only thing known about a candidate before solving it), with hyperparameters
 * maximizing the log marginal likelihood of the systems solved so far; each step solves the candidate of
 * largest predictive variance exactly and adds it (uncertainty sampling, cf. the adaptive design suggested
 * for this problem; Settles, "Active Learning Literature Survey" (2009), §3.1). The predictive variance
 * of a GP depends on the inputs and hyperparameters only, so the choice never uses unsolved targets.
 */
public final class ActiveLearning {

    /** Steps between maximizations of the log marginal likelihood. */
    static final int REOPTIMIZE = 10;

    private ActiveLearning() {
    }

    /**
     * Selects {@code total} potentials from {@code candidates}: the first {@code initial} at random
     * (seeded), the rest one at a time by largest GP predictive variance. Solved exactly with the sine-basis
     * reference ({@link SnyderBox#generate}); returns the training set in selection order.
     */
    public static Dataset1D select(List<GaussianWells> candidates, int electrons, int initial, int total, long seed,
                                   IntConsumer progress) {
        if (initial < 2 || total < initial || total > candidates.size()) {
            throw new IllegalArgumentException("active learning needs 2 ≤ initial ≤ total ≤ candidates ("
                    + candidates.size() + "), got initial " + initial + ", total " + total);
        }
        double[] points = SnyderBox.grid();
        double[][] pool = new double[candidates.size()][];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = candidates.get(i).sample(points);
        }
        boolean[] taken = new boolean[pool.length];
        List<GaussianWells> chosen = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        while (chosen.size() < initial) {
            int i = random.nextInt(pool.length);
            if (!taken[i]) {
                taken[i] = true;
                chosen.add(candidates.get(i));
            }
        }
        Dataset1D solved = SnyderBox.generate(chosen, electrons, SnyderBox.Discretization.SINE_BASIS, done -> { });
        progress.accept(chosen.size());
        GaussianProcessHyperparameters hyperparameters = new GaussianProcessHyperparameters(1.0, 30.0, 1e-4);
        int step = 0;
        while (chosen.size() < total) {
            double[] centred = centred(solved.kineticEnergies());
            // the likelihood is maximized every REOPTIMIZE steps (restarts included); in between the GP is
            // refitted with the last hyperparameters, one Cholesky factorization
            GaussianProcessRegression regression = step % REOPTIMIZE == 0
                    ? GaussianProcessRegression.optimized(hyperparameters, 2, seed + chosen.size())
                    : GaussianProcessRegression.fixed(hyperparameters);
            GaussianProcessModel gp = regression.fit(solved.externalPotentials(), centred);
            hyperparameters = gp.hyperparameters();
            step++;
            int best = -1;
            double largest = -1;
            for (int i = 0; i < pool.length; i++) {
                if (!taken[i]) {
                    double variance = gp.predictiveVariance(pool[i]);
                    if (variance > largest) {
                        largest = variance;
                        best = i;
                    }
                }
            }
            taken[best] = true;
            chosen.add(candidates.get(best));
            Dataset1D next = SnyderBox.generate(List.of(candidates.get(best)), electrons,
                    SnyderBox.Discretization.SINE_BASIS, done -> { });
            solved = append(solved, next);
            progress.accept(chosen.size());
        }
        return solved;
    }

    private static double[] centred(double[] values) {
        double mean = java.util.Arrays.stream(values).average().orElse(0);
        return java.util.Arrays.stream(values).map(v -> v - mean).toArray();
    }

    private static Dataset1D append(Dataset1D a, Dataset1D b) {
        int n = a.size() + b.size();
        double[][] potentials = new double[n][];
        double[][] densities = new double[n][];
        double[] energies = new double[n];
        double[] electrons = new double[n];
        double[] kinetic = new double[n];
        for (int i = 0; i < n; i++) {
            Dataset1D source = i < a.size() ? a : b;
            int row = i < a.size() ? i : i - a.size();
            potentials[i] = source.externalPotentials()[row];
            densities[i] = source.densities()[row];
            energies[i] = source.totalEnergies()[row];
            electrons[i] = source.numElectrons()[row];
            kinetic[i] = source.kineticEnergies()[row];
        }
        return new Dataset1D(a.grid(), potentials, densities, energies, electrons, kinetic, java.util.Map.of());
    }
}
