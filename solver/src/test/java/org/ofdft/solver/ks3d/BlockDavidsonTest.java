package org.ofdft.solver.ks3d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ofdft.grids.Cell;
import org.ofdft.grids.Grid3D;

/**
 * The eigensolver on problems with known answers: free electrons (V = 0: ε = ½|k+G|² exactly) and a cosine
 * potential V(r) = 2V₀ cos(b₁·r) against a dense diagonalization of the analytic matrix
 * H_GG' = ½|k+G|² δ_GG' + V₀ δ_{G−G', ±b₁}.
 */
class BlockDavidsonTest {

    private static final double A = 7.65339080963956;

    static Cell fcc() {
        double h = A / 2;
        return Cell.ofBohr(new double[][] {{-h, 0, h}, {0, h, h}, {-h, h, 0}});
    }

    @Test
    void freeElectronsGiveKineticEnergies() {
        Grid3D grid = Grid3D.fromCutoff(fcc(), 4 * 6.0);
        KPoint k = new KPoint(new double[] {0.1, -0.2, 0.3}, 1.0);
        PlaneWaveBasis basis = new PlaneWaveBasis(grid, k, 6.0);
        int bands = 10;
        double[] x = randomStart(basis.size(), bands, 1);
        double[] eigenvalues = new double[bands];
        double[] tolerance = new double[bands];
        Arrays.fill(tolerance, 1e-9);
        BlockDavidson.Outcome outcome = new BlockDavidson().solve(new PlaneWaveHamiltonian(grid), basis,
                new double[grid.size()], x, eigenvalues, bands, tolerance, 100, 4 * bands);
        assertTrue(outcome.converged(), "converged: " + outcome);
        for (int b = 0; b < bands; b++) {
            assertEquals(basis.kinetic(b), eigenvalues[b], 1e-12, "band " + b);
        }
    }

    @Test
    void cosinePotentialMatchesDenseDiagonalization() {
        Cell cell = fcc();
        Grid3D grid = Grid3D.fromCutoff(cell, 4 * 4.0);
        KPoint k = new KPoint(new double[] {0.25, 0.125, -0.375}, 1.0);
        PlaneWaveBasis basis = new PlaneWaveBasis(grid, k, 4.0);
        double v0 = -0.3;
        // V(r) = 2 V0 cos(2π s1) with s the fractional coordinates of r
        double[] potential = new double[grid.size()];
        for (int i1 = 0; i1 < grid.n1(); i1++) {
            for (int i2 = 0; i2 < grid.n2(); i2++) {
                for (int i3 = 0; i3 < grid.n3(); i3++) {
                    potential[grid.index(i1, i2, i3)] = 2 * v0 * Math.cos(2 * Math.PI * i1 / grid.n1());
                }
            }
        }
        int npw = basis.size();
        double[] re = new double[npw * npw];
        double[] im = new double[npw * npw];
        int[][] miller = new int[npw][];
        for (int j = 0; j < npw; j++) {
            miller[j] = miller(grid, basis.gridIndex(j));
        }
        for (int a = 0; a < npw; a++) {
            re[a * npw + a] = basis.kinetic(a);
            for (int b = 0; b < npw; b++) {
                int d1 = miller[a][0] - miller[b][0];
                if (Math.abs(d1) == 1 && miller[a][1] == miller[b][1] && miller[a][2] == miller[b][2]) {
                    re[a * npw + b] += v0;
                }
            }
        }
        double[] exact = new double[npw];
        new HermitianEigensolver().solve(npw, re, im, exact, new double[npw * npw], new double[npw * npw]);

        int bands = 8;
        double[] x = randomStart(npw, bands, 2);
        double[] eigenvalues = new double[bands];
        double[] tolerance = new double[bands];
        Arrays.fill(tolerance, 1e-9);
        PlaneWaveHamiltonian hamiltonian = new PlaneWaveHamiltonian(grid);
        BlockDavidson.Outcome outcome = new BlockDavidson().solve(hamiltonian, basis, potential, x, eigenvalues,
                bands, tolerance, 200, 3 * bands);
        assertTrue(outcome.converged(), "converged: " + outcome);
        for (int b = 0; b < bands; b++) {
            assertEquals(exact[b], eigenvalues[b], 1e-12, "band " + b);
        }
        // warm start from the solution: converged on the first Rayleigh–Ritz step
        BlockDavidson.Outcome again = new BlockDavidson().solve(hamiltonian, basis, potential, x, eigenvalues,
                bands, tolerance, 200, 3 * bands);
        assertEquals(1, again.iterations());
    }

    static double[] randomStart(int npw, int bands, long seed) {
        Random random = new Random(seed);
        double[] x = new double[2 * npw * bands];
        for (int j = 0; j < x.length; j++) {
            x[j] = random.nextDouble() - 0.5;
        }
        return x;
    }

    static int[] miller(Grid3D grid, int index) {
        int i3 = index % grid.n3();
        int i2 = (index / grid.n3()) % grid.n2();
        int i1 = index / (grid.n2() * grid.n3());
        int[] n = {grid.n1(), grid.n2(), grid.n3()};
        int[] i = {i1, i2, i3};
        int[] m = new int[3];
        for (int c = 0; c < 3; c++) {
            m[c] = i[c] > (n[c] - 1) / 2 ? i[c] - n[c] : i[c];
        }
        return m;
    }
}
