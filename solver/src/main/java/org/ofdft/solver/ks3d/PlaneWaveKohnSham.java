package org.ofdft.solver.ks3d;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.ofdft.functionals.EnergyTerms;
import org.ofdft.functionals.external.Ewald;
import org.ofdft.functionals.external.LocalPseudopotential;
import org.ofdft.functionals.external.LocalPseudopotentialFunctional;
import org.ofdft.functionals.external.Structure;
import org.ofdft.functionals.hartree.Hartree3D;
import org.ofdft.functionals.io.UpfPseudopotential;
import org.ofdft.functionals.xc.LdaFunctional;
import org.ofdft.grids.Cell;
import org.ofdft.grids.FftSizes;
import org.ofdft.grids.Grid3D;
import org.ofdft.grids.RealField;
import org.ofdft.grids.SpectralOperators;
import org.ofdft.grids.fft.JavaFftBackend;
import org.ofdft.grids.fft.ParallelRange;
import org.ofdft.solver.ConvergenceStep;
import org.ofdft.solver.mixing.DensityMixer;
import org.ofdft.solver.mixing.PulayMixing;

/**
 * Plane-wave Kohn–Sham DFT for a periodic cell with local pseudopotentials, spin-unpolarized, LDA
 * (Slater exchange + Perdew–Zunger 1981 correlation): the entry point. For each k-point of the mesh the
 * lowest bands of
 * <pre>
 *   H_k = ½|k + G|² + V_loc(r) + v_H[n](r) + v_xc[n](r)
 * </pre>
 * are found in the plane-wave basis ½|k+G|² ≤ E_cut ({@link PlaneWaveBasis}, {@link PlaneWaveHamiltonian},
 * {@link BlockDavidson}, warm-started from the previous iteration); occupations follow the smearing
 * ({@link BandOccupations}); the output density n_out(r) = Σ_k w_k Σ_n f_nk |ψ_nk(r)|² is mixed with the
 * input by Pulay (DIIS) mixing with a Kerker-preconditioned step until the free energy and ∫|n_out − n_in|
 * meet the criteria.
 *
 * <p><b>Energy</b>, evaluated for the output density of each iteration (R. M. Martin, Electronic Structure
 * (2004), eq. 9.9):
 * <pre>
 *   F = T_s + ∫ V_loc n + E_H[n] + E_xc[n] + E_Ewald − TS,
 * </pre>
 * with the G = 0 conventions of every plane-wave code (Ihm, Zunger and Cohen, J. Phys. C 12, 4409 (1979)):
 * the Hartree potential and the Ewald sum drop their G = 0 terms (neutralizing background), and the local
 * pseudopotential keeps at G = 0 its non-Coulomb part α = ∫[V(r) + Z/r] d³r per atom (the "αZ" term:
 * ∫V_loc n contains N Σ_atoms α/Ω) — Quantum ESPRESSO's {@code vloc_of_g} at G = 0 and its Ewald energy,
 * so F is QE's "!    total energy" at the same cutoff, k-mesh, smearing and FFT grid.
 *
 * <p><b>Grid</b>: the FFT grid must hold the density sphere |G| ≤ 2√(2E_cut) (as QE's ecutrho =
 * 4·ecutwfc); then |ψ|² and V·ψ are computed without aliasing and the total energy does not depend on the
 * grid beyond the XC integration. Threads work on separate k-points. With symmetry on (the default) the
 * mesh is reduced to the irreducible wedge by the crystal's operations ({@link SpaceGroup}) and the output
 * density is symmetrized, which gives the full-mesh density.
 *
 * <p>Bad input is refused with an {@link IllegalArgumentException}: fewer bands than ⌈N/2⌉, a cutoff
 * larger than the given FFT grid can represent, a zero k-mesh (by {@link KPointMesh}), nonlocal
 * pseudopotentials (by {@link #localPart}: not supported). A run that does not converge in
 * {@code maxIterations} returns {@code converged = false} with its residual history.
 */
