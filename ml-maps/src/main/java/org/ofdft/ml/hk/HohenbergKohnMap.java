package org.ofdft.ml.hk;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.ofdft.ml.data.Dataset1D;
import org.ofdft.ml.data.Dataset3D;
import org.ofdft.ml.kinetic.MlKineticFunctional;
import org.ofdft.ml.regression.GaussianKernel;
import org.ofdft.ml.regression.KernelRidgeCrossValidation;
import org.ofdft.ml.regression.MultiOutputKernelModel;

/**
 * The machine-learned Hohenberg–Kohn map of Brockherde, Vogt, Li, Tuckerman, Burke, Müller, Nat. Commun. 8,
 * 872 (2017): the density as a function of the external potential, n^ML[v] = Σ_l u_l^ML[v] φ_l with each
 * coefficient a kernel ridge model on the potential sampled on the grid (Gaussian kernel, Euclidean
 * distance of the vectors, no volume-element factor; all coefficients share σ and λ), then the energy as a
 * function of that density, trained on exact densities and evaluated on the predicted ones. No functional
 * derivative is needed.
 *
 * <p>The energy map learns the universal part of the Hohenberg–Kohn functional,
 * E_v[n] = F[n] + ∫ v n + E_const, with E_const the energy that does not depend on the electrons (the
 * ion–ion Ewald energy in 3D, 0 in 1D): F^ML is a KRR of F on the density, and ∫ v n^ML and E_const are
 * added when predicting (v is known then). F^ML is trained on the training densities as represented in the
 * basis (their projection), the form in which the density map predicts them. Both kernel models learn
 * deviations from the training means. Learning E from n directly must also learn v[n]; on the 1D box
 * (N = 1, M = 200) that is 50× less accurate ({@link EnergyTarget#TOTAL}). A baseline B[n] can be
 * subtracted from F before learning and added back (the von Weizsäcker energy in 1D).
 *
 * <p>For crystals the energy map can use a kernel averaged over the space group
 * ({@link EnergyKernel.SpaceGroupAveraged}) and be trained on out-of-fold predicted densities
 * ({@link EnergyInputs#PREDICTED}); on rattled 32-atom Al both are needed for 0.42 meV/atom at M = 200
 * ({@code benchmarks/results/hk-map.md}).
 */
public final class HohenbergKohnMap {

    /** What the energy map learns from the density. */
    public enum EnergyTarget {
        /** E learned directly from n: E^ML[n^ML]. */
        TOTAL,
        /** F = E − ∫ v n − E_const (T_s for non-interacting electrons): E^ML = F^ML[n^ML] + ∫ v n^ML + E_const. */
        UNIVERSAL,
        /**
         * F − T_vW learned, T_vW computed ({@link MlKineticFunctional#vonWeizsacker}; 1D): the
         * Pauli kinetic energy for non-interacting electrons.
         */
        UNIVERSAL_MINUS_VON_WEIZSACKER
    }

    /** How the energy map compares densities. */
    public sealed interface EnergyKernel {

        /** A Gaussian kernel on the density vector, widths {@link Settings#densitySigmas()}. */
        record Plain() implements EnergyKernel {
        }

        /**
         * The space-group-averaged Gaussian of {@link SpaceGroupDensityKernel} (periodic 3D densities), widths
         * {@code widthFactors} × the median closest-image distance of the training densities.
         */
        record SpaceGroupAveraged(SpaceGroupDensityKernel kernel, double[] widthFactors) implements EnergyKernel {

            /** Width factors 0.5…128 in factors of 2. */
            public static SpaceGroupAveraged of(SpaceGroupDensityKernel kernel) {
                return new SpaceGroupAveraged(kernel, new double[] {0.5, 1, 2, 4, 8, 16, 32, 64, 128});
            }
        }
    }

    /** Which densities the energy map is trained on. */
    public enum EnergyInputs {
        /** The exact training densities (as represented in the basis). */
        EXACT,
        /**
         * Out-of-fold predictions n^ML[v_i] of the density map (k-fold, each from a map fitted without sample i
         * at the cross-validated σ, λ): the energy map learns from densities with the errors the density map
         * makes at prediction time (stacked generalization, Wolpert, Neural Netw. 5, 241 (1992)).
         */
        PREDICTED
    }

    /** Hyperparameter grids and folds for training. */
    public record Settings(double[] potentialSigmas, double[] densitySigmas, double[] lambdas, int folds, long seed) {

