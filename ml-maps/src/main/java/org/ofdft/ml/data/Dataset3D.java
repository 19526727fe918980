package org.ofdft.ml.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.ofdft.functionals.external.Structure;
import org.ofdft.grids.Cell;
import org.ofdft.grids.Grid3D;
import org.ofdft.grids.io.NpyArray;

/**
 * Configurations of one periodic cell on one FFT grid — the training data of a 3D Hohenberg–Kohn map — in
 * JAX-DFT's array names where they exist: {@code external_potentials} (M × n1·n2·n3, the local
 * pseudopotential V(r) in hartree, C order), {@code densities} (M × n1·n2·n3, bohr⁻³), {@code total_energies}
 * (M, hartree, ion–ion energy included), {@code num_electrons} (M); and for the cell: {@code cell} (3 × 3,
 * lattice vectors as rows, bohr), {@code grid_shape} (3), {@code species} (atoms), {@code reference_positions}
 * (atoms × 3, bohr: the structure the configurations are displaced from), {@code atom_positions}
 * (M × atoms × 3, bohr) and {@code ion_ion_energies} (M, hartree: the Ewald energy, which depends on the
 * positions only). Hartree atomic units. Stored as {@code .npz} or a directory of {@code .npy}.
 */
public record Dataset3D(Structure reference, int[] gridShape, double[][][] atomPositions,
                        double[][] externalPotentials, double[][] densities, double[] totalEnergies,
                        double[] ionIonEnergies, double[] numElectrons) {

    public static final String CELL = "cell";
    public static final String GRID_SHAPE = "grid_shape";
    public static final String SPECIES = "species";
    public static final String REFERENCE_POSITIONS = "reference_positions";
    public static final String ATOM_POSITIONS = "atom_positions";
    public static final String ION_ION_ENERGIES = "ion_ion_energies";

    /** Checks shapes and finiteness. */
    public Dataset3D {
        gridShape = gridShape.clone();
        if (gridShape.length != 3 || Arrays.stream(gridShape).anyMatch(n -> n <= 0)) {
            throw new IllegalArgumentException("'" + GRID_SHAPE + "' must hold three positive sizes, got "
                    + Arrays.toString(gridShape));
        }
        int points = gridShape[0] * gridShape[1] * gridShape[2];
        int count = densities.length;
        int atoms = reference.atomCount();
        if (atomPositions.length != count) {
            throw new IllegalArgumentException("'" + ATOM_POSITIONS + "' has " + atomPositions.length
                    + " configurations, '" + Dataset1D.DENSITIES + "' " + count);
        }
        for (int i = 0; i < count; i++) {
            if (atomPositions[i].length != atoms) {
                throw new IllegalArgumentException("configuration " + i + " has " + atomPositions[i].length
                        + " atoms, the reference structure " + atoms);
            }
        }
        for (double[][] rows : new double[][][] {externalPotentials, densities}) {
            if (rows.length != count) {
                throw new IllegalArgumentException("'" + Dataset1D.EXTERNAL_POTENTIALS + "' has " + rows.length
                        + " rows, '" + Dataset1D.DENSITIES + "' " + count);
            }
            for (int i = 0; i < count; i++) {
                if (rows[i].length != points) {
                    throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, the grid "
                            + gridShape[0] + "x" + gridShape[1] + "x" + gridShape[2] + " has " + points);
                }
                for (int j = 0; j < points; j++) {
                    if (!Double.isFinite(rows[i][j])) {
                        throw new IllegalArgumentException("row " + i + " holds " + rows[i][j] + " at point " + j);
                    }
                }
            }
        }
        for (double[] values : new double[][] {totalEnergies, ionIonEnergies, numElectrons}) {
            if (values.length != count) {
                throw new IllegalArgumentException("an energy or electron-count array has " + values.length
                        + " entries for " + count + " configurations");
            }
            for (double value : values) {
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException("energies and electron counts must be finite, got " + value);
                }
            }
        }
    }

    public int size() {
        return densities.length;
    }

    /** The FFT grid of the reference cell. */
    public Grid3D grid() {
        return new Grid3D(reference.cell(), gridShape[0], gridShape[1], gridShape[2]);
    }

    /** Configuration {@code i} as a structure (the reference's cell and species). */
    public Structure structure(int i) {
        return new Structure(reference.cell(), reference.species(), atomPositions[i]);
    }

    /** Reads an {@code .npz} archive or a directory of {@code .npy} files. */
    public static Dataset3D read(Path path) throws IOException {
        Map<String, NpyArray> arrays = Dataset1D.readArrays(path);
        try {
            double[] cellValues = numeric(arrays, CELL, path, 2).values();
            double[][] vectors = {Arrays.copyOfRange(cellValues, 0, 3), Arrays.copyOfRange(cellValues, 3, 6),
                    Arrays.copyOfRange(cellValues, 6, 9)};
            int[] shape = Arrays.stream(numeric(arrays, GRID_SHAPE, path, 1).values()).mapToInt(v -> (int) v).toArray();
            NpyArray species = arrays.get(SPECIES);
            if (species == null || species.isNumeric()) {
                throw new IOException(path + ": 3D dataset needs a string array '" + SPECIES + "'");
            }
            double[][] reference = Dataset1D.rows(numeric(arrays, REFERENCE_POSITIONS, path, 2));
            NpyArray positions = numeric(arrays, ATOM_POSITIONS, path, 3);
            int count = positions.shape()[0];
            int atoms = positions.shape()[1];
            double[][][] atomPositions = new double[count][atoms][];
            for (int i = 0; i < count; i++) {
                for (int a = 0; a < atoms; a++) {
                    int at = (i * atoms + a) * 3;
                    atomPositions[i][a] = Arrays.copyOfRange(positions.values(), at, at + 3);
                }
            }
            return new Dataset3D(new Structure(Cell.ofBohr(vectors), List.of(species.strings()), reference), shape,
                    atomPositions, Dataset1D.rows(numeric(arrays, Dataset1D.EXTERNAL_POTENTIALS, path, 2)),
                    Dataset1D.rows(numeric(arrays, Dataset1D.DENSITIES, path, 2)),
                    numeric(arrays, Dataset1D.TOTAL_ENERGIES, path, 1).values(),
                    numeric(arrays, ION_ION_ENERGIES, path, 1).values(),
                    numeric(arrays, Dataset1D.NUM_ELECTRONS, path, 1).values());
        } catch (IllegalArgumentException e) {
            throw new IOException(path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether the dataset at {@code path} is 3D: it holds a {@code cell} array (looked up by name, without
     * reading the arrays).
     */
    public static boolean isThreeDimensional(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return Files.isRegularFile(path.resolve(CELL + ".npy"));
        }
        if (!Files.isRegularFile(path)) {
            throw new IOException("no such dataset (an .npz file or a directory of .npy files): " + path);
        }
        try (java.util.zip.ZipFile archive = new ZipFile(path.toFile())) {
            return archive.getEntry(CELL + ".npy") != null;
        } catch (java.util.zip.ZipException e) {
            throw new IOException(path + ": not an .npz archive (" + e.getMessage() + ")", e);
        }
    }

    /** Writes an {@code .npz} archive if the name ends in {@code .npz}, else a directory of {@code .npy}. */
    public void write(Path path) throws IOException {
        int count = size();
        int atoms = reference.atomCount();
        int points = gridShape[0] * gridShape[1] * gridShape[2];
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put(Dataset1D.EXTERNAL_POTENTIALS, NpyArray.ofDoubles(Dataset1D.flatten(externalPotentials), count,
                points));
        arrays.put(Dataset1D.DENSITIES, NpyArray.ofDoubles(Dataset1D.flatten(densities), count, points));
        arrays.put(Dataset1D.TOTAL_ENERGIES, NpyArray.ofDoubles(totalEnergies, count));
        arrays.put(Dataset1D.NUM_ELECTRONS, NpyArray.ofLongs(numElectrons, count));
        double[][] cell = {reference.cell().latticeVector(0), reference.cell().latticeVector(1),
                reference.cell().latticeVector(2)};
        arrays.put(CELL, NpyArray.ofDoubles(Dataset1D.flatten(cell), 3, 3));
        arrays.put(GRID_SHAPE, NpyArray.ofLongs(Arrays.stream(gridShape).asDoubleStream().toArray(), 3));
        String[] species = reference.species().toArray(String[]::new);
        int width = Arrays.stream(species).mapToInt(String::length).max().orElse(1);
        arrays.put(SPECIES, new NpyArray("<U" + width, new int[] {atoms}, null, species));
        arrays.put(REFERENCE_POSITIONS, NpyArray.ofDoubles(Dataset1D.flatten(reference.positions()), atoms, 3));
        double[] positions = new double[count * atoms * 3];
        for (int i = 0; i < count; i++) {
            for (int a = 0; a < atoms; a++) {
                System.arraycopy(atomPositions[i][a], 0, positions, (i * atoms + a) * 3, 3);
            }
        }
        arrays.put(ATOM_POSITIONS, NpyArray.ofDoubles(positions, count, atoms, 3));
        arrays.put(ION_ION_ENERGIES, NpyArray.ofDoubles(ionIonEnergies, count));
        Dataset1D.writeArrays(path, arrays);
    }

    private static NpyArray numeric(Map<String, NpyArray> arrays, String name, Path path, int dimensions)
            throws IOException {
        NpyArray array = arrays.get(name);
        if (array == null) {
            throw new IOException(path + ": 3D dataset has no '" + name + "' array");
        }
        if (!array.isNumeric() || array.shape().length != dimensions) {
            throw new IOException(path + ": '" + name + "' must be a numeric " + dimensions + "D array, is " + array);
        }
        return array;
    }
}
