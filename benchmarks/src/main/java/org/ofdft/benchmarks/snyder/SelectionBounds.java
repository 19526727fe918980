package org.ofdft.benchmarks.snyder;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.ofdft.ml.data.Dataset1D;
import org.ofdft.ml.kinetic.KineticModelEvaluation;
import org.ofdft.ml.kinetic.KineticModelTraining;
import org.ofdft.ml.kinetic.MlKineticFunctional;

/**
 * What any choice of training potentials from a candidate pool could reach: two selections that look at what
 * an active learner cannot know before solving a candidate — its exact density (greedy farthest-point
 * sampling in density space, the coverage the Gaussian kernel on densities rewards) and its exact error under
 * the current model (greedy largest |ΔT|, retrained after every pick, σ and λ by 5-fold CV every 10 picks).
 * They bound the active-learning target from above: a rule that knows less should not do better. Starts
 * from the same 10 random candidates as {@link org.ofdft.ml.kinetic.ActiveLearning} (seeded the same way).
 */
final class SelectionBounds {

    /** Selection order of the two bounds. */
    enum Rule { FARTHEST_DENSITY, LARGEST_ERROR }

    private SelectionBounds() {
    }

    /**
     * Indices into {@code pool} (solved candidates), {@code total} of them: the first {@code initial} drawn as
     * {@code ActiveLearning.select} draws them with {@code seed}, the rest by {@code rule}.
     */
    static int[] select(Dataset1D pool, int initial, int total, long seed, Rule rule) {
        int size = pool.size();
        boolean[] taken = new boolean[size];
        List<Integer> chosen = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        while (chosen.size() < initial) {
            int i = random.nextInt(size);
            if (!taken[i]) {
                taken[i] = true;
                chosen.add(i);
            }
        }
        double[][] densities = pool.densities();
        double[] nearest = new double[size];
        java.util.Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        for (int c : chosen) {
            updateNearest(densities, c, nearest);
        }
        double sigma = 40;
        double lambda = 1e-12;
        while (chosen.size() < total) {
            double[] score = nearest;
            if (rule == Rule.LARGEST_ERROR) {
                Dataset1D training = pool.subset(chosen.stream().mapToInt(Integer::intValue).toArray());
                if (chosen.size() % 10 == 0) {
                    KineticModelTraining.Trained cv = KineticModelTraining.train(training,
                            MlKineticFunctional.Baseline.NONE, KineticModelTraining.DEFAULT_SIGMAS,
                            KineticModelTraining.DEFAULT_LAMBDAS, 5, 7);
                    sigma = cv.crossValidation().sigma();
                    lambda = cv.crossValidation().lambda();
                }
                MlKineticFunctional model = KineticModelTraining.fit(training, MlKineticFunctional.Baseline.NONE,
                        sigma, lambda).functional();
                score = KineticModelEvaluation.evaluate(model, null, pool, null, done -> { }).kineticErrors();
            }
            int best = -1;
            for (int i = 0; i < size; i++) {
                if (!taken[i] && (best < 0 || Math.abs(score[i]) > Math.abs(score[best]))) {
                    best = i;
                }
            }
            taken[best] = true;
            chosen.add(best);
            updateNearest(densities, best, nearest);
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    /** nearest[i] ← min(nearest[i], ‖n_i − n_c‖²). */
    private static void updateNearest(double[][] densities, int c, double[] nearest) {
        IntStream.range(0, densities.length).parallel().forEach(i -> {
            double sum = 0;
            for (int j = 0; j < densities[i].length; j++) {
                double d = densities[i][j] - densities[c][j];
                sum += d * d;
            }
            nearest[i] = Math.min(nearest[i], sum);
        });
    }
}
