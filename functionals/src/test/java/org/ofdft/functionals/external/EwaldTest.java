package org.ofdft.functionals.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ofdft.grids.Cell;

class EwaldTest {

    /** fcc Al, a = 4.05 Å in bohr with ASE's/DFTpy's Bohr = 0.5291772105638411 Å (shared/validation/README.md). */
    static final double A_AL = 7.65339080963956;

    // Madelung energies of one point charge Z per primitive cell in a uniform neutralizing background,
    // E = ζ Z²/r_s with r_s = (3Ω/4π)^{1/3} the Wigner–Seitz radius (equivalently E = −α Z²/(2r_s), α = −2ζ):
    //   bcc, fcc: ζ = −0.895929255682, −0.895873615195 (Baiko, Potekhin & Yakovlev, Phys. Rev. E 64, 057402
    //   (2001), Table I; Haensel, Potekhin & Yakovlev, Neutron Stars 1 (Springer 2007), Table 2.4);
    //   sc: E = −ξ Z²/(2a), ξ = 2.837297479480619476665917 (the cubic-lattice Coulomb sum, Nijboer & de Wette,
    //   Physica 23, 309 (1957); Borwein, Glasser, McPhedran, Wan & Zucker, Lattice Sums Then and Now (CUP 2013)),
    //   i.e. ζ = −(ξ/2)(3/4π)^{1/3} = −0.88005944211...
    // Our own 30-digit mpmath Ewald sums (validation-data/dftpy/README.md) agree with all these digits and give
    // ζ_sc = −0.8800594421117163, ζ_bcc = −0.8959292556817653, ζ_fcc = −0.8958736151951085.
    private static final double ZETA_BCC = -0.895929255682;
    private static final double ZETA_FCC = -0.895873615195;
    private static final double XI_SC = 2.837297479480619476665917;

    private static double wignerSeitzRadius(Cell cell) {
        return Math.cbrt(3 * cell.volume() / (4 * Math.PI));
    }

    private static double singleChargeEnergy(Cell cell, double z) {
        return new Ewald(cell, new double[][] {{0.3, -0.1, 0.2}}, new double[] {z}).energy();
    }

    @Test
    void madelungEnergiesOfCubicLattices() {
        double z = 3;
        double a = 5.3;
        Cell sc = Cell.cubic(a);
        Cell bcc = Cell.ofBohr(new double[][] {{-a / 2, a / 2, a / 2}, {a / 2, -a / 2, a / 2}, {a / 2, a / 2, -a / 2}});
        Cell fcc = Cell.ofBohr(new double[][] {{0, a / 2, a / 2}, {a / 2, 0, a / 2}, {a / 2, a / 2, 0}});
        double scPerRs = singleChargeEnergy(sc, z) * wignerSeitzRadius(sc) / (z * z);
        double bccPerRs = singleChargeEnergy(bcc, z) * wignerSeitzRadius(bcc) / (z * z);
        double fccPerRs = singleChargeEnergy(fcc, z) * wignerSeitzRadius(fcc) / (z * z);
        System.out.printf("Madelung zeta (E r_s / Z^2): sc %.16f bcc %.16f fcc %.16f%n", scPerRs, bccPerRs, fccPerRs);
        System.out.printf("alpha = -2 zeta: sc %.12f bcc %.12f fcc %.12f%n", -2 * scPerRs, -2 * bccPerRs, -2 * fccPerRs);
        assertEquals(-XI_SC / 2, singleChargeEnergy(sc, z) * a / (z * z), 1e-10);
        assertEquals(ZETA_BCC, bccPerRs, 1e-10);
        assertEquals(ZETA_FCC, fccPerRs, 1e-10);
        // our mpmath values, 16 digits
        assertEquals(-0.8800594421117163, scPerRs, 1e-13);
        assertEquals(-0.8959292556817653, bccPerRs, 1e-13);
        assertEquals(-0.8958736151951085, fccPerRs, 1e-13);
    }