public final class PlaneWaveKohnSham {

    /** Davidson steps allowed per k-point per SCF iteration (the first iteration: {@link #FIRST_DAVIDSON_STEPS}). */
    static final int DAVIDSON_STEPS = 8;
    static final int FIRST_DAVIDSON_STEPS = 40;

    private final Structure structure;
    private final Map<String, LocalPseudopotential> pseudopotentials;
    private final KohnShamSettings settings;
    private final Grid3D grid;
    private final SpaceGroup symmetry;
    private final List<KPoint> kpoints;
    private final List<PlaneWaveBasis> bases;
    private final double electrons;
    private final int bands;

    /**
     * @param structure        the atoms in their cell
     * @param pseudopotentials a local pseudopotential for every species
     * @param settings         cutoff, k-mesh, smearing, bands, grid, mixing, criteria, threads
     */
    public PlaneWaveKohnSham(Structure structure, Map<String, ? extends LocalPseudopotential> pseudopotentials,
                             KohnShamSettings settings) {
        this.structure = structure;
        this.settings = settings;
        Map<String, LocalPseudopotential> bySpecies = new LinkedHashMap<>();
        double valence = 0;
        for (int atom = 0; atom < structure.atomCount(); atom++) {
            String species = structure.speciesOf(atom);
            LocalPseudopotential pp = pseudopotentials.get(species);
            if (pp == null) {
                throw new IllegalArgumentException("no pseudopotential for species '" + species + "'; given for "
                        + pseudopotentials.keySet());
            }
            bySpecies.put(species, pp);
            valence += pp.valenceCharge();
        }
        this.pseudopotentials = Map.copyOf(bySpecies);
        this.electrons = valence;
        int minimumBands = (int) Math.ceil(electrons / BandOccupations.SPIN - 1e-9);
        int defaultBands = settings.smearing() == Smearing.FIXED ? minimumBands
                : (int) Math.max(Math.round(1.2 * electrons / BandOccupations.SPIN),
                Math.round(electrons / BandOccupations.SPIN + 4));
        this.bands = settings.bands() == 0 ? defaultBands : settings.bands();
        if (bands < minimumBands) {
            throw new IllegalArgumentException("too few bands: " + bands + " bands hold at most " + 2 * bands
                    + " electrons, the cell has " + electrons + " valence electrons (need at least " + minimumBands
                    + " bands; " + defaultBands + " is the default)");
        }
        this.grid = grid(structure.cell(), settings);
        // Γ alone gains nothing from symmetry; and there, as in QE's K_POINTS gamma runs, the bands may cut a
        // degenerate multiplet at E_F and the self-consistent density need not have the crystal's symmetry
        this.symmetry = settings.symmetry() && settings.kMesh().size() > 1
                ? SpaceGroup.of(structure, grid).restrictedTo(settings.kMesh()) : SpaceGroup.identity();
        this.kpoints = settings.kMesh().points(symmetry);
        this.bases = new ArrayList<>();
        for (KPoint k : kpoints) {
            PlaneWaveBasis basis = new PlaneWaveBasis(grid, k, settings.cutoff());
            if (basis.size() < bands) {
                throw new IllegalArgumentException("the cutoff " + settings.cutoff() + " Ha gives only " + basis.size()
                        + " plane waves at " + k + ", fewer than the " + bands + " bands; raise the cutoff");
            }
            bases.add(basis);
        }
    }

