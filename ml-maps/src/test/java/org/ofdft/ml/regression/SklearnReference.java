package org.ofdft.ml.regression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.ofdft.grids.io.Npy;
import org.ofdft.grids.io.NpyArray;

/** The scikit-learn reference numbers in {@code validation-data/sklearn} (make_reference.py, README there). */
public final class SklearnReference {

    public static final Path DIRECTORY = Path.of("..", "validation-data", "sklearn");

    private SklearnReference() {
    }

    public static double[] vector(String name) {
        return array(name).values();
    }

    public static double[][] matrix(String name) {
        NpyArray array = array(name);
        double[][] rows = new double[array.shape()[0]][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = array.row(i);
        }
        return rows;
    }

    public static JsonNode json() {
        try {
            return new ObjectMapper().readTree(DIRECTORY.resolve("reference.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static NpyArray array(String name) {
        try {
            return Npy.read(DIRECTORY.resolve(name + ".npy"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** max_i |actual_i − expected_i| / max_i |expected_i| (relative to the vector's scale). */
    public static double relativeError(double[] expected, double[] actual) {
        double scale = 0;
        double error = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            error = Math.max(error, Math.abs(actual[i] - expected[i]));
        }
        return error / scale;
    }
}
