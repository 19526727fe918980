package org.ofdft.grids.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against files written by NumPy 2.4.6 (src/test/resources/npy/make_npy_fixtures.py). */
class NpyTest {

    private static final Path FIXTURES = Path.of("src/test/resources/npy");

    @Test
    void readsWhatNumpyWrites() throws IOException {
        NpyArray f8 = Npy.read(FIXTURES.resolve("f8_2x3.npy"));
        assertArrayEquals(new int[] {2, 3}, f8.shape());
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1.0, 1.25}, f8.values());
        assertArrayEquals(new double[] {0.75, 1.0, 1.25}, f8.row(1));
        assertArrayEquals(new double[] {1.5, -2.25, (double) 3e-8f, 1e30f}, Npy.read(FIXTURES.resolve("f4_4.npy")).values());
        assertArrayEquals(new double[] {1, -2, 3}, Npy.read(FIXTURES.resolve("i8_3.npy")).values());
        assertArrayEquals(new double[] {0.5, -7.0}, Npy.read(FIXTURES.resolve("be_f8_2.npy")).values());
        NpyArray symbols = Npy.read(FIXTURES.resolve("u_2.npy"));
        assertArrayEquals(new String[] {"H", "He$^+$"}, symbols.strings());
        NpyArray scalar = Npy.read(FIXTURES.resolve("scalar.npy"));
        assertEquals(0, scalar.shape().length);
        assertEquals(2.5, scalar.values()[0]);
        Map<String, NpyArray> archive = Npy.readArchive(FIXTURES.resolve("archive.npz"));
        assertEquals(java.util.List.of("a", "b"), java.util.List.copyOf(archive.keySet()));
        assertArrayEquals(new double[] {0, 1, 2, 3}, archive.get("b").values());
    }

    @Test
    void readsTheJaxDftDatasetLayout() throws IOException {
        Map<String, NpyArray> dataset = Npy.readDirectory(Path.of("../validation-data/dft1d/unpol_lda"));
        NpyArray densities = dataset.get("densities");
        assertArrayEquals(new int[] {10, 513}, densities.shape());
        double h = 0.08;
        double electrons = 0;
        for (double n : densities.row(0)) {
            electrons += n * h;
        }
        assertEquals(1.0, electrons, 1e-4, "the first row is the hydrogen atom");
    }

    @Test
    void roundTripsFloat64AndArchives(@TempDir Path directory) throws IOException {
        NpyArray array = NpyArray.ofDoubles(new double[] {1, Math.PI, -0.0, 1e-300, Double.MAX_VALUE, 7}, 3, 2);
        Path file = directory.resolve("out.npy");
        Npy.write(file, array);
        NpyArray back = Npy.read(file);
        assertArrayEquals(array.values(), back.values());
        assertArrayEquals(array.shape(), back.shape());
        byte[] bytes = Files.readAllBytes(file);
        int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        assertEquals(0, (10 + headerLength) % 64, "data starts on a 64-byte boundary (NEP 1)");
        assertEquals('\n', bytes[10 + headerLength - 1]);
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("grids", NpyArray.ofDoubles(new double[] {0, 1, 2}, 3));
        arrays.put("densities", array);
        Path npz = directory.resolve("data.npz");
        Npy.writeArchive(npz, arrays);
        Map<String, NpyArray> read = Npy.readArchive(npz);
        assertArrayEquals(array.values(), read.get("densities").values());
        try (var files = Files.list(directory)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".tmp")), "no temporary file left behind");
        }
    }

    /** What we write is byte for byte what NumPy writes for float64, int64 and unicode arrays. */
    @Test
    void writesWhatNumpyWrites() throws IOException {
        for (String name : new String[] {"f8_2x3.npy", "i8_3.npy", "u_2.npy"}) {
            byte[] numpy = Files.readAllBytes(FIXTURES.resolve(name));
            assertArrayEquals(numpy, Npy.encode(Npy.parse(numpy, name)), name);
        }
        NpyArray counts = NpyArray.ofLongs(new double[] {1, 2, 4}, 3);
        assertEquals("<i8", Npy.parse(Npy.encode(counts), "counts").dtype());
        assertThrows(IllegalArgumentException.class, () -> NpyArray.ofLongs(new double[] {1.5}, 1));
    }

    @Test
    void badFilesGiveClearErrors(@TempDir Path directory) throws IOException {
        Path text = directory.resolve("not.npy");
        Files.writeString(text, "hello, this is not numpy");
        IOException magic = assertThrows(IOException.class, () -> Npy.read(text));
        assertTrue(magic.getMessage().contains("not a .npy file"), magic.getMessage());
        byte[] good = Files.readAllBytes(FIXTURES.resolve("f8_2x3.npy"));
        Path truncated = directory.resolve("cut.npy");
        Files.write(truncated, java.util.Arrays.copyOf(good, good.length - 8));
        IOException cut = assertThrows(IOException.class, () -> Npy.read(truncated));
        assertTrue(cut.getMessage().contains("truncated data"), cut.getMessage());
        IOException missing = assertThrows(IOException.class, () -> Npy.read(directory.resolve("absent.npy")));
        assertTrue(missing.getMessage().contains("no such .npy file"), missing.getMessage());
    }
}
