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
import org.ofdft.ml.descriptors.SymmetryFunctions.Angular;
import org.ofdft.ml.descriptors.SymmetryFunctions.Radial;
import org.ofdft.ml.io.Atoms;
import org.ofdft.ml.io.StructureFiles;

class SymmetryFunctionsTest {

    private static final List<Radial> RADIAL = List.of(new Radial(0.05, 0), new Radial(0.5, 2.0), new Radial(2.0, 3.5));
    private static final List<Angular> ANGULAR = List.of(new Angular(0.01, 1, 1), new Angular(0.05, 2, -1),
            new Angular(0.02, 4.5, 1));
    private static final SymmetryFunctions ACSF = new SymmetryFunctions(List.of("H", "C", "O"), 6.0, RADIAL, ANGULAR);

    private static double cutoffFunction(double r, double rc) {
        return r < rc ? 0.5 * (Math.cos(Math.PI * r / rc) + 1) : 0;
    }

    @Test
    void radialFunctionOfADimer() {
        // H–O at R = 2 bohr: G2(H atom, O channel) = exp(−η (R − R_s)²) · ½ (cos(π R/R_c) + 1)
        Atoms dimer = Atoms.molecule(List.of("H", "O"), new double[][] {{0, 0, 0}, {0, 2, 0}});
        AtomicFeatures g = ACSF.compute(dimer, false);
        double fc = 0.5 * (Math.cos(Math.PI * 2 / 6.0) + 1); // = 0.75
        assertEquals(0.75, fc, 1e-15);
        assertEquals(Math.exp(-0.05 * 4) * 0.75, g.value(0, 2 * 3), 1e-15);          // O channel, η = 0.05, R_s = 0
        assertEquals(Math.exp(-0.5 * 0) * 0.75, g.value(0, 2 * 3 + 1), 1e-15);       // R_s = 2
        assertEquals(Math.exp(-2.0 * 1.5 * 1.5) * 0.75, g.value(0, 2 * 3 + 2), 1e-15);
        assertEquals(0, g.value(0, 0), 0, "no H neighbour of the H atom");
        assertEquals(Math.exp(-0.05 * 4) * 0.75, g.value(1, 0), 1e-15);              // O atom, H channel
        for (int f = 9; f < ACSF.length(); f++) {
            assertEquals(0, g.value(0, f), 0, "one neighbour: no angular terms");
        }
    }

    @Test
    void angularFunctionOfATriangle() {
        double[][] r = {{0.1, 0.2, -0.3}, {1.8, 0.4, 0.2}, {-0.5, 1.9, 0.6}};
        Atoms triangle = Atoms.molecule(List.of("H", "C", "O"), r);
        AtomicFeatures g = ACSF.compute(triangle, false);
        double a = distance(r[0], r[1]);
        double b = distance(r[0], r[2]);
        double c = distance(r[1], r[2]);
        double cos = (a * a + b * b - c * c) / (2 * a * b); // law of cosines for the angle at atom 0
        int pairCO = 4; // pairs (H,H)=0 (H,C)=1 (H,O)=2 (C,C)=3 (C,O)=4 (O,O)=5
        for (int q = 0; q < ANGULAR.size(); q++) {
            Angular p = ANGULAR.get(q);
            double expected = Math.pow(2, 1 - p.zeta()) * Math.pow(1 + p.lambda() * cos, p.zeta())
                    * Math.exp(-p.eta() * (a * a + b * b + c * c))
                    * cutoffFunction(a, 6) * cutoffFunction(b, 6) * cutoffFunction(c, 6);
            assertEquals(expected, g.value(0, 9 + pairCO * 3 + q), 1e-15 * Math.max(1, expected));
        }
    }

    @Test
    void invariantUnderRigidMotionAndPermutation() {
        Random random = new Random(5);
        List<String> species = List.of("C", "C", "O", "H", "H", "H", "H", "O");
        Atoms molecule = Geometry.randomMolecule(species, 6, 1.2, random);
        int[] permutation = Geometry.randomPermutation(species.size(), random);
        Atoms moved = Geometry.permuted(Geometry.moved(molecule, Geometry.randomRotation(random),
                new double[] {-4, 1, 2}), permutation);
        AtomicFeatures original = ACSF.compute(molecule, false);
        AtomicFeatures transformed = ACSF.compute(moved, false);
        for (int i = 0; i < species.size(); i++) {
            assertTrue(Geometry.maxRelativeDifference(original.row(permutation[i]), transformed.row(i)) < 1e-13);
        }
    }