    /**
     * The FFT grid: the given shape, which must hold the density sphere, or the smallest 2·3·5 grid that does
     * (n_i ≥ 2⌊2√(2E_cut)|a_i|/2π⌋ + 1, the rule of {@link Grid3D#fromCutoff} at 4 E_cut).
     */
    static Grid3D grid(Cell cell, KohnShamSettings settings) {
        double densityCutoff = 4 * settings.cutoff();
        int[] shape = settings.fftShape();
        if (shape == null) {
            return Grid3D.fromCutoff(cell, densityCutoff);
        }
        double gMax = Math.sqrt(2 * densityCutoff);
        int[] needed = new int[3];
        boolean enough = true;
        for (int i = 0; i < 3; i++) {
            needed[i] = 2 * (int) Math.floor(gMax * cell.length(i) / (2 * Math.PI)) + 1;
            enough &= shape[i] >= needed[i];
        }
        if (!enough) {
            throw new IllegalArgumentException("the cutoff " + settings.cutoff() + " Ha is larger than the FFT grid "
                    + shape[0] + "x" + shape[1] + "x" + shape[2] + " can represent: the density (cutoff "
                    + densityCutoff + " Ha) needs at least " + needed[0] + "x" + needed[1] + "x" + needed[2]
                    + " (e.g. " + FftSizes.nextGood(needed[0]) + "x" + FftSizes.nextGood(needed[1]) + "x"
                    + FftSizes.nextGood(needed[2]) + "); lower the cutoff or enlarge the grid");
        }
        return new Grid3D(cell, shape[0], shape[1], shape[2]);
    }

    /**
     * The local pseudopotential of a UPF file for this solver.
     *
     * @throws IllegalArgumentException if nonlocal projectors act (β ≠ 0 with D ≠ 0): not supported here
     */
    public static LocalPseudopotential localPart(UpfPseudopotential upf) {
        if (!upf.isLocal()) {
            StringBuilder list = new StringBuilder();
            for (UpfPseudopotential.Projector p : upf.activeProjectors()) {
                list.append(list.length() == 0 ? "" : ", ").append("PP_BETA.").append(p.index()).append(" (l = ")
                        .append(p.angularMomentum()).append(")");
            }
            throw new IllegalArgumentException(upf.source() + ": nonlocal pseudopotentials are not supported by the "
                    + "plane-wave Kohn-Sham solver (it has acting projectors " + list
                    + "); use a local pseudopotential such as BLPS");
        }
        return upf.localPseudopotential();
    }

    public Grid3D grid() {
        return grid;
    }

    public List<KPoint> kpoints() {
        return kpoints;
    }

    /** The symmetry operations used (the identity alone without symmetry). */
    public SpaceGroup symmetry() {
        return symmetry;
    }

    public int bands() {
        return bands;
    }

    public double electrons() {
        return electrons;
    }

    /** Number of plane waves at k-point k. */
    public int planeWaves(int k) {
        return bases.get(k).size();
    }

