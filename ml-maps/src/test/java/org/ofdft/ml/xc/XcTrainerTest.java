package org.ofdft.ml.xc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ofdft.functionals.hartree.Interaction1D;
import org.ofdft.grids.BoxGrid1D;
import org.ofdft.grids.Grid1D;
import org.ofdft.grids.RealField;

class XcTrainerTest {

    private static final BoxGrid1D GRID = Grid1D.box(-3.0, 3.0, 31);

    /** Two-Gaussian densities with ∫n ≈ 2 and varied shapes. */
    static List<double[]> densities(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> list = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            double centre = random.nextDouble(-0.8, 0.8);
            double width = random.nextDouble(0.5, 1.0);
            double[] n = new double[GRID.size()];
            double sum = 0;
            for (int j = 0; j < n.length; j++) {
                double x = GRID.coordinate(j);
                n[j] = Math.exp(-0.5 * (x - centre) * (x - centre) / (width * width))
                        + 0.5 * Math.exp(-(x + centre) * (x + centre));
                sum += n[j] * GRID.spacing();
            }
            for (int j = 0; j < n.length; j++) {
                n[j] *= 2.0 / sum;
            }
            list.add(n);
        }
        return list;
    }

    /** Samples whose targets are a given energy model's own E_xc and v_xc (exactly representable). */
    static List<XcSample> teacherSamples(XcModel teacher, List<double[]> densities) {
        EnergyXcFunctional functional = new EnergyXcFunctional(teacher, GRID, Interaction1D.exponential(), false);
        List<XcSample> samples = new ArrayList<>();
        for (int s = 0; s < densities.size(); s++) {
            double[] n = densities.get(s);
            double[] v = new double[n.length];
            double e = functional.energyAndPotential(RealField.wrap(GRID, n), RealField.wrap(GRID, v));
            boolean[] all = new boolean[n.length];
            java.util.Arrays.fill(all, true);
            samples.add(new XcSample("s" + s, n, v, XcSample.densityWeights(n, all, GRID.spacing()), e));
        }
        return samples;
    }

    /** The hand-written ∂ε/∂F of the training graph gives the same potential as SameDiff's autodiff. */
    @Test
    void trainingGraphPotentialIsTheAutodiffPotential() {
        XcModel model = new XcModel(XcModelKind.ENERGY, 3, MlpWeights.glorot(7, new int[] {6, 5}, 17), GRID.spacing(),
                "exponential", null);
        List<XcSample> samples = teacherSamples(model, densities(3, 2));
        double[][] explicit = XcTrainer.trainingGraphPotentials(model, samples, GRID.spacing());
        for (int s = 0; s < samples.size(); s++) {
            assertArrayEquals(samples.get(s).xcPotential(), explicit[s], 1e-13);
        }
    }

    /**
     * A student started near a teacher of the same architecture can fit the teacher's energies and potentials
     * exactly (the minimum of the loss is 0); full-batch L-BFGS must bring the loss down by five orders of
     * magnitude (measured: 7 in 200 steps),
     * and the validation set (other densities, same teacher) must follow.
     */
    @Test
    void studentFitsAnExactlyRepresentableTeacher() {
        MlpWeights teacherWeights = MlpWeights.glorot(3, new int[] {5}, 4);
        XcModel teacher = new XcModel(XcModelKind.ENERGY, 1, teacherWeights, GRID.spacing(), "exponential", null);
        List<XcSample> training = teacherSamples(teacher, densities(6, 8));
        List<XcSample> validation = teacherSamples(teacher, densities(2, 9));
        double[] perturbed = teacherWeights.flatten();
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < perturbed.length; i++) {
            perturbed[i] += random.nextDouble(-0.1, 0.1);
        }
        XcTrainingConfig config = new XcTrainingConfig(XcTrainingConfig.Optimizer.LBFGS, XcModelKind.ENERGY, 1, new int[] {5}, 1.0, 1.0, 1e-2, 1e-3,
                200, 10, 200, 1);
        XcTrainer.Result result = new XcTrainer(config).train(training, validation, GRID.spacing(), "exponential",
                "teacher network", teacherWeights.withParameters(perturbed));
        double initial = result.history().get(0).validationLoss();
        double best = result.model().training().validationLoss();
        System.out.printf("teacher fit: validation loss %.3e -> %.3e in %d steps%n", initial, best,
                result.model().training().epochs());
        assertTrue(best < 1e-5 * initial, "validation loss " + initial + " -> " + best);
        assertEquals(XcModelKind.ENERGY, result.model().kind());
        assertEquals(training.size(), result.model().training().trainingSamples().size());
    }
}
