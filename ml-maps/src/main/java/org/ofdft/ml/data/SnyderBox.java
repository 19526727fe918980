package org.ofdft.ml.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.ofdft.functionals.SpinTreatment;
import org.ofdft.grids.Grid1D;
import org.ofdft.grids.RealField;
import org.ofdft.grids.io.NpyArray;
import org.ofdft.solver.CalculationResult;
import org.ofdft.solver.ks1d.BoxEigenstates;
import org.ofdft.solver.ks1d.BoxSineBasisSolver;
import org.ofdft.solver.ks1d.KohnSham1D;

/**
 * The model problem of Snyder, Rupp, Hansen, Müller and Burke, PRL 108, 253002 (2012): N non-interacting
 * spinless electrons (one per orbital) in a box [0, 1] with hard walls and three Gaussian wells, densities
 * sampled on the G = 500 points x_j = j/499 (the two end points are the walls, where n = 0).
 */
public final class SnyderBox {

    public static final int GRID_POINTS = 500;
    /** Name of the extra dataset array holding a1 b1 c1 a2 b2 c2 a3 b3 c3 (depth, centre, width) per row. */
    public static final String POTENTIAL_PARAMETERS = "potential_parameters";

    /** How the reference densities and energies are computed. */
    public enum Discretization {
        /**
         * Exponentially converged: the sine basis of the box ({@link BoxSineBasisSolver}), T_s to ~1e-9 Ha,
         * densities evaluated exactly at the 500 points. The default for training data.
         */
        SINE_BASIS,
        /** The paper's own: 3-point finite differences on the 500 points (T_s off by mHa for N = 4). */
        FINITE_DIFFERENCE
    }

    private SnyderBox() {
    }

    /** x_j = j/499, j = 0…499. */
    public static double[] grid() {
        double[] x = new double[GRID_POINTS];
        for (int j = 0; j < GRID_POINTS; j++) {
            x[j] = j / (double) (GRID_POINTS - 1);
        }
        return x;
    }

    /** {@code count} random potentials of the paper's distribution, reproducible from the seed. */
    public static List<GaussianWells> randomPotentials(int count, long seed) {
        if (count <= 0) {
            throw new IllegalArgumentException("number of potentials must be positive, got " + count);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<GaussianWells> potentials = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            potentials.add(GaussianWells.randomSnyder(random));
        }
        return potentials;
    }

    /** The paper's 100 training potentials with their published dual coefficients α_j. */
    public record PaperTrainingSet(List<GaussianWells> potentials, double[] alphas) {
    }

    /**
     * Reads {@code paper_potentials.txt} (columns j α a1 b1 c1 a2 b2 c2 a3 b3 c3). The paper's table swapped
     * two names: its "b" columns hold the widths and its "c" columns the centres, so b ↔ c here.
     */
    public static PaperTrainingSet readPaperTrainingSet(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<GaussianWells> potentials = new ArrayList<>();
        List<Double> alphas = new ArrayList<>();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).strip();
            if (line.isEmpty() || !Character.isDigit(line.charAt(0))) {
                continue; // header
            }
            String[] fields = line.split("\\s+");
            if (fields.length != 11) {
                throw new IOException(file + ":" + number + ": expected 11 columns (j α a1 b1 c1 a2 b2 c2 a3 b3 c3), found "
                        + fields.length);
            }
            try {
                alphas.add(Double.parseDouble(fields[1]));
                double[] a = new double[3];
                double[] centre = new double[3];
                double[] width = new double[3];
                for (int i = 0; i < 3; i++) {
                    a[i] = Double.parseDouble(fields[2 + 3 * i]);
                    width[i] = Double.parseDouble(fields[3 + 3 * i]);
                    centre[i] = Double.parseDouble(fields[4 + 3 * i]);
                }
                potentials.add(new GaussianWells(a, centre, width));
            } catch (NumberFormatException e) {
                throw new IOException(file + ":" + number + ": not a number: " + e.getMessage(), e);
            }
        }
        if (potentials.isEmpty()) {
            throw new IOException(file + ": no potentials found");
        }
        return new PaperTrainingSet(potentials, alphas.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * Exact non-interacting densities and energies for each potential: one dataset row per potential with
     * {@code external_potentials}, {@code densities}, {@code total_energies} (Σ ε_i), {@code kinetic_energies}
     * (T_s), {@code num_electrons}, and {@code potential_parameters}. Rows are computed in parallel;
     * {@code progress} receives the number finished so far (from worker threads).
     */
    public static Dataset1D generate(List<GaussianWells> potentials, int electrons, Discretization discretization,
                                     IntConsumer progress) {
        if (electrons <= 0) {
            throw new IllegalArgumentException("number of electrons must be positive, got " + electrons);
        }
        double[] x = grid();
        int count = potentials.size();
        double[][] externalPotentials = new double[count][];
        double[][] densities = new double[count][];
        double[] totalEnergies = new double[count];
        double[] kineticEnergies = new double[count];
        double[] parameters = new double[count * 9];
        AtomicInteger finished = new AtomicInteger();
        IntStream.range(0, count).parallel().forEach(i -> {
            GaussianWells wells = potentials.get(i);
            externalPotentials[i] = wells.sample(x);
            double[] energies = new double[2];
            densities[i] = switch (discretization) {
                case SINE_BASIS -> sineBasis(wells, electrons, x, energies);
                case FINITE_DIFFERENCE -> finiteDifference(externalPotentials[i], electrons, energies);
            };
            totalEnergies[i] = energies[0];
            kineticEnergies[i] = energies[1];
            System.arraycopy(wells.parameters(), 0, parameters, 9 * i, 9);
            progress.accept(finished.incrementAndGet());
        });
        double[] numElectrons = new double[count];
        java.util.Arrays.fill(numElectrons, electrons);
        Map<String, NpyArray> other = new LinkedHashMap<>();
        other.put(POTENTIAL_PARAMETERS, NpyArray.ofDoubles(parameters, count, 9));
        return new Dataset1D(x, externalPotentials, densities, totalEnergies, numElectrons, kineticEnergies, other);
    }

    private static double[] sineBasis(GaussianWells wells, int electrons, double[] x, double[] energies) {
        BoxEigenstates states = BoxSineBasisSolver.forBox(0, 1).solve(wells, electrons, SpinTreatment.SPINLESS);
        energies[0] = states.bandEnergy();
        energies[1] = states.kineticEnergy();
        return states.densityAt(x);
    }

    private static double[] finiteDifference(double[] potential, int electrons, double[] energies) {
        Grid1D interior = Grid1D.box(0, 1, GRID_POINTS - 2);
        double[] interiorPotential = java.util.Arrays.copyOfRange(potential, 1, GRID_POINTS - 1);
        CalculationResult result = new KohnSham1D(interior, 2, SpinTreatment.SPINLESS, List.of())
                .solveNonInteracting(RealField.wrap(interior, interiorPotential), electrons);
        energies[0] = result.totalEnergy();
        energies[1] = result.energies().term("kinetic");
        double[] density = new double[GRID_POINTS];
        System.arraycopy(result.density().values(), 0, density, 1, GRID_POINTS - 2);
        return density;
    }
}
