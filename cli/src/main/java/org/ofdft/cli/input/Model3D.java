package org.ofdft.cli.input;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ofdft.functionals.DensityFunctional;
import org.ofdft.functionals.FunctionalCatalog;
import org.ofdft.functionals.SpinTreatment;
import org.ofdft.functionals.TotalFunctional;
import org.ofdft.functionals.external.Ewald;
import org.ofdft.functionals.external.LocalPseudopotential;
import org.ofdft.functionals.external.LocalPseudopotentialFunctional;
import org.ofdft.functionals.external.Structure;
import org.ofdft.functionals.hartree.Hartree3D;
import org.ofdft.functionals.io.PoscarReader;
import org.ofdft.functionals.io.RecpotReader;
import org.ofdft.functionals.io.UpfReader;
import org.ofdft.functionals.xc.GgaFunctional;
import org.ofdft.grids.Cell;
import org.ofdft.grids.Grid3D;
import org.ofdft.grids.RealField;
import org.ofdft.grids.SpectralOperators;
import org.ofdft.grids.fft.FftBackend;
import org.ofdft.ml.xc.NeuralGgaKernel;
import org.ofdft.ml.xc.NeuralGgaModelFile;

/**
 * A 3D periodic system built from an input file: the structure (POSCAR, optionally repeated), local
 * pseudopotentials per species, the grid (explicit shape or cutoff), the valence electron count, and the
 * orbital-free total functional E = T[n] + E_H[n] + E_xc[n] + ∫v_loc n + E_Ewald.
 */
