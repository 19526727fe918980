package org.ofdft.ml.xc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ofdft.functionals.DensityFunctional;
import org.ofdft.functionals.hartree.Interaction1D;
import org.ofdft.functionals.model1d.ModelPotentials1D;
import org.ofdft.functionals.xc.LdaFunctional;
import org.ofdft.grids.BoxGrid1D;
import org.ofdft.grids.Grid;
import org.ofdft.grids.Grid1D;
import org.ofdft.grids.RealField;
import org.ofdft.solver.ConvergenceCriteria;

/**
 * Kohn–Sham self-consistency with a neural functional trained to reproduce the 1D exponential LDA (Baker et
 * al. 2015) on a few self-consistent LDA densities: on a held-out potential the NN run must converge and land
 * on the LDA solution — much closer to it than the XC effect itself (the difference between LDA and
 * Hartree-only solutions): density within 2 % and energy within 0.1 % of that effect (measured with 300
 * L-BFGS steps: 0.6 % and 0.01 %; the residual is the network's fit error).
 */
class XcSelfConsistencyTest {

    private static final BoxGrid1D GRID = Grid1D.box(-6.0, 6.0, 59);
    private static final Interaction1D INTERACTION = Interaction1D.exponential();

    private static double[] wells(double a1, double b1, double a2, double b2) {
        return ModelPotentials1D.gaussianWells(GRID, new double[] {a1, a2}, new double[] {b1, b2},
                new double[] {1.0, 0.8}).values();
    }

    /** A functional that contributes nothing (Hartree-only reference run). */
    private static DensityFunctional none() {
        return new DensityFunctional() {
            @Override
            public String name() {
                return "xc";
            }

            @Override
            public Grid grid() {
                return GRID;
            }

            @Override
            public double energyAndPotential(RealField density, RealField potential) {
                return 0.0;
            }
        };
    }

    @Test
    void networkTrainedOnLdaReproducesTheLdaSelfConsistentSolution() {
        LdaFunctional lda = LdaFunctional.exponential1D(GRID);
        XcSelfConsistency ldaScf = new XcSelfConsistency(GRID, 4, INTERACTION, lda, XcSelfConsistency.CRITERIA);
        double[][] parameters = {{2.0, -1.0, 1.5, 1.0}, {3.0, 0.5, 1.0, -1.5}, {1.5, 0.0, 2.5, 1.2},
            {2.5, -1.5, 2.0, 0.8}, {3.5, 0.3, 0.5, -0.5}, {2.2, 1.0, 1.8, -1.0}};
        List<XcSample> samples = new ArrayList<>();
        boolean[] all = new boolean[GRID.size()];
        Arrays.fill(all, true);
        for (int i = 0; i < parameters.length; i++) {
            double[] p = parameters[i];
            double[] n = ldaScf.solve("train" + i, wells(p[0], p[1], p[2], p[3]), 2, new double[GRID.size()], 0)
                    .requireConverged().density();
            double[] v = new double[n.length];
            double e = lda.energyAndPotential(RealField.wrap(GRID, n), RealField.wrap(GRID, v));
            samples.add(new XcSample("train" + i, n, v, XcSample.densityWeights(n, all, GRID.spacing()), e));
        }
        XcTrainingConfig config = new XcTrainingConfig(XcTrainingConfig.Optimizer.LBFGS, XcModelKind.ENERGY, 0, new int[] {8}, 10.0, 1.0, 2e-2, 1e-3,
                600, 10, 600, 3);
        XcModel model = new XcTrainer(config).train(samples.subList(0, 5), samples.subList(5, 6), GRID.spacing(),
                INTERACTION.name(), "LDA targets").model();

        double[] heldOut = wells(2.8, -0.7, 1.7, 1.3);
        XcSelfConsistency.Outcome reference = ldaScf.solve("LDA", heldOut, 2, new double[GRID.size()], 0)
                .requireConverged();
        XcSelfConsistency.Outcome hartreeOnly = new XcSelfConsistency(GRID, 4, INTERACTION, none(),
                XcSelfConsistency.CRITERIA).solve("Hartree only", heldOut, 2, reference.density(), reference.energy());
        XcSelfConsistency.Outcome network = new XcSelfConsistency(GRID, 4, INTERACTION,
                new EnergyXcFunctional(model, GRID, INTERACTION, false), XcSelfConsistency.CRITERIA)
                .solve("NN", heldOut, 2, reference.density(), reference.energy()).requireConverged();
        System.out.printf("NN vs LDA: max|dn| = %.2e, dE = %.2e Ha (%d iterations, LDA %d); Hartree-only vs LDA: "
                        + "max|dn| = %.2e, dE = %.2e Ha%n", network.maxDensityError(), network.energyError(),
                network.iterations(), reference.iterations(), hartreeOnly.maxDensityError(), hartreeOnly.energyError());
        assertTrue(network.maxDensityError() < 0.02 * hartreeOnly.maxDensityError(),
                "NN density error " + network.maxDensityError() + " vs XC effect " + hartreeOnly.maxDensityError());
        assertTrue(Math.abs(network.energyError()) < 1e-3 * Math.abs(hartreeOnly.energyError()),
                "NN energy error " + network.energyError() + " vs XC effect " + hartreeOnly.energyError());
    }

    @Test
    void aRunThatDoesNotConvergeReportsItsResidualHistory() {
        XcModel model = new XcModel(XcModelKind.ENERGY, 1, MlpWeights.glorot(3, new int[] {4}, 2), GRID.spacing(),
                INTERACTION.name(), null);
        XcSelfConsistency.Outcome outcome = new XcSelfConsistency(GRID, 4, INTERACTION,
                new EnergyXcFunctional(model, GRID, INTERACTION, false), new ConvergenceCriteria(1e-14, 1e-14, 3))
                .solve("short", wells(2, 0, 1, 1), 2, new double[GRID.size()], 0);
        assertFalse(outcome.converged());
        assertEquals(3, outcome.history().size());
        IllegalStateException error = assertThrows(IllegalStateException.class, outcome::requireConverged);
        assertTrue(error.getMessage().contains("did not converge") && error.getMessage().contains("residual ="),
                error.getMessage());
    }
}