        /**
         * Width grids scaled to the data (for grids of any size, e.g. 3D cells): potential and density widths
         * {1/16, 1/8, …, 8} × the median pairwise distance of the training potentials and densities, λ
         * 1e-12…1e-4 (every second decade).
         */
        public static Settings scaledTo(TrainingData data, int folds, long seed) {
            double[] factors = {0.0625, 0.125, 0.25, 0.5, 1, 2, 4, 8};
            double potentialScale = medianDistance(data.potentials());
            double densityScale = medianDistance(data.densities());
            return new Settings(Arrays.stream(factors).map(f -> f * potentialScale).toArray(),
                    Arrays.stream(factors).map(f -> f * densityScale).toArray(),
                    new double[] {1e-12, 1e-10, 1e-8, 1e-6, 1e-4}, folds, seed);
        }

        private static double medianDistance(double[][] rows) {
            double[] distances = IntStream.range(0, rows.length).parallel().mapToObj(i -> {
                double[] row = new double[rows.length - i - 1];
                for (int j = i + 1; j < rows.length; j++) {
                    double sum = 0;
                    for (int k = 0; k < rows[i].length; k++) {
                        double d = rows[i][k] - rows[j][k];
                        sum += d * d;
                    }
                    row[j - i - 1] = Math.sqrt(sum);
                }
                return row;
            }).flatMapToDouble(Arrays::stream).sorted().toArray();
            if (distances.length == 0) {
                throw new IllegalArgumentException("width grids scaled to the data need at least 2 training samples");
            }
            return distances[distances.length / 2];
        }

        /** Potential widths 2…1000, density widths 5…200, λ 1e-14…1e-5 (decades), 5 folds. */
        public static Settings defaults() {
            return new Settings(new double[] {2, 4, 8, 15, 30, 60, 120, 250, 500, 1000},
                    new double[] {5, 8, 12, 18, 27, 40, 60, 90, 135, 200},
                    new double[] {1e-14, 1e-13, 1e-12, 1e-11, 1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5}, 5, 7);
        }
    }

    /**
     * Exact training data on one grid: potentials and densities sampled on the points (rows), the total
     * energies and the electron-independent energies E_const (may be null: zero), the volume element of
     * ∫ f = Σ f_j dV, and the electron number.
     */
    public record TrainingData(double[][] potentials, double[][] densities, double[] totalEnergies,
                               double[] constantEnergies, double volumeElement, double electrons) {
    }

    /** Errors on a test set: energy errors E^ML − E (hartree) and ∫|n^ML − n| per row. */
    public record Errors(double[] energyErrors, double[] densityErrors) {
    }

    private final DensityBasis basis;
    private final EnergyTarget target;
    private final int points;
    private final double volumeElement;
    private final double electrons;
    private final MultiOutputKernelModel densityMap;
    private final DensityEnergyModel energyMap;
    /** Training means: the kernel models learn deviations from them (a zero-mean prior would pull to 0). */
    private final double[] meanCoefficients;
    private final double meanLearnedEnergy;

    HohenbergKohnMap(DensityBasis basis, EnergyTarget target, int points, double volumeElement,
                             double electrons, MultiOutputKernelModel densityMap, DensityEnergyModel energyMap,
                             double[] meanCoefficients, double meanLearnedEnergy) {
        this.basis = basis;
        this.target = target;
        this.points = points;
        this.volumeElement = volumeElement;
        this.electrons = electrons;
        this.densityMap = densityMap;
        this.energyMap = energyMap;
        this.meanCoefficients = meanCoefficients;
        this.meanLearnedEnergy = meanLearnedEnergy;
    }

    /** Cross-validates and fits both maps, the energy map with the plain Gaussian kernel. */
    public static HohenbergKohnMap train(TrainingData data, DensityBasis basis, EnergyTarget target, Settings settings) {
        return train(data, basis, target, settings, new EnergyKernel.Plain());
    }

    /** Cross-validates and fits both maps, the energy map with {@code energyKernel} on exact densities. */
    public static HohenbergKohnMap train(TrainingData data, DensityBasis basis, EnergyTarget target, Settings settings,
                                         EnergyKernel energyKernel) {
        return train(data, basis, target, settings, energyKernel, EnergyInputs.EXACT);
    }

