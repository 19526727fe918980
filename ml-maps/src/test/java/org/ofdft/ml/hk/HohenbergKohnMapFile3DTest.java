package org.ofdft.ml.hk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ofdft.functionals.external.Structure;
import org.ofdft.functionals.io.RecpotReader;
import org.ofdft.grids.Cell;
import org.ofdft.grids.Grid3D;
import org.ofdft.grids.fft.JavaFftBackend;
import org.ofdft.ml.data.Dataset3D;
import org.ofdft.solver.ConvergenceCriteria;
import org.ofdft.solver.ks3d.SpaceGroup;

/** A 3D map and its dataset survive the file round trip: the loaded map predicts bit for bit the same. */
class HohenbergKohnMapFile3DTest {

    @TempDir
    Path directory;

    @Test
    void savedMapPredictsWhatTheTrainedOneDid() throws IOException {
        Structure cell = Structure.fromFractional(Cell.cubic(7.653), List.of("Al", "Al", "Al", "Al"),
                new double[][] {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}});
        Grid3D grid = new Grid3D(cell.cell(), 12, 12, 12);
        try (JavaFftBackend backend = new JavaFftBackend(1);
             OrbitalFreeConfigurations solver = new OrbitalFreeConfigurations(grid,
                     Map.of("Al", RecpotReader.read(Path.of("../examples/data/al.lda.recpot"))), backend,
                     new ConvergenceCriteria(1e-9, 1e-6, 1000))) {
            Dataset3D data = RattledConfigurations.dataset(cell, new int[] {12, 12, 12}, 24, 0.05, 0.15,
                    new SplittableRandom(3), s -> solver.solve(s, OrbitalFreeConfigurations.Kinetic.WANG_TETER),
                    done -> { });
            Path dataFile = directory.resolve("data.npz");
            data.write(dataFile);
            Dataset3D read = Dataset3D.read(dataFile);
            assertArrayEquals(data.densities()[5], read.densities()[5], 0.0);
            assertArrayEquals(data.atomPositions()[7][2], read.atomPositions()[7][2], 0.0);
            assertEquals(data.reference(), read.reference());
            assertTrue(Dataset3D.isThreeDimensional(dataFile));

            HohenbergKohnMap.TrainingData training = HohenbergKohnMap.trainingData(read);
            SpaceGroupDensityKernel kernel = new SpaceGroupDensityKernel(grid, SpaceGroup.withEveryTranslation(cell,
                    grid), 2.0, backend);
            for (HohenbergKohnMap.EnergyKernel energyKernel : new HohenbergKohnMap.EnergyKernel[] {
                    HohenbergKohnMap.EnergyKernel.SpaceGroupAveraged.of(kernel), new HohenbergKohnMap.EnergyKernel.Plain()}) {
                for (DensityBasis basis : new DensityBasis[] {new DensityBasis.Grid(grid.size(), grid.volumeElement()),
                        new PlaneWaveBasis(grid, 8.0, backend)}) {
                    HohenbergKohnMap map = HohenbergKohnMap.train(training, basis, HohenbergKohnMap.EnergyTarget.TOTAL,
                            HohenbergKohnMap.Settings.scaledTo(training, 4, 1), energyKernel,
                            HohenbergKohnMap.EnergyInputs.PREDICTED);
                    Path file = directory.resolve("map.npz");
                    HohenbergKohnMapFile.write3D(map, read.reference(), read.gridShape(), "test", file);
                    HohenbergKohnMapFile.Loaded3D loaded = HohenbergKohnMapFile.read3D(file, backend);
                    loaded.requireCompatible(read);
                    double[] potential = read.externalPotentials()[3];
                    assertArrayEquals(map.predictDensity(potential), loaded.map().predictDensity(potential), 0.0);
                    assertEquals(map.predictEnergy(potential, 0.25), loaded.map().predictEnergy(potential, 0.25), 0.0,
                            energyKernel + " " + basis.name());
                }
            }
            HohenbergKohnMap planeWaves = HohenbergKohnMap.train(training, new PlaneWaveBasis(grid, 8.0, backend),
                    HohenbergKohnMap.EnergyTarget.TOTAL, HohenbergKohnMap.Settings.scaledTo(training, 4, 1));
            IllegalArgumentException wrongWriter = assertThrows(IllegalArgumentException.class,
                    () -> HohenbergKohnMapFile.write(planeWaves, new double[grid.size()], "x",
                            directory.resolve("x.npz")));
            assertTrue(wrongWriter.getMessage().contains("write3D"), wrongWriter.getMessage());
        }
    }
}
