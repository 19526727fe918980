package org.ofdft.solver.ks3d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ofdft.functionals.external.LocalPseudopotential;
import org.ofdft.functionals.external.Structure;
import org.ofdft.functionals.io.UpfReader;
import org.ofdft.grids.Cell;

/**
 * fcc Al, 1-atom primitive cell (celldm(1) = 7.65339080963956 bohr), BLPS al.lda.upf, LDA (PZ), 20 Ry,
 * 8×8×8 unshifted mesh, Marzari–Vanderbilt smearing 0.02 Ry, 15³ FFT grid, against Quantum ESPRESSO pw.x 6.7
 * (shared/validation/qe/q01_blps_prim_ec20_k8.out; numbers in validation-data/qe/README.md).
 */
class QeAgreementTest {

    static final double A = 7.65339080963956;
    static final Path UPF = Path.of("../examples/data/al.lda.upf");

    static Structure primitive() {
        double h = A / 2;
        // QE ibrav = 2: a1 = (−1, 0, 1)a/2, a2 = (0, 1, 1)a/2, a3 = (−1, 1, 0)a/2
        Cell cell = Cell.ofBohr(new double[][] {{-h, 0, h}, {0, h, h}, {-h, h, 0}});
        return Structure.fromFractional(cell, List.of("Al"), new double[][] {{0, 0, 0}});
    }

    static Map<String, LocalPseudopotential> aluminium() throws IOException {
        return Map.of("Al", PlaneWaveKohnSham.localPart(UpfReader.read(UPF)));
    }

    @Test
    void primitiveCellMatchesQuantumEspresso() throws IOException {
        KohnShamSettings settings = KohnShamSettings.of(10.0, KPointMesh.of(8, 8, 8), Smearing.MARZARI_VANDERBILT, 0.01)
                .withFftShape(15, 15, 15);
        PlaneWaveKohnSham solver = new PlaneWaveKohnSham(primitive(), aluminium(), settings);
        assertEquals(169, solver.planeWaves(0), "plane waves at Γ (QE: 169 PWs)");
        KohnShamResult result = solver.run(step -> System.out.printf("  scf %2d  F = %.10f  dF = %.2e  res = %.2e  Hpsi = %d%n",
                step.iteration(), step.energy(), step.energyChange(), step.residual(), step.evaluations()));
        System.out.printf("F = %.10f Ha, E_F = %.6f eV, terms %s, Hpsi %d, %.2f s%n", result.freeEnergy(),
                result.fermiLevel() * 27.211386024367243, result.energies().terms(), result.hamiltonianApplications(),
                result.wallSeconds());
        assertTrue(result.converged());
        assertEquals(-4.25656113 / 2, result.freeEnergy(), 1e-5);
    }
}
