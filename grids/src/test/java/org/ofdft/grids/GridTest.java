package org.ofdft.grids;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GridTest {

    private static final double A_AL_BOHR = 7.65339080963956;

    private static Cell fccPrimitive() {
        double h = A_AL_BOHR / 2;
        return Cell.ofBohr(new double[][] {{0, h, h}, {h, 0, h}, {h, h, 0}});
    }

    @Test
    void cellVolumeAndReciprocalVectors() {
        Cell cell = fccPrimitive();
        assertEquals(Math.pow(A_AL_BOHR, 3) / 4, cell.volume(), 1e-12);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double[] a = cell.latticeVector(i);
                double[] b = cell.reciprocalVector(j);
                double dot = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
                assertEquals(i == j ? 2 * Math.PI : 0.0, dot, 1e-12);
            }
        }
        double[] s = {0.25, -0.5, 0.75};
        assertArrayEquals(s, cell.toFractional(cell.toCartesian(s)), 1e-14);
        assertEquals(8 * cell.volume(), cell.repeat(2, 2, 2).volume(), 1e-9);
    }

    @Test
    void angstromInput() {
        Cell cell = Cell.ofAngstrom(new double[][] {{4.05, 0, 0}, {0, 4.05, 0}, {0, 0, 4.05}});
        assertEquals(4.05 / Units.BOHR_IN_ANGSTROM, cell.length(0), 1e-12);
    }

    @Test
    void singularAndLeftHandedCellsAreRejected() {
        IllegalArgumentException singular = assertThrows(IllegalArgumentException.class,
                () -> Cell.ofBohr(new double[][] {{1, 0, 0}, {0, 1, 0}, {1, 1, 0}}));
        assertTrue(singular.getMessage().contains("singular"), singular.getMessage());
        IllegalArgumentException left = assertThrows(IllegalArgumentException.class,
                () -> Cell.ofBohr(new double[][] {{0, 1, 0}, {1, 0, 0}, {0, 0, 1}}));
        assertTrue(left.getMessage().contains("left-handed"), left.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Cell.ofBohr(new double[][] {{Double.NaN, 0, 0}, {0, 1, 0}, {0, 0, 1}}));
    }

    @Test
    void gridShapeValidation() {
        Cell cell = Cell.cubic(5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Grid3D(cell, 0, 4, 4));
        assertTrue(e.getMessage().contains("positive"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Grid3D(cell, 4, -2, 4));
        assertThrows(IllegalArgumentException.class, () -> Grid3D.fromCutoff(cell, 0));
        assertThrows(IllegalArgumentException.class, () -> Grid3D.fromCutoff(cell, -3));
        assertThrows(IllegalArgumentException.class, () -> Grid3D.fromCutoff(cell, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Grid1D.box(0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Grid1D.box(1, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> Grid1D.periodic(0, -1, 10));
    }

    /**
     * Quantum ESPRESSO picks a 15×15×15 density grid for fcc Al (primitive, a = 4.05 Å) at
     * ecutwfc = 20 Ry, i.e. ecutrho = 80 Ry = 40 Ha (shared/validation/qe/q10_blps_prim_ec20_k8.out).
     */
    @Test
    void gridFromCutoffMatchesQuantumEspresso() {
        Grid3D grid = Grid3D.fromCutoff(fccPrimitive(), 4 * 10.0);
        assertArrayEquals(new int[] {15, 15, 15}, grid.fftShape());
        // eV input: the same cutoff expressed in eV.
        Grid3D fromEv = Grid3D.fromCutoffEv(fccPrimitive(), 40.0 * Units.HARTREE_IN_EV);
        assertEquals(grid, fromEv);
    }

    @Test
    void goodFftSizes() {
        assertEquals(45, FftSizes.nextGood(44));
        assertEquals(100, FftSizes.nextGood(97));
        assertEquals(64, FftSizes.nextGood(64));
        assertTrue(FftSizes.isGood(2 * 3 * 5 * 8));
        assertTrue(!FftSizes.isGood(98));
    }

    @Test
    void oneDimensionalGrids() {
        BoxGrid1D box = Grid1D.box(-20.56, 20.56, 513);
        assertEquals(0.08, box.spacing(), 1e-14);
        assertEquals(-20.48, box.coordinate(0), 1e-12);
        assertEquals(20.48, box.coordinate(512), 1e-12);
        PeriodicGrid1D ring = Grid1D.periodic(0, 10, 100);
        assertEquals(0.1, ring.spacing(), 1e-15);
        assertEquals(10.0, ring.measure(), 1e-12);
    }

    @Test
    void fieldIntegralsAndGridMismatch() {
        Grid3D grid = new Grid3D(Cell.cubic(2.0), 4, 4, 4);
        RealField one = RealField.constant(grid, 1.0);
        assertEquals(8.0, one.integral(), 1e-14);
        assertEquals(Math.sqrt(8.0), one.normL2(), 1e-14);
        RealField two = one.plus(one);
        assertEquals(16.0, two.dot(one), 1e-13);
        Grid3D other = new Grid3D(Cell.cubic(2.0), 4, 4, 5);
        RealField elsewhere = RealField.constant(other, 1.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> one.dot(elsewhere));
        assertTrue(e.getMessage().contains("different grids"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RealField.wrap(grid, new double[10]));
    }
}
