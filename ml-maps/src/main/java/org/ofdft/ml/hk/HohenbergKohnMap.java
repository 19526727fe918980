package org.ofdft.ml.hk;

import org.ofdft.ml.data.Dataset1D;
import org.ofdft.ml.kinetic.MlKineticFunctional;
import org.ofdft.ml.regression.GaussianKernel;
import org.ofdft.ml.regression.KernelRidgeCrossValidation;
import org.ofdft.ml.regression.KernelRidgeModel;
import org.ofdft.ml.regression.MultiOutputKernelModel;

/**
 * The machine-learned Hohenberg–Kohn map of Brockherde, Vogt, Li, Tuckerman, Burke, Müller, Nat. Commun. 8,
 * 872 (2017), for 1D datasets: the density as a function of the external potential,
 * n^ML[v] = Σ_l u_l^ML[v] φ_l with each coefficient a kernel ridge model on the potential vector
 * (Gaussian kernel, Euclidean distance of the G-vectors, no Δx factor; all coefficients share σ and λ),
 * then the energy as a function of that density, E^ML[n] = Σ_i β_i k(n, n_i) (or its universal part, see
 * {@link EnergyTarget}), trained on the exact densities and evaluated on the predicted ones. No functional
 * derivative is needed.
 */
public final class HohenbergKohnMap {

    /**
     * What the energy map learns from the density. For these non-interacting systems the Hohenberg–Kohn
     * functional is E_v[n] = T_s[n] + ∫ v n, so learning the universal part T_s and adding ∫ v n^ML (v is
     * known when predicting) is the natural map; learning E directly from n must also learn v[n]. Measured
     * on the Snyder box (N = 1, M = 200): MAE 0.04 kcal/mol with {@link #KINETIC}, 13.5 with {@link #TOTAL}.
     */
    public enum EnergyTarget {
        /** E learned directly from n: E^ML[n^ML]. */
        TOTAL,
        /** T_s learned from n: E^ML = T^ML[n^ML] + ∫ v n^ML. */
        KINETIC,
        /**
         * T_s − T_vW learned from n, T_vW computed ({@link MlKineticFunctional#vonWeizsacker}):
         * E^ML = T_vW[n^ML] + (T_s − T_vW)^ML[n^ML] + ∫ v n^ML.
         */
        PAULI_KINETIC
    }

    /** Hyperparameter grids and folds for {@link #train}. */
    public record Settings(double[] potentialSigmas, double[] densitySigmas, double[] lambdas, int folds, long seed) {

        /** Potential widths 2…1000, density widths 5…200 (the kinetic functional's), λ 1e-14…1e-5. */
        public static Settings defaults() {
            return new Settings(new double[] {2, 4, 8, 15, 30, 60, 120, 250, 500, 1000},
                    new double[] {5, 8, 12, 18, 27, 40, 60, 90, 135, 200},
                    new double[] {1e-14, 1e-13, 1e-12, 1e-11, 1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5}, 5, 7);
        }
    }

    /** Errors on a test set: energy errors E^ML − E (hartree) and ∫|n^ML − n| dx per row. */
    public record Errors(double[] energyErrors, double[] densityErrors) {
    }

    private final DensityBasis basis;
    private final EnergyTarget target;
    private final double[] points;
    private final double electrons;
    private final MultiOutputKernelModel densityMap;
    private final KernelRidgeModel energyMap;

    HohenbergKohnMap(DensityBasis basis, EnergyTarget target, double[] points, double electrons,
                     MultiOutputKernelModel densityMap, KernelRidgeModel energyMap) {
        this.basis = basis;
        this.target = target;
        this.points = points.clone();
        this.electrons = electrons;
        this.densityMap = densityMap;
        this.energyMap = energyMap;
    }