    /** Runs the SCF from the uniform density; {@code progress} (may be null) hears of every iteration. */
    public KohnShamResult run(Consumer<ConvergenceStep> progress) {
        long start = System.nanoTime();
        int nk = kpoints.size();
        int size = grid.size();
        double dV = grid.volumeElement();
        try (JavaFftBackend backend = new JavaFftBackend(1);
             SpectralOperators operators = new SpectralOperators(grid, backend);
             ParallelRange parallel = new ParallelRange(Math.min(settings.threads(), nk), "ks3d")) {
            LocalPseudopotentialFunctional local = new LocalPseudopotentialFunctional(operators, structure,
                    pseudopotentials);
            double[] localPotential = local.localPotential().values();
            Hartree3D hartree = new Hartree3D(operators);
            LdaFunctional xc = LdaFunctional.slaterPz81(grid);
            double ewald = Ewald.ofPseudopotentials(structure, pseudopotentials).energy();
            KohnShamSettings.Mixing mixing = settings.mixing();
            DensityMixer mixer = new PulayMixing(mixing.history(),
                    new KerkerPreconditioner(operators, mixing.alpha(), mixing.kerker()), dV);

            int workers = Math.min(settings.threads(), nk);
            PlaneWaveHamiltonian[] hamiltonians = new PlaneWaveHamiltonian[workers];
            BlockDavidson[] davidsons = new BlockDavidson[workers];
            double[][] partialDensity = new double[workers][size];
            for (int w = 0; w < workers; w++) {
                hamiltonians[w] = new PlaneWaveHamiltonian(grid);
                davidsons[w] = new BlockDavidson();
            }
            double[][] orbitals = new double[nk][];
            for (int k = 0; k < nk; k++) {
                orbitals[k] = startingOrbitals(bases.get(k), bands, k);
            }
            double[][] eigenvalues = new double[nk][bands];
            double[][] occupations = new double[nk][bands];
            for (double[] f : occupations) {
                Arrays.fill(f, BandOccupations.SPIN);
            }

            int[][] permutations = symmetry.gridPermutations(grid);
            double[] symmetrizeWork = new double[size];
            double[] densityIn = new double[size];
            Arrays.fill(densityIn, electrons / grid.cell().volume());
            double[] densityOut = new double[size];
            double[] potential = new double[size];
            RealField densityInField = RealField.wrap(grid, densityIn);
            RealField densityOutField = RealField.wrap(grid, densityOut);
            RealField potentialField = RealField.wrap(grid, potential);

            List<ConvergenceStep> history = new ArrayList<>();
            double previousEnergy = 0;
            double residual = Double.POSITIVE_INFINITY;
            boolean converged = false;
            EnergyTerms energies = null;
            BandOccupations occupied = null;
            for (int iteration = 1; iteration <= settings.criteria().maxIterations(); iteration++) {
                // v_eff = V_loc + v_H[n_in] + v_xc[n_in]
                System.arraycopy(localPotential, 0, potential, 0, size);
                hartree.energyAndPotential(densityInField, potentialField);
                xc.energyAndPotential(densityInField, potentialField);

                double tolerance = iteration == 1 ? 1e-3
                        : Math.max(1e-10, Math.min(1e-3, 0.1 * residual / electrons));
                int steps = iteration == 1 ? FIRST_DAVIDSON_STEPS : DAVIDSON_STEPS;
                final double[][] f = occupations;
                parallel.forEach(nk, (from, to, worker) -> {
                    double[] bandTolerance = new double[bands];
                    for (int k = from; k < to; k++) {
                        for (int n = 0; n < bands; n++) {
                            // empty bands need not be converged as tightly (QE's cegterg does the same)
                            bandTolerance[n] = Math.abs(f[k][n]) > 1e-8 ? tolerance : Math.max(tolerance, 1e-4);
                        }
                        davidsons[worker].solve(hamiltonians[worker], bases.get(k), potential, orbitals[k],
                                eigenvalues[k], bands, bandTolerance, steps, 3 * bands);
                    }
                });
                occupied = BandOccupations.of(eigenvalues, kpoints, electrons, settings.smearing(),
                        settings.smearingWidth());
                occupations = occupied.occupations();

                // n_out and T_s
                final double[][] fNew = occupations;
                double[] kinetic = new double[nk];
                for (double[] partial : partialDensity) {
                    Arrays.fill(partial, 0.0);
                }
                parallel.forEach(nk, (from, to, worker) -> {
                    double[] weights = new double[bands];
                    for (int k = from; k < to; k++) {
                        PlaneWaveBasis basis = bases.get(k);
                        double wk = kpoints.get(k).weight();
                        for (int n = 0; n < bands; n++) {
                            weights[n] = wk * fNew[k][n];
                        }
                        hamiltonians[worker].addDensity(basis, orbitals[k], weights, bands, partialDensity[worker]);
                        kinetic[k] = bandKinetic(basis, orbitals[k], weights, bands);
                    }
                });
                Arrays.fill(densityOut, 0.0);
                for (double[] partial : partialDensity) {
                    for (int j = 0; j < size; j++) {
                        densityOut[j] += partial[j];
                    }
                }
                SpaceGroup.symmetrize(densityOut, permutations, symmetrizeWork);
                double kineticEnergy = 0;
                for (double t : kinetic) {
                    kineticEnergy += t;
                }
                Map<String, Double> terms = new LinkedHashMap<>();
                terms.put("kinetic", kineticEnergy);
                terms.put(LocalPseudopotentialFunctional.NAME, local.energy(densityOutField));
                terms.put("hartree", hartree.energy(densityOutField));
                terms.put("xc", xc.energy(densityOutField));
                terms.put("ewald", ewald);
                terms.put("smearing", occupied.smearingTerm());
                double total = 0;
                for (double value : terms.values()) {
                    total += value;
                }
                energies = new EnergyTerms(terms, total);
                residual = DensityMixer.residualL1(densityIn, densityOut, dV);
                double change = total - previousEnergy;
                previousEnergy = total;
                long applications = 0;
                for (PlaneWaveHamiltonian h : hamiltonians) {
                    applications += h.applications();
                }
                ConvergenceStep step = new ConvergenceStep(iteration, total, change, residual,
                        (int) Math.min(Integer.MAX_VALUE, applications));
                history.add(step);
                if (progress != null) {
                    progress.accept(step);
                }
                if (iteration > 1 && settings.criteria().satisfied(change, residual)) {
                    converged = true;
                    break;
                }
                if (iteration < settings.criteria().maxIterations()) {
                    mixer.mix(densityIn, densityOut, densityIn);
                    clampNegative(densityIn, electrons / dV);
                }
            }
            long applications = 0;
            for (PlaneWaveHamiltonian h : hamiltonians) {
                applications += h.applications();
            }
            RealField density = RealField.wrap(grid, densityOut.clone());
            return new KohnShamResult(energies, occupied.fermiLevel(), bands, kpoints, eigenvalues, occupations, density,
                    density.integral(), converged, settings.criteria(), history, applications,
                    (System.nanoTime() - start) * 1e-9);
        }
    }

