package org.ofdft.ml.hk;

import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.ofdft.functionals.external.Structure;
import org.ofdft.grids.Units;
import org.ofdft.ml.data.Dataset3D;

/**
 * Training data of a 3D Hohenberg–Kohn map: randomly displaced ("rattled") copies of a reference structure,
 * each solved by a reference calculation (orbital-free or Kohn–Sham) on one FFT grid.
 */
public final class RattledConfigurations {

    private RattledConfigurations() {
    }

    /**
     * One configuration's reference calculation: the local pseudopotential V(r) on the grid (the map's input),
     * the density, the total energy (ion–ion included), the ion–ion (Ewald) energy and the electron number.
     */
    public record Reference(double[] potential, double[] density, double totalEnergy, double ewaldEnergy,
                            double electrons) {
    }

    /**
     * The reference structure with every atom displaced by a random vector of length uniform in
     * [minimum, maximum] Å and uniform direction.
     */
    public static Structure rattle(Structure reference, double minimumAngstrom, double maximumAngstrom,
                                   SplittableRandom random) {
        if (!(minimumAngstrom >= 0) || !(maximumAngstrom >= minimumAngstrom)) {
            throw new IllegalArgumentException("displacement range must satisfy 0 ≤ min ≤ max, got [" + minimumAngstrom
                    + ", " + maximumAngstrom + "] Å");
        }
        double[][] positions = reference.positions();
        for (double[] position : positions) {
            double length = Units.angstromToBohr(random.nextDouble(minimumAngstrom, Math.nextUp(maximumAngstrom)));
            double cosTheta = random.nextDouble(-1, 1);
            double phi = random.nextDouble(0, 2 * Math.PI);
            double sinTheta = Math.sqrt(1 - cosTheta * cosTheta);
            position[0] += length * sinTheta * Math.cos(phi);
            position[1] += length * sinTheta * Math.sin(phi);
            position[2] += length * cosTheta;
        }
        return new Structure(reference.cell(), reference.species(), positions);
    }

    /**
     * {@code count} configurations of {@code reference} rattled by [minimum, maximum] Å ({@link #rattle}),
     * each solved by {@code solver} ({@link OrbitalFreeConfigurations#solve} with a kinetic functional, or
     * {@link KohnShamConfigurations#solve}), as a 3D dataset on a grid of {@code gridShape}.
     */
    public static Dataset3D dataset(Structure reference, int[] gridShape, int count, double minimumAngstrom,
                                    double maximumAngstrom, SplittableRandom random, Function<Structure, Reference> solver,
                                    IntConsumer progress) {
        if (count < 1) {
            throw new IllegalArgumentException("configuration count must be positive, got " + count);
        }
        double[][][] positions = new double[count][][];
        double[][] potentials = new double[count][];
        double[][] densities = new double[count][];
        double[] energies = new double[count];
        double[] ionIon = new double[count];
        double[] electrons = new double[count];
        for (int i = 0; i < count; i++) {
            Structure structure = rattle(reference, minimumAngstrom, maximumAngstrom, random);
            Reference solution = solver.apply(structure);
            positions[i] = structure.positions();
            potentials[i] = solution.potential();
            densities[i] = solution.density();
            energies[i] = solution.totalEnergy();
            ionIon[i] = solution.ewaldEnergy();
            electrons[i] = solution.electrons();
            progress.accept(i + 1);
        }
        return new Dataset3D(reference, gridShape, positions, potentials, densities, energies, ionIon, electrons);
    }
}
