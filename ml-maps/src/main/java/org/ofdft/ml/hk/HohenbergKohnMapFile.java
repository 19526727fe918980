package org.ofdft.ml.hk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ofdft.functionals.external.Structure;
import org.ofdft.grids.Cell;
import org.ofdft.grids.Grid3D;
import org.ofdft.grids.fft.FftBackend;
import org.ofdft.grids.io.NpyArray;
import org.ofdft.ml.data.Dataset3D;
import org.ofdft.ml.model.ModelArchive;
import org.ofdft.ml.regression.GaussianKernel;
import org.ofdft.ml.regression.InputChecks;
import org.ofdft.ml.regression.KernelRidgeModel;
import org.ofdft.ml.regression.MultiOutputKernelModel;
import org.ofdft.solver.ks3d.SpaceGroup;

/**
 * Saving and loading {@link HohenbergKohnMap}s: 1D ({@link ModelArchive} of type {@value #TYPE}): header
 * fields {@code basis} ({@code sine} with {@code basis_size}, or {@code grid}), {@code energy_target},
 * {@code electrons}, {@code volume_element}, {@code density_sigma}/{@code density_lambda} (potential →
 * density map), {@code energy_sigma}/{@code energy_lambda} (density → energy map),
 * {@code mean_learned_energy}, {@code training_fingerprint}; arrays {@code grids},
 * {@code training_potentials}, {@code density_dual_coefficients}, {@code mean_coefficients},
 * {@code energy_training_densities}, {@code energy_dual_coefficients}.
 */
public final class HohenbergKohnMapFile {

    public static final String TYPE = "hk-map-1d";
    public static final String TYPE_3D = "hk-map-3d";

    private HohenbergKohnMapFile() {
    }

    public static void write(HohenbergKohnMap map, double[] grid, String trainingFingerprint, Path file)
            throws IOException {
        if (map.basis() instanceof PlaneWaveBasis || !(map.energyMap() instanceof DensityEnergyModel.Plain plain)) {
            throw new IllegalArgumentException("a 3D HK map is saved with write3D (model type " + TYPE_3D + ")");
        }
        ModelArchive archive = ModelArchive.create(TYPE);
        putMaps(archive, map, trainingFingerprint);
        if (map.basis() instanceof DensityBasis.Sine sine) {
            archive.header().put("basis_size", sine.count());
        }
        putGaussianEnergyMap(archive, plain.model());
        archive.putVector("grids", grid);
        archive.write(file);
    }

    /** The fields both dimensions share: basis name, target, N, dV, the density map and the training means. */
    private static void putMaps(ModelArchive archive, HohenbergKohnMap map, String trainingFingerprint) {
        var header = archive.header();
        header.put("basis", map.basis().name());
        header.put("energy_target", map.target().name().toLowerCase(Locale.ROOT));
        header.put("electrons", map.electrons());
        header.put("volume_element", map.volumeElement());
        header.put("density_sigma", ((GaussianKernel) map.densityMap().kernel()).sigma());
        header.put("density_lambda", map.densityMap().lambda());
        header.put("mean_learned_energy", map.meanLearnedEnergy());
        header.put("training_fingerprint", trainingFingerprint);
        archive.putMatrix("training_potentials", map.densityMap().trainingInputs());
        archive.putMatrix("density_dual_coefficients", map.densityMap().dualCoefficients());
        archive.putVector("mean_coefficients", map.meanCoefficients());
    }

    private static void putGaussianEnergyMap(ModelArchive archive, KernelRidgeModel energyMap) {
        archive.header().put("energy_sigma", ((GaussianKernel) energyMap.kernel()).sigma());
        archive.header().put("energy_lambda", energyMap.lambda());
        double[][] energyInputs = new double[energyMap.sampleCount()][];
        for (int j = 0; j < energyInputs.length; j++) {
            energyInputs[j] = energyMap.trainingInput(j);
        }
        archive.putMatrix("energy_training_densities", energyInputs);
        archive.putVector("energy_dual_coefficients", energyMap.dualCoefficients());
    }

