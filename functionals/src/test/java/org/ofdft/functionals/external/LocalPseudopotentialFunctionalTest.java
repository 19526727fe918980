package org.ofdft.functionals.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ofdft.functionals.ConsistencyCheck;
import org.ofdft.functionals.DensityFunctional;
import org.ofdft.functionals.SpinTreatment;
import org.ofdft.functionals.TestDensities;
import org.ofdft.functionals.TotalFunctional;
import org.ofdft.functionals.io.RecpotReader;
import org.ofdft.functionals.io.UpfReader;
import org.ofdft.functionals.kinetic.ThomasFermi;
import org.ofdft.functionals.xc.LdaFunctional;
import org.ofdft.grids.Cell;
import org.ofdft.grids.Grid3D;
import org.ofdft.grids.RealField;
import org.ofdft.grids.SpectralOperators;
import org.ofdft.grids.fft.FftBackend;
import org.ofdft.grids.fft.JavaFftBackend;

class LocalPseudopotentialFunctionalTest {

    private static final Path PP = Path.of("src/test/resources/pseudopotentials");
    private static FftBackend backend;
    private static TabulatedFormFactor alRecpot;
    private static RadialLocalPseudopotential alUpf;
    private static TabulatedFormFactor si;

    @BeforeAll
    static void setUp() throws Exception {
        backend = new JavaFftBackend(1);
        alRecpot = RecpotReader.read(PP.resolve("al.lda.recpot"));
        alUpf = UpfReader.readLocal(PP.resolve("al.lda.upf"));
        si = RecpotReader.read(PP.resolve("si.lda.recpot"));
    }

    @AfterAll
    static void tearDown() {
        backend.close();
    }

    private static LocalPseudopotentialFunctional functional(Grid3D grid, Structure structure,
                                                             Map<String, ? extends LocalPseudopotential> pps) {
        try (SpectralOperators operators = new SpectralOperators(grid, backend)) {
            return new LocalPseudopotentialFunctional(operators, structure, pps);
        }
    }

    private static Structure aluminium(Cell cell) {
        return Structure.fromFractional(cell, List.of("Al"), new double[][] {{0, 0, 0}});
    }

    @Test
    void potentialIsTheDerivative() {
        Grid3D grid = TestDensities.grid3D();
        Structure two = Structure.fromFractional(grid.cell(), List.of("Al", "Si"),
                new double[][] {{0.1, 0.2, 0.3}, {0.55, 0.4, 0.7}});
        ConsistencyCheck.assertPotentialIsDerivative("local pseudopotential",
                functional(grid, two, Map.of("Al", alRecpot, "Si", si)));
    }

    @Test
    void uniformDensityInFccAluminium() {
        // E_loc = n₀ Σ_atoms α = (3/Ω) α: only the G = 0 term survives. DFTpy: 3·v₀/Ω with v₀ the first
        // recpot entry (the quartic at q = 0 returns it), 0.6715752472894243 Ha (numpy, from the file).
        Cell prim = TestDensities.fccPrimitive();
        Grid3D grid = new Grid3D(prim, 12, 12, 12);
        RealField uniform = RealField.constant(grid, 3 / prim.volume());
        LocalPseudopotentialFunctional recpot = functional(grid, aluminium(prim), Map.of("Al", alRecpot));
        double e = recpot.energy(uniform);
        assertEquals(0.6715752472894243, e, 1e-14);
        assertEquals(3 * alRecpot.nonCoulombIntegral() / prim.volume(), e, 1e-14);
        assertEquals(alRecpot.nonCoulombIntegral() / prim.volume(), recpot.averagePotential(), 1e-15);
        assertEquals(3.0, recpot.valenceElectrons());
        LocalPseudopotentialFunctional upf = functional(grid, aluminium(prim), Map.of("Al", alUpf));
        double eUpf = upf.energy(uniform);
        System.out.printf("uniform-density E_loc: recpot %.13f upf %.13f diff %.3e Ha%n", e, eUpf, eUpf - e);
        assertEquals(e, eUpf, 7e-8); // 3Δα/Ω = 6.1e-8 Ha, see FormFactorAgreementTest
    }

    @Test
    void uniformDensityTotalEnergyAsDftpy() {
        // DFTpy 8a6f0d148f12 starts its optimizer at the uniform density n₀ = 3/Ω; its step-0 energy
        // (TF + vW + XC + Hartree + PSEUDO + II, with vW = Hartree = WT-nonlocal = 0 there) is −2.049301034803 Ha
        // on 30³ and 22³ grids (r10_prim_TFVW_ec160.log, ec80) where DFTpy's grid-dependent Ewald equals the exact
        // one; recpot: validation-data/dftpy/README.md.
        Cell prim = TestDensities.fccPrimitive();
        Grid3D grid = new Grid3D(prim, 12, 12, 12);
        Structure al = aluminium(prim);
        RealField uniform = RealField.constant(grid, 3 / prim.volume());
        double ewald = Ewald.ofPseudopotentials(al, Map.of("Al", alRecpot)).energy();
        List<DensityFunctional> terms = new ArrayList<>();
        terms.add(new ThomasFermi(grid, SpinTreatment.UNPOLARIZED));
        terms.add(LdaFunctional.slaterPz81(grid));
        terms.add(functional(grid, al, Map.of("Al", alRecpot)));
        TotalFunctional total = new TotalFunctional(terms, Map.of("ewald", ewald));
        double e = total.energy(uniform);
        System.out.printf("uniform-density total (recpot): %.13f Ha, DFTpy -2.049301034803%n", e);
        assertEquals(-2.049301034803, e, 2e-12);
        // The same with al.lda.upf: DFTpy's own UPF route gives −2.049300973642 with its 16³-grid Ewald
        // (−2.695782803596), i.e. −2.049300973601 with the exact one (r12_prim_WT_ec40_al.lda.upf.log).
        List<DensityFunctional> upfTerms = new ArrayList<>(terms.subList(0, 2));
        upfTerms.add(functional(grid, al, Map.of("Al", alUpf)));
        double eUpf = new TotalFunctional(upfTerms, Map.of("ewald", ewald)).energy(uniform);
        System.out.printf("uniform-density total (upf):    %.13f Ha, DFTpy -2.049300973601%n", eUpf);
        assertEquals(-2.049300973601, eUpf, 3e-12);
    }

