package org.ofdft.ml.kinetic;

import org.ofdft.ml.data.Dataset1D;
import org.ofdft.ml.regression.GaussianKernel;
import org.ofdft.ml.regression.KernelRidgeCrossValidation;
import org.ofdft.ml.regression.KernelRidgeModel;
import org.ofdft.ml.regression.KernelRidgePath;

/**
 * Training of {@link MlKineticFunctional} on a dataset of exact densities and kinetic energies: σ and λ of
 * the Gaussian kernel chosen by k-fold cross-validation on the training set only (Snyder et al. 2012),
 * then one fit on the whole training set.
 */
public final class KineticModelTraining {

    /** The paper's σ grid is not published; this one spans the optimum for G = 500 and N = 1…4. */
    public static final double[] DEFAULT_SIGMAS = {5, 8, 12, 18, 27, 40, 60, 90, 135, 200};
    public static final double[] DEFAULT_LAMBDAS = {1e-14, 1e-13, 1e-12, 1e-11, 1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5};

    /**
     * A trained functional, the potentials of its training densities (where self-consistent minimizations
     * start from), and the cross-validation that chose its hyperparameters (null if they were fixed).
     */
    public record Trained(MlKineticFunctional functional, double[][] trainingPotentials,
                          KernelRidgeCrossValidation.Result crossValidation) {
    }

    private KineticModelTraining() {
    }

    /**
     * Chooses (σ, λ) by {@code folds}-fold CV over the grids, then fits on all of {@code data}
     * ({@link KernelRidgeCrossValidation#fitBest}).
     */
    public static Trained train(Dataset1D data, MlKineticFunctional.Baseline baseline, double[] sigmas,
                                double[] lambdas, int folds, long seed) {
        double[] targets = targets(data, baseline);
        KernelRidgeCrossValidation.Result cv = KernelRidgeCrossValidation.search(new GaussianKernel(1),
                data.densities(), targets, sigmas, lambdas, folds, seed);
        KernelRidgeModel model = KernelRidgeCrossValidation.fitBest(cv, new GaussianKernel(1), data.densities(),
                targets);
        double sigma = ((GaussianKernel) model.kernel()).sigma();
        return new Trained(new MlKineticFunctional(model, baseline, data.grid(), data.numElectrons()[0]),
                data.externalPotentials(), new KernelRidgeCrossValidation.Result(sigma, model.lambda(), cv.sigmas(), cv.lambdas(),
                        cv.meanAbsoluteError()));
    }

    /**
     * Fits with fixed σ and λ. The solve is the one the cross-validation scored ({@link KernelRidgePath}),
     * which stays usable at the tiny λ (~1e-13) these exact data call for, where K + λI is too close to
     * singular for a Cholesky factorization.
     */
    public static Trained fit(Dataset1D data, MlKineticFunctional.Baseline baseline, double sigma, double lambda) {
        KernelRidgeModel model = KernelRidgePath.fit(new GaussianKernel(sigma), data.densities(),
                targets(data, baseline), lambda);
        return new Trained(new MlKineticFunctional(model, baseline, data.grid(), data.numElectrons()[0]),
                data.externalPotentials(), null);
    }

    /** T_s − T_base[n] for every row: what the kernel model learns. */
    static double[] targets(Dataset1D data, MlKineticFunctional.Baseline baseline) {
        if (!data.hasKineticEnergies()) {
            throw new IllegalArgumentException("training data has no 'kinetic_energies' array (generate it with "
                    + "'ofdft data snyder')");
        }
        double electrons = data.numElectrons()[0];
        for (int i = 0; i < data.size(); i++) {
            if (data.numElectrons()[i] != electrons) {
                throw new IllegalArgumentException("training data mixes electron numbers: row 0 has " + electrons
                        + ", row " + i + " has " + data.numElectrons()[i] + "; train one model per N");
            }
        }
        double[] targets = data.kineticEnergies().clone();
        if (baseline == MlKineticFunctional.Baseline.VON_WEIZSACKER) {
            double spacing = data.spacing();
            for (int i = 0; i < targets.length; i++) {
                targets[i] -= MlKineticFunctional.vonWeizsacker(data.densities()[i], spacing, null);
            }
        }
        return targets;
    }
}