    @Test
    void rockSaltMadelungConstantWithoutBackground() {
        // NaCl, nearest-neighbour distance 1: E per ion pair = −M, M = 1.74756459463318219... (OEIS A085469;
        // Bailey, Borwein, Kapoor & Weisstein, Amer. Math. Monthly 113, 481 (2006))
        Cell cell = Cell.cubic(2);
        double[][] fractional = {{0, 0, 0}, {0, .5, .5}, {.5, 0, .5}, {.5, .5, 0}, {.5, .5, .5}, {.5, 0, 0}, {0, .5, 0},
                {0, 0, .5}};
        double[][] positions = new double[8][];
        for (int i = 0; i < 8; i++) {
            positions[i] = cell.toCartesian(fractional[i]);
        }
        double[] charges = {1, 1, 1, 1, -1, -1, -1, -1};
        Ewald ewald = new Ewald(cell, positions, charges);
        assertEquals(0.0, ewald.backgroundEnergy(), 0.0);
        assertEquals(-4 * 1.7475645946331821906, ewald.energy(), 1e-12);
    }

    @Test
    void aluminiumAsInDftpyAndQuantumEspresso() {
        double h = A_AL / 2;
        Cell prim = Cell.ofBohr(new double[][] {{0, h, h}, {h, 0, h}, {h, h, 0}});
        Ewald ewald = new Ewald(prim, new double[][] {{0, 0, 0}}, new double[] {3});
        System.out.printf("Al fcc prim Ewald %.13f Ha (eta %.4f)%n", ewald.energy(), ewald.splitting());
        // exact: Z² ζ_fcc / r_s = −2.695782803554987 (mpmath, 30 digits; validation-data/dftpy/README.md)
        assertEquals(-2.695782803554987, ewald.energy(), 1e-14);
        // DFTpy 8a6f0d148f12 (validation-data/dftpy/README.md): its II depends on the FFT grid, −2.695782803555 Ha
        // on 30³ and 22³ (r10_*_ec160, ec80), −2.695782803593 on 12³ (r02_prim_WT), −2.695782803596 on 16³
        assertEquals(-2.695782803555, ewald.energy(), 1e-12);
        assertEquals(-2.695782803593, ewald.energy(), 5e-11);
        // Quantum ESPRESSO 6.7 (validation-data/qe/README.md): ewald contribution −5.39156568 Ry at ecutwfc 20 Ry
        // (q10_*), −5.39156566 at 30-40 Ry, −5.39156561 at 60 Ry (q11_blps_prim_ec60_k16.out): QE's ewald.f90 picks
        // its splitting for an error bound of 1e-7 Ry on a G sum cut at the density cutoff. Ours: −5.391565607 Ry.
        assertEquals(-5.39156561 / 2, ewald.energy(), 0.5e-8);
        assertEquals(-5.39156568 / 2, ewald.energy(), 0.5e-7);
        // the conventional cell holds four atoms: DFTpy r03_cubic_TFVW.log II −10.783131214237 Ha
        Cell cubic = Cell.cubic(A_AL);
        Structure conventional = Structure.fromFractional(cubic, List.of("Al", "Al", "Al", "Al"),
                new double[][] {{0, 0, 0}, {.5, .5, 0}, {.5, 0, .5}, {0, .5, .5}});
        Ewald four = Ewald.of(conventional, Map.of("Al", 3.0));
        assertEquals(-10.783131214237, four.energy(), 5e-11);
        assertEquals(4 * ewald.energy(), four.energy(), 1e-12);
        for (double[] force : four.forces()) {
            for (double f : force) {
                assertEquals(0.0, f, 1e-12); // every atom sits at an inversion centre
            }
        }
    }

    @Test
    void largeSupercellKeepsFullPrecision() {
        // 256 atoms (4×4×4 conventional cells): compensated sums keep the per-atom energy exact to ~1e-15
        Cell cubic = Cell.cubic(A_AL);
        Structure conventional = Structure.fromFractional(cubic, List.of("Al", "Al", "Al", "Al"),
                new double[][] {{0, 0, 0}, {.5, .5, 0}, {.5, 0, .5}, {0, .5, .5}});
        Structure big = conventional.repeat(4, 4, 4);
        double perAtom = Ewald.of(big, Map.of("Al", 3.0)).energy() / big.atomCount();
        assertEquals(-2.695782803554987, perAtom, 2e-14 * 2.7);
    }

