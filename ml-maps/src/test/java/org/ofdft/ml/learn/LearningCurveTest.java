package org.ofdft.ml.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ofdft.ml.descriptors.LengthUnit;
import org.ofdft.ml.regression.DenseCholesky;
import org.ofdft.ml.validation.Metrics;

class LearningCurveTest {

    private static final Path QM7 = Path.of("..", "..", "shared", "datasets", "qm7", "qm7.xyz");
    private static final String ENERGY = "atomization_energy_pbe0_kcal_mol";

    @Test
    void qm7SliceBeatsTheMeanPredictorByALargeFactor() throws IOException {
        assumeTrue(Files.exists(QM7), "shared/datasets/qm7/qm7.xyz not present");
        MoleculeDataset data = MoleculeDataset.readXyz(QM7, ENERGY).head(300);
        double[][] features = MolecularDescriptor.CM_SORTED.compute(data.molecules(), LengthUnit.ANGSTROM).rows();
        List<String> log = new ArrayList<>();
        LearningCurve.Result result = LearningCurve.run(features, data.values(), new LearningCurve.Settings(
                KernelFamily.LAPLACIAN, new int[] {50, 200}, 100, 7, null, LearningCurve.DEFAULT_LAMBDAS, 4),
                DenseCholesky.fastest(), log::add);
        // the known baseline: predicting the training mean for every test molecule
        double[] y = data.values();
        int[] test = result.testIndices();
        double[] testValues = Arrays.stream(test).mapToDouble(i -> y[i]).toArray();
        int[] permutation = LearningCurve.shuffle(300, 7);
        double trainingMean = Arrays.stream(permutation, 100, 300).mapToDouble(i -> y[i]).average().getAsDouble();
        double meanPredictorError = Metrics.of(testValues,
                Arrays.stream(test).mapToDouble(i -> trainingMean).toArray()).meanAbsoluteError();
        assertTrue(meanPredictorError > 100, "QM7 energies spread over ~2000 kcal/mol: " + meanPredictorError);
        LearningCurve.Point small = result.points().get(0);
        LearningCurve.Point large = result.points().get(1);
        // measured: 24.3 and 10.5 kcal/mol (seed 7, sorted CM in Å); the mean predictor: 211 kcal/mol
        assertTrue(large.test().meanAbsoluteError() < meanPredictorError / 8, large.toString());
        assertTrue(large.test().meanAbsoluteError() < small.test().meanAbsoluteError(), result.points().toString());
        assertTrue(large.test().rSquared() > 0.99, large.toString());
        assertEquals(100, large.test().count());
        // hyperparameters from the grid, with their CV error
        assertTrue(Arrays.stream(result.sigmaGrid()).anyMatch(s -> s == large.sigma()));
        assertTrue(Double.isFinite(large.crossValidatedError()));
        assertTrue(log.stream().anyMatch(line -> line.startsWith("N = 200: σ = ")), log.toString());
    }

    @Test
    void aSmoothFunctionOfOneFeatureIsLearnedToHighAccuracy() {
        // y = 100/r on r ∈ [1, 2]: with 60 training points a Laplacian KRR interpolates to ≪ 1% of the range
        int count = 100;
        double[][] features = new double[count][1];
        double[] y = new double[count];
        for (int i = 0; i < count; i++) {
            double r = 1 + (i * 37 % count) / (double) count;
            features[i][0] = r;
            y[i] = 100 / r;
        }
        LearningCurve.Result result = LearningCurve.run(features, y, new LearningCurve.Settings(KernelFamily.GAUSSIAN,
                new int[] {10, 60}, 40, 3, null, new double[] {1e-10, 1e-8}, 5), DenseCholesky.fastest(), line -> { });
        assertTrue(result.points().get(1).test().maxAbsoluteError() < 0.05, result.points().toString());
        assertTrue(result.points().get(1).test().rSquared() > 0.99999);
    }

