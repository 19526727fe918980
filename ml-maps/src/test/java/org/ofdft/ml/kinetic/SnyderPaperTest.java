package org.ofdft.ml.kinetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ofdft.ml.data.Dataset1D;
import org.ofdft.ml.data.SnyderBox;

/**
 * The paper's own model (Snyder et al., PRL 108, 253002 (2012); numbers in validation-data/snyder2012):
 * its 100 training potentials, N = 1, σ = 43, λ = 1.2e-13, in its own discretization (3-point finite
 * differences on x_j = j/499).
 */
class SnyderPaperTest {

    static final double KCAL_PER_HARTREE = 627.509;
    static final Path PAPER = Path.of("../validation-data/snyder2012/paper_potentials.txt");

    static SnyderBox.PaperTrainingSet paper;
    static Dataset1D training;
    static MlKineticFunctional model;

    @BeforeAll
    static void fitThePaperModel() throws IOException {
        paper = SnyderBox.readPaperTrainingSet(PAPER);
        training = SnyderBox.generate(paper.potentials(), 1, SnyderBox.Discretization.FINITE_DIFFERENCE, done -> { });
        model = KineticModelTraining.fit(training, MlKineticFunctional.Baseline.NONE, 43, 1.2e-13).functional();
    }

    /** α is very sensitive to T at this λ; in the paper's discretization it reproduces the file's α_j. */
    @Test
    void dualCoefficientsMatchThePaper() {
        double[] alpha = model.model().dualCoefficients();
        double correlation = new org.apache.commons.math3.stat.correlation.PearsonsCorrelation()
                .correlation(alpha, paper.alphas());
        assertTrue(correlation > 0.9999, "correlation with the paper's α_j: " + correlation);
        double product = 0;
        double norm = 0;
        for (int j = 0; j < alpha.length; j++) {
            product += alpha[j] * paper.alphas()[j];
            norm += paper.alphas()[j] * paper.alphas()[j];
        }
        assertEquals(1e7, product / norm, 0.02e7, "least-squares scale α_j(Ha) / α_j(paper)");
    }

    /**
     * Published: MAE 0.15 kcal/mol on test potentials. On 1000 random ones the mean has a sampling error of
     * std/√1000 ≈ 0.0075 kcal/mol, so the MAE must land within 0.015 (2 standard errors) of 0.15.
     */
    @Test
    void testErrorIsThePublishedOne() {
        Dataset1D test = SnyderBox.generate(SnyderBox.randomPotentials(1000, 99), 1,
                SnyderBox.Discretization.FINITE_DIFFERENCE, done -> { });
        double[] errors = KineticModelEvaluation.evaluate(model, null, test, null, done -> { }).kineticErrors();
        double mae = 0;
        double max = 0;
        for (double e : errors) {
            mae += Math.abs(e) * KCAL_PER_HARTREE / errors.length;
            max = Math.max(max, Math.abs(e) * KCAL_PER_HARTREE);
        }
        assertEquals(0.15, mae, 0.015, "MAE (kcal/mol)");
        assertTrue(max > 1 && max < 6, "max |ΔT| " + max + " kcal/mol (published 3.3)");
    }
}
