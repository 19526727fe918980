package org.ofdft.functionals.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.ofdft.functionals.io.RecpotReader;
import org.ofdft.functionals.io.UpfReader;

/**
 * al.lda.recpot (v(q) tabulated on Δq = 0.002 bohr⁻¹) against al.lda.upf (the same BLPS written by DFTpy as
 * V(r) on r = 0, 0.01, …, 16 bohr), through two independent routes: DFTpy's spline of the q table, and our
 * erf-split radial Fourier transform.
 *
 * <p>Achieved (and asserted, with a small margin): α agrees to 2.3e-6 Ha·bohr³ (9e-8 relative); for
 * 0.1 ≤ q &lt; 30 bohr⁻¹, |v_upf − v_recpot| ≤ 2e-7·|v| + 6e-7 Ha·bohr³ (the bound is reached within 10%
 * at large q). That is the precision of the files,
 * not of the transforms: (i) the recpot's own Coulomb tail corresponds to Z = (v₀ − v₁)Δq²/4π = 2.9999997, so
 * its −4πZ/q² is 1e-7 relative too weak (the ~1e-7 relative differences at small q, e.g. 3.7e-4 at
 * q = 0.1 where v = −3745); (ii) the UPF's real-space table, cut at 16 bohr with 0.01 bohr spacing and 16
 * digits, carries ≲ 5.4e-7 Ha·bohr³ of noise into every q (seen as the absolute floor at large q, where
 * |v| ~ 1e-4). Below q = 0.1 a third error appears: the cubic spline of the recpot's raw −4πZ/q² tail on its
 * 0.002 grid (DFTpy's interpolation, reproduced exactly) is off by (h⁴/384)|f⁗| = 0.31(Δq/q)⁴ relative,
 * 8e-7 at q = 0.05 and 5e-8 at q = 0.1; only cells larger than 2π/0.1 ≈ 60 bohr have such G vectors.
 * In energies: 3Δα/Ω = 6.1e-8 Ha for fcc Al at a uniform density, matching DFTpy's own recpot vs upf
 * difference (step-0 energies −2.049301034841 vs −2.049300973642 Ha).
 */
class FormFactorAgreementTest {

    private static final Path PP = Path.of("src/test/resources/pseudopotentials");

    @Test
    void recpotAndUpfGiveTheSameFormFactor() throws Exception {
        TabulatedFormFactor recpot = RecpotReader.read(PP.resolve("al.lda.recpot"));
        RadialLocalPseudopotential upf = UpfReader.readLocal(PP.resolve("al.lda.upf"));
        assertEquals(recpot.valenceCharge(), upf.valenceCharge());
        assertEquals(25.08852367815653, recpot.nonCoulombIntegral(), 1e-13);
        assertEquals(recpot.nonCoulombIntegral(), upf.nonCoulombIntegral(), 3e-6);
        double worst = 0;
        for (double q = 0.1; q < 30; q *= 1.002) {
            double a = recpot.formFactor(q);
            double b = upf.formFactor(q);
            double allowed = 2e-7 * Math.abs(a) + 6e-7;
            worst = Math.max(worst, Math.abs(a - b) / allowed);
            assertTrue(Math.abs(a - b) <= allowed, "q = " + q + ": recpot " + a + ", upf " + b);
        }
        System.out.printf("recpot vs upf: alpha %.15g vs %.15g; worst |dv| / (2e-7|v| + 6e-7) = %.3f%n",
                recpot.nonCoulombIntegral(), upf.nonCoulombIntegral(), worst);
    }

    @Test
    void recpotTailIsOneInTenMillionShortOfZ() throws Exception {
        TabulatedFormFactor recpot = RecpotReader.read(PP.resolve("al.lda.recpot"));
        double z = TabulatedFormFactor.estimateValenceCharge(recpot.spacing(), recpot.values());
        assertEquals(2.9999997, z, 1e-7);
    }

    @Test
    void upfTableMatchesTheQuadrature() throws Exception {
        RadialLocalPseudopotential upf = UpfReader.readLocal(PP.resolve("al.lda.upf"));
        for (double q = 0.013; q < 40; q *= 1.37) {
            // v_short is O(10) Ha bohr³; interpolation error of its table ~1e-11
            assertEquals(upf.formFactorByQuadrature(q), upf.formFactor(q), 2e-10, "q = " + q);
        }
        // α two ways: ∫ 4π r² [V + Z/r] directly, and v_short(0) + πZ from the erf split
        double viaErf = upf.formFactor(1e-4) + 4 * Math.PI * 3 / 1e-8;
        assertEquals(upf.nonCoulombIntegral(), viaErf, 1e-6);
    }

    @Test
    void magnesiumOeppFormFactorIsConsistent() throws Exception {
        RadialLocalPseudopotential mg = UpfReader.readLocal(PP.resolve("Mg_OEPP_PZ.UPF"));
        // v(q) + 4πZ/q² → α as q → 0
        double q = 1e-3;
        assertEquals(mg.nonCoulombIntegral(), mg.formFactor(q) + 4 * Math.PI * 2 / (q * q),
                1e-5 * Math.abs(mg.nonCoulombIntegral()) + 1e-4);
        for (double k = 0.013; k < 20; k *= 1.5) {
            assertEquals(mg.formFactorByQuadrature(k), mg.formFactor(k), 1e-9, "q = " + k);
        }
    }
}
