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

class BagOfBondsTest {

    @Test
    void waterByHand() {
        // O at the origin, H at 0.9572 Å and 1.2 Å (deliberately unequal), H–H distance from the geometry
        double a = 0.9572;
        double b = 1.2;
        double angle = Math.toRadians(104.52);
        double[][] angstrom = {{0, 0, 0}, {a, 0, 0}, {b * Math.cos(angle), b * Math.sin(angle), 0}};
        double[][] bohr = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                bohr[i][k] = Units.angstromToBohr(angstrom[i][k]);
            }
        }
        Atoms water = Atoms.molecule(List.of("O", "H", "H"), bohr);
        BagOfBonds bob = BagOfBonds.fromDataset(List.of(water), LengthUnit.ANGSTROM);
        assertEquals("[H[2], H-H[1], H-O[2], O[1]]", bob.bags().toString());
        double hh = Math.sqrt(a * a + b * b - 2 * a * b * Math.cos(angle));
        double[] expected = {0.5, 0.5, 1 / hh, 8 / a, 8 / b, 0.5 * Math.pow(8, 2.4)};
        assertArrayEquals(expected, bob.compute(water), 1e-12);
    }

    @Test
    void bagsArePaddedToTheLargestMoleculeOfTheDataset() throws IOException {
        List<Atoms> molecules = XyzReader.read(Path.of("..", "validation-data", "descriptors", "qm7_first4.xyz"));
        BagOfBonds bob = BagOfBonds.fromDataset(molecules, LengthUnit.ANGSTROM);
        // CH4, C2H6, C2H4, C2H2: at most 6 H (15 H–H pairs), 2 C (1 C–C pair), 12 C–H pairs
        assertEquals("[H[6], H-H[15], H-C[12], C[2], C-C[1]]", bob.bags().toString());
        assertEquals(36, bob.length());
        double[] methane = bob.compute(molecules.get(0));
        assertArrayEquals(new double[] {0.5, 0.5, 0.5, 0.5, 0, 0}, java.util.Arrays.copyOfRange(methane, 0, 6), 0);
        for (int k = 22; k < 28; k++) {
            assertTrue(methane[k] > methane[k + 1] || methane[k + 1] == 0, "H–C bag sorted and padded");
        }
        assertEquals(0, methane[35], 0, "no C–C pair in methane");
    }

    @Test
    void invariantUnderRigidMotionAndPermutation() {
        Random random = new Random(3);
        List<String> species = List.of("C", "C", "N", "O", "H", "H", "H", "H");
        Atoms molecule = Geometry.randomMolecule(species, 7, 1.5, random);
        BagOfBonds bob = BagOfBonds.fromDataset(List.of(molecule), LengthUnit.BOHR);
        Atoms moved = Geometry.permuted(Geometry.moved(molecule, Geometry.randomRotation(random), new double[] {1, 2, 3}),
                Geometry.randomPermutation(species.size(), random));
        assertTrue(Geometry.maxRelativeDifference(bob.compute(molecule), bob.compute(moved)) < 1e-13);
        double[][] r = molecule.positions();
        r[0][2] += 1e-7;
        double change = Geometry.maxAbsoluteDifference(bob.compute(molecule), bob.compute(molecule.withPositions(r)));
        assertTrue(change > 0 && change < 1e-4, "continuous: " + change); // |∂(Z_i Z_j/R)/∂R| ≤ 56/1.5² per bohr
    }

    @Test
    void moleculesOutsideTheBagsAreRefused() {
        Atoms methane = Atoms.molecule(List.of("C", "H", "H", "H", "H"), new double[][] {
                {0, 0, 0}, {2, 0, 0}, {-2, 0, 0}, {0, 2, 0}, {0, -2, 0}});
        Atoms ammonia = Atoms.molecule(List.of("N", "H"), new double[][] {{0, 0, 0}, {2, 0, 0}});
        BagOfBonds bob = BagOfBonds.fromDataset(List.of(ammonia), LengthUnit.BOHR);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bob.compute(methane));
        assertTrue(e.getMessage().contains("does not fit the bag of bonds"), e.getMessage());
    }
}
