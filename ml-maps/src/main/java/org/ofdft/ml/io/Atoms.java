package org.ofdft.ml.io;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ofdft.functionals.external.Structure;
import org.ofdft.grids.Cell;

/**
 * One configuration of atoms as the descriptors see it: element symbols, Cartesian positions in
 * <b>bohr</b>, an optional periodic cell (absent for a molecule), and the frame's key=value information
 * (e.g. {@code atomization_energy_pbe0_kcal_mol} of a QM7 frame; values kept as the file wrote them, units
 * as their keys say). Immutable; arrays are copied in and out.
 *
 * <p>The common record of the XYZ reader and of {@link org.ofdft.functionals.io.PoscarReader} (through
 * {@link #fromStructure}); {@link #toStructure} goes the other way for a periodic configuration.
 */
public final class Atoms {

    private final List<String> species;
    private final int[] atomicNumbers;
    private final double[] positions; // x0 y0 z0 x1 y1 z1 …, bohr
    private final Cell cell;          // null: not periodic
    private final Map<String, String> info;
    private final String origin;

    /**
     * @param species   element symbol of each atom ("C", "H", …)
     * @param positions Cartesian positions in bohr, {@code positions[i] = {x, y, z}}
     * @param cell      the periodic cell, or null for a non-periodic system (molecule)
     * @param info      the frame's key=value information (copied, order kept)
     * @param origin    where the configuration came from ("qm7.xyz:12"), for messages; may be empty
     */
    public Atoms(List<String> species, double[][] positions, Cell cell, Map<String, String> info, String origin) {
        if (species == null || positions == null) {
            throw new IllegalArgumentException("atoms need species and positions");
        }
        if (species.size() != positions.length) {
            throw new IllegalArgumentException(species.size() + " species but " + positions.length + " positions");
        }
        this.species = List.copyOf(species);
        this.atomicNumbers = new int[species.size()];
        this.positions = new double[3 * positions.length];
        for (int i = 0; i < positions.length; i++) {
            atomicNumbers[i] = Elements.atomicNumber(species.get(i));
            if (positions[i] == null || positions[i].length != 3) {
                throw new IllegalArgumentException("position of atom " + i + " must have 3 components");
            }
            for (int k = 0; k < 3; k++) {
                if (!Double.isFinite(positions[i][k])) {
                    throw new IllegalArgumentException("position of atom " + i + " is not finite: "
                            + Arrays.toString(positions[i]));
                }
                this.positions[3 * i + k] = positions[i][k];
            }
        }
        this.cell = cell;
        this.info = info == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(info));
        this.origin = origin == null ? "" : origin;
    }

    /** A molecule (no cell, no info). */
    public static Atoms molecule(List<String> species, double[][] positionsBohr) {
        return new Atoms(species, positionsBohr, null, Map.of(), "");
    }

    /** The atoms of a periodic {@link Structure} (e.g. from {@code PoscarReader}); labels must be element symbols. */
    public static Atoms fromStructure(Structure structure) {
        return new Atoms(structure.species(), structure.positions(), structure.cell(), Map.of(), "");
    }

    /** This periodic configuration as a {@link Structure}; an error for a molecule. */
    public Structure toStructure() {
        if (cell == null) {
            throw new IllegalStateException("a molecule (no cell" + where() + ") cannot become a periodic Structure");
        }
        return new Structure(cell, species, positions());
    }

    /** The same atoms with other positions (bohr), keeping species, cell and info. */
    public Atoms withPositions(double[][] positionsBohr) {
        return new Atoms(species, positionsBohr, cell, info, origin);
    }

    public int atomCount() {
        return atomicNumbers.length;
    }

    public List<String> species() {
        return species;
    }

    public String speciesOf(int atom) {
        return species.get(atom);
    }

    /** Z of every atom. */
    public int[] atomicNumbers() {
        return atomicNumbers.clone();
    }

    public int atomicNumber(int atom) {
        return atomicNumbers[atom];
    }

    /** Positions in bohr, {@code [i] = {x, y, z}} (a copy). */
    public double[][] positions() {
        double[][] copy = new double[atomicNumbers.length][3];
        for (int i = 0; i < copy.length; i++) {
            System.arraycopy(positions, 3 * i, copy[i], 0, 3);
        }
        return copy;
    }

    /** Positions in bohr as one array x0 y0 z0 x1 … (a copy), for hot loops. */
    public double[] flatPositions() {
        return positions.clone();
    }

    /** Copies the flat positions (bohr) into {@code out} (length ≥ 3N) without allocating. */
    public void copyFlatPositions(double[] out) {
        System.arraycopy(positions, 0, out, 0, positions.length);
    }

    public boolean isPeriodic() {
        return cell != null;
    }

    public Optional<Cell> cell() {
        return Optional.ofNullable(cell);
    }

    public Map<String, String> info() {
        return info;
    }

    /** The info value of {@code key} as a number; a missing key or a non-number is an error naming both. */
    public double infoAsDouble(String key) {
        String value = info.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no '" + key + "' in the frame information" + where() + "; keys: "
                    + info.keySet());
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + key + "' = '" + value + "'" + where() + " is not a number");
        }
    }

    /** Where the configuration came from ("file:line"), or "" if unknown. */
    public String origin() {
        return origin;
    }

    /** " (file:line)" for messages, or "". */
    public String where() {
        return origin.isEmpty() ? "" : " (" + origin + ")";
    }

    @Override
    public String toString() {
        return "Atoms[" + atomCount() + " atoms" + (cell == null ? "" : ", periodic") + where() + "]";
    }
}
