package org.ofdft.solver.ks1d;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ofdft.functionals.DensityFunctional;
import org.ofdft.functionals.EnergyTerms;
import org.ofdft.functionals.SpinTreatment;
import org.ofdft.grids.Grid1D;
import org.ofdft.grids.RealField;
import org.ofdft.solver.CalculationResult;
import org.ofdft.solver.ConvergenceCriteria;
import org.ofdft.solver.ConvergenceStep;
import org.ofdft.solver.mixing.DensityMixer;

/**
 * Kohn–Sham DFT in one dimension on a finite-difference grid (Kohn and Sham, Phys. Rev. 140, A1133 (1965)):
 * <pre>
 *   [−½ d²/dx² + v_ext(x) + v_Hxc[n](x)] φ_i(x) = ε_i φ_i(x),    n(x) = Σ_i f_i |φ_i(x)|²,
 * </pre>
 * −½ d²/dx² the central finite difference of order 2, 4 or 6 ({@link FiniteDifferenceHamiltonian1D}),
 * v_Hxc = Σ_k δE_k/δn over a list of {@link DensityFunctional} terms (e.g. {@code Hartree1D} and an LDA),
 * f_i the aufbau occupations ({@link Occupations}: 1 per orbital spinless, 2 spin-unpolarized), orbitals
 * normalized on the grid, Σ_j φ_i(x_j)² h = 1, so that Σ_j n_j h = N. The lowest orbitals come from the
 * band eigensolver ({@link BandedSymmetricEigensolver}), exact on the grid up to round-off.
 *
 * <p><b>Non-interacting electrons</b> (no terms, or {@link #solveNonInteracting}): one diagonalization of
 * −½∇² + v_ext, for any external potential — the exact T_s and density of that grid problem.
 *
 * <p><b>Self-consistent field</b>: starting from n_in (by default the non-interacting density of v_ext),
 * each iteration evaluates v_Hxc[n_in], diagonalizes, forms n_out, and evaluates the Kohn–Sham energy of
 * the output,
 * <pre>
 *   E = T_s + ∫ v_ext n_out + Σ_k E_k[n_out],   T_s = Σ_i f_i ⟨φ_i|−½∇²|φ_i⟩
 *     ( = Σ_i f_i ε_i − ∫ v_Hxc[n_in] n_out + Σ_k E_k[n_out], since Σ f_i ε_i = T_s + ∫ (v_ext + v_Hxc) n_out ),
 * </pre>
 * and the residual ∫|n_out − n_in| dx; it stops when |ΔE| and the residual meet the
 * {@link ConvergenceCriteria} on the same iteration, and otherwise hands (n_in, n_out) to the
 * {@link DensityMixer} for the next n_in. Both the energy functional and its first-order error in the
 * density are standard (e.g. R. M. Martin, Electronic Structure (2004) §9.2). Negative values the mixer
 * may produce in the tails are set to zero (and the density rescaled to N) before the functionals see it.
 * Energies are reported by name: {@code kinetic}, {@code external}, then each term's {@code name()}
 * ({@code hartree}, {@code xc}, …); the total is {@link EnergyTerms#total()}. The first iteration reports
 * ΔE = E (the change from zero), so a run always takes at least two iterations. A run that reaches
 * {@code maxIterations} returns {@code converged = false} with its history; it does not throw.
 *
 * <p>Instances own work arrays (nothing is allocated per iteration except the history rows and the
 * functionals' own needs): not thread-safe.
 */
public final class KohnSham1D {

    public static final String METHOD = "kohn_sham_1d";
    /** Criteria used where none is given: |ΔE| &lt; 1e-10 Ha, ∫|n_out − n_in| &lt; 1e-8, 200 iterations. */
    public static final ConvergenceCriteria DEFAULT_CRITERIA = new ConvergenceCriteria(1e-10, 1e-8, 200);

    private final Grid1D grid;
    private final SpinTreatment spin;
    private final List<DensityFunctional> interaction;
    private final int unoccupied;
    private final FiniteDifferenceHamiltonian1D hamiltonian;
    private final SymmetricBandMatrix matrix;
    private final BandedSymmetricEigensolver eigensolver;

    private final double[] effectivePotential;
    private final double[] interactionPotential;
    private final double[] densityIn;
    private final double[] densityOut;
    private final double[] densityNext;
    private final RealField densityInField;
    private final RealField densityOutField;
    private final RealField interactionPotentialField;

