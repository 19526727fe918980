package org.ofdft.solver.ks3d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Monkhorst–Pack meshes in QE's convention, reduced by time reversal. */
class KPointMeshTest {

    @ParameterizedTest
    @CsvSource({
            // N1 N2 N3 s1 s2 s3, reduced count: (N + number of self-conjugate points)/2
            "8, 8, 8, 0, 0, 0, 260", // 8 points with 2κ ≡ 0 (κ_i ∈ {0, ½})
            "3, 3, 3, 0, 0, 0, 14",  // only Γ is its own partner
            "2, 2, 2, 1, 1, 1, 4",   // κ_i = ±¼: no point is its own partner
            "4, 4, 4, 1, 1, 1, 32",
            "1, 1, 1, 0, 0, 0, 1"})
    void countsAndWeights(int n1, int n2, int n3, int s1, int s2, int s3, int expected) {
        List<KPoint> points = new KPointMesh(n1, n2, n3, s1, s2, s3).points();
        assertEquals(expected, points.size());
        double total = 0;
        for (KPoint k : points) {
            total += k.weight();
            for (int i = 0; i < 3; i++) {
                assertTrue(k.fractional(i) > -0.5 && k.fractional(i) <= 0.5, k.toString());
            }
        }
        assertEquals(1.0, total, 1e-14);
    }

    @Test
    void unshiftedMeshContainsGammaAndShiftedDoesNot() {
        List<KPoint> unshifted = KPointMesh.of(4, 4, 4).points();
        assertArrayEquals(new double[3], unshifted.get(0).fractional(), 0.0);
        assertEquals(1.0 / 64, unshifted.get(0).weight(), 0.0);
        for (KPoint k : new KPointMesh(4, 4, 4, 1, 1, 1).points()) {
            assertArrayEquals(new double[] {1, 1, 1}, new double[] {Math.abs(k.fractional(0) * 8) % 2,
                    Math.abs(k.fractional(1) * 8) % 2, Math.abs(k.fractional(2) * 8) % 2}, 1e-12, k.toString());
        }
        assertEquals(List.of(KPoint.gamma()), KPointMesh.gammaOnly().points());
    }

    @Test
    void zeroMeshAndBadShiftsAreRefused() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> KPointMesh.of(0, 0, 0));
        assertTrue(zero.getMessage().contains("at least 1") && zero.getMessage().contains("0x0x0"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KPointMesh.of(4, -1, 4));
        IllegalArgumentException shift = assertThrows(IllegalArgumentException.class,
                () -> new KPointMesh(2, 2, 2, 2, 0, 0));
        assertTrue(shift.getMessage().contains("0 or 1"), shift.getMessage());
    }

    /** With the 48 operations of fcc (and of the 4-atom sc description) the meshes reduce as in QE's outputs. */
    @ParameterizedTest
    @CsvSource({"false, 15, 8, 29", "false, 15, 12, 72", "false, 15, 16, 145", "false, 15, 24, 413",
            "true, 24, 8, 35", "true, 32, 12, 84", "true, 24, 1, 1"})
    void symmetryReducesLikeQuantumEspresso(boolean cubic, int fft, int mesh, int qePoints) {
        org.ofdft.functionals.external.Structure structure = cubic ? QeAgreementTest.conventional()
                : QeAgreementTest.primitive();
        SpaceGroup group = SpaceGroup.of(structure, new org.ofdft.grids.Grid3D(structure.cell(), fft, fft, fft));
        assertEquals(48, group.size());
        KPointMesh kMesh = KPointMesh.of(mesh, mesh, mesh);
        List<KPoint> points = kMesh.points(group.restrictedTo(kMesh));
        assertEquals(qePoints, points.size());
        assertEquals(1.0, points.stream().mapToDouble(KPoint::weight).sum(), 1e-14);
    }
}
