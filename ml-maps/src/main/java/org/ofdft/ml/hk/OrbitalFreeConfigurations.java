package org.ofdft.ml.hk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.ofdft.solver.CalculationResult;
import org.ofdft.solver.ConvergenceCriteria;
import org.ofdft.solver.ofdft.JelliumPreconditioner;
import org.ofdft.solver.ofdft.OrbitalFreeMinimizer;

/**
 * Orbital-free references for a 3D Hohenberg–Kohn map ({@link RattledConfigurations}): configurations of
 * one cell solved with orbital-free DFT (LDA, local pseudopotentials, Wang–Teter or TF + vW) on one FFT
 * grid, minimized by truncated Newton with the jellium preconditioner (the default of {@code ofdft scf}).
 * Hartree atomic units.
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

    /** One orbital-free ground state; throws if the minimizer does not converge. */
    public RattledConfigurations.Reference solve(Structure structure, Kinetic kinetic) {
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
        CalculationResult result = new OrbitalFreeMinimizer(functional,
                OrbitalFreeMinimizer.Options.defaults(OrbitalFreeMinimizer.Method.TRUNCATED_NEWTON),
                operators.parallel(), JelliumPreconditioner.coulomb3D(operators, electrons))
                .minimize(OrbitalFreeMinimizer.uniformDensity(grid, electrons), criteria);
        if (!result.converged()) {
            throw new IllegalStateException("orbital-free minimization did not converge in " + result.iterations()
                    + " iterations for a configuration of " + structure.atomCount() + " atoms");
        }
        return new RattledConfigurations.Reference(pseudo.localPotential().values().clone(), result.density().values().clone(),
                result.totalEnergy(), ewald, electrons);
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
            RattledConfigurations.Reference solution = solve(structures.get(i), kinetic);
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

    @Override
    public void close() {
        operators.close();
    }
}
