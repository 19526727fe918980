package org.ofdft.ml.xc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ofdft.grids.io.Npy;
import org.ofdft.grids.io.NpyArray;

class XcModelFileTest {

    @TempDir
    Path folder;

    private static XcModel model() {
        XcTrainingSummary summary = new XcTrainingSummary("test data", List.of("a", "b"), List.of("c"), "abc123",
                120, 100, 1.5e-4, 2.5e-4, 10.0, 1.0, 3.25);
        return new XcModel(XcModelKind.POTENTIAL, 2, MlpWeights.glorot(5, new int[] {4, 3}, 9), 0.08, "exponential",
                summary);
    }

    @Test
    void roundTripKeepsEveryWeightBitForBit() throws IOException {
        XcModel model = model();
        Path file = folder.resolve("model.npz");
        XcModelFile.write(model, file);
        XcModel back = XcModelFile.read(file);
        assertEquals(model.kind(), back.kind());
        assertEquals(model.windowHalfWidth(), back.windowHalfWidth());
        assertEquals(model.gridSpacing(), back.gridSpacing());
        assertEquals(model.interaction(), back.interaction());
        assertArrayEquals(model.weights().flatten(), back.weights().flatten(), 0.0);
        assertEquals(model.training(), back.training());
    }

    @Test
    void refusesAChangedPayloadAndAnotherVersion() throws IOException {
        Path file = folder.resolve("model.npz");
        XcModelFile.write(model(), file);
        Map<String, NpyArray> arrays = new TreeMap<>(Npy.readArchive(file));
        double[] w = arrays.get("W1").values().clone();
        w[0] += 1e-12;
        arrays.put("W1", NpyArray.ofDoubles(w, arrays.get("W1").shape()));
        Path changed = folder.resolve("changed.npz");
        Npy.writeArchive(changed, arrays);
        IOException checksum = assertThrows(IOException.class, () -> XcModelFile.read(changed));
        assertTrue(checksum.getMessage().contains("checksum") && checksum.getMessage().contains("changed.npz"),
                checksum.getMessage());

        arrays = new TreeMap<>(Npy.readArchive(file));
        String header = arrays.get("header").strings()[0].replace("\"format_version\" : 1", "\"format_version\" : 7");
        arrays.put("header", new NpyArray("<U", new int[0], null, new String[] {header}));
        Path future = folder.resolve("future.npz");
        Npy.writeArchive(future, arrays);
        IOException version = assertThrows(IOException.class, () -> XcModelFile.read(future));
        assertTrue(version.getMessage().contains("format version 7"), version.getMessage());
        assertTrue(Files.exists(file));
    }
}
