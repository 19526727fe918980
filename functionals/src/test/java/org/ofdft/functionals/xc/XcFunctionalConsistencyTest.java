package org.ofdft.functionals.xc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ofdft.functionals.ConsistencyCheck;
import org.ofdft.functionals.TestDensities;
import org.ofdft.grids.Grid3D;
import org.ofdft.grids.RealField;
import org.ofdft.grids.SpectralOperators;
import org.ofdft.grids.fft.FftBackend;
import org.ofdft.grids.fft.JavaFftBackend;

/** Exchange–correlation functionals on grids: potential = derivative of the energy, and limits. */
class XcFunctionalConsistencyTest {

    private static FftBackend backend;

    @BeforeAll
    static void start() {
        backend = new JavaFftBackend(1);
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Test
    void ldaPotentialsAreDerivatives() {
        Grid3D cell = TestDensities.grid3D();
        ConsistencyCheck.assertPotentialIsDerivative("LDA Slater+PZ81, 3D", LdaFunctional.slaterPz81(cell));
        ConsistencyCheck.assertPotentialIsDerivative("LDA Slater+PW92, 3D", LdaFunctional.slaterPw92(cell));
        ConsistencyCheck.assertPotentialIsDerivative("1D exponential LDA, box",
                LdaFunctional.exponential1D(TestDensities.box()));
        ConsistencyCheck.assertPotentialIsDerivative("1D exponential LDA, periodic",
                LdaFunctional.exponential1D(TestDensities.ring()));
    }

    @Test
    void pbePotentialIsDerivative() {
        Grid3D cell = TestDensities.grid3D();
        try (SpectralOperators operators = new SpectralOperators(cell, backend)) {
            ConsistencyCheck.assertPotentialIsDerivative("PBE, 3D", GgaFunctional.pbe(operators));
        }
    }

    /** For a uniform density ∇n = 0: PBE reduces to Slater + PW92-mod, energies and potentials. */
    @Test
    void pbeReducesToLdaForUniformDensity() {
        Grid3D cell = TestDensities.grid3D();
        RealField uniform = RealField.constant(cell, 0.027);
        try (SpectralOperators operators = new SpectralOperators(cell, backend)) {
            RealField vPbe = RealField.zeros(cell);
            double pbe = GgaFunctional.pbe(operators).energyAndPotential(uniform, vPbe);
            RealField vLda = RealField.zeros(cell);
            double lda = new LdaFunctional(cell, "lda_pw_mod",
                    java.util.List.of(new SlaterExchange(), Pw92Correlation.modified())).energyAndPotential(uniform, vLda);
            assertEquals(lda, pbe, 1e-13 * Math.abs(lda));
            for (int j = 0; j < cell.size(); j += 97) {
                assertEquals(vLda.get(j), vPbe.get(j), 1e-13 * Math.abs(vLda.get(j)));
            }
        }
    }
}
