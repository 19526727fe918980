package org.ofdft.ml.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ofdft.grids.io.Npy;
import org.ofdft.grids.io.NpyArray;

/**
 * A set of 1D systems on one grid, in JAX-DFT's dataset layout (Li et al., PRL 126, 036401 (2021)):
 * {@code grids} (G), {@code external_potentials} (M×G), {@code densities} (M×G), {@code total_energies}
 * (M), {@code num_electrons} (M), and, where known, {@code kinetic_energies} (M, the non-interacting
 * T_s). Any other array of the source (e.g. {@code locations}, {@code xc_energies}, {@code latex_symbols})
 * is kept and written back unchanged. Hartree atomic units. Stored either as an {@code .npz} archive or as
 * a directory of {@code .npy} files, the two forms NumPy and JAX-DFT use.
 */
public record Dataset1D(double[] grid, double[][] externalPotentials, double[][] densities, double[] totalEnergies,
                        double[] numElectrons, double[] kineticEnergies, Map<String, NpyArray> otherArrays) {

    public static final String GRIDS = "grids";
    public static final String EXTERNAL_POTENTIALS = "external_potentials";
    public static final String DENSITIES = "densities";
    public static final String TOTAL_ENERGIES = "total_energies";
    public static final String NUM_ELECTRONS = "num_electrons";
    public static final String KINETIC_ENERGIES = "kinetic_energies";

    /** Checks shapes and finiteness; {@code kineticEnergies} may be null (not known). */
    public Dataset1D {
        int points = grid.length;
        int count = densities.length;
        if (points < 2) {
            throw new IllegalArgumentException("dataset grid needs at least 2 points, has " + points);
        }
        requireRows(EXTERNAL_POTENTIALS, externalPotentials, count, points);
        requireRows(DENSITIES, densities, count, points);
        requireLength(TOTAL_ENERGIES, totalEnergies, count);
        requireLength(NUM_ELECTRONS, numElectrons, count);
        if (kineticEnergies != null) {
            requireLength(KINETIC_ENERGIES, kineticEnergies, count);
        }
        requireFinite(GRIDS, grid);
        requireFinite(EXTERNAL_POTENTIALS, externalPotentials);
        requireFinite(DENSITIES, densities);
        requireFinite(TOTAL_ENERGIES, totalEnergies);
        requireFinite(NUM_ELECTRONS, numElectrons);
        if (kineticEnergies != null) {
            requireFinite(KINETIC_ENERGIES, kineticEnergies);
        }
        otherArrays = Collections.unmodifiableMap(new LinkedHashMap<>(otherArrays));
    }

    public int size() {
        return densities.length;
    }

    public int gridPoints() {
        return grid.length;
    }

    /** Grid spacing h, checked to be uniform to 1e-6 relative (float32 grids are uniform to ~1e-7). */
    public double spacing() {
        double h = (grid[grid.length - 1] - grid[0]) / (grid.length - 1);
        for (int j = 1; j < grid.length; j++) {
            if (Math.abs(grid[j] - grid[j - 1] - h) > 1e-6 * Math.abs(h)) {
                throw new IllegalArgumentException("dataset grid is not uniform at point " + j + ": spacing "
                        + (grid[j] - grid[j - 1]) + " against the mean " + h);
            }
        }
        return h;
    }

    public boolean hasKineticEnergies() {
        return kineticEnergies != null;
    }

    /** The rows in {@code indices}, in that order (grid and other arrays shared unchanged). */
    public Dataset1D subset(int[] indices) {
        double[][] potentials = new double[indices.length][];
        double[][] rowsOfDensity = new double[indices.length][];
        double[] energies = new double[indices.length];
        double[] electrons = new double[indices.length];
        double[] kinetic = kineticEnergies == null ? null : new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int row = indices[i];
            if (row < 0 || row >= size()) {
                throw new IndexOutOfBoundsException("row " + row + " of a dataset of " + size());
            }
            potentials[i] = externalPotentials[row];
            rowsOfDensity[i] = densities[row];
            energies[i] = totalEnergies[row];
            electrons[i] = numElectrons[row];
            if (kinetic != null) {
                kinetic[i] = kineticEnergies[row];
            }
        }
        return new Dataset1D(grid, potentials, rowsOfDensity, energies, electrons, kinetic, Map.of());
    }

    /** Reads an {@code .npz} archive or a directory of {@code .npy} files. */
    public static Dataset1D read(Path path) throws IOException {
        Map<String, NpyArray> others = new LinkedHashMap<>(readArrays(path));
        double[] grid = take(others, GRIDS, path, 1).values();
        NpyArray densityArray = take(others, DENSITIES, path, 2);
        int count = densityArray.shape()[0];
        double[][] densities = rows(densityArray);
        double[][] potentials = rows(take(others, EXTERNAL_POTENTIALS, path, 2));
        double[] energies = take(others, TOTAL_ENERGIES, path, 1).values();
        double[] electrons = take(others, NUM_ELECTRONS, path, 1).values();
        NpyArray kinetic = others.remove(KINETIC_ENERGIES);
        try {
            return new Dataset1D(grid, potentials, densities, energies, electrons,
                    kinetic == null ? null : kinetic.values(), others);
        } catch (IllegalArgumentException e) {
            throw new IOException(path + ": " + e.getMessage() + " (" + count + " rows)", e);
        }
    }

    /** Writes an {@code .npz} archive if the name ends in {@code .npz}, else a directory of {@code .npy}. */
    public void write(Path path) throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        int count = size();
        arrays.put(GRIDS, NpyArray.ofDoubles(grid, grid.length));
        arrays.put(EXTERNAL_POTENTIALS, NpyArray.ofDoubles(flatten(externalPotentials), count, grid.length));
        arrays.put(DENSITIES, NpyArray.ofDoubles(flatten(densities), count, grid.length));
        arrays.put(TOTAL_ENERGIES, NpyArray.ofDoubles(totalEnergies, count));
        arrays.put(NUM_ELECTRONS, NpyArray.ofLongs(numElectrons, count));
        if (kineticEnergies != null) {
            arrays.put(KINETIC_ENERGIES, NpyArray.ofDoubles(kineticEnergies, count));
        }
        arrays.putAll(otherArrays);
        writeArrays(path, arrays);
    }

    /** The arrays of an {@code .npz} archive or a directory of {@code .npy} files. */
    static Map<String, NpyArray> readArrays(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return Npy.readDirectory(path);
        }
        if (Files.isRegularFile(path)) {
            return Npy.readArchive(path);
        }
        throw new IOException("no such dataset (an .npz file or a directory of .npy files): " + path);
    }

    /** An {@code .npz} archive if the name ends in {@code .npz}, else a directory of {@code .npy} (atomic). */
    static void writeArrays(Path path, Map<String, NpyArray> arrays) throws IOException {
        if (path.getFileName().toString().endsWith(".npz")) {
            Npy.writeArchive(path, arrays);
        } else {
            Npy.writeDirectory(path, arrays);
        }
    }

    private static NpyArray take(Map<String, NpyArray> arrays, String name, Path path, int dimensions)
            throws IOException {
        NpyArray array = arrays.remove(name);
        if (array == null) {
            throw new IOException(path + ": dataset has no '" + name + "' array (JAX-DFT layout needs "
                    + String.join(", ", GRIDS, EXTERNAL_POTENTIALS, DENSITIES, TOTAL_ENERGIES, NUM_ELECTRONS) + ")");
        }
        if (!array.isNumeric() || array.shape().length != dimensions) {
            throw new IOException(path + ": '" + name + "' must be a numeric " + dimensions + "D array, is "
                    + array);
        }
        return array;
    }

    static double[][] rows(NpyArray array) {
        double[][] rows = new double[array.shape()[0]][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = array.row(i);
        }
        return rows;
    }

    static double[] flatten(double[][] rows) {
        int width = rows.length == 0 ? 0 : rows[0].length;
        double[] flat = new double[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        return flat;
    }

    private static void requireRows(String name, double[][] rows, int count, int points) {
        if (rows.length != count) {
            throw new IllegalArgumentException("'" + name + "' has " + rows.length + " rows, '" + DENSITIES
                    + "' has " + count);
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != points) {
                throw new IllegalArgumentException("'" + name + "' row " + i + " has " + rows[i].length
                        + " points, the grid has " + points);
            }
        }
    }

    private static void requireLength(String name, double[] values, int count) {
        if (values.length != count) {
            throw new IllegalArgumentException("'" + name + "' has " + values.length + " entries, '" + DENSITIES
                    + "' has " + count + " rows");
        }
    }

    private static void requireFinite(String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("'" + name + "' holds " + values[i] + " at index " + i);
            }
        }
    }

    private static void requireFinite(String name, double[][] rows) {
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < rows[i].length; j++) {
                if (!Double.isFinite(rows[i][j])) {
                    throw new IllegalArgumentException("'" + name + "' holds " + rows[i][j] + " at row " + i
                            + ", point " + j);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "Dataset1D[" + size() + " systems on " + grid.length + " points"
                + (kineticEnergies != null ? ", with kinetic energies" : "") + ", other arrays "
                + otherArrays.keySet() + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Dataset1D d && Arrays.equals(grid, d.grid)
                && Arrays.deepEquals(densities, d.densities) && Arrays.deepEquals(externalPotentials, d.externalPotentials)
                && Arrays.equals(totalEnergies, d.totalEnergies) && Arrays.equals(numElectrons, d.numElectrons)
                && Arrays.equals(kineticEnergies, d.kineticEnergies);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(grid) * 31 + Arrays.deepHashCode(densities);
    }
}