public record Model3D(Structure structure, Grid3D grid, SpectralOperators operators, double electrons,
                      TotalFunctional functional, String kineticName, String xcName, double ewaldEnergy) {

    /** The atoms of a 3D input: the (repeated) structure and its local pseudopotentials per species. */
    public record Atoms(Structure structure, Map<String, LocalPseudopotential> pseudopotentials) {
    }

    /**
     * Reads [structure]: the POSCAR (optionally repeated) and one pseudopotential file per species.
     * {@code localOnly}: refuse UPF files with nonlocal projectors (Kohn–Sham here is local-only) instead
     * of taking their local part.
     */
    public static Atoms atoms(ScfInput input, Path inputDirectory, boolean localOnly) {
        ScfInput.Structure structureInput = Checks.required(input.structure(), "[structure]");
        Path poscar = inputDirectory.resolve(Checks.required(structureInput.poscar(), "structure.poscar"));
        Structure structure;
        try {
            structure = PoscarReader.read(poscar);
        } catch (IOException e) {
            throw new InputException(e.getMessage(), e);
        }
        List<Integer> supercell = structureInput.supercell();
        if (supercell != null) {
            if (supercell.size() != 3 || supercell.stream().anyMatch(r -> r == null || r < 1)) {
                throw new InputException("structure.supercell needs three positive integers, got " + supercell);
            }
            structure = structure.repeat(supercell.get(0), supercell.get(1), supercell.get(2));
        }
        Map<String, String> files = Checks.required(structureInput.pseudopotentials(), "structure.pseudopotentials");
        Map<String, LocalPseudopotential> pseudopotentials = new LinkedHashMap<>();
        for (String species : structure.speciesCounts().keySet()) {
            String file = files.get(species);
            if (file == null) {
                throw new InputException("structure.pseudopotentials has no file for species '" + species
                        + "' of " + poscar.getFileName() + "; given for: " + files.keySet());
            }
            pseudopotentials.put(species, readPseudopotential(inputDirectory.resolve(file), localOnly));
        }
        return new Atoms(structure, pseudopotentials);
    }

    public static Model3D build(ScfInput input, Path inputDirectory, FftBackend backend) {
        Atoms atoms = atoms(input, inputDirectory, false);
        Structure structure = atoms.structure();
        Map<String, LocalPseudopotential> pseudopotentials = atoms.pseudopotentials();

        ScfInput.Grid gridInput = Checks.required(input.grid(), "[grid]");
        Grid3D grid = grid(gridInput, structure.cell());
        SpectralOperators operators = new SpectralOperators(grid, backend);
        LocalPseudopotentialFunctional local = new LocalPseudopotentialFunctional(operators, structure, pseudopotentials);
        double valence = local.valenceElectrons();
        ScfInput.Calculation calculation = input.calculation();
        if (calculation.electrons() != null && Math.abs(calculation.electrons() - valence) > 1e-9 * valence) {
            throw new InputException("calculation.electrons = " + calculation.electrons() + " is inconsistent with the "
                    + "pseudopotential valence: " + structure.atomCount() + " atoms give " + valence + " electrons "
                    + "(charged cells are not supported)");
        }
        if (calculation.spin() != null && !calculation.spin().equals("unpolarized")) {
            throw new InputException("3D calculations are spin-unpolarized; calculation.spin = '" + calculation.spin()
                    + "' is not supported");
        }
        ScfInput.Functionals functionals = Checks.required(input.functionals(), "[functionals]");
        String kineticName = Checks.choice(functionals.kinetic(), null, "functionals.kinetic", FunctionalCatalog.KINETIC);
        String xcName = "nn".equals(functionals.xc()) ? "nn"
                : Checks.choice(functionals.xc(), "lda", "functionals.xc", FunctionalCatalog.EXCHANGE_CORRELATION);
        NeuralGgaKernel neuralXc = xcName.equals("nn") ? neuralGga(functionals, inputDirectory) : null;
        if (neuralXc == null && functionals.xcModel() != null) {
            throw new InputException("functionals.xc_model is read only with functionals.xc = \"nn\"");
        }
        if (functionals.interaction() != null) {
            throw new InputException("functionals.interaction is for 1D models; 3D cells use the Coulomb interaction");
        }
        List<DensityFunctional> terms = terms(operators, local, kineticName, xcName, neuralXc, valence);
        // compiled code for the terms' loops is ready by the first evaluation: the JIT works on the warm-up's
        // methods in its own threads while the Ewald sum below runs
        warmUpJit(structure, pseudopotentials, backend, grid, kineticName, xcName, neuralXc, valence);
        double ewald = Ewald.ofPseudopotentials(structure, pseudopotentials).energy();
        TotalFunctional total = new TotalFunctional(terms, Map.of("ewald", ewald));
        return new Model3D(structure, grid, operators, valence, total, kineticName, xcName, ewald);
    }

    /** Evaluations of the warm-up (≈ 10⁵ iterations of every grid loop), and its least points per axis. */
    static final int WARM_UP_EVALUATIONS = 50;
    static final int WARM_UP_MIN_POINTS = 12;

    /**
     * Warm-up points along an axis of n points: the product of n's distinct prime factors, doubled up to at
     * least {@value #WARM_UP_MIN_POINTS}, so that the FFT runs the same radices as on the real grid (98 → 14).
     */
    static int warmUpPoints(int n) {
        int product = 1;
        int rest = n;
        for (int p = 2; p <= rest; p++) {
            if (rest % p == 0) {
                product *= p;
                while (rest % p == 0) {
                    rest /= p;
                }
            }
        }
        while (product < WARM_UP_MIN_POINTS) {
            product *= 2;
        }
        return product;
    }

    /**
     * The density terms of the orbital-free functional: kinetic, Hartree, exchange–correlation (from the
     * catalog, or the neural GGA when {@code neuralXc} is given), local pseudopotential.
     */
    private static List<DensityFunctional> terms(SpectralOperators operators, LocalPseudopotentialFunctional local,
            String kineticName, String xcName, NeuralGgaKernel neuralXc, double valence) {
        FunctionalCatalog.Context context = new FunctionalCatalog.Context(operators.grid(), operators, 0,
                SpinTreatment.UNPOLARIZED, valence);
        List<DensityFunctional> terms = new ArrayList<>(FunctionalCatalog.kinetic(kineticName, context));
        terms.add(new Hartree3D(operators));
        if (neuralXc != null) {
            terms.add(new GgaFunctional(operators, "nn-gga", List.of(neuralXc)));
        } else {
            terms.addAll(FunctionalCatalog.exchangeCorrelation(xcName, context));
        }
        terms.add(local);
        return terms;
    }

    /** {@code xc = "nn"}: the neural GGA of {@code xc_model} ({@link NeuralGgaModelFile}, {@code ofdft train xc-gga}). */
    private static NeuralGgaKernel neuralGga(ScfInput.Functionals functionals, Path inputDirectory) {
        Path file = inputDirectory.resolve(Checks.required(functionals.xcModel(), "functionals.xc_model"));
        try {
            return NeuralGgaModelFile.read(file);
        } catch (IOException e) {
            throw new InputException("functionals.xc_model: " + e.getMessage(), e);
        }
    }

    /**
     * Evaluates the same terms {@value #WARM_UP_EVALUATIONS} times on a coarse grid of the cell
     * ({@link #warmUpPoints} per axis). A JVM runs a loop interpreted, then profiled, until its compiled
     * version is ready: on the 98³ benchmark cell that made the minimizer's first evaluation about 15× slower
     * than the others (0.4 s, most of it in the vector-API kernels, which are slowest before compilation).
     * The warm-up costs tens of milliseconds and changes no number; grids with fewer than eight times its
     * points skip it.
     */
    private static void warmUpJit(Structure structure, Map<String, LocalPseudopotential> pseudopotentials,
            FftBackend backend, Grid3D grid, String kineticName, String xcName, NeuralGgaKernel neuralXc,
            double valence) {
        Grid3D coarse = new Grid3D(structure.cell(), warmUpPoints(grid.n1()), warmUpPoints(grid.n2()),
                warmUpPoints(grid.n3()));
        if (8L * coarse.size() > grid.size()) {
            return; // a small grid: its first evaluation costs little, and the warm-up would cost as much
        }
        try (SpectralOperators operators = new SpectralOperators(coarse, backend)) {
            LocalPseudopotentialFunctional local = new LocalPseudopotentialFunctional(operators, structure,
                    pseudopotentials);
            TotalFunctional total = new TotalFunctional(terms(operators, local, kineticName, xcName, neuralXc,
                    valence));
            double[] density = new double[coarse.size()];
            double mean = valence / structure.cell().volume();
            for (int j = 0; j < density.length; j++) {
                density[j] = mean * (1.0 + 0.1 * Math.sin(j));
            }
            RealField densityField = RealField.wrap(coarse, density);
            RealField potential = RealField.zeros(coarse);
            for (int k = 0; k < WARM_UP_EVALUATIONS; k++) {
                total.energyAndPotential(densityField, potential);
            }
        }
    }

    /** The 3D FFT grid of [grid]: shape, cutoff_ha or cutoff_ev (exactly one). */
    public static Grid3D grid(ScfInput.Grid input, Cell cell) {
        if (input.points() != null || input.start() != null || input.end() != null || input.boundary() != null
                || input.stencilOrder() != null) {
            throw new InputException("grid.points, start, end, boundary and stencil_order are for 1D grids; a 3D grid "
                    + "takes shape, cutoff_ha or cutoff_ev");
        }
        int given = (input.shape() != null ? 1 : 0) + (input.cutoffHa() != null ? 1 : 0) + (input.cutoffEv() != null ? 1 : 0);
        if (given != 1) {
            throw new InputException("give exactly one of grid.shape, grid.cutoff_ha, grid.cutoff_ev (got " + given + ")");
        }
        if (input.shape() != null) {
            List<Integer> shape = input.shape();
            if (shape.size() != 3) {
                throw new InputException("grid.shape needs three integers, got " + shape);
            }
            for (Integer n : shape) {
                if (n == null || n <= 0) {
                    throw new InputException("grid.shape must hold positive integers, got " + shape);
                }
            }
            return new Grid3D(cell, shape.get(0), shape.get(1), shape.get(2));
        }
        if (input.cutoffHa() != null) {
            return Grid3D.fromCutoff(cell, Checks.positive(input.cutoffHa(), "grid.cutoff_ha"));
        }
        return Grid3D.fromCutoffEv(cell, Checks.positive(input.cutoffEv(), "grid.cutoff_ev"));
    }

    private static LocalPseudopotential readPseudopotential(Path file, boolean localOnly) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".recpot")) {
                return RecpotReader.read(file);
            }
            if (name.endsWith(".upf")) {
                return localOnly ? org.ofdft.solver.ks3d.PlaneWaveKohnSham.localPart(UpfReader.read(file))
                        : UpfReader.readLocal(file);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new InputException(e.getMessage(), e);
        }
        throw new InputException("unknown pseudopotential format of " + file + ": expected .recpot (CASTEP) or .upf");
    }
}