    /** Cross-validates and fits both maps on {@code data} (one electron number; kinetic energies if KINETIC). */
    public static HohenbergKohnMap train(Dataset1D data, DensityBasis basis, EnergyTarget target, Settings settings) {
        double electrons = data.numElectrons()[0];
        for (int i = 0; i < data.size(); i++) {
            if (data.numElectrons()[i] != electrons) {
                throw new IllegalArgumentException("training data mixes electron numbers: row 0 has " + electrons
                        + ", row " + i + " has " + data.numElectrons()[i]);
            }
        }
        if (target != EnergyTarget.TOTAL && !data.hasKineticEnergies()) {
            throw new IllegalArgumentException("an energy map for T_s needs 'kinetic_energies' in the training data");
        }
        double[][] coefficients = new double[data.size()][basis.size()];
        for (int i = 0; i < data.size(); i++) {
            basis.coefficients(data.densities()[i], coefficients[i]);
        }
        GaussianKernel family = new GaussianKernel(1);
        KernelRidgeCrossValidation.Result densityCv = KernelRidgeCrossValidation.searchMultiOutput(family,
                data.externalPotentials(), coefficients, basis.errorWeights(), settings.potentialSigmas(),
                settings.lambdas(), settings.folds(), settings.seed());
        MultiOutputKernelModel densityMap = MultiOutputKernelModel.fit(new GaussianKernel(densityCv.sigma()),
                data.externalPotentials(), coefficients, densityCv.lambda());
        double[] energies = target == EnergyTarget.TOTAL ? data.totalEnergies() : data.kineticEnergies().clone();
        if (target == EnergyTarget.PAULI_KINETIC) {
            for (int i = 0; i < energies.length; i++) {
                energies[i] -= MlKineticFunctional.vonWeizsacker(data.densities()[i], data.spacing(), null);
            }
        }
        KernelRidgeCrossValidation.Result energyCv = KernelRidgeCrossValidation.search(family, data.densities(),
                energies, settings.densitySigmas(), settings.lambdas(), settings.folds(), settings.seed());
        KernelRidgeModel energyMap = KernelRidgeCrossValidation.fitBest(energyCv, family, data.densities(), energies);
        return new HohenbergKohnMap(basis, target, data.grid(), electrons, densityMap, energyMap);
    }

    public DensityBasis basis() {
        return basis;
    }

    public EnergyTarget target() {
        return target;
    }

    public double electrons() {
        return electrons;
    }

    /** σ and λ of the potential → density map. */
    public MultiOutputKernelModel densityMap() {
        return densityMap;
    }

    /** The density → energy map. */
    public KernelRidgeModel energyMap() {
        return energyMap;
    }

    /**
     * n^ML[v] on the dataset's points, scaled to hold exactly the trained electron number: at the exact
     * density E_v[n] is stationary under changes that keep ∫n fixed, so a predicted density with the right
     * ∫n makes the energy error second order in n^ML − n, whereas an error δN in ∫n costs μ·δN.
     */
    public double[] predictDensity(double[] potential) {
        requirePoints(potential, "potential");
        double[] coefficients = new double[basis.size()];
        densityMap.predict(potential, coefficients);
        double[] density = new double[points.length];
        basis.density(coefficients, density);
        double h = (points[points.length - 1] - points[0]) / (points.length - 1);
        double integral = 0;
        for (double n : density) {
            integral += n * h;
        }
        if (integral > 0) {
            for (int j = 0; j < density.length; j++) {
                density[j] *= electrons / integral;
            }
        }
        return density;
    }

    /** E^ML at the predicted density n^ML[v] (hartree). */
    public double predictEnergy(double[] potential) {
        return energyOf(potential, predictDensity(potential));
    }

    private double energyOf(double[] potential, double[] density) {
        double energy = energyMap.predict(density);
        if (target == EnergyTarget.TOTAL) {
            return energy;
        }
        double h = (points[points.length - 1] - points[0]) / (points.length - 1);
        if (target == EnergyTarget.PAULI_KINETIC) {
            energy += MlKineticFunctional.vonWeizsacker(density, h, null);
        }
        for (int j = 0; j < points.length; j++) {
            energy += h * potential[j] * density[j];
        }
        return energy;
    }

    /** Energy and density errors on every row of {@code test}. */
    public Errors evaluate(Dataset1D test) {
        if (test.gridPoints() != points.length) {
            throw new IllegalArgumentException("test potentials have " + test.gridPoints() + " points, the map "
                    + points.length);
        }
        double h = (points[points.length - 1] - points[0]) / (points.length - 1);
        double[] energyErrors = new double[test.size()];
        double[] densityErrors = new double[test.size()];
        java.util.stream.IntStream.range(0, test.size()).parallel().forEach(i -> {
            double[] potential = test.externalPotentials()[i];
            double[] density = predictDensity(potential);
            energyErrors[i] = energyOf(potential, density) - test.totalEnergies()[i];
            double l1 = 0;
            for (int j = 0; j < density.length; j++) {
                l1 += Math.abs(density[j] - test.densities()[i][j]);
            }
            densityErrors[i] = l1 * h;
        });
        return new Errors(energyErrors, densityErrors);
    }

    private void requirePoints(double[] values, String what) {
        if (values.length != points.length) {
            throw new IllegalArgumentException(what + " has " + values.length + " points, the map was trained on "
                    + points.length);
        }
    }
}