    @Test
    void derivativesMatchCentralDifferences() {
        Random random = new Random(9);
        Atoms molecule = Geometry.randomMolecule(List.of("C", "O", "H", "H", "H", "C"), 5, 1.2, random);
        double error = FiniteDifferences.maxRelativeError(a -> ACSF.compute(a, true), molecule, 1e-5);
        assertTrue(error < 1e-9, "max |analytic − FD| / max |gradient| = " + error); // measured 9e-11 (SOAP), 3e-11 (ACSF)
    }

    @Test
    void continuousWhereANeighbourCrossesTheCutoff() {
        // f_c and f_c' vanish at R_c: G changes by O(δ²) when a neighbour moves from R_c − δ to R_c + δ
        double delta = 1e-6;
        Atoms inside = Atoms.molecule(List.of("H", "H", "O"), new double[][] {{0, 0, 0}, {6 - delta, 0, 0}, {0, 1.5, 0}});
        Atoms outside = Atoms.molecule(List.of("H", "H", "O"), new double[][] {{0, 0, 0}, {6 + delta, 0, 0}, {0, 1.5, 0}});
        double change = Geometry.maxAbsoluteDifference(ACSF.compute(inside, false).values(),
                ACSF.compute(outside, false).values());
        assertTrue(change < 1e-12, "jump at the cutoff: " + change);
    }

    @Test
    void periodicImagesSupercellsAndLatticeTranslations() throws IOException {
        Atoms cell = perturbedAluminium(new Random(2));
        SymmetryFunctions acsf = new SymmetryFunctions(List.of("Al"), 9.0, RADIAL, ANGULAR); // R_c > a = 7.65 bohr
        AtomicFeatures primitive = acsf.compute(cell, false);
        // a 2 × 1 × 3 supercell: atom i + 4m is atom i translated by a lattice vector
        AtomicFeatures supercell = acsf.compute(Atoms.fromStructure(cell.toStructure().repeat(2, 1, 3)), false);
        for (int m = 0; m < 6; m++) {
            for (int i = 0; i < 4; i++) {
                assertTrue(Geometry.maxRelativeDifference(primitive.row(i), supercell.row(4 * m + i)) < 1e-12);
            }
        }
        // moving one atom by a lattice vector changes nothing
        double[][] r = cell.positions();
        double[] a2 = cell.cell().orElseThrow().latticeVector(1);
        for (int k = 0; k < 3; k++) {
            r[2][k] -= a2[k];
        }
        assertArrayEquals(primitive.values(), acsf.compute(cell.withPositions(r), false).values(), 1e-10);
        double error = FiniteDifferences.maxRelativeError(a -> acsf.compute(a, true), cell, 1e-5);
        assertTrue(error < 1e-8, "periodic derivatives: " + error);
    }

    @Test
    void unknownElementsAndBadParametersAreRefused() {
        Atoms water = Atoms.molecule(List.of("O", "H", "N"), new double[][] {{0, 0, 0}, {1.8, 0, 0}, {0, 1.8, 0}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ACSF.compute(water, false));
        assertTrue(e.getMessage().contains("atom 2 (N)") && e.getMessage().contains("[H, C, O]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Angular(0.1, 0.5, 1));
        assertThrows(IllegalArgumentException.class, () -> new Angular(0.1, 1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new SymmetryFunctions(List.of("H"), -1, RADIAL, ANGULAR));
    }

    /** fcc Al (a = 4.05 Å) with each atom displaced by up to 0.2 bohr, so that no two environments coincide. */
    static Atoms perturbedAluminium(Random random) throws IOException {
        Atoms ideal = StructureFiles.read(Path.of("..", "validation-data", "descriptors", "al_fcc.vasp")).get(0);
        double[][] r = ideal.positions();
        for (double[] atom : r) {
            for (int k = 0; k < 3; k++) {
                atom[k] += 0.4 * (random.nextDouble() - 0.5);
            }
        }
        return ideal.withPositions(r);
    }

    private static double distance(double[] p, double[] q) {
        double dx = p[0] - q[0];
        double dy = p[1] - q[1];
        double dz = p[2] - q[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