    /** The map from the fields {@link #putMaps} wrote, with {@code energyMap} read by the caller. */
    private static HohenbergKohnMap readMaps(ModelArchive archive, DensityBasis basis, int points,
                                             DensityEnergyModel energyMap) {
        var header = archive.header();
        MultiOutputKernelModel densityMap = MultiOutputKernelModel.of(
                new GaussianKernel(header.path("density_sigma").asDouble()), header.path("density_lambda").asDouble(),
                archive.matrix("training_potentials"), archive.matrix("density_dual_coefficients"));
        return new HohenbergKohnMap(basis, HohenbergKohnMap.EnergyTarget.valueOf(
                header.path("energy_target").asText().toUpperCase(Locale.ROOT)), points,
                header.path("volume_element").asDouble(), header.path("electrons").asDouble(), densityMap, energyMap,
                archive.vector("mean_coefficients"), header.path("mean_learned_energy").asDouble());
    }

    /** The energy map {@link #putGaussianEnergyMap} wrote, on densities of {@code points} values. */
    private static DensityEnergyModel readGaussianEnergyMap(ModelArchive archive, int points) {
        var header = archive.header();
        return new DensityEnergyModel.Plain(new KernelRidgeModel(new GaussianKernel(header.path("energy_sigma")
                .asDouble()), header.path("energy_lambda").asDouble(),
                InputChecks.flatten(archive.matrix("energy_training_densities")), points,
                archive.vector("energy_dual_coefficients")));
    }

    /** The map and its grid (the dataset's points). */
    public record Loaded(HohenbergKohnMap map, double[] grid) {
    }

