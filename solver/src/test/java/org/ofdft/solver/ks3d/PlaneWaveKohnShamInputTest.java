package org.ofdft.solver.ks3d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.ofdft.functionals.io.UpfPseudopotential;
import org.ofdft.functionals.io.UpfReader;
import org.ofdft.solver.ConvergenceCriteria;

/** Bad input gets a clear exception; a run that cannot converge says so with its history. */
class PlaneWaveKohnShamInputTest {

    private static KohnShamSettings alSettings() {
        return KohnShamSettings.of(10.0, KPointMesh.gammaOnly(), Smearing.MARZARI_VANDERBILT, 0.01);
    }

    @Test
    void tooFewBands() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PlaneWaveKohnSham(
                QeAgreementTest.primitive(), QeAgreementTest.aluminium(), alSettings().withBands(1)));
        assertTrue(e.getMessage().contains("too few bands") && e.getMessage().contains("3.0 valence electrons"),
                e.getMessage());
    }

    @Test
    void cutoffBeyondTheGrid() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PlaneWaveKohnSham(
                QeAgreementTest.primitive(), QeAgreementTest.aluminium(), alSettings().withFftShape(12, 12, 12)));
        assertTrue(e.getMessage().contains("larger than the FFT grid 12x12x12") && e.getMessage().contains("15x15x15"),
                e.getMessage());
    }

    @Test
    void defaultGridIsQuantumEspressos() throws Exception {
        PlaneWaveKohnSham solver = new PlaneWaveKohnSham(QeAgreementTest.primitive(), QeAgreementTest.aluminium(),
                alSettings());
        assertEquals(15, solver.grid().n1()); // QE: FFT dimensions (15, 15, 15) at 20 Ry
        assertEquals(6, solver.bands());      // QE: number of Kohn-Sham states = 6
    }

    @Test
    void nonlocalPseudopotentialIsNotSupported() throws Exception {
        String text = Files.readString(QeAgreementTest.UPF);
        int beta = text.indexOf("<PP_BETA.1");
        int first = text.indexOf("0.000000000000000E+00", beta);
        String withBeta = text.substring(0, first) + "1.0E+00" + text.substring(first + 21);
        int dij = withBeta.indexOf("<PP_DIJ");
        int d = withBeta.indexOf("0.000000000000000E+00", dij);
        String nonlocal = withBeta.substring(0, d) + "2.0E+00" + withBeta.substring(d + 21);
        UpfPseudopotential upf = UpfReader.parse("nonlocal.upf", nonlocal);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlaneWaveKohnSham.localPart(upf));
        assertTrue(e.getMessage().startsWith("nonlocal.upf: nonlocal pseudopotentials are not supported")
                && e.getMessage().contains("PP_BETA.1 (l = 0)"), e.getMessage());
    }

    @Test
    void badSettings() {
        assertThrows(IllegalArgumentException.class,
                () -> KohnShamSettings.of(-1, KPointMesh.gammaOnly(), Smearing.FIXED, 0));
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> KohnShamSettings.of(10, KPointMesh.gammaOnly(), Smearing.GAUSSIAN, 0));
        assertTrue(width.getMessage().contains("smearing width"), width.getMessage());
        assertThrows(IllegalArgumentException.class, () -> alSettings().withThreads(0));
        assertThrows(IllegalArgumentException.class, () -> new KohnShamSettings.Mixing(1.5, 0.8, 8));
    }

    @Test
    void unconvergedRunReportsItsHistory() throws Exception {
        KohnShamResult result = new PlaneWaveKohnSham(QeAgreementTest.primitive(), QeAgreementTest.aluminium(),
                alSettings().withCriteria(new ConvergenceCriteria(1e-12, 1e-12, 3))).run(null);
        assertFalse(result.converged());
        assertEquals(3, result.history().size());
        assertTrue(result.history().get(2).residual() > 1e-12);
    }
}
