package org.ofdft.ml.descriptors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ofdft.grids.Units;
import org.ofdft.ml.io.Atoms;
import org.ofdft.ml.io.XyzReader;

class CoulombMatrixTest {

    private static final double BOHR = 0.5291772105638411; // Å
    private static final List<String> SPECIES = List.of("C", "C", "N", "O", "H", "H", "H", "H", "H", "S");

    /** H₂ at 0.74 Å along x. */
    private static Atoms hydrogen(double distanceAngstrom) {
        return Atoms.molecule(List.of("H", "H"), new double[][] {{0, 0, 0}, {Units.angstromToBohr(distanceAngstrom), 0, 0}});
    }

    @Test
    void hydrogenMoleculeByHand() {
        // M = [[0.5·1^2.4, 1·1/d], [1/d, 0.5]]; d = 0.74 Å, or 0.74/0.529177… bohr
        double inverseAngstrom = 1 / 0.74;
        double inverseBohr = BOHR / 0.74;
        assertArrayEquals(new double[] {0.5, inverseAngstrom, 0.5, 0, 0, 0},
                CoulombMatrix.sorted(3, LengthUnit.ANGSTROM).compute(hydrogen(0.74)), 1e-15);
        assertArrayEquals(new double[] {0.5, inverseBohr, 0.5},
                CoulombMatrix.sorted(2, LengthUnit.BOHR).compute(hydrogen(0.74)), 1e-15);
        // eigenvalues 0.5 ± 1/d
        assertArrayEquals(new double[] {0.5 + inverseAngstrom, 0.5 - inverseAngstrom, 0},
                CoulombMatrix.eigenvalues(3, LengthUnit.ANGSTROM).compute(hydrogen(0.74)), 1e-14);
        assertArrayEquals(new double[] {0.5 + inverseAngstrom, 0, 0.5 - inverseAngstrom},
                new CoulombMatrix(3, CoulombMatrix.Variant.EIGENVALUES, CoulombMatrix.SpectrumOrder.BY_VALUE,
                        LengthUnit.ANGSTROM).compute(hydrogen(0.74)), 1e-14);
    }

    @Test
    void rowNormSortingPutsTheHeavierAtomFirst() {
        // CO, 1.128 Å: O has the larger row (0.5·8^2.4 > 0.5·6^2.4), so it comes first
        Atoms carbonMonoxide = Atoms.molecule(List.of("C", "O"),
                new double[][] {{0, 0, 0}, {0, 0, Units.angstromToBohr(1.128)}});
        double[] sorted = CoulombMatrix.sorted(2, LengthUnit.ANGSTROM).compute(carbonMonoxide);
        assertArrayEquals(new double[] {0.5 * Math.pow(8, 2.4), 48 / 1.128, 0.5 * Math.pow(6, 2.4)}, sorted, 1e-12);
        double[] unsorted = new CoulombMatrix(2, CoulombMatrix.Variant.UNSORTED, CoulombMatrix.SpectrumOrder.BY_MAGNITUDE,
                LengthUnit.ANGSTROM).compute(carbonMonoxide);
        assertArrayEquals(new double[] {0.5 * Math.pow(6, 2.4), 48 / 1.128, 0.5 * Math.pow(8, 2.4)}, unsorted, 1e-12);
    }

    @Test
    void sortedAndSpectrumAreInvariantUnderRigidMotionAndPermutation() {
        Random random = new Random(7);
        for (int trial = 0; trial < 5; trial++) {
            Atoms molecule = Geometry.randomMolecule(SPECIES, 8, 1.5, random);
            Atoms moved = Geometry.permuted(Geometry.moved(molecule, Geometry.randomRotation(random),
                    new double[] {3, -2, 10}), Geometry.randomPermutation(SPECIES.size(), random));
            for (CoulombMatrix cm : List.of(CoulombMatrix.sorted(12, LengthUnit.ANGSTROM),
                    CoulombMatrix.eigenvalues(12, LengthUnit.ANGSTROM))) {
                double[] a = cm.compute(molecule);
                double[] b = cm.compute(moved);
                assertTrue(Geometry.maxRelativeDifference(a, b) < 1e-13, cm.variant() + ": "
                        + Geometry.maxRelativeDifference(a, b));
            }
        }
    }

    @Test
    void continuousUnderSmallDisplacements() {
        Random random = new Random(11);
        Atoms molecule = Geometry.randomMolecule(SPECIES, 8, 1.5, random);
        double[][] r = molecule.positions();
        r[3][1] += 1e-7;
        Atoms displaced = molecule.withPositions(r);
        for (CoulombMatrix cm : List.of(CoulombMatrix.sorted(10, LengthUnit.BOHR), CoulombMatrix.eigenvalues(10, LengthUnit.BOHR))) {
            // |∂M_ij/∂R| = Z_i Z_j / R² ≤ 16·8/1.5² ≈ 57 per bohr: a 1e-7 bohr step moves each entry by < 6e-6,
            // and (Weyl) each eigenvalue by at most the matrix 2-norm of the change, < 10 · 6e-6
            double change = Geometry.maxAbsoluteDifference(cm.compute(molecule), cm.compute(displaced));
            assertTrue(change > 0 && change < 6e-5, cm.variant() + ": " + change);
        }
    }

    @Test
    void qm7ExcerptInTheAngstromConvention() throws IOException {
        List<Atoms> molecules = XyzReader.read(Path.of("..", "validation-data", "descriptors", "qm7_first4.xyz"));
        double[][] features = CoulombMatrix.sorted(23, LengthUnit.ANGSTROM).computeAll(molecules);
        assertEquals(276, features[0].length);
        // methane: C first (0.5·6^2.4), then C–H in the first column: 6/|R_CH| with |R_CH| from the file (Å)
        double dx = 2.130894 - 1.041682;
        double dy = -0.056202 + 0.056200;
        double dz = -0.071496 + 0.071481;
        assertEquals(0.5 * Math.pow(6, 2.4), features[0][0], 1e-12);
        assertEquals(0.5 * Math.pow(6, 2.4), features[3][0], 1e-12);
        double largestCh = 0;
        for (int i = 1; i < 5; i++) {
            largestCh = Math.max(largestCh, features[0][i * (i + 1) / 2]);
        }
        assertTrue(largestCh >= 6 / Math.sqrt(dx * dx + dy * dy + dz * dz) - 1e-9);
        assertEquals(0, features[0][5 * 6 / 2], 0, "row 5 is padding");
    }

    @Test
    void tooLargeMoleculesAndPeriodicSystemsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CoulombMatrix.sorted(1, LengthUnit.BOHR).compute(hydrogen(0.74)));
        assertTrue(e.getMessage().contains("has 2 atoms but the Coulomb matrix is padded to 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CoulombMatrix.sorted(0, LengthUnit.BOHR));
    }
}
