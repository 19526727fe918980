package org.ofdft.functionals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ofdft.grids.Grid3D;
import org.ofdft.grids.SpectralOperators;
import org.ofdft.grids.fft.FftBackend;
import org.ofdft.grids.fft.JavaFftBackend;

class FunctionalCatalogTest {

    @Test
    void everyListedNameBuildsOnItsGrid() {
        try (FftBackend backend = new JavaFftBackend(1)) {
            Grid3D cell = TestDensities.grid3D();
            SpectralOperators operators = new SpectralOperators(cell, backend);
            FunctionalCatalog.Context context3D =
                    new FunctionalCatalog.Context(cell, operators, 0, SpinTreatment.UNPOLARIZED, 3.0);
            for (String name : FunctionalCatalog.KINETIC) {
                assertTrue(!FunctionalCatalog.kinetic(name, context3D).isEmpty(), name);
            }
            assertEquals(List.of("thomas_fermi", "von_weizsacker", "wang_teter"),
                    FunctionalCatalog.kinetic("wt", context3D).stream().map(DensityFunctional::name).toList());
            for (String name : List.of("lda", "lda_pz81", "lda_pw92", "pbe")) {
                assertEquals("xc", FunctionalCatalog.exchangeCorrelation(name, context3D).get(0).name());
            }
            FunctionalCatalog.Context box = new FunctionalCatalog.Context(TestDensities.box(), null, 4,
                    SpinTreatment.SPINLESS, 1.0);
            for (String name : List.of("tf", "vw", "tfvw")) {
                assertTrue(!FunctionalCatalog.kinetic(name, box).isEmpty(), name);
            }
            for (String name : List.of("lda_1d_exponential", "lda_1d_soft_coulomb", "none")) {
                FunctionalCatalog.exchangeCorrelation(name, box);
            }
        }
    }

    @Test
    void unknownNamesListTheValidOnes() {
        FunctionalCatalog.Context box = new FunctionalCatalog.Context(TestDensities.box(), null, 2,
                SpinTreatment.SPINLESS, 1.0);
        IllegalArgumentException kinetic = assertThrows(IllegalArgumentException.class,
                () -> FunctionalCatalog.kinetic("thomas-fermi", box));
        assertEquals("unknown kinetic functional 'thomas-fermi'; valid names: tf, vw, tfvw, wt, lkt",
                kinetic.getMessage());
        IllegalArgumentException xc = assertThrows(IllegalArgumentException.class,
                () -> FunctionalCatalog.exchangeCorrelation("b3lyp", box));
        assertTrue(xc.getMessage().endsWith("valid names: " + String.join(", ", FunctionalCatalog.EXCHANGE_CORRELATION)));
        IllegalArgumentException wrongDimension = assertThrows(IllegalArgumentException.class,
                () -> FunctionalCatalog.kinetic("wt", box));
        assertTrue(wrongDimension.getMessage().contains("3D cells only"), wrongDimension.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FunctionalCatalog.exchangeCorrelation("lda", box));
    }
}