    @Test
    void fixedHyperparametersSkipCrossValidation() {
        double[][] features = {{0}, {1}, {2}, {3}, {4}, {5}};
        double[] y = {0, 1, 4, 9, 16, 25};
        LearningCurve.Result result = LearningCurve.run(features, y, new LearningCurve.Settings(KernelFamily.LAPLACIAN,
                new int[] {4}, 2, 1, new double[] {2.0}, new double[] {1e-6}, 5), DenseCholesky.pureJava(), line -> { });
        LearningCurve.Point point = result.points().get(0);
        assertEquals(2.0, point.sigma());
        assertEquals(1e-6, point.lambda());
        assertTrue(Double.isNaN(point.crossValidatedError()));
        assertEquals(null, point.crossValidation());
    }

    @Test
    void sizesBeyondTheDataAreClearErrors() {
        double[][] features = new double[50][];
        for (int i = 0; i < 50; i++) {
            features[i] = new double[] {i};
        }
        double[] y = new double[50];
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class, () -> LearningCurve.run(
                features, y, new LearningCurve.Settings(KernelFamily.LAPLACIAN, new int[] {10, 45}, 10, 1, null,
                        LearningCurve.DEFAULT_LAMBDAS, 5), DenseCholesky.pureJava(), line -> { }));
        assertEquals("training-set size 45 is larger than the 40 samples left after the 10 test samples (data set:"
                + " 50)", tooMany.getMessage());
        IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class, () -> LearningCurve.run(
                features, y, new LearningCurve.Settings(KernelFamily.LAPLACIAN, new int[] {3}, 10, 1, null,
                        LearningCurve.DEFAULT_LAMBDAS, 5), DenseCholesky.pureJava(), line -> { }));
        assertTrue(tooFew.getMessage().contains("need at least 5 (one sample per cross-validation fold)"),
                tooFew.getMessage());
        IllegalArgumentException test = assertThrows(IllegalArgumentException.class, () -> LearningCurve.run(
                features, y, new LearningCurve.Settings(KernelFamily.LAPLACIAN, new int[] {3}, 50, 1, null,
                        LearningCurve.DEFAULT_LAMBDAS, 5), DenseCholesky.pureJava(), line -> { }));
        assertTrue(test.getMessage().startsWith("test-set size must be between 1 and 49"), test.getMessage());
    }

    @Test
    void unknownPropertyListsTheNumericKeys(@org.junit.jupiter.api.io.TempDir Path directory) throws IOException {
        Path file = directory.resolve("two.xyz");
        Files.writeString(file, """
                2
                energy_kcal_mol=-100.5 gap_ev=3.2 name=h2 pbc="F F F"
                H 0 0 0
                H 0 0 0.74
                2
                energy_kcal_mol=-101.0 gap_ev=3.1 name=h2 pbc="F F F"
                H 0 0 0
                H 0 0 0.75
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MoleculeDataset.readXyz(file, "energy"));
        assertTrue(e.getMessage().contains("unknown property 'energy'"), e.getMessage());
        assertTrue(e.getMessage().endsWith("numeric keys of the first frame: energy_kcal_mol, gap_ev"), e.getMessage());
        MoleculeDataset data = MoleculeDataset.readXyz(file, "gap_ev");
        assertEquals(2, data.size());
        assertEquals(3.1, data.values()[1]);
    }

    @Test
    void descriptorAndKernelNamesAreChecked() {
        assertEquals(MolecularDescriptor.BOB, MolecularDescriptor.byName("bob"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MolecularDescriptor.byName("cm"));
        assertEquals("unknown descriptor 'cm'; valid: cm-sorted, cm-eigen, cm-unsorted, bob, soap", e.getMessage());
        IllegalArgumentException k = assertThrows(IllegalArgumentException.class, () -> KernelFamily.byName("rbf"));
        assertEquals("unknown kernel 'rbf'; valid: laplacian, gaussian", k.getMessage());
    }
}