    private double[] eigenvalues = new double[0];
    private double[] guesses = new double[0];
    private double[][] matrixVectors = new double[0][];
    private double[][] orbitals = new double[0][];
    private KohnShamOrbitals lastOrbitals;

    /**
     * @param grid            a box or periodic 1D grid
     * @param order           finite-difference order of the kinetic operator: 2, 4 or 6
     * @param spin            occupation per orbital (spinless 1, unpolarized 2)
     * @param interaction     the density functionals of the electron–electron interaction (Hartree, xc, …),
     *                        bound to {@code grid}; empty for non-interacting electrons
     */
    public KohnSham1D(Grid1D grid, int order, SpinTreatment spin, List<DensityFunctional> interaction) {
        this(grid, order, spin, interaction, 1);
    }

    /** As above, computing {@code unoccupied} orbitals above the occupied ones (reported with f = 0). */
    public KohnSham1D(Grid1D grid, int order, SpinTreatment spin, List<DensityFunctional> interaction,
                      int unoccupied) {
        if (unoccupied < 0) {
            throw new IllegalArgumentException("number of unoccupied orbitals must be non-negative, got " + unoccupied);
        }
        Set<String> names = new HashSet<>(List.of("kinetic", "external"));
        for (DensityFunctional term : interaction) {
            if (!term.grid().equals(grid)) {
                throw new IllegalArgumentException("term " + term.name() + " is bound to " + term.grid()
                        + ", the Kohn-Sham grid is " + grid);
            }
            if (!names.add(term.name())) {
                throw new IllegalArgumentException("two energy terms are named '" + term.name() + "'");
            }
        }
        this.grid = grid;
        this.spin = spin;
        this.interaction = List.copyOf(interaction);
        this.unoccupied = unoccupied;
        this.hamiltonian = new FiniteDifferenceHamiltonian1D(grid, order);
        this.matrix = hamiltonian.newMatrix();
        this.eigensolver = new BandedSymmetricEigensolver(grid.size(), hamiltonian.halfBandwidth());
        int n = grid.size();
        this.effectivePotential = new double[n];
        this.interactionPotential = new double[n];
        this.densityIn = new double[n];
        this.densityOut = new double[n];
        this.densityNext = new double[n];
        this.densityInField = RealField.wrap(grid, densityIn);
        this.densityOutField = RealField.wrap(grid, densityOut);
        this.interactionPotentialField = RealField.wrap(grid, interactionPotential);
    }

    public Grid1D grid() {
        return grid;
    }

    public SpinTreatment spin() {
        return spin;
    }

    public FiniteDifferenceHamiltonian1D hamiltonian() {
        return hamiltonian;
    }

    public List<DensityFunctional> interaction() {
        return interaction;
    }

    /** The orbitals of the last diagonalization of the last solve (copies), or null before any. */
    public KohnShamOrbitals lastOrbitals() {
        return lastOrbitals;
    }

    /**
     * Orbitals of the one-electron Hamiltonian −½∇² + v (v in hartree, grid order) for {@code electrons}
     * electrons: the occupied ones and the requested unoccupied ones (new arrays).
     */
    public KohnShamOrbitals orbitals(double[] potential, double electrons) {
        double[] f = Occupations.aufbau(electrons, spin);
        int count = orbitalCount(f.length, electrons);
        diagonalize(potential, count, false);
        return snapshot(count, f);
    }

    /** Non-interacting electrons in v_ext, with {@link #DEFAULT_CRITERIA} recorded. */
    public CalculationResult solveNonInteracting(RealField externalPotential, double electrons) {
        return solveNonInteracting(externalPotential, electrons, DEFAULT_CRITERIA);
    }

    /**
     * Non-interacting electrons in v_ext: one diagonalization (the interaction terms of this instance are
     * ignored). Energies: kinetic, external; converged with a one-step history (ΔE = 0, residual 0).
     */
    public CalculationResult solveNonInteracting(RealField externalPotential, double electrons,
                                                 ConvergenceCriteria criteria) {
        long start = System.nanoTime();
        double[] vExt = checkPotential(externalPotential);
        double[] f = Occupations.aufbau(electrons, spin);
        int count = orbitalCount(f.length, electrons);
        diagonalize(vExt, count, false);
        formDensity(count, f, densityOut);
        Map<String, Double> terms = new LinkedHashMap<>();
        double kinetic = kineticEnergy(count, f);
        double external = dot(vExt, densityOut);
        terms.put("kinetic", kinetic);
        terms.put("external", external);
        double total = kinetic + external;
        lastOrbitals = snapshot(count, f);
        List<ConvergenceStep> history = List.of(new ConvergenceStep(1, total, 0.0, 0.0, 0));
        return new CalculationResult(METHOD, new EnergyTerms(terms, total),
                RealField.wrap(grid, densityOut.clone()), null, eigenvalues.clone(), occupations(count, f),
                integral(densityOut), true, criteria, history, (System.nanoTime() - start) * 1e-9);
    }