    /** Cross-validates and fits both maps, the energy map with {@code energyKernel} on {@code energyInputs}. */
    public static HohenbergKohnMap train(TrainingData data, DensityBasis basis, EnergyTarget target, Settings settings,
                                         EnergyKernel energyKernel, EnergyInputs energyInputs) {
        int count = data.densities().length;
        double[][] coefficients = new double[count][basis.size()];
        // the energy map sees densities as the map will predict them: in the basis (P n, not n)
        double[][] represented = new double[count][data.densities()[0].length];
        double[] meanCoefficients = new double[basis.size()];
        for (int i = 0; i < count; i++) {
            basis.coefficients(data.densities()[i], coefficients[i]);
            basis.density(coefficients[i], represented[i]);
            for (int l = 0; l < meanCoefficients.length; l++) {
                meanCoefficients[l] += coefficients[i][l] / count;
            }
        }
        for (double[] row : coefficients) {
            for (int l = 0; l < meanCoefficients.length; l++) {
                row[l] -= meanCoefficients[l];
            }
        }
        GaussianKernel family = new GaussianKernel(1);
        KernelRidgeCrossValidation.Result densityCv = KernelRidgeCrossValidation.searchMultiOutput(family,
                data.potentials(), coefficients, basis.errorWeights(), settings.potentialSigmas(),
                settings.lambdas(), settings.folds(), settings.seed());
        MultiOutputKernelModel densityMap = MultiOutputKernelModel.fit(new GaussianKernel(densityCv.sigma()),
                data.potentials(), coefficients, densityCv.lambda());
        if (energyInputs == EnergyInputs.PREDICTED) {
            represented = outOfFoldDensities(data, basis, coefficients, meanCoefficients, densityCv.sigma(),
                    densityCv.lambda(), settings);
        }
        HohenbergKohnMap partial = new HohenbergKohnMap(basis, target, data.densities()[0].length,
                data.volumeElement(), data.electrons(), null, null, null, 0);
        double[] learned = new double[count];
        double meanLearned = 0;
        for (int i = 0; i < count; i++) {
            double constant = data.constantEnergies() == null ? 0 : data.constantEnergies()[i];
            learned[i] = data.totalEnergies()[i] - partial.knownEnergy(data.potentials()[i], represented[i], constant);
            meanLearned += learned[i] / count;
        }
        for (int i = 0; i < count; i++) {
            learned[i] -= meanLearned;
        }
        DensityEnergyModel energyMap;
        if (energyKernel instanceof EnergyKernel.SpaceGroupAveraged averaged) {
            energyMap = SymmetricEnergyModel.fit(averaged.kernel(), represented, learned, averaged.widthFactors(),
                    settings.lambdas(), settings.folds(), settings.seed());
        } else {
            KernelRidgeCrossValidation.Result energyCv = KernelRidgeCrossValidation.search(family, represented,
                    learned, settings.densitySigmas(), settings.lambdas(), settings.folds(), settings.seed());
            energyMap = new DensityEnergyModel.Plain(KernelRidgeCrossValidation.fitBest(energyCv, family, represented,
                    learned));
        }
        return new HohenbergKohnMap(basis, target, partial.points, data.volumeElement(), data.electrons(), densityMap,
                energyMap, meanCoefficients, meanLearned);
    }

    /**
     * n^ML[v_i] for every training sample from a density map fitted on the other folds at σ, λ (the fold
     * assignment of the search), scaled to ∫n = N as at prediction time; {@code centred} holds the basis
     * coefficients minus {@code meanCoefficients}.
     */
    static double[][] outOfFoldDensities(TrainingData data, DensityBasis basis, double[][] centred,
                                         double[] meanCoefficients, double sigma, double lambda, Settings settings) {
        int count = centred.length;
        int[] fold = KernelRidgeCrossValidation.foldAssignment(count, settings.folds(), settings.seed());
        double[][] predicted = new double[count][];
        for (int f = 0; f < settings.folds(); f++) {
            int heldOut = f;
            int[] train = IntStream.range(0, count).filter(i -> fold[i] != heldOut).toArray();
            double[][] inputs = new double[train.length][];
            double[][] outputs = new double[train.length][];
            for (int t = 0; t < train.length; t++) {
                inputs[t] = data.potentials()[train[t]];
                outputs[t] = centred[train[t]];
            }
            MultiOutputKernelModel partialMap = MultiOutputKernelModel.fit(new GaussianKernel(sigma), inputs, outputs,
                    lambda);
            IntStream.range(0, count).filter(i -> fold[i] == heldOut).parallel().forEach(i -> {
                double[] c = new double[basis.size()];
                partialMap.predict(data.potentials()[i], c);
                for (int l = 0; l < c.length; l++) {
                    c[l] += meanCoefficients[l];
                }
                double[] density = new double[data.densities()[i].length];
                basis.density(c, density);
                normalize(density, data.volumeElement(), data.electrons());
                predicted[i] = density;
            });
        }
        return predicted;
    }

    private static void normalize(double[] density, double volumeElement, double electrons) {
        double integral = 0;
        for (double n : density) {
            integral += n * volumeElement;
        }
        if (integral > 0) {
            for (int j = 0; j < density.length; j++) {
                density[j] *= electrons / integral;
            }
        }
    }

    /** A 1D dataset of one electron number; T_s is F for its non-interacting electrons. */
    public static HohenbergKohnMap train(Dataset1D data, DensityBasis basis, EnergyTarget target, Settings settings) {
        return train(trainingData(data), basis, target, settings);
    }