    @Test
    void energyDoesNotDependOnTheSplittingParameter() {
        Cell triclinic = Cell.ofBohr(new double[][] {{6.1, 0.4, -0.3}, {1.2, 5.2, 0.5}, {-0.7, 0.9, 7.3}});
        double[][] positions = {{0.1, 0.2, 0.3}, {2.9, 1.1, 3.7}, {4.4, 3.9, 1.2}, {1.3, 4.1, 5.9}, {5.2, 2.2, 6.1}};
        double[] charges = {3, 3, 2, -1, 1.5};
        double eta0 = Ewald.automaticSplitting(triclinic, positions.length);
        double reference = new Ewald(triclinic, positions, charges).energy();
        for (double factor : new double[] {0.5, 0.6, 0.75, 1.0, 1.3, 1.6, 2.0}) {
            Ewald ewald = new Ewald(triclinic, positions, charges, factor * eta0);
            assertEquals(reference, ewald.energy(), 1e-12 * Math.abs(reference), "eta x " + factor);
        }
        // and for the single-charge fcc cell of the Madelung test
        double h = A_AL / 2;
        Cell prim = Cell.ofBohr(new double[][] {{0, h, h}, {h, 0, h}, {h, h, 0}});
        double e0 = new Ewald(prim, new double[][] {{0, 0, 0}}, new double[] {3}).energy();
        for (double factor : new double[] {0.5, 2.0}) {
            double eta = factor * Ewald.automaticSplitting(prim, 1);
            assertEquals(e0, new Ewald(prim, new double[][] {{0, 0, 0}}, new double[] {3}, eta).energy(),
                    1e-12 * Math.abs(e0));
        }
    }

    @Test
    void forcesAreMinusTheGradient() {
        Cell triclinic = Cell.ofBohr(new double[][] {{6.1, 0.4, -0.3}, {1.2, 5.2, 0.5}, {-0.7, 0.9, 7.3}});
        double[][] positions = {{0.1, 0.2, 0.3}, {2.9, 1.1, 3.7}, {4.4, 3.9, 1.2}};
        double[] charges = {3, 2, 1};
        Ewald ewald = new Ewald(triclinic, positions, charges);
        double[][] forces = ewald.forces();
        double step = 1e-4;
        double[] total = new double[3];
        for (int i = 0; i < positions.length; i++) {
            for (int k = 0; k < 3; k++) {
                double[][] plus = copy(positions);
                double[][] minus = copy(positions);
                plus[i][k] += step;
                minus[i][k] -= step;
                double derivative = (new Ewald(triclinic, plus, charges).energy()
                        - new Ewald(triclinic, minus, charges).energy()) / (2 * step);
                assertEquals(-derivative, forces[i][k], 1e-7, "atom " + i + " component " + k);
                total[k] += forces[i][k];
            }
        }
        for (double f : total) {
            assertEquals(0.0, f, 1e-11); // Newton's third law
        }
        assertTrue(Math.abs(forces[0][0]) > 1e-3, "a distorted cell has forces");
    }

    @Test
    void supercellsAndTranslations() {
        double h = A_AL / 2;
        Cell prim = Cell.ofBohr(new double[][] {{0, h, h}, {h, 0, h}, {h, h, 0}});
        Structure one = Structure.fromFractional(prim, List.of("Al", "Ga"),
                new double[][] {{0, 0, 0}, {0.26, 0.24, 0.25}});
        Map<String, Double> z = Map.of("Al", 3.0, "Ga", 3.0);
        double e1 = Ewald.of(one, z).energy();
        assertEquals(12 * e1, Ewald.of(one.repeat(2, 3, 2), z).energy(), 1e-11 * 12 * Math.abs(e1));
        double[][] shifted = one.positions();
        for (double[] r : shifted) {
            r[0] += 1.234;
            r[1] -= 0.5;
        }
        assertEquals(e1, new Ewald(prim, shifted, new double[] {3, 3}).energy(), 1e-13 * Math.abs(e1));
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