    /** Self-consistent solution from the non-interacting density of v_ext. */
    public CalculationResult solve(RealField externalPotential, double electrons, DensityMixer mixer,
                                   ConvergenceCriteria criteria) {
        return solve(externalPotential, electrons, null, mixer, criteria);
    }

    /**
     * Self-consistent solution; {@code initialDensity} may be null (then the non-interacting density of
     * v_ext is used). The mixer is {@link DensityMixer#reset() reset} first. Without interaction terms this
     * is {@link #solveNonInteracting}.
     */
    public CalculationResult solve(RealField externalPotential, double electrons, RealField initialDensity,
                                   DensityMixer mixer, ConvergenceCriteria criteria) {
        return solve(externalPotential, electrons, initialDensity, mixer, criteria, step -> { });
    }

    /** As above, reporting every iteration to {@code progress} as it finishes. */
    public CalculationResult solve(RealField externalPotential, double electrons, RealField initialDensity,
                                   DensityMixer mixer, ConvergenceCriteria criteria,
                                   java.util.function.Consumer<ConvergenceStep> progress) {
        if (interaction.isEmpty()) {
            return solveNonInteracting(externalPotential, electrons, criteria);
        }
        long start = System.nanoTime();
        double[] vExt = checkPotential(externalPotential);
        double[] f = Occupations.aufbau(electrons, spin);
        int count = orbitalCount(f.length, electrons);
        double h = grid.spacing();
        boolean warm = false;
        ensureCapacity(count);
        if (initialDensity == null) {
            diagonalize(vExt, count, false);
            warm = true;
            formDensity(count, f, densityIn);
        } else {
            grid.checkField(initialDensity.values(), "initial density");
            System.arraycopy(initialDensity.values(), 0, densityIn, 0, densityIn.length);
            keepNonNegative(densityIn, electrons);
        }
        mixer.reset();
        List<ConvergenceStep> history = new ArrayList<>();
        Map<String, Double> terms = new LinkedHashMap<>();
        double previousEnergy = 0.0;
        double total = Double.NaN;
        boolean converged = false;
        int evaluations = 0;
        for (int iteration = 1; iteration <= criteria.maxIterations(); iteration++) {
            // v_eff = v_ext + v_Hxc[n_in]
            Arrays.fill(interactionPotential, 0.0);
            for (DensityFunctional term : interaction) {
                term.energyAndPotential(densityInField, interactionPotentialField);
            }
            evaluations++;
            boolean finite = true;
            for (int j = 0; j < vExt.length; j++) {
                double v = vExt[j] + interactionPotential[j];
                effectivePotential[j] = v;
                finite &= Double.isFinite(v);
            }
            if (!finite) {
                break; // a diverging run (only possible with unstable functionals): report what there is
            }
            diagonalize(effectivePotential, count, warm);
            warm = true;
            formDensity(count, f, densityOut);

            // E_KS[n_out] = T_s + ∫ v_ext n_out + Σ_k E_k[n_out]
            terms.clear();
            double kinetic = kineticEnergy(count, f);
            double external = dot(vExt, densityOut);
            terms.put("kinetic", kinetic);
            terms.put("external", external);
            total = kinetic + external;
            for (DensityFunctional term : interaction) {
                double e = term.energyAndPotential(densityOutField, null);
                terms.put(term.name(), e);
                total += e;
            }
            evaluations++;
            double residual = DensityMixer.residualL1(densityIn, densityOut, h);
            double change = total - previousEnergy;
            previousEnergy = total;
            ConvergenceStep step = new ConvergenceStep(iteration, total, change, residual, evaluations);
            history.add(step);
            progress.accept(step);
            if (iteration > 1 && criteria.satisfied(change, residual)) {
                converged = true;
                break;
            }
            if (!Double.isFinite(total) || !Double.isFinite(residual)) {
                break; // diverged: report what there is
            }
            if (iteration < criteria.maxIterations()) {
                mixer.mix(densityIn, densityOut, densityNext);
                System.arraycopy(densityNext, 0, densityIn, 0, densityIn.length);
                keepNonNegative(densityIn, electrons);
            }
        }
        lastOrbitals = snapshot(count, f);
        return new CalculationResult(METHOD, new EnergyTerms(terms, total),
                RealField.wrap(grid, densityOut.clone()), null, eigenvalues.clone(), occupations(count, f),
                integral(densityOut), converged, criteria, history, (System.nanoTime() - start) * 1e-9);
    }