    /**
     * Sets the negative values an extrapolating mixer can produce (in regions of almost no density, or when
     * charge sloshes) to zero and rescales to {@code sum} (= N/dV), so that the XC functional sees a valid
     * density; at self-consistency the density is positive and this does nothing.
     */
    private static void clampNegative(double[] density, double sum) {
        boolean negative = false;
        for (double v : density) {
            negative |= v < 0;
        }
        if (!negative) {
            return;
        }
        double total = 0;
        for (int j = 0; j < density.length; j++) {
            density[j] = Math.max(density[j], 0.0);
            total += density[j];
        }
        double scale = sum / total;
        for (int j = 0; j < density.length; j++) {
            density[j] *= scale;
        }
    }

    /** Σ_n weight_n Σ_G ½|k+G|² |c_n(G)|². */
    private static double bandKinetic(PlaneWaveBasis basis, double[] c, double[] weights, int bands) {
        int npw = basis.size();
        double sum = 0;
        for (int n = 0; n < bands; n++) {
            if (weights[n] == 0) {
                continue;
            }
            double band = 0;
            for (int j = 0; j < npw; j++) {
                double re = c[2 * (n * npw + j)];
                double im = c[2 * (n * npw + j) + 1];
                band += basis.kinetic(j) * (re * re + im * im);
            }
            sum += weights[n] * band;
        }
        return sum;
    }

    /**
     * The lowest-kinetic-energy plane waves with a small deterministic random admixture (so that no
     * symmetry of the start keeps Davidson out of a symmetry sector).
     */
    private static double[] startingOrbitals(PlaneWaveBasis basis, int bands, long seed) {
        int npw = basis.size();
        double[] c = new double[2 * npw * bands];
        Random random = new Random(1234567L + seed);
        for (int n = 0; n < bands; n++) {
            for (int j = 0; j < npw; j++) {
                double scale = 0.01 / (1 + basis.kinetic(j));
                c[2 * (n * npw + j)] = scale * (random.nextDouble() - 0.5);
                c[2 * (n * npw + j) + 1] = scale * (random.nextDouble() - 0.5);
            }
            c[2 * (n * npw + n)] += 1;
        }
        return c;
    }
}
