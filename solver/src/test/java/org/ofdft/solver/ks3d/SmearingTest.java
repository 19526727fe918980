package org.ofdft.solver.ks3d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Occupation functions θ and entropy terms w: limits, and dw/dx = x dθ/dx (the identity that makes
 * F = E − TS stationary in the occupations, e.g. de Gironcoli, Phys. Rev. B 51, 6773 (1995)); the Fermi level
 * reproduces the electron count.
 */
class SmearingTest {

    @ParameterizedTest
    @EnumSource(value = Smearing.class, names = {"GAUSSIAN", "FERMI_DIRAC", "MARZARI_VANDERBILT"})
    void limitsAndEntropyIdentity(Smearing smearing) {
        assertEquals(0.0, smearing.occupation(-40), 1e-15);
        assertEquals(1.0, smearing.occupation(40), 1e-15);
        assertEquals(0.0, smearing.entropyTerm(-40), 1e-15);
        assertEquals(0.0, smearing.entropyTerm(40), 1e-15);
        double h = 1e-4;
        for (double x = -4; x <= 4; x += 0.37) {
            double dTheta = (smearing.occupation(x + h) - smearing.occupation(x - h)) / (2 * h);
            double dW = (smearing.entropyTerm(x + h) - smearing.entropyTerm(x - h)) / (2 * h);
            assertEquals(x * dTheta, dW, 1e-8, smearing + " at x = " + x);
        }
    }

    @Test
    void knownValues() {
        assertEquals(0.5, Smearing.GAUSSIAN.occupation(0), 1e-16);
        assertEquals(0.5, Smearing.FERMI_DIRAC.occupation(0), 1e-16);
        assertEquals(-Math.log(2), Smearing.FERMI_DIRAC.entropyTerm(0), 1e-15);
        assertEquals(-0.5 / Math.sqrt(Math.PI), Smearing.GAUSSIAN.entropyTerm(0), 1e-16);
        // cold smearing: θ(1/√2) = ½ + 1/√(2π), w(1/√2) = 0
        assertEquals(0.5 + 1 / Math.sqrt(2 * Math.PI), Smearing.MARZARI_VANDERBILT.occupation(1 / Math.sqrt(2)), 1e-15);
        assertEquals(0.0, Smearing.MARZARI_VANDERBILT.entropyTerm(1 / Math.sqrt(2)), 1e-16);
        assertEquals(Smearing.MARZARI_VANDERBILT, Smearing.parse("mv"));
        assertThrows(IllegalArgumentException.class, () -> Smearing.parse("methfessel"));
    }

    @ParameterizedTest
    @EnumSource(Smearing.class)
    void fermiLevelGivesTheElectronCount(Smearing smearing) {
        List<KPoint> kpoints = List.of(new KPoint(new double[3], 0.25), new KPoint(new double[] {0.5, 0, 0}, 0.75));
        double[][] eigenvalues = {{-0.3, 0.1, 0.12, 0.5}, {-0.2, 0.05, 0.3, 0.6}};
        BandOccupations occupied = BandOccupations.of(eigenvalues, kpoints, 3.0, smearing, 0.02);
        double count = 0;
        for (int k = 0; k < 2; k++) {
            for (double f : occupied.occupations()[k]) {
                count += kpoints.get(k).weight() * f;
            }
        }
        assertEquals(3.0, count, 1e-12);
        if (smearing == Smearing.FIXED) {
            assertEquals(0.1, occupied.fermiLevel(), 0.0); // highest occupied: band 1 (singly) at the first k-point
            assertEquals(0.0, occupied.smearingTerm(), 0.0);
        }
    }
}
