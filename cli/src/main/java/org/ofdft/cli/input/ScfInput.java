package org.ofdft.cli.input;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The {@code ofdft scf} input file (TOML), section by section. Every key is optional unless the
 * validation in {@link ScfInputReader} says otherwise; unknown keys are errors that list the valid ones.
 * Units: bohr and hartree unless a key's name says otherwise ({@code cutoff_ev}); POSCAR files are in Å.
 */
public record ScfInput(
        Calculation calculation,
        Grid grid,
        External external,
        Structure structure,
        Functionals functionals,
        @JsonProperty("kpoints") KPoints kpoints,
        Occupations occupations,
        Solver solver) {

    /** [calculation]: what to compute. */
    public record Calculation(
            String title,
            Integer dimension,
            String method,
            Double electrons,
            String spin) {
    }

    /** [grid]: a 1D box/periodic segment, or a 3D shape/cutoff. */
    public record Grid(
            String boundary,
            Double start,
            Double end,
            Integer points,
            @JsonProperty("stencil_order") Integer stencilOrder,
            List<Integer> shape,
            @JsonProperty("cutoff_ha") Double cutoffHa,
            @JsonProperty("cutoff_ev") Double cutoffEv) {
    }

    /** [external]: a 1D model potential. */
    public record External(
            String type,
            List<Double> depths,
            List<Double> centres,
            List<Double> widths,
            List<Double> charges,
            List<Double> positions,
            Double omega,
            Double centre) {
    }

    /** [structure]: a 3D crystal from a POSCAR file and local pseudopotentials per element. */
    public record Structure(
            String poscar,
            Map<String, String> pseudopotentials,
            List<Integer> supercell) {
    }

    /**
     * [functionals]: names from the functional catalog, and the 1D electron–electron interaction;
     * {@code kinetic = "ml"} with {@code kinetic_model} (a file of {@code ofdft train kinetic}) and
     * {@code xc = "nn"} with {@code xc_model} (a neural XC model file) in 1D.
     */
    public record Functionals(
            String kinetic,
            @JsonProperty("kinetic_model") String kineticModel,
            String xc,
            @JsonProperty("xc_model") String xcModel,
            String interaction) {
    }

    /** [kpoints], 3D Kohn–Sham: a Monkhorst–Pack mesh (QE's convention) and shifts 0 or 1 per axis. */
    public record KPoints(
            List<Integer> mesh,
            List<Integer> shift) {
    }

    /** [occupations], 3D Kohn–Sham: smearing, its width, and the number of bands. */
    public record Occupations(
            String smearing,
            @JsonProperty("width_ha") Double widthHa,
            @JsonProperty("width_ev") Double widthEv,
            Integer bands) {
    }

    /** [solver]: optimizer or mixing, tolerances, iteration limit, FFT backend and threads. */
    public record Solver(
            String optimizer,
            String mixing,
            @JsonProperty("mixing_parameter") Double mixingParameter,
            @JsonProperty("mixing_history") Integer mixingHistory,
            @JsonProperty("energy_tolerance") Double energyTolerance,
            @JsonProperty("residual_tolerance") Double residualTolerance,
            @JsonProperty("max_iterations") Integer maxIterations,
            @JsonProperty("kerker_wavenumber") Double kerkerWavenumber,
            String fft,
            Integer threads,
            String preconditioner) {

        /** An absent [solver] table: every key at its default. */
        public static final Solver DEFAULTS = new Solver(null, null, null, null, null, null, null, null, null, null,
                null);
    }

    /** [solver], or {@link Solver#DEFAULTS} when the input has none. */
    public Solver solverOrDefaults() {
        return solver != null ? solver : Solver.DEFAULTS;
    }
}