    private double[] checkPotential(RealField potential) {
        if (!potential.grid().equals(grid)) {
            throw new IllegalArgumentException("external potential lives on " + potential.grid()
                    + ", the Kohn-Sham grid is " + grid);
        }
        for (double v : potential.values()) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("external potential has NaN or infinite values");
            }
        }
        return potential.values();
    }

    private int orbitalCount(int occupied, double electrons) {
        int n = grid.size();
        if (occupied > n) {
            throw new IllegalArgumentException(electrons + " electrons need " + occupied + " orbitals but the grid has "
                    + n + " points");
        }
        return Math.min(occupied + unoccupied, n);
    }

    /**
     * The lowest {@code count} eigenpairs of −½∇² + v into eigenvalues / orbitals (grid order, Σφ²h = 1);
     * {@code warmStart}: the eigenvalues of the previous call are the eigensolver's starting guesses.
     */
    private void diagonalize(double[] potential, int count, boolean warmStart) {
        if (eigenvalues.length != count) {
            ensureCapacity(count);
            warmStart = false;
        }
        int n = grid.size();
        double[] start = null;
        if (warmStart) {
            System.arraycopy(eigenvalues, 0, guesses, 0, count);
            start = guesses;
        }
        hamiltonian.assemble(potential, matrix);
        eigensolver.lowest(matrix, count, eigenvalues, matrixVectors, start);
        double scale = 1.0 / Math.sqrt(grid.spacing());
        for (int i = 0; i < count; i++) {
            hamiltonian.toGridOrder(matrixVectors[i], orbitals[i]);
            double[] phi = orbitals[i];
            for (int j = 0; j < n; j++) {
                phi[j] *= scale;
            }
        }
    }

    /** Work arrays for {@code count} orbitals (kept while the count stays the same). */
    private void ensureCapacity(int count) {
        if (eigenvalues.length != count) {
            int n = grid.size();
            eigenvalues = new double[count];
            guesses = new double[count];
            matrixVectors = new double[count][n];
            orbitals = new double[count][n];
        }
    }

    private void formDensity(int count, double[] f, double[] density) {
        Arrays.fill(density, 0.0);
        for (int i = 0; i < Math.min(count, f.length); i++) {
            double fi = f[i];
            double[] phi = orbitals[i];
            for (int j = 0; j < density.length; j++) {
                density[j] += fi * phi[j] * phi[j];
            }
        }
    }

    /** T_s = Σ_i f_i ⟨φ_i|−½∇²|φ_i⟩. */
    private double kineticEnergy(int count, double[] f) {
        double sum = 0;
        for (int i = 0; i < Math.min(count, f.length); i++) {
            sum += f[i] * hamiltonian.kineticExpectation(orbitals[i]);
        }
        return sum;
    }

    private double dot(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += a[j] * b[j];
        }
        return sum * grid.spacing();
    }

    private double integral(double[] a) {
        double sum = 0;
        for (double v : a) {
            sum += v;
        }
        return sum * grid.spacing();
    }

    /** Negative values → 0, then rescale to ∫n = N if anything changed. */
    private void keepNonNegative(double[] density, double electrons) {
        boolean clipped = false;
        for (int j = 0; j < density.length; j++) {
            if (!(density[j] >= 0)) {
                density[j] = 0.0;
                clipped = true;
            }
        }
        if (clipped) {
            double total = integral(density);
            if (total > 0) {
                double scale = electrons / total;
                for (int j = 0; j < density.length; j++) {
                    density[j] *= scale;
                }
            }
        }
    }

    private static double[] occupations(int count, double[] f) {
        double[] all = new double[count];
        System.arraycopy(f, 0, all, 0, Math.min(count, f.length));
        return all;
    }

    private KohnShamOrbitals snapshot(int count, double[] f) {
        double[][] copies = new double[count][];
        for (int i = 0; i < count; i++) {
            copies[i] = orbitals[i].clone();
        }
        return new KohnShamOrbitals(eigenvalues.clone(), occupations(count, f), copies);
    }
}