    @Test
    void agreesWithTheDirectFourierSum() {
        // odd grid sizes: every G has its partner −G on the grid, so V(r) = (1/Ω) Σ_G v(|G|) S(G) e^{iG·r} exactly
        Cell cell = Cell.ofBohr(new double[][] {{6.1, 0.4, -0.3}, {1.2, 5.2, 0.5}, {-0.7, 0.9, 7.3}});
        Grid3D grid = new Grid3D(cell, 9, 7, 11);
        double[][] fractional = {{0.1, 0.2, 0.3}, {0.55, 0.4, 0.7}, {0.8, 0.9, 0.05}};
        Structure structure = Structure.fromFractional(cell, List.of("Al", "Si", "Al"), fractional);
        Map<String, LocalPseudopotential> pps = Map.of("Al", alRecpot, "Si", si);
        double[] v = functional(grid, structure, pps).localPotential().values();
        double[][] b = {cell.reciprocalVector(0), cell.reciprocalVector(1), cell.reciprocalVector(2)};
        double max = 0;
        for (double value : v) {
            max = Math.max(max, Math.abs(value));
        }
        int[][] points = {{0, 0, 0}, {3, 5, 7}, {8, 6, 10}, {4, 1, 2}};
        for (int[] p : points) {
            double sum = 0;
            for (int m1 = -4; m1 <= 4; m1++) {
                for (int m2 = -3; m2 <= 3; m2++) {
                    for (int m3 = -5; m3 <= 5; m3++) {
                        double gx = m1 * b[0][0] + m2 * b[1][0] + m3 * b[2][0];
                        double gy = m1 * b[0][1] + m2 * b[1][1] + m3 * b[2][1];
                        double gz = m1 * b[0][2] + m2 * b[1][2] + m3 * b[2][2];
                        double g = Math.sqrt(gx * gx + gy * gy + gz * gz);
                        double rPhase = 2 * Math.PI * (m1 * p[0] / 9.0 + m2 * p[1] / 7.0 + m3 * p[2] / 11.0);
                        for (int atom = 0; atom < 3; atom++) {
                            double phase = rPhase - 2 * Math.PI * (m1 * fractional[atom][0] + m2 * fractional[atom][1]
                                    + m3 * fractional[atom][2]);
                            sum += pps.get(structure.speciesOf(atom)).formFactor(g) * Math.cos(phase);
                        }
                    }
                }
            }
            double expected = sum / cell.volume();
            assertEquals(expected, v[grid.index(p[0], p[1], p[2])], 1e-12 * max, "point " + p[0] + "," + p[1] + "," + p[2]);
        }
    }

    @Test
    void supercellsAndTranslationsGiveTheSamePotential() {
        Cell prim = TestDensities.fccPrimitive();
        Grid3D grid = new Grid3D(prim, 12, 12, 12);
        Structure off = Structure.fromFractional(prim, List.of("Al"), new double[][] {{0.13, 0.27, 0.61}});
        double[] v = functional(grid, off, Map.of("Al", alRecpot)).localPotential().values();
        // 2×1×1 supercell on the doubled grid: the same periodic function at the same points
        Grid3D superGrid = new Grid3D(prim.repeat(2, 1, 1), 24, 12, 12);
        double[] w = functional(superGrid, off.repeat(2, 1, 1), Map.of("Al", alRecpot)).localPotential().values();
        double max = 0;
        for (int i1 = 0; i1 < 24; i1++) {
            for (int i2 = 0; i2 < 12; i2++) {
                for (int i3 = 0; i3 < 12; i3++) {
                    double a = v[grid.index(i1 % 12, i2, i3)];
                    max = Math.max(max, Math.abs(a - w[superGrid.index(i1, i2, i3)]));
                }
            }
        }
        assertEquals(0, max, 1e-12);
        // moving the atom by one grid step along a2 moves the potential by one index
        Structure moved = Structure.fromFractional(prim, List.of("Al"), new double[][] {{0.13, 0.27 + 1.0 / 12, 0.61}});
        double[] u = functional(grid, moved, Map.of("Al", alRecpot)).localPotential().values();
        for (int i1 = 0; i1 < 12; i1++) {
            for (int i2 = 0; i2 < 12; i2++) {
                for (int i3 = 0; i3 < 12; i3++) {
                    assertEquals(v[grid.index(i1, i2, i3)], u[grid.index(i1, (i2 + 1) % 12, i3)], 1e-11);
                }
            }
        }
    }

    @Test
    void refusesMissingSpeciesAndForeignCells() {
        Cell prim = TestDensities.fccPrimitive();
        Grid3D grid = new Grid3D(prim, 8, 8, 8);
        Structure alSi = Structure.fromFractional(prim, List.of("Al", "Si"), new double[][] {{0, 0, 0}, {.5, .5, .5}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> functional(grid, alSi, Map.of("Al", alRecpot)));
        assertTrue(e.getMessage().contains("Si"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> functional(grid, aluminium(Cell.cubic(7.0)), Map.of("Al", alRecpot)));
    }
}