    public static Loaded read(Path file) throws IOException {
        ModelArchive archive = ModelArchive.read(file, TYPE);
        var header = archive.header();
        try {
            double[] grid = archive.vector("grids");
            double volumeElement = header.path("volume_element").asDouble();
            DensityBasis basis = switch (header.path("basis").asText()) {
                case "sine" -> DensityBasis.Sine.of(grid, header.path("basis_size").asInt());
                case "grid" -> new DensityBasis.Grid(grid.length, volumeElement);
                default -> throw new IllegalArgumentException("unknown basis '" + header.path("basis").asText() + "'");
            };
            return new Loaded(readMaps(archive, basis, grid.length, readGaussianEnergyMap(archive, grid.length)), grid);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": inconsistent HK map: " + e.getMessage(), e);
        }
    }

    /**
     * Saves a 3D map ({@value #TYPE_3D}) with the structure it was trained for: header fields as the 1D map
     * plus {@code basis_cutoff} (plane-wave basis), {@code energy_kernel} ({@code gaussian} or
     * {@code space_group} with {@code kernel_cutoff}); arrays {@code cell}, {@code grid_shape},
     * {@code species}, {@code reference_positions}, the density map's as in 1D, and for the space-group
     * kernel {@code energy_training_coefficients} (plane-wave coefficients) instead of
     * {@code energy_training_densities}. The symmetry operations are found again from the reference
     * structure on loading.
     */
    public static void write3D(HohenbergKohnMap map, Structure reference, int[] gridShape, String trainingFingerprint,
                               Path file) throws IOException {
        ModelArchive archive = ModelArchive.create(TYPE_3D);
        var header = archive.header();
        putMaps(archive, map, trainingFingerprint);
        if (map.basis() instanceof PlaneWaveBasis planeWaves) {
            header.put("basis_cutoff", planeWaves.cutoff());
        } else if (!(map.basis() instanceof DensityBasis.Grid)) {
            throw new IllegalArgumentException("a 3D HK map has a grid or plane-wave basis, not " + map.basis().name());
        }
        Cell cell = reference.cell();
        archive.putMatrix("cell", new double[][] {cell.latticeVector(0), cell.latticeVector(1), cell.latticeVector(2)});
        archive.putVector("grid_shape", Arrays.stream(gridShape).asDoubleStream().toArray());
        String[] species = reference.species().toArray(String[]::new);
        int width = Arrays.stream(species).mapToInt(String::length).max().orElse(1);
        archive.put("species", new NpyArray("<U" + width, new int[] {species.length}, null, species));
        archive.putMatrix("reference_positions", reference.positions());
        if (map.energyMap() instanceof DensityEnergyModel.Plain plain) {
            header.put("energy_kernel", "gaussian");
            putGaussianEnergyMap(archive, plain.model());
        } else {
            SymmetricEnergyModel symmetric = (SymmetricEnergyModel) map.energyMap();
            header.put("energy_kernel", "space_group");
            header.put("kernel_cutoff", symmetric.kernel().cutoff());
            header.put("energy_sigma", symmetric.sigma());
            header.put("energy_lambda", symmetric.lambda());
            archive.putMatrix("energy_training_coefficients", symmetric.trainingCoefficients());
            archive.putVector("energy_dual_coefficients", symmetric.dualCoefficients());
        }
        archive.write(file);
    }

    /** A 3D map, the structure it was trained for (its cell, species and undisplaced positions) and its grid. */
    public record Loaded3D(HohenbergKohnMap map, Structure reference, Grid3D grid) {

        /**
         * Throws, naming the mismatch, unless {@code data} has this map's grid shape, cell (lattice vectors to
         * 1e-8 relative), atom count and species.
         */
        public void requireCompatible(Dataset3D data) {
            int[] shape = {grid.n1(), grid.n2(), grid.n3()};
            if (!Arrays.equals(shape, data.gridShape())) {
                throw new IllegalArgumentException("the data's potentials are on a " + shapeText(data.gridShape())
                        + " grid, the HK map was trained on " + shapeText(shape));
            }
            for (int i = 0; i < 3; i++) {
                double[] ours = reference.cell().latticeVector(i);
                double[] theirs = data.reference().cell().latticeVector(i);
                for (int c = 0; c < 3; c++) {
                    if (Math.abs(ours[c] - theirs[c]) > 1e-8 * reference.cell().length(i)) {
                        throw new IllegalArgumentException("the data's cell differs from the HK map's: lattice vector "
                                + (i + 1) + " is " + Arrays.toString(theirs) + " bohr, the map's "
                                + Arrays.toString(ours) + " bohr");
                    }
                }
            }
            if (data.reference().atomCount() != reference.atomCount()) {
                throw new IllegalArgumentException("the data's structure has " + data.reference().atomCount()
                        + " atoms, the HK map was trained for " + reference.atomCount());
            }
            if (!data.reference().species().equals(reference.species())) {
                throw new IllegalArgumentException("the data's species " + data.reference().speciesCounts()
                        + " differ from the HK map's " + reference.speciesCounts());
            }
        }

        private static String shapeText(int[] shape) {
            return shape[0] + "x" + shape[1] + "x" + shape[2];
        }
    }

    /** Loads a {@value #TYPE_3D} file; FFTs of the plane-wave basis and kernel use {@code backend}. */
    public static Loaded3D read3D(Path file, FftBackend backend) throws IOException {
        ModelArchive archive = ModelArchive.read(file, TYPE_3D);
        var header = archive.header();
        try {
            Cell cell = Cell.ofBohr(archive.matrix("cell"));
            double[] shape = archive.vector("grid_shape");
            Grid3D grid = new Grid3D(cell, (int) shape[0], (int) shape[1], (int) shape[2]);
            Structure reference = new Structure(cell, List.of(archive.array("species").strings()),
                    archive.matrix("reference_positions"));
            double volumeElement = header.path("volume_element").asDouble();
            DensityBasis basis = switch (header.path("basis").asText()) {
                case "grid" -> new DensityBasis.Grid(grid.size(), volumeElement);
                case "planewave" -> new PlaneWaveBasis(grid, header.path("basis_cutoff").asDouble(), backend);
                default -> throw new IllegalArgumentException("unknown basis '" + header.path("basis").asText() + "'");
            };
            DensityEnergyModel energyMap = switch (header.path("energy_kernel").asText()) {
                case "gaussian" -> readGaussianEnergyMap(archive, grid.size());
                case "space_group" -> new SymmetricEnergyModel(new SpaceGroupDensityKernel(grid,
                        SpaceGroup.withEveryTranslation(reference, grid), header.path("kernel_cutoff").asDouble(),
                        backend), header.path("energy_sigma").asDouble(), header.path("energy_lambda").asDouble(),
                        archive.matrix("energy_training_coefficients"), archive.vector("energy_dual_coefficients"));
                default -> throw new IllegalArgumentException("unknown energy_kernel '"
                        + header.path("energy_kernel").asText() + "'");
            };
            return new Loaded3D(readMaps(archive, basis, grid.size(), energyMap), reference, grid);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": inconsistent 3D HK map: " + e.getMessage(), e);
        }
    }
}
