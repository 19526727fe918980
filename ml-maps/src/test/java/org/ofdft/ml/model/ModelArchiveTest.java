package org.ofdft.ml.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

class ModelArchiveTest {

    @Test
    void roundTripsHeaderAndArrays(@TempDir Path directory) throws IOException {
        ModelArchive archive = ModelArchive.create("test-model");
        archive.header().put("sigma", 43.0);
        archive.putMatrix("rows", new double[][] {{1, 2}, {3, 4}, {5, 6}});
        archive.putVector("alpha", new double[] {0.5, -1.5, 2.5});
        Path file = directory.resolve("model.npz");
        archive.write(file);
        ModelArchive back = ModelArchive.read(file, "test-model");
        assertEquals(43.0, back.header().path("sigma").asDouble());
        assertEquals(ModelArchive.FORMAT_VERSION, back.header().path("format_version").asInt());
        assertArrayEquals(new double[] {3, 4}, back.matrix("rows")[1]);
        assertArrayEquals(new double[] {0.5, -1.5, 2.5}, back.vector("alpha"));
    }

    @Test
    void refusesForeignCorruptAndOtherVersionFiles(@TempDir Path directory) throws IOException {
        ModelArchive archive = ModelArchive.create("test-model");
        archive.putVector("alpha", new double[] {1, 2, 3});
        Path file = directory.resolve("model.npz");
        archive.write(file);

        IOException wrongType = assertThrows(IOException.class, () -> ModelArchive.read(file, "other-model"));
        assertTrue(wrongType.getMessage().contains("holds a 'test-model' model"), wrongType.getMessage());

        // same header, one value changed: the checksum no longer matches
        Map<String, NpyArray> arrays = Npy.readArchive(file);
        arrays.put("alpha", NpyArray.ofDoubles(new double[] {1, 2, 3.0000001}, 3));
        Path tampered = directory.resolve("tampered.npz");
        Npy.writeArchive(tampered, arrays);
        IOException corrupt = assertThrows(IOException.class, () -> ModelArchive.read(tampered, null));
        assertTrue(corrupt.getMessage().contains("checksum mismatch"), corrupt.getMessage());

        // a header from a future version
        Map<String, NpyArray> future = Npy.readArchive(file);
        String header = future.get("header").strings()[0].replace("\"format_version\" : 1", "\"format_version\" : 2");
        future.put("header", new NpyArray("<U1", new int[0], null, new String[] {header}));
        Path newer = directory.resolve("newer.npz");
        Npy.writeArchive(newer, future);
        IOException version = assertThrows(IOException.class, () -> ModelArchive.read(newer, null));
        assertTrue(version.getMessage().contains("format version 2 is not supported"), version.getMessage());

        // any other .npz, and a file that is not an archive at all
        Path plain = directory.resolve("plain.npz");
        Npy.writeArchive(plain, Map.of("x", NpyArray.ofDoubles(new double[] {1}, 1)));
        assertThrows(IOException.class, () -> ModelArchive.read(plain, null));
        Path text = directory.resolve("text.npz");
        Files.writeString(text, "not a zip");
        IOException notModel = assertThrows(IOException.class, () -> ModelArchive.read(text, null));
        assertTrue(notModel.getMessage().contains("text.npz"), notModel.getMessage());
    }
}
