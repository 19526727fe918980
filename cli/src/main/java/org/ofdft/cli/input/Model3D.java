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
import org.ofdft.grids.Cell;
import org.ofdft.grids.Grid3D;
import org.ofdft.grids.SpectralOperators;
import org.ofdft.grids.fft.FftBackend;

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
        String xcName = Checks.choice(functionals.xc(), "lda", "functionals.xc", FunctionalCatalog.EXCHANGE_CORRELATION);
        if (functionals.interaction() != null) {
            throw new InputException("functionals.interaction is for 1D models; 3D cells use the Coulomb interaction");
        }
        FunctionalCatalog.Context context = new FunctionalCatalog.Context(grid, operators, 0, SpinTreatment.UNPOLARIZED,
                valence);
        List<DensityFunctional> terms = new ArrayList<>(FunctionalCatalog.kinetic(kineticName, context));
        terms.add(new Hartree3D(operators));
        terms.addAll(FunctionalCatalog.exchangeCorrelation(xcName, context));
        terms.add(local);
        double ewald = Ewald.ofPseudopotentials(structure, pseudopotentials).energy();
        TotalFunctional total = new TotalFunctional(terms, Map.of("ewald", ewald));
        return new Model3D(structure, grid, operators, valence, total, kineticName, xcName, ewald);
    }

    private static Grid3D grid(ScfInput.Grid input, Cell cell) {
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
