package org.ofdft.ml.descriptors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;
import org.ofdft.grids.Cell;
import org.ofdft.ml.io.Atoms;
import org.ofdft.ml.io.StructureFiles;

class PartialRadialDistributionTest {

    private static double shell(double inner, double outer) {
        return 4 * Math.PI / 3 * (outer * outer * outer - inner * inner * inner);
    }

    @Test
    void fccShellsByHand() throws IOException {
        Atoms aluminium = StructureFiles.read(Path.of("..", "validation-data", "descriptors", "al_fcc.vasp")).get(0);
        double a = aluminium.cell().orElseThrow().length(0); // 4.05 Å in bohr
        // shells of fcc: 12 at a/√2, 6 at a, 24 at a√(3/2); r_max = 1.1 a in 110 bins of a/100
        PartialRadialDistribution prdf = new PartialRadialDistribution(List.of("Al"), 1.1 * a, 110, 0);
        double[] g = prdf.compute(aluminium);
        double width = prdf.binWidth();
        int first = (int) (a / Math.sqrt(2) / width);
        int second = (int) (a / width);
        double total = 0;
        for (int bin = 0; bin < 110; bin++) {
            double expected = bin == first ? 12 / shell(bin * width, (bin + 1) * width)
                    : bin == second ? 6 / shell(bin * width, (bin + 1) * width) : 0;
            assertEquals(expected, g[bin], 1e-12 * Math.abs(expected), "bin " + bin);
            total += g[bin] * shell(bin * width, (bin + 1) * width);
        }
        assertEquals(18, total, 1e-12, "coordination within 1.1 a");
    }

    @Test
    void caesiumChlorideCrossTermsAndTheirSymmetry() {
        // CsCl structure: Cl at the cube centre; Cs–Cl 8 at a√3/2, Cs–Cs 6 at a; N_α g_αβ = N_β g_βα
        double a = 7.8;
        Atoms cscl = new Atoms(List.of("Cs", "Cl"), new double[][] {{0, 0, 0}, {a / 2, a / 2, a / 2}}, Cell.cubic(a),
                java.util.Map.of(), "CsCl");
        PartialRadialDistribution prdf = new PartialRadialDistribution(List.of("Cs", "Cl", "Na"), 1.05 * a, 42, 0);
        double[] g = prdf.compute(cscl);
        double width = prdf.binWidth();
        int bins = 42;
        int nearest = (int) (a * Math.sqrt(3) / 2 / width);
        int second = (int) (a / width);
        double nearestShell = shell(nearest * width, (nearest + 1) * width);
        double secondShell = shell(second * width, (second + 1) * width);
        assertEquals(8 / nearestShell, g[1 * bins + nearest], 1e-12 / nearestShell);   // Cs–Cl
        assertEquals(8 / nearestShell, g[3 * bins + nearest], 1e-12 / nearestShell);   // Cl–Cs
        assertEquals(6 / secondShell, g[0 * bins + second], 1e-12 / secondShell);      // Cs–Cs
        assertEquals(6 / secondShell, g[4 * bins + second], 1e-12 / secondShell);      // Cl–Cl
        for (int k = 2 * bins; k < 3 * bins; k++) {
            assertEquals(0, g[k], 0, "no Na");
        }
        for (int k = 6 * bins; k < 9 * bins; k++) {
            assertEquals(0, g[k], 0, "no Na");
        }
    }

    @Test
    void supercellRotationAndPermutationGiveTheSameFunction() throws IOException {
        Atoms cell = SymmetryFunctionsTest.perturbedAluminium(new Random(12));
        Atoms mixed = new Atoms(List.of("Al", "Mg", "Al", "Mg"), cell.positions(), cell.cell().orElseThrow(),
                java.util.Map.of(), "");
        for (double smearing : new double[] {0, 0.2}) {
            PartialRadialDistribution prdf = new PartialRadialDistribution(List.of("Mg", "Al"), 12, 60, smearing);
            double[] reference = prdf.compute(mixed);
            double[] supercell = prdf.compute(Atoms.fromStructure(mixed.toStructure().repeat(2, 1, 2)));
            assertTrue(Geometry.maxRelativeDifference(reference, supercell) < 1e-12, "supercell, s = " + smearing);
            // rotate lattice and positions together, and reorder the atoms
            double[][] rotation = Geometry.randomRotation(new Random(3));
            Cell original = mixed.cell().orElseThrow();
            double[][] lattice = new double[3][];
            for (int i = 0; i < 3; i++) {
                lattice[i] = rotate(rotation, original.latticeVector(i));
            }
            double[][] r = mixed.positions();
            int[] order = {3, 1, 0, 2};
            double[][] rotated = new double[4][];
            List<String> species = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                rotated[i] = rotate(rotation, r[order[i]]);
                species.add(mixed.speciesOf(order[i]));
            }
            Atoms moved = new Atoms(species, rotated, Cell.ofBohr(lattice), java.util.Map.of(), "");
            assertTrue(Geometry.maxRelativeDifference(reference, prdf.compute(moved)) < 1e-12, "rotation, s = " + smearing);
        }
    }

    @Test
    void smearedFunctionIsContinuousAndKeepsTheCoordination() throws IOException {
        Atoms cell = SymmetryFunctionsTest.perturbedAluminium(new Random(13));
        PartialRadialDistribution prdf = new PartialRadialDistribution(List.of("Al"), 14, 70, 0.15);
        double[] g = prdf.compute(cell);
        double[][] r = cell.positions();
        r[2][0] += 1e-7;
        double[] displaced = prdf.compute(cell.withPositions(r));
        // ∂w_b/∂R ≤ 1/(√(2π) s) per pair; a pair-count change of 1e-7/s, divided by N V_b ≥ the first shell volume
        double change = Geometry.maxAbsoluteDifference(g, displaced);
        assertTrue(change > 0 && change < 1e-7 / 0.15 / shell(0, 0.2), "continuous: " + change);
        // Σ_b g_b V_b telescopes to (1/N) Σ_pairs ½ [erf((r_max − R)/√2 s) − erf(−R/√2 s)]
        NeighbourList list = NeighbourList.build(cell, 14 + 8 * 0.15);
        double expected = 0;
        for (int e = 0; e < list.end(3); e++) {
            double distance = list.distance(e);
            expected += 0.5 * (Erf.erf((14 - distance) / (Math.sqrt(2) * 0.15)) - Erf.erf(-distance / (Math.sqrt(2) * 0.15)));
        }
        expected /= 4;
        double width = prdf.binWidth();
        double total = 0;
        for (int bin = 0; bin < 70; bin++) {
            total += g[bin] * shell(bin * width, (bin + 1) * width);
        }
        assertEquals(expected, total, 1e-12 * expected);
        assertTrue(expected > 80, "fcc has 86 neighbours within 1.73 a ≈ 13.2 bohr: " + expected);
    }

    private static double[] rotate(double[][] rotation, double[] v) {
        double[] out = new double[3];
        for (int k = 0; k < 3; k++) {
            for (int m = 0; m < 3; m++) {
                out[k] += rotation[k][m] * v[m];
            }
        }
        return out;
    }
}
