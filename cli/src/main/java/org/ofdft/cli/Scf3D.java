package org.ofdft.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.ofdft.cli.input.Checks;
import org.ofdft.cli.input.InputException;
import org.ofdft.cli.input.Model3D;
import org.ofdft.cli.input.ScfInput;
import org.ofdft.grids.fft.FftBackend;
import org.ofdft.solver.CalculationResult;
import org.ofdft.solver.ConvergenceCriteria;
import org.ofdft.solver.ConvergenceStep;
import org.ofdft.grids.Units;
import org.ofdft.solver.ks3d.KPointMesh;
import org.ofdft.solver.ks3d.KineticEnergyComparison;
import org.ofdft.solver.ks3d.KohnShamResult;
import org.ofdft.solver.ks3d.KohnShamSettings;
import org.ofdft.solver.ks3d.PlaneWaveKohnSham;
import org.ofdft.solver.ks3d.Smearing;
import org.ofdft.solver.ofdft.JelliumPreconditioner;
import org.ofdft.solver.ofdft.OrbitalFreeMinimizer;
import org.ofdft.solver.ofdft.Preconditioner;

/**
 * The 3D calculations of {@code ofdft scf}: orbital-free DFT, and plane-wave Kohn–Sham, both with local
 * pseudopotentials.
 */
final class Scf3D {

    /** Values of solver.preconditioner (3D orbital-free, truncated Newton). */
    static final List<String> PRECONDITIONERS = List.of("jellium", "none");

    private Scf3D() {
    }

    static ScfCommand.Run run(ScfInput input, Path inputDirectory, ScfInput.Solver solver, FftBackend backend,
                              Consumer<ConvergenceStep> progress) {
        String method = Checks.choice(input.calculation().method(), "orbital_free", "calculation.method",
                ScfCommand.METHODS);
        if (method.equals("kohn_sham")) {
            return kohnSham(input, inputDirectory, solver, progress);
        }
        if (input.kpoints() != null || input.occupations() != null || solver.kerkerWavenumber() != null) {
            throw new InputException("[kpoints], [occupations] and solver.kerker_wavenumber are for method = "
                    + "\"kohn_sham\"; an orbital-free run has no orbitals");
        }
        Model3D model = Model3D.build(input, inputDirectory, backend);
        String optimizer = Checks.choice(solver.optimizer(), "tn", "solver.optimizer", List.of("tn", "lbfgs"));
        if (solver.mixing() != null || solver.mixingParameter() != null || solver.mixingHistory() != null) {
            throw new InputException("solver.mixing* keys are for Kohn-Sham runs; orbital-free runs take solver.optimizer");
        }
        // DFTpy's convention for these runs: energy change per cell 1e-9 Ha × atoms.
        ConvergenceCriteria criteria = ScfCommand.criteria(solver, 1e-9 * Math.max(1, model.structure().atomCount()),
                1e-5, 200);
        String preconditionerName = Checks.choice(solver.preconditioner(), "jellium", "solver.preconditioner",
                PRECONDITIONERS);
        if (solver.preconditioner() != null && !optimizer.equals("tn")) {
            throw new InputException("solver.preconditioner acts on the truncated-Newton inner iterations; "
                    + "optimizer = \"" + optimizer + "\" takes none");
        }
        Preconditioner preconditioner = preconditionerName.equals("jellium") && optimizer.equals("tn")
                ? JelliumPreconditioner.coulomb3D(model.operators(), model.electrons()) : null;
        OrbitalFreeMinimizer minimizer = new OrbitalFreeMinimizer(model.functional(),
                OrbitalFreeMinimizer.Options.defaults(OrbitalFreeMinimizer.Method.parse(optimizer)),
                model.operators().parallel(), preconditioner);
        CalculationResult result = minimizer.minimize(
                OrbitalFreeMinimizer.uniformDensity(model.grid(), model.electrons()), criteria, progress);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("atoms", model.structure().atomCount());
        extra.put("total_energy_per_atom", result.totalEnergy() / model.structure().atomCount());
        extra.put("kinetic_functional", model.kineticName());
        extra.put("xc", model.xcName());
        extra.put("optimizer", optimizer);
        if (optimizer.equals("tn")) {
            extra.put("preconditioner", preconditionerName);
        }
        return new ScfCommand.Run(result, extra, model.structure());
    }

    /** The atoms and solver settings of a Kohn–Sham input, with the smearing and cutoff it names. */
    record KohnShamSetup(Model3D.Atoms atoms, KohnShamSettings settings, Smearing smearing, double width,
                         double cutoff) {
    }

