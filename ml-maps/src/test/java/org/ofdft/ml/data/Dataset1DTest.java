package org.ofdft.ml.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ofdft.grids.io.Npy;
import org.ofdft.grids.io.NpyArray;

class Dataset1DTest {

    private static final Path UNPOL_LDA = Path.of("../validation-data/dft1d/unpol_lda");

    /** JAX-DFT's layout as stored in DFT_1d (validation-data/dft1d/unpol_lda: 10 ions, 513 points). */
    @Test
    void readsTheJaxDftLayoutAndKeepsOtherArrays(@TempDir Path directory) throws IOException {
        Dataset1D ions = Dataset1D.read(UNPOL_LDA);
        assertEquals(10, ions.size());
        assertEquals(513, ions.gridPoints());
        assertEquals(0.08, ions.spacing(), 1e-6);
        assertNull(ions.kineticEnergies());
        assertTrue(ions.otherArrays().containsKey("latex_symbols"));
        assertEquals(1.0, ions.numElectrons()[0]);

        Path copy = directory.resolve("copy");
        ions.write(copy);
        Dataset1D back = Dataset1D.read(copy);
        assertEquals(ions, back);
        assertArrayEquals(ions.otherArrays().get("latex_symbols").strings(),
                back.otherArrays().get("latex_symbols").strings());
        assertEquals("<i8", Npy.read(copy.resolve("num_electrons.npy")).dtype());
    }

    @Test
    void roundTripsAnArchive(@TempDir Path directory) throws IOException {
        Dataset1D data = tiny(new double[] {1.5, 2.5});
        Path file = directory.resolve("data.npz");
        data.write(file);
        Dataset1D back = Dataset1D.read(file);
        assertEquals(data, back);
        assertArrayEquals(new double[] {1.5, 2.5}, back.kineticEnergies());
        assertEquals(data.subset(new int[] {1}).densities()[0], data.densities()[1]);
        // rewriting a directory dataset replaces it whole, with no temporary left behind
        Path dir = directory.resolve("set");
        data.write(dir);
        data.subset(new int[] {0}).write(dir);
        assertEquals(1, Dataset1D.read(dir).size());
        try (var files = Files.list(directory)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary left");
        }
    }

    @Test
    void badDatasetsGiveClearErrors(@TempDir Path directory) throws IOException {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> new Dataset1D(new double[] {0, 1}, new double[][] {{0, 0}}, new double[][] {{1, Double.NaN}},
                        new double[] {1}, new double[] {1}, null, Map.of()));
        assertTrue(nan.getMessage().contains("'densities'") && nan.getMessage().contains("point 1"), nan.getMessage());
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
                () -> new Dataset1D(new double[] {0, 1}, new double[][] {{0, 0}}, new double[][] {{1, 1}},
                        new double[] {1, 2}, new double[] {1}, null, Map.of()));
        assertTrue(rows.getMessage().contains("'total_energies' has 2"), rows.getMessage());
        Path missing = directory.resolve("partial");
        Npy.writeDirectory(missing, Map.of("grids", NpyArray.ofDoubles(new double[] {0, 1}, 2)));
        IOException noDensities = assertThrows(IOException.class, () -> Dataset1D.read(missing));
        assertTrue(noDensities.getMessage().contains("'densities'"), noDensities.getMessage());
        assertThrows(IOException.class, () -> Dataset1D.read(directory.resolve("nothing-here")));
        IllegalArgumentException uneven = assertThrows(IllegalArgumentException.class,
                () -> new Dataset1D(new double[] {0, 1, 3}, new double[][] {{0, 0, 0}}, new double[][] {{1, 1, 1}},
                        new double[] {1}, new double[] {1}, null, Map.of()).spacing());
        assertTrue(uneven.getMessage().contains("not uniform at point 1"), uneven.getMessage());
    }

    private static Dataset1D tiny(double[] kinetic) {
        return new Dataset1D(new double[] {0, 0.5, 1}, new double[][] {{0, -1, 0}, {0, -2, 0}},
                new double[][] {{0, 2, 0}, {0, 2, 0}}, new double[] {-1, -2}, new double[] {1, 1}, kinetic, Map.of());
    }
}
