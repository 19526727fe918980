package org.ofdft.ml.hk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.ofdft.functionals.DensityFunctional;
import org.ofdft.functionals.SpinTreatment;
import org.ofdft.functionals.TotalFunctional;
import org.ofdft.functionals.external.Ewald;
import org.ofdft.functionals.external.LocalPseudopotential;
import org.ofdft.functionals.external.LocalPseudopotentialFunctional;
import org.ofdft.functionals.external.Structure;
import org.ofdft.functionals.hartree.Hartree3D;
import org.ofdft.functionals.kinetic.ThomasFermi;
import org.ofdft.functionals.kinetic.VonWeizsacker;
import org.ofdft.functionals.kinetic.WangTeter;
import org.ofdft.functionals.xc.LdaFunctional;
import org.ofdft.grids.Grid3D;
import org.ofdft.grids.Laplacian;
import org.ofdft.grids.SpectralOperators;
import org.ofdft.grids.Units;
import org.ofdft.ml.data.Dataset3D;
import org.ofdft.solver.CalculationResult;
import org.ofdft.solver.ConvergenceCriteria;
import org.ofdft.solver.ofdft.OrbitalFreeMinimizer;

/**
 * Training data for a 3D Hohenberg–Kohn map: periodic configurations of one cell (rattled copies of a
 * reference structure) solved with orbital-free DFT (LDA, local pseudopotentials, Wang–Teter or TF + vW) on
 * one FFT grid. Per configuration: the local pseudopotential V(r) on the grid (the map's input), the
 * density, the total energy, and the Ewald energy (the electron-independent part). Hartree atomic units.
 */
public final class OrbitalFreeConfigurations implements AutoCloseable {

    /** The kinetic functional of the reference calculations. */
    public enum Kinetic { WANG_TETER, THOMAS_FERMI_VON_WEIZSACKER }

    private final Grid3D grid;
    private final Map<String, ? extends LocalPseudopotential> pseudopotentials;
    private final SpectralOperators operators;
    private final ConvergenceCriteria criteria;

    /** Each call to {@link #solve} is independent; the FFT plan of {@code operators} is reused. */
    public OrbitalFreeConfigurations(Grid3D grid, Map<String, ? extends LocalPseudopotential> pseudopotentials,
                                     org.ofdft.grids.fft.FftBackend backend, ConvergenceCriteria criteria) {
        this.grid = grid;
        this.pseudopotentials = pseudopotentials;
        this.operators = new SpectralOperators(grid, backend);
        this.criteria = criteria;
    }

    public Grid3D grid() {
        return grid;
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

    /** One orbital-free ground state; throws if the minimizer does not converge. */
    public Solution solve(Structure structure, Kinetic kinetic) {
        if (!structure.cell().equals(grid.cell())) {
            throw new IllegalArgumentException("structure cell " + structure.cell() + " differs from the grid's "
                    + grid.cell());
        }
        LocalPseudopotentialFunctional pseudo = new LocalPseudopotentialFunctional(operators, structure,
                pseudopotentials);
        double electrons = pseudo.valenceElectrons();
        List<DensityFunctional> terms = new ArrayList<>();
        if (kinetic == Kinetic.WANG_TETER) {
            terms.addAll(WangTeter.total(operators, electrons / grid.measure()).terms());
        } else {
            terms.add(new ThomasFermi(grid, SpinTreatment.UNPOLARIZED));
            terms.add(new VonWeizsacker(Laplacian.spectral(operators), 1.0));
        }
        terms.add(new Hartree3D(operators));
        terms.add(LdaFunctional.slaterPz81(grid));
        terms.add(pseudo);
        double ewald = Ewald.ofPseudopotentials(structure, pseudopotentials).energy();
        TotalFunctional functional = new TotalFunctional(terms, Map.of("ewald", ewald));
        CalculationResult result = new OrbitalFreeMinimizer(functional, OrbitalFreeMinimizer.Method.LBFGS)
                .minimize(OrbitalFreeMinimizer.uniformDensity(grid, electrons), criteria);
        if (!result.converged()) {
            throw new IllegalStateException("orbital-free minimization did not converge in " + result.iterations()
                    + " iterations for a configuration of " + structure.atomCount() + " atoms");
        }
        return new Solution(pseudo.localPotential().values().clone(), result.density().values().clone(),
                result.totalEnergy(), ewald, electrons);
    }

    /** One configuration's data: V(r), n(r), E (with Ewald), E_Ewald, N. */
    public record Solution(double[] potential, double[] density, double totalEnergy, double ewaldEnergy,
                           double electrons) {
    }

    /** Solves every structure with {@code kinetic} and collects them as HK-map training data. */
    public HohenbergKohnMap.TrainingData solveAll(List<Structure> structures, Kinetic kinetic, IntConsumer progress) {
        int count = structures.size();
        double[][] potentials = new double[count][];
        double[][] densities = new double[count][];
        double[] energies = new double[count];
        double[] ewald = new double[count];
        double electrons = Double.NaN;
        for (int i = 0; i < count; i++) {
            Solution solution = solve(structures.get(i), kinetic);
            potentials[i] = solution.potential();
            densities[i] = solution.density();
            energies[i] = solution.totalEnergy();
            ewald[i] = solution.ewaldEnergy();
            electrons = solution.electrons();
            progress.accept(i + 1);
        }
        return new HohenbergKohnMap.TrainingData(potentials, densities, energies, ewald, grid.volumeElement(),
                electrons);
    }

    /**
     * {@code count} configurations of {@code reference} rattled by [minimum, maximum] Å ({@link #rattle}),
     * each solved by {@code solver} (orbital-free: {@code s -> configurations.solve(s, kinetic)}; Kohn–Sham:
     * {@link KohnShamConfigurations#solve}), as a 3D dataset on a grid of {@code gridShape}.
     */
    public static Dataset3D rattledDataset(Structure reference, int[] gridShape, int count, double minimumAngstrom,
                                           double maximumAngstrom, SplittableRandom random,
                                           Function<Structure, Solution> solver, IntConsumer progress) {
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
            Solution solution = solver.apply(structure);
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

    @Override
    public void close() {
        operators.close();
    }
}
