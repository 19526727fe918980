package org.ofdft.ml.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnyderBoxTest {

    static final Path PAPER = Path.of("../../shared/datasets/snyder2012/paper_potentials.txt");

    @Test
    void readsThePaperTrainingSetWithWidthsAndCentresSwappedBack() throws IOException {
        SnyderBox.PaperTrainingSet paper = SnyderBox.readPaperTrainingSet(PAPER);
        assertEquals(100, paper.potentials().size());
        assertEquals(14.34267159730358, paper.alphas()[0]);
        GaussianWells first = paper.potentials().get(0);
        assertEquals(1.180270056381577, first.depths()[0]);
        assertEquals(0.5299345325943254, first.centres()[0], "the file's c1 column is the centre");
        assertEquals(0.07195101071267996, first.widths()[0], "the file's b1 column is the width");
        for (GaussianWells wells : paper.potentials()) {
            for (int i = 0; i < 3; i++) {
                assertTrue(wells.centres()[i] >= 0.4 && wells.centres()[i] <= 0.6);
                assertTrue(wells.widths()[i] >= 0.03 && wells.widths()[i] <= 0.1);
            }
        }
    }

    /**
     * Both discretizations hold N electrons (∫n dx by the trapezoid rule on the 500 points, exact for the
     * 3-point scheme's normalization) and agree to the finite-difference error, which shrinks as h².
     */
    @Test
    void referenceAndPaperDiscretizationsAgreeToTheStencilError() {
        List<GaussianWells> potentials = SnyderBox.randomPotentials(3, 7);
        for (int electrons = 1; electrons <= 4; electrons++) {
            Dataset1D exact = SnyderBox.generate(potentials, electrons, SnyderBox.Discretization.SINE_BASIS, done -> { });
            Dataset1D paper = SnyderBox.generate(potentials, electrons, SnyderBox.Discretization.FINITE_DIFFERENCE,
                    done -> { });
            double h = 1.0 / 499;
            for (int i = 0; i < potentials.size(); i++) {
                assertEquals(electrons, integral(exact.densities()[i], h), 2e-10);
                assertEquals(electrons, integral(paper.densities()[i], h), 1e-10);
                double kineticError = paper.kineticEnergies()[i] - exact.kineticEnergies()[i];
                // 3-point stencil: T_h − T ≈ −(h²/12)·Σ⟨ψ''''⟩/2 < 0 … below 1e-2 Ha at this h for N ≤ 4
                assertTrue(Math.abs(kineticError) < 1e-2 && Math.abs(kineticError) > 1e-6,
                        "N = " + electrons + ": T_s(FD) − T_s(exact) = " + kineticError);
                assertEquals(exact.totalEnergies()[i], paper.totalEnergies()[i], 1e-2);
            }
        }
    }

    @Test
    void generatedDatasetsRoundTrip(@TempDir Path directory) throws IOException {
        Dataset1D data = SnyderBox.generate(SnyderBox.randomPotentials(4, 11), 2,
                SnyderBox.Discretization.SINE_BASIS, done -> { });
        Path file = directory.resolve("snyder.npz");
        data.write(file);
        Dataset1D back = Dataset1D.read(file);
        assertEquals(data, back);
        assertEquals(9, back.otherArrays().get(SnyderBox.POTENTIAL_PARAMETERS).shape()[1]);
        assertTrue(Files.size(file) > 4 * 500 * 8 * 2);
        assertThrows(IllegalArgumentException.class, () -> SnyderBox.randomPotentials(0, 1));
    }

    private static double integral(double[] density, double h) {
        double sum = 0;
        for (double n : density) {
            sum += n;
        }
        return sum * h;
    }
}