    private static double singleElectronNumber(double[] numElectrons) {
        for (int i = 0; i < numElectrons.length; i++) {
            if (numElectrons[i] != numElectrons[0]) {
                throw new IllegalArgumentException("training data mixes electron numbers: row 0 has " + numElectrons[0]
                        + ", row " + i + " has " + numElectrons[i]);
            }
        }
        return numElectrons[0];
    }

    /** A 1D dataset of one electron number as training data (no electron-independent energy). */
    public static TrainingData trainingData(Dataset1D data) {
        double electrons = singleElectronNumber(data.numElectrons());
        return new TrainingData(data.externalPotentials(), data.densities(), data.totalEnergies(), null,
                data.spacing(), electrons);
    }

    /**
     * A 3D dataset of one electron number as training data: E_const is the ion–ion energy, the volume
     * element that of the dataset's grid.
     */
    public static TrainingData trainingData(Dataset3D data) {
        double electrons = singleElectronNumber(data.numElectrons());
        return new TrainingData(data.externalPotentials(), data.densities(), data.totalEnergies(),
                data.ionIonEnergies(), data.grid().volumeElement(), electrons);
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

    int points() {
        return points;
    }

    double volumeElement() {
        return volumeElement;
    }

    double[] meanCoefficients() {
        return meanCoefficients.clone();
    }

    double meanLearnedEnergy() {
        return meanLearnedEnergy;
    }

    /** The potential → density-coefficient map. */
    public MultiOutputKernelModel densityMap() {
        return densityMap;
    }

    /** The density → energy map. */
    public DensityEnergyModel energyMap() {
        return energyMap;
    }

    /**
     * n^ML[v] on the grid, scaled to hold exactly the trained electron number: E_v[n] is stationary at the
     * exact density under changes that keep ∫n fixed, so with the right ∫n the energy error is second order
     * in n^ML − n, whereas an error δN in ∫n costs μ·δN.
     */
    public double[] predictDensity(double[] potential) {
        if (potential.length != points) {
            throw new IllegalArgumentException("potential has " + potential.length + " points, the map was trained on "
                    + points);
        }
        double[] coefficients = new double[basis.size()];
        densityMap.predict(potential, coefficients);
        for (int l = 0; l < coefficients.length; l++) {
            coefficients[l] += meanCoefficients[l];
        }
        double[] density = new double[points];
        basis.density(coefficients, density);
        normalize(density, volumeElement, electrons);
        return density;
    }

    /** E^ML at the predicted density n^ML[v] (hartree), adding the electron-independent {@code constantEnergy}. */
    public double predictEnergy(double[] potential, double constantEnergy) {
        return energyAt(potential, predictDensity(potential), constantEnergy);
    }

    /**
     * The energy map alone, E^ML at a given density (hartree): at the exact density it separates the energy
     * map's error from the density map's.
     */
    public double energyAt(double[] potential, double[] density, double constantEnergy) {
        return learnedEnergy(density) + knownEnergy(potential, density, constantEnergy);
    }

    private double learnedEnergy(double[] density) {
        return meanLearnedEnergy + energyMap.predict(density);
    }

    /** The part of E the energy map does not learn: ∫ v n + E_const (+ the baseline), or 0 for TOTAL. */
    private double knownEnergy(double[] potential, double[] density, double constantEnergy) {
        if (target == EnergyTarget.TOTAL) {
            return 0;
        }
        double energy = constantEnergy;
        for (int j = 0; j < density.length; j++) {
            energy += volumeElement * potential[j] * density[j];
        }
        if (target == EnergyTarget.UNIVERSAL_MINUS_VON_WEIZSACKER) {
            energy += MlKineticFunctional.vonWeizsacker(density, volumeElement, null);
        }
        return energy;
    }

    /** Energy and density errors on every row of a test set in the layout of {@link TrainingData}. */
    public Errors evaluate(TrainingData test) {
        if (test.electrons() != electrons) {
            throw new IllegalArgumentException("test systems have " + test.electrons() + " electrons, the map was "
                    + "trained for " + electrons);
        }
        int count = test.densities().length;
        double[] energyErrors = new double[count];
        double[] densityErrors = new double[count];
        IntStream.range(0, count).parallel().forEach(i -> {
            double[] potential = test.potentials()[i];
            double constant = test.constantEnergies() == null ? 0 : test.constantEnergies()[i];
            double[] density = predictDensity(potential);
            energyErrors[i] = learnedEnergy(density) + knownEnergy(potential, density, constant)
                    - test.totalEnergies()[i];
            double l1 = 0;
            for (int j = 0; j < density.length; j++) {
                l1 += Math.abs(density[j] - test.densities()[i][j]);
            }
            densityErrors[i] = l1 * volumeElement;
        });
        return new Errors(energyErrors, densityErrors);
    }

    /** Energy and density errors on every row of a 1D test set. */
    public Errors evaluate(Dataset1D test) {
        return evaluate(trainingData(test));
    }
}
