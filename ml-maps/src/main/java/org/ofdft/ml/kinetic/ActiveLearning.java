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
 * maximizing the log marginal likelihood of the systems solved so far; each step solves one candidate
 * exactly and adds it. The GP's posterior covariance depends on the inputs and hyperparameters only, so the
 * choice never uses unsolved targets. Two criteria:
 * <ul>
 *   <li>{@link Criterion#UNCERTAINTY}: the candidate of largest predictive variance (Settles, "Active
 *       Learning Literature Survey" (2009), §3.1) — measured to pick extreme potentials that help the
 *       typical test case little;</li>
 *   <li>{@link Criterion#INTEGRATED_VARIANCE}: the candidate whose observation most reduces the summed
 *       posterior variance over the whole pool, Σ_j Σ(x_j, x*)² / (Σ(x*, x*) + σ_n²) (Cohn, Ghahramani,
 *       Jordan, J. Artif. Intell. Res. 4, 129 (1996)), so representative regions count.</li>
 * </ul>
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
    /** How the next candidate is chosen. */
    public enum Criterion { UNCERTAINTY, INTEGRATED_VARIANCE }

    public static Dataset1D select(List<GaussianWells> candidates, int electrons, int initial, int total, long seed,
                                   IntConsumer progress) {
        return select(candidates, electrons, initial, total, seed, Criterion.INTEGRATED_VARIANCE, progress);
    }

    public static Dataset1D select(List<GaussianWells> candidates, int electrons, int initial, int total, long seed,
                                   Criterion criterion, IntConsumer progress) {
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
        double[] poolDistances = criterion == Criterion.INTEGRATED_VARIANCE ? squaredDistances(pool, pool) : null;
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
            double[] scores = criterion == Criterion.UNCERTAINTY ? uncertainty(gp, pool)
                    : integratedVarianceReduction(hyperparameters, solved.externalPotentials(), pool, poolDistances);
            int best = -1;
            for (int i = 0; i < pool.length; i++) {
                if (!taken[i] && (best < 0 || scores[i] > scores[best])) {
                    best = i;
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

    private static double[] uncertainty(GaussianProcessModel gp, double[][] pool) {
        double[] scores = new double[pool.length];
        for (int i = 0; i < pool.length; i++) {
            scores[i] = gp.predictiveVariance(pool[i]);
        }
        return scores;
    }

    /**
     * Σ_j Σ(x_j, x_c)² / (Σ(x_c, x_c) + σ_n²) for every pool point c, with the posterior covariance
     * Σ = K_pp − Vᵀ V, V = L⁻¹ K_tp and L Lᵀ = K_tt + σ_n² I (RBF kernel σ_f² exp(−|x − y|²/(2ℓ²))).
     */
    static double[] integratedVarianceReduction(GaussianProcessHyperparameters h, double[][] training,
                                                double[][] pool, double[] poolDistances) {
        int m = training.length;
        int p = pool.length;
        double signal = h.signalVariance();
        double scale = -0.5 / (h.lengthScale() * h.lengthScale());
        org.ejml.data.DMatrixRMaj trainingKernel = new org.ejml.data.DMatrixRMaj(m, m);
        double[] trainingDistances = squaredDistances(training, training);
        for (int i = 0; i < m * m; i++) {
            trainingKernel.data[i] = signal * Math.exp(scale * trainingDistances[i]);
        }
        for (int i = 0; i < m; i++) {
            trainingKernel.add(i, i, h.noiseVariance());
        }
        var cholesky = org.ejml.dense.row.factory.DecompositionFactory_DDRM.chol(m, true);
        if (!cholesky.decompose(trainingKernel)) {
            throw new IllegalStateException("GP kernel matrix of " + m + " training potentials is not positive definite");
        }
        org.ejml.data.DMatrixRMaj lower = cholesky.getT(null);
        double[] cross = squaredDistances(training, pool);
        org.ejml.data.DMatrixRMaj v = new org.ejml.data.DMatrixRMaj(m, p);
        for (int i = 0; i < m * p; i++) {
            v.data[i] = signal * Math.exp(scale * cross[i]);
        }
        org.ejml.dense.row.decomposition.TriangularSolver_DDRM.solveL(lower.data, v.data, m, p);
        double[] vt = new double[p * m]; // Vᵀ, row per pool point
        for (int i = 0; i < m; i++) {
            for (int c = 0; c < p; c++) {
                vt[c * m + i] = v.data[i * p + c];
            }
        }
        double[] scores = new double[p];
        java.util.stream.IntStream.range(0, p).parallel().forEach(c -> {
            double sum = 0;
            double self = 0;
            for (int j = 0; j < p; j++) {
                double covariance = signal * Math.exp(scale * poolDistances[j * p + c]);
                for (int i = 0; i < m; i++) {
                    covariance -= vt[j * m + i] * vt[c * m + i];
                }
                sum += covariance * covariance;
                if (j == c) {
                    self = covariance;
                }
            }
            scores[c] = sum / (Math.max(self, 0) + h.noiseVariance());
        });
        return scores;
    }

    private static double[] squaredDistances(double[][] a, double[][] b) {
        double[] distances = new double[a.length * b.length];
        java.util.stream.IntStream.range(0, a.length).parallel().forEach(i -> {
            for (int j = 0; j < b.length; j++) {
                double sum = 0;
                for (int k = 0; k < a[i].length; k++) {
                    double d = a[i][k] - b[j][k];
                    sum += d * d;
                }
                distances[i * b.length + j] = sum;
            }
        });
        return distances;
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
