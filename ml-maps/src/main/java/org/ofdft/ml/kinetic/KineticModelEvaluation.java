package org.ofdft.ml.kinetic;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.ofdft.ml.data.Dataset1D;
import org.ofdft.solver.ConvergenceCriteria;

/**
 * Errors of an ML kinetic functional on a test set (Snyder et al., PRL 108, 253002 (2012), Table I):
 * the kinetic-energy error at the exact density, and optionally the self-consistent errors — the total
 * energy E^ML[n^ML] = T^ML[n^ML] + ∫v n^ML at the density that minimizes it (projected gradient descent on
 * the local-PCA manifold, started from the training density whose potential is nearest to v) against the
 * exact E, and the density error ∫|n^ML − n| dx. Hartree.
 */
public final class KineticModelEvaluation {

    /** Settings of the self-consistent (projected) minimization. */
    public record SelfConsistency(int neighbours, int components, ConvergenceCriteria criteria) {

        /**
         * The paper's m = 30, l = 5; converged when a step changes E by less than 1e-9 Ha with the projected
         * gradient |P∇E| below 1e-2 (∂E/∂n_j, no Δx; its floor, set by the noise of the kernel model at tiny
         * λ, is 1e-4–1e-3 for N = 2, M = 100), at most 500 steps.
         */
        public static SelfConsistency paper() {
            return new SelfConsistency(30, 5, new ConvergenceCriteria(1e-9, 1e-2, 500));
        }
    }

    /**
     * Per test row: {@code kineticErrors[i]} = T^ML[n_i] − T_i; and, if self-consistent (else null),
     * {@code selfConsistentEnergyErrors[i]} = E^ML[n^ML] − E_i, {@code densityErrors[i]} = ∫|n^ML − n_i|,
     * {@code iterations[i]} and {@code converged[i]}.
     */
    public record Errors(double[] kineticErrors, double[] selfConsistentEnergyErrors, double[] densityErrors,
                         int[] iterations, boolean[] converged) {

        public boolean selfConsistent() {
            return selfConsistentEnergyErrors != null;
        }
    }

    private KineticModelEvaluation() {
    }

    /**
     * @param trainingPotentials the potentials of the functional's training densities (row j belongs to
     *     training density j), to start each minimization from the training density whose potential is
     *     nearest; may be null when {@code selfConsistency} is null
     * @param selfConsistency null for the errors at the exact densities only
     */
    public static Errors evaluate(MlKineticFunctional functional, double[][] trainingPotentials, Dataset1D test,
                                  SelfConsistency selfConsistency, IntConsumer progress) {
        checkCompatible(functional, test, "test");
        if (!test.hasKineticEnergies()) {
            throw new IllegalArgumentException("test data has no 'kinetic_energies' array");
        }
        int count = test.size();
        double[] kineticErrors = new double[count];
        for (int i = 0; i < count; i++) {
            kineticErrors[i] = functional.energyAndGradient(test.densities()[i], null) - test.kineticEnergies()[i];
        }
        if (selfConsistency == null) {
            return new Errors(kineticErrors, null, null, null, null);
        }
        double h = functional.spacing();
        double[] energyErrors = new double[count];
        double[] densityErrors = new double[count];
        int[] iterations = new int[count];
        boolean[] converged = new boolean[count];
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, count).parallel().forEach(i -> {
            double[] potential = test.externalPotentials()[i];
            ProjectedGradientDescent.Result result = MlOrbitalFree.minimizeOnManifold(functional, trainingPotentials,
                    potential, null, selfConsistency);
            energyErrors[i] = result.energy() - test.totalEnergies()[i];
            double l1 = 0;
            for (int j = 0; j < potential.length; j++) {
                l1 += Math.abs(result.density()[j] - test.densities()[i][j]);
            }
            densityErrors[i] = l1 * h;
            iterations[i] = result.history().size();
            converged[i] = result.converged();
            progress.accept(done.incrementAndGet());
        });
        return new Errors(kineticErrors, energyErrors, densityErrors, iterations, converged);
    }

    private static void checkCompatible(MlKineticFunctional functional, Dataset1D data, String what) {
        double[] points = functional.points();
        if (data.gridPoints() != points.length) {
            throw new IllegalArgumentException(what + " data has " + data.gridPoints() + " grid points, the model "
                    + points.length);
        }
        for (int j = 0; j < points.length; j++) {
            if (Math.abs(data.grid()[j] - points[j]) > 1e-9 * Math.max(1, Math.abs(points[j]))) {
                throw new IllegalArgumentException(what + " data grid differs from the model's at point " + j + ": "
                        + data.grid()[j] + " vs " + points[j]);
            }
        }
        double h = functional.spacing();
        for (int i = 0; i < data.size(); i++) {
            if (data.numElectrons()[i] != functional.electrons()) {
                throw new IllegalArgumentException(what + " row " + i + " has " + data.numElectrons()[i]
                        + " electrons, the model was trained for " + functional.electrons());
            }
            double integral = 0;
            for (double n : data.densities()[i]) {
                integral += n * h;
            }
            if (Math.abs(integral - functional.electrons()) > 1e-3 * functional.electrons()) {
                throw new IllegalArgumentException(what + " row " + i + ": the density integrates to " + integral
                        + " electrons, not the " + functional.electrons() + " the model was trained for");
            }
        }
    }
}
