package org.ofdft.ml.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ofdft.grids.io.Npy;
import org.ofdft.grids.io.NpyArray;
import org.ofdft.ml.regression.GaussianKernel;
import org.ofdft.ml.regression.GaussianProcessHyperparameters;
import org.ofdft.ml.regression.GaussianProcessModel;
import org.ofdft.ml.regression.GaussianProcessRegression;
import org.ofdft.ml.regression.KernelRidgeRegression;
import org.ofdft.ml.regression.LaplacianKernel;
import org.ofdft.ml.regression.Learner;
import org.ofdft.ml.regression.PolynomialKernel;
import org.ofdft.ml.regression.Regressor;
import org.ofdft.ml.regression.RidgeRegression;
import org.ofdft.ml.regression.SklearnReference;
import org.ofdft.ml.regression.Standardized;

class ModelFileTest {

    private static final double[][] X = SklearnReference.matrix("krr_x");
    private static final double[] Y = SklearnReference.vector("krr_y");
    private static final double[][] X_TEST = SklearnReference.matrix("krr_x_test");

    @TempDir
    Path directory;

    /** Every model type, plain and standardized, predicts bit-for-bit the same after a save/load round trip. */
    @Test
    void roundTripReproducesPredictionsExactly() throws IOException {
        List<Learner> learners = List.of(new RidgeRegression(0.3),
                new KernelRidgeRegression(new GaussianKernel(1.5), 1e-3),
                new KernelRidgeRegression(new LaplacianKernel(2.0), 1e-2),
                new KernelRidgeRegression(new PolynomialKernel(3, 0.2, 1.0), 0.1),
                GaussianProcessRegression.fixed(new GaussianProcessHyperparameters(1.3, 0.9, 0.05)),
                new Standardized(new KernelRidgeRegression(new GaussianKernel(1.0), 1e-4), true),
                new Standardized(GaussianProcessRegression.fixed(new GaussianProcessHyperparameters(1, 1, 0.1)), false));
        TrainingFingerprint fingerprint = TrainingFingerprint.of(X);
        for (int i = 0; i < learners.size(); i++) {
            Regressor model = learners.get(i).fit(X, Y);
            Path file = directory.resolve("model" + i + ".npz");
            ModelFile.save(file, model, fingerprint);
            ModelFile.Loaded loaded = ModelFile.load(file);
            assertEquals(model.getClass(), loaded.model().getClass());
            assertArrayEquals(model.predict(X_TEST), loaded.model().predict(X_TEST), learners.get(i).toString());
            assertEquals(fingerprint, loaded.trainingSet());
            if (model instanceof GaussianProcessModel gp) {
                assertEquals(gp.predictiveVariance(X_TEST[0]),
                        ((GaussianProcessModel) loaded.model()).predictiveVariance(X_TEST[0]));
            }
        }
        try (var files = Files.list(directory)) {
            assertEquals(learners.size(), files.count(), "no temporary files left behind");
        }
    }

    /** The fingerprint equals hashlib.sha256 of the NumPy array's bytes (make_reference.py). */
    @Test
    void fingerprintMatchesNumPy() {
        assertEquals(SklearnReference.json().get("fingerprint_krr_x_sha256").asText(), TrainingFingerprint.of(X).sha256());
    }

    @Test
    void corruptedPayloadIsDetected() throws IOException {
        Path file = saved();
        Map<String, byte[]> entries = entries(file);
        double[] alpha = Npy.parse(entries.get("dual_coefficients.npy"), "test").values();
        alpha[3] += 1e-12;
        entries.put("dual_coefficients.npy", Npy.encode(NpyArray.ofDoubles(alpha, alpha.length)));
        rewrite(file, entries);
        assertFailure(file, "checksum mismatch");
    }

    @Test
    void damagedBytesAreDetected() throws IOException {
        Path file = saved();
        byte[] bytes = Files.readAllBytes(file);
        for (int i = bytes.length / 2; i < bytes.length / 2 + 16; i++) {
            bytes[i] ^= 0x5a;
        }
        Files.write(file, bytes);
        ModelFormatException error = assertThrows(ModelFormatException.class, () -> ModelFile.load(file));
        assertTrue(error.getMessage().contains("corrupted") || error.getMessage().contains("checksum"),
                error.getMessage());
    }

    @Test
    void otherFormatVersionIsRefused() throws IOException {
        Path file = saved();
        Map<String, byte[]> entries = entries(file);
        String header = headerText(entries).replace("\"format_version\" : 1", "\"format_version\" : 2");
        entries.put("header.npy", headerBytes(header));
        rewrite(file, entries);
        assertFailure(file, "format version 2", "reads version 1");
    }

    @Test
    void foreignFilesAreRefused() throws IOException {
        Path numpyArchive = directory.resolve("arrays.npz");
        Npy.writeArchive(numpyArchive, Map.of("x", NpyArray.ofDoubles(new double[] {1, 2}, 2)));
        assertFailure(numpyArchive, "not an ofdft model file", "no header");
        Path text = directory.resolve("notes.txt");
        Files.writeString(text, "hello");
        assertFailure(text, "not an ofdft model file");
        Path other = saved();
        Map<String, byte[]> entries = entries(other);
        entries.put("header.npy", headerBytes("{\"format\": \"someone-else\", \"format_version\": 1}"));
        rewrite(other, entries);
        assertFailure(other, "foreign file", "someone-else");
    }

    private Path saved() throws IOException {
        Path file = directory.resolve("krr.npz");
        ModelFile.save(file, new KernelRidgeRegression(new GaussianKernel(1.5), 1e-3).fit(X, Y), TrainingFingerprint.of(X));
        return file;
    }

    private static void assertFailure(Path file, String... fragments) {
        ModelFormatException error = assertThrows(ModelFormatException.class, () -> ModelFile.load(file));
        for (String fragment : fragments) {
            assertTrue(error.getMessage().contains(fragment), "'" + error.getMessage() + "' lacks '" + fragment + "'");
        }
        assertInstanceOf(IOException.class, error);
    }

    /** The JSON header of a model archive: the 0-d unicode array {@code header.npy}. */
    private static String headerText(Map<String, byte[]> entries) throws IOException {
        return Npy.parse(entries.get("header.npy"), "header").strings()[0];
    }

    private static byte[] headerBytes(String json) {
        return Npy.encode(new NpyArray("<U1", new int[0], null, new String[] {json}));
    }

    private static Map<String, byte[]> entries(Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    private static void rewrite(Path file, Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        Files.write(file, bytes.toByteArray());
    }
}
