package org.ofdft.ml.hk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.ofdft.ml.model.ModelArchive;
import org.ofdft.ml.regression.GaussianKernel;
import org.ofdft.ml.regression.KernelRidgeModel;
import org.ofdft.ml.regression.MultiOutputKernelModel;

/**
 * Saving and loading 1D {@link HohenbergKohnMap}s ({@link ModelArchive} of type {@value #TYPE}): header
 * fields {@code basis} ({@code sine} with {@code basis_size}, or {@code grid}), {@code energy_target},
 * {@code electrons}, {@code volume_element}, {@code density_sigma}/{@code density_lambda} (potential →
 * density map), {@code energy_sigma}/{@code energy_lambda} (density → energy map),
 * {@code mean_learned_energy}, {@code training_fingerprint}; arrays {@code grids},
 * {@code training_potentials}, {@code density_dual_coefficients}, {@code mean_coefficients},
 * {@code energy_training_densities}, {@code energy_dual_coefficients}.
 */
public final class HohenbergKohnMapFile {

    public static final String TYPE = "hk-map-1d";

    private HohenbergKohnMapFile() {
    }

    public static void write(HohenbergKohnMap map, double[] grid, String trainingFingerprint, Path file)
            throws IOException {
        if (map.basis() instanceof PlaneWaveBasis || !(map.energyMap() instanceof DensityEnergyModel.Plain plain)) {
            throw new IllegalArgumentException("saving 3D HK maps is not supported yet; only 1D maps");
        }
        KernelRidgeModel energyMap = plain.model();
        ModelArchive archive = ModelArchive.create(TYPE);
        archive.header().put("basis", map.basis().name());
        if (map.basis() instanceof DensityBasis.Sine sine) {
            archive.header().put("basis_size", sine.count());
        }
        archive.header().put("energy_target", map.target().name().toLowerCase(Locale.ROOT));
        archive.header().put("electrons", map.electrons());
        archive.header().put("volume_element", map.volumeElement());
        archive.header().put("density_sigma", ((GaussianKernel) map.densityMap().kernel()).sigma());
        archive.header().put("density_lambda", map.densityMap().lambda());
        archive.header().put("energy_sigma", ((GaussianKernel) energyMap.kernel()).sigma());
        archive.header().put("energy_lambda", energyMap.lambda());
        archive.header().put("mean_learned_energy", map.meanLearnedEnergy());
        archive.header().put("training_fingerprint", trainingFingerprint);
        archive.putVector("grids", grid);
        archive.putMatrix("training_potentials", map.densityMap().trainingInputs());
        archive.putMatrix("density_dual_coefficients", map.densityMap().dualCoefficients());
        archive.putVector("mean_coefficients", map.meanCoefficients());
        double[][] energyInputs = new double[energyMap.sampleCount()][];
        for (int j = 0; j < energyInputs.length; j++) {
            energyInputs[j] = energyMap.trainingInput(j);
        }
        archive.putMatrix("energy_training_densities", energyInputs);
        archive.putVector("energy_dual_coefficients", energyMap.dualCoefficients());
        archive.write(file);
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
            HohenbergKohnMap.EnergyTarget target = HohenbergKohnMap.EnergyTarget.valueOf(
                    header.path("energy_target").asText().toUpperCase(Locale.ROOT));
            MultiOutputKernelModel densityMap = MultiOutputKernelModel.of(
                    new GaussianKernel(header.path("density_sigma").asDouble()), header.path("density_lambda").asDouble(),
                    archive.matrix("training_potentials"), archive.matrix("density_dual_coefficients"));
            double[][] energyInputs = archive.matrix("energy_training_densities");
            KernelRidgeModel energyMap = new KernelRidgeModel(new GaussianKernel(header.path("energy_sigma").asDouble()),
                    header.path("energy_lambda").asDouble(), org.ofdft.ml.regression.InputChecks.flatten(energyInputs),
                    grid.length, archive.vector("energy_dual_coefficients"));
            HohenbergKohnMap map = new HohenbergKohnMap(basis, target, grid.length, volumeElement,
                    header.path("electrons").asDouble(), densityMap, new DensityEnergyModel.Plain(energyMap), archive.vector("mean_coefficients"),
                    header.path("mean_learned_energy").asDouble());
            return new Loaded(map, grid);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": inconsistent HK map: " + e.getMessage(), e);
        }
    }
}
