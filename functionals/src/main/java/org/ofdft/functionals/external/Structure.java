package org.ofdft.functionals.external;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ofdft.grids.Cell;

/**
 * A periodic arrangement of atoms: the cell, the species label of every atom ("Al", "Ga", …) and its
 * Cartesian position in bohr. Immutable: arrays are copied in and out.
 *
 * @param cell      the periodic cell (lattice vectors in bohr)
 * @param species   species label of atom i
 * @param positions Cartesian position of atom i (bohr), {@code positions[i] = {x, y, z}}
 */
public record Structure(Cell cell, List<String> species, double[][] positions) {

    public Structure {
        if (cell == null) {
            throw new IllegalArgumentException("a structure needs a cell");
        }
        if (species == null || positions == null) {
            throw new IllegalArgumentException("a structure needs species and positions");
        }
        if (species.size() != positions.length) {
            throw new IllegalArgumentException("structure has " + species.size() + " species labels but "
                    + positions.length + " positions");
        }
        for (String label : species) {
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException("species labels must be non-blank, got " + species);
            }
        }
        species = List.copyOf(species);
        positions = deepCopy(positions);
        for (int i = 0; i < positions.length; i++) {
            if (positions[i] == null || positions[i].length != 3 || !Double.isFinite(positions[i][0]) || !Double.isFinite(positions[i][1])
                    || !Double.isFinite(positions[i][2])) {
                throw new IllegalArgumentException("position of atom " + i + " must be three finite numbers");
            }
        }
    }

    /** A structure from fractional coordinates s (r = Σ s_i a_i). */
    public static Structure fromFractional(Cell cell, List<String> species, double[][] fractional) {
        double[][] cartesian = new double[fractional.length][];
        for (int i = 0; i < fractional.length; i++) {
            if (fractional[i].length != 3) {
                throw new IllegalArgumentException("fractional position of atom " + i + " needs 3 components");
            }
            cartesian[i] = cell.toCartesian(fractional[i]);
        }
        return new Structure(cell, species, cartesian);
    }

    /** Cartesian positions (bohr), a deep copy. */
    @Override
    public double[][] positions() {
        return deepCopy(positions);
    }

    /** Number of atoms. */
    public int atomCount() {
        return positions.length;
    }

    /** Cartesian position of atom i (bohr), a copy. */
    public double[] position(int i) {
        return positions[i].clone();
    }

    /** Species label of atom i. */
    public String speciesOf(int i) {
        return species.get(i);
    }

    /** Fractional coordinates of atom i: s_k = r·b_k/2π (not wrapped into [0, 1)). */
    public double[] fractionalPosition(int i) {
        return cell.toFractional(positions[i]);
    }

    /** The distinct species in order of first appearance, with their atom counts. */
    public Map<String, Integer> speciesCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String label : species) {
            counts.merge(label, 1, Integer::sum);
        }
        return counts;
    }

    /** Indices of the atoms of one species. */
    public int[] atomsOf(String label) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < species.size(); i++) {
            if (species.get(i).equals(label)) {
                indices.add(i);
            }
        }
        return indices.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Σ_i Z(species_i) for the given charge of each species (e.g. the valence charges). */
    public double totalCharge(Map<String, Double> chargeOfSpecies) {
        double total = 0;
        for (double z : charges(chargeOfSpecies)) {
            total += z;
        }
        return total;
    }

    /** The charge of every atom, looked up by species; a species without a charge is an error. */
    public double[] charges(Map<String, Double> chargeOfSpecies) {
        double[] charges = new double[species.size()];
        for (int i = 0; i < charges.length; i++) {
            Double z = chargeOfSpecies.get(species.get(i));
            if (z == null) {
                throw new IllegalArgumentException("no charge given for species '" + species.get(i) + "'; given: "
                        + chargeOfSpecies.keySet());
            }
            charges[i] = z;
        }
        return charges;
    }

    /** The same atoms repeated r1 × r2 × r3 times in the supercell {@code cell.repeat(r1, r2, r3)}. */
    public Structure repeat(int r1, int r2, int r3) {
        Cell supercell = cell.repeat(r1, r2, r3);
        List<String> labels = new ArrayList<>();
        List<double[]> cartesian = new ArrayList<>();
        double[] a1 = cell.latticeVector(0);
        double[] a2 = cell.latticeVector(1);
        double[] a3 = cell.latticeVector(2);
        for (int i1 = 0; i1 < r1; i1++) {
            for (int i2 = 0; i2 < r2; i2++) {
                for (int i3 = 0; i3 < r3; i3++) {
                    for (int atom = 0; atom < positions.length; atom++) {
                        double[] r = new double[3];
                        for (int k = 0; k < 3; k++) {
                            r[k] = positions[atom][k] + i1 * a1[k] + i2 * a2[k] + i3 * a3[k];
                        }
                        labels.add(species.get(atom));
                        cartesian.add(r);
                    }
                }
            }
        }
        return new Structure(supercell, labels, cartesian.toArray(new double[0][]));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Structure that && cell.equals(that.cell) && species.equals(that.species)
                && java.util.Arrays.deepEquals(positions, that.positions);
    }

    @Override
    public int hashCode() {
        return (cell.hashCode() * 31 + species.hashCode()) * 31 + java.util.Arrays.deepHashCode(positions);
    }

    @Override
    public String toString() {
        return "Structure[" + positions.length + " atoms " + speciesCounts() + " in " + cell + "]";
    }

    private static double[][] deepCopy(double[][] array) {
        double[][] copy = new double[array.length][];
        for (int i = 0; i < array.length; i++) {
            copy[i] = array[i] == null ? null : array[i].clone();
        }
        return copy;
    }
}