    /** Plane-wave Kohn–Sham ({@link PlaneWaveKohnSham}); [grid] gives the wavefunction cutoff. */
    private static ScfCommand.Run kohnSham(ScfInput input, Path inputDirectory, ScfInput.Solver solver,
                                           Consumer<ConvergenceStep> progress) {
        KohnShamSetup setup = kohnShamSetup(input, inputDirectory, solver);
        Model3D.Atoms atoms = setup.atoms();
        KohnShamSettings settings = setup.settings();
        Smearing smearing = setup.smearing();
        double width = setup.width();
        double cutoff = setup.cutoff();
        PlaneWaveKohnSham kohnSham;
        try {
            kohnSham = new PlaneWaveKohnSham(atoms.structure(), atoms.pseudopotentials(), settings);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage(), e);
        }
        Double electrons = input.calculation().electrons();
        if (electrons != null && Math.abs(electrons - kohnSham.electrons()) > 1e-9 * kohnSham.electrons()) {
            throw new InputException("calculation.electrons = " + electrons + " is inconsistent with the pseudopotential "
                    + "valence (" + kohnSham.electrons() + "); charged cells are not supported");
        }
        KohnShamResult result = kohnSham.run(progress);
        Map<String, Object> extra = new LinkedHashMap<>();
        int atomCount = atoms.structure().atomCount();
        extra.put("atoms", atomCount);
        extra.put("total_energy_per_atom", result.freeEnergy() / atomCount);
        extra.put("free_energy", result.freeEnergy());
        extra.put("internal_energy", result.internalEnergy());
        extra.put("fermi_level", result.fermiLevel());
        extra.put("bands", result.bands());
        extra.put("smearing", smearing.label());
        extra.put("smearing_width", width);
        extra.put("cutoff_wavefunctions", cutoff);
        extra.put("fft_grid", List.of(kohnSham.grid().n1(), kohnSham.grid().n2(), kohnSham.grid().n3()));
        extra.put("hamiltonian_applications", result.hamiltonianApplications());
        List<Map<String, Object>> perK = new java.util.ArrayList<>();
        for (int k = 0; k < result.kpoints().size(); k++) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("k_fractional", result.kpoints().get(k).fractional());
            entry.put("weight", result.kpoints().get(k).weight());
            entry.put("plane_waves", kohnSham.planeWaves(k));
            entry.put("eigenvalues", result.eigenvalues()[k]);
            entry.put("occupations", result.occupations()[k]);
            perK.add(entry);
        }
        extra.put("kpoints", perK);
        KineticEnergyComparison kinetic = KineticEnergyComparison.of(result);
        Map<String, Object> orbitalFree = new LinkedHashMap<>();
        orbitalFree.put("kohn_sham_t_s", kinetic.kohnSham());
        orbitalFree.put("thomas_fermi", kinetic.thomasFermi());
        orbitalFree.put("von_weizsacker", kinetic.vonWeizsacker());
        orbitalFree.put("thomas_fermi_von_weizsacker", kinetic.thomasFermiVonWeizsacker());
        orbitalFree.put("wang_teter", kinetic.wangTeter());
        extra.put("orbital_free_kinetic_energies_of_this_density", orbitalFree);
        return new ScfCommand.Run(result.toCalculationResult(), extra, atoms.structure());
    }


    /**
     * Reads [structure] (local pseudopotentials only), [grid] (wavefunction cutoff, optional FFT shape),
     * [kpoints], [occupations] and the mixing and convergence keys of [solver] into Kohn–Sham settings.
     */
    static KohnShamSetup kohnShamSetup(ScfInput input, Path inputDirectory, ScfInput.Solver solver) {
        Model3D.Atoms atoms = Model3D.atoms(input, inputDirectory, true);
        ScfInput.Grid grid = Checks.required(input.grid(), "[grid]");
        if (grid.points() != null || grid.start() != null || grid.end() != null || grid.boundary() != null
                || grid.stencilOrder() != null) {
            throw new InputException("grid.points, start, end, boundary and stencil_order are for 1D grids; 3D "
                    + "Kohn-Sham takes cutoff_ha or cutoff_ev (wavefunctions) and optionally shape (FFT grid)");
        }
        if ((grid.cutoffHa() == null) == (grid.cutoffEv() == null)) {
            throw new InputException("3D Kohn-Sham needs exactly one of grid.cutoff_ha, grid.cutoff_ev (the "
                    + "wavefunction cutoff ½|k+G|² ≤ E; Quantum ESPRESSO's ecutwfc in Ry is twice cutoff_ha)");
        }
        double cutoff = grid.cutoffHa() != null ? Checks.positive(grid.cutoffHa(), "grid.cutoff_ha")
                : Units.evToHartree(Checks.positive(grid.cutoffEv(), "grid.cutoff_ev"));
        if (!"lda".equals(Checks.choice(input.functionals() == null ? null : input.functionals().xc(), "lda",
                "functionals.xc", List.of("lda")))) {
            throw new InputException("3D Kohn-Sham supports xc = \"lda\" (Slater + PZ81)");
        }
        if (input.functionals() != null && input.functionals().kinetic() != null) {
            throw new InputException("functionals.kinetic is for orbital-free runs; Kohn-Sham computes T_s from orbitals");
        }
        ScfInput.KPoints kpoints = input.kpoints();
        KPointMesh mesh = kpoints == null ? KPointMesh.gammaOnly() : mesh(kpoints);
        ScfInput.Occupations occupations = input.occupations() == null
                ? new ScfInput.Occupations(null, null, null, null) : input.occupations();
        Smearing smearing;
        try {
            smearing = Smearing.parse(occupations.smearing() == null ? "fixed" : occupations.smearing());
        } catch (IllegalArgumentException e) {
            throw new InputException("occupations.smearing: " + e.getMessage());
        }
        if (occupations.widthHa() != null && occupations.widthEv() != null) {
            throw new InputException("give occupations.width_ha or occupations.width_ev, not both");
        }
        double width = occupations.widthHa() != null ? occupations.widthHa()
                : occupations.widthEv() != null ? Units.evToHartree(occupations.widthEv()) : 0;
        KohnShamSettings.Mixing defaults = KohnShamSettings.Mixing.DEFAULT;
        KohnShamSettings settings;
        try {
            settings = KohnShamSettings.of(cutoff, mesh, smearing, width)
                    .withBands(Checks.orDefault(occupations.bands(), 0))
                    .withMixing(new KohnShamSettings.Mixing(Checks.orDefault(solver.mixingParameter(), defaults.alpha()),
                            Checks.orDefault(solver.kerkerWavenumber(), defaults.kerker()),
                            Checks.orDefault(solver.mixingHistory(), defaults.history())))
                    .withCriteria(ScfCommand.criteria(solver, 1e-9, 1e-6, 100))
                    .withThreads(Math.max(1, Checks.orDefault(solver.threads(), Runtime.getRuntime().availableProcessors())));
            if (grid.shape() != null) {
                if (grid.shape().size() != 3 || grid.shape().stream().anyMatch(n -> n == null || n <= 0)) {
                    throw new InputException("grid.shape needs three positive integers, got " + grid.shape());
                }
                settings = settings.withFftShape(grid.shape().get(0), grid.shape().get(1), grid.shape().get(2));
            }
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage(), e);
        }
        if (solver.optimizer() != null || solver.preconditioner() != null
                || solver.mixing() != null && !solver.mixing().equals("pulay")) {
            throw new InputException("3D Kohn-Sham mixes densities with Pulay (DIIS) + Kerker: solver.optimizer and "
                    + "solver.preconditioner are for orbital-free runs and solver.mixing can only be \"pulay\"");
        }
        return new KohnShamSetup(atoms, settings, smearing, width, cutoff);
    }

    private static KPointMesh mesh(ScfInput.KPoints kpoints) {
        List<Integer> mesh = Checks.required(kpoints.mesh(), "kpoints.mesh");
        List<Integer> shift = kpoints.shift() == null ? List.of(0, 0, 0) : kpoints.shift();
        if (mesh.size() != 3 || shift.size() != 3 || mesh.stream().anyMatch(java.util.Objects::isNull)
                || shift.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InputException("kpoints.mesh and kpoints.shift need three integers each, got " + mesh + " and "
                    + shift);
        }
        for (int s : shift) {
            if (s != 0 && s != 1) {
                throw new InputException("kpoints.shift entries are 0 or 1 (Quantum ESPRESSO's convention), got " + shift);
            }
        }
        try {
            return new KPointMesh(mesh.get(0), mesh.get(1), mesh.get(2), shift.get(0), shift.get(1), shift.get(2));
        } catch (IllegalArgumentException e) {
            throw new InputException("kpoints.mesh: " + e.getMessage(), e);
        }
    }
}
