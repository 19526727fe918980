package org.ofdft.ml.descriptors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.ofdft.ml.io.Atoms;
import org.ofdft.ml.io.Elements;

/**
 * Bag of bonds (Hansen, Biegler, Ramakrishnan, Pronobis, von Lilienfeld, Scheffler, Müller, Tkatchenko,
 * JPCL 6, 2326 (2015)): the Coulomb-matrix entries of a molecule grouped into "bags" by the elements
 * involved — one bag per element for the diagonal 0.5 Z^2.4, one per element pair (Z_a ≤ Z_b) for
 * Z_a Z_b / |R_ij| — each bag sorted by decreasing value and padded with zeros to a size fixed from a data
 * set, the bags concatenated. Distances in the given {@link LengthUnit} (ångström in the paper and in
 * qmlcode).
 *
 * <p>Bag order: by increasing Z_a, then for each Z_a its diagonal bag followed by the pair bags (Z_a, Z_b)
 * for increasing Z_b ≥ Z_a. A bag's size is the largest number of its entries in any molecule of the data
 * set it was fitted on ({@link #fromDataset}), so the vector is as short as the data allow. Invariant under
 * translation, rotation and permutation of atoms.
 */
public final class BagOfBonds {

    /**
     * One bag.
     *
     * @param z1   smaller atomic number
     * @param z2   larger atomic number; equal to z1 for the diagonal bag of one element
     * @param pair whether the bag holds off-diagonal entries (pairs of atoms) rather than the diagonal
     * @param size the number of slots
     */
    public record Bag(int z1, int z2, boolean pair, int size) {
        @Override
        public String toString() {
            return pair ? Elements.symbol(z1) + "-" + Elements.symbol(z2) + "[" + size + "]"
                    : Elements.symbol(z1) + "[" + size + "]";
        }
    }

    private static final int MAX_Z = 119;

    private final List<Bag> bags;
    private final LengthUnit unit;
    private final int[] offsetOfBag;      // start of bag b in the vector
    private final int[] diagonalBag;      // [Z] → bag index, −1 if absent
    private final int[] pairBag;          // [Z1 * MAX_Z + Z2] (Z1 ≤ Z2) → bag index, −1 if absent
    private final int length;
    private final int maxAtoms;

    /** A bag of bonds with the given bags (in this order) and distance unit. */
    public BagOfBonds(List<Bag> bags, LengthUnit unit) {
        if (bags == null || bags.isEmpty() || unit == null) {
            throw new IllegalArgumentException("bag of bonds needs at least one bag and a length unit");
        }
        this.bags = List.copyOf(bags);
        this.unit = unit;
        this.offsetOfBag = new int[bags.size()];
        this.diagonalBag = new int[MAX_Z];
        this.pairBag = new int[MAX_Z * MAX_Z];
        Arrays.fill(diagonalBag, -1);
        Arrays.fill(pairBag, -1);
        int offset = 0;
        int largest = 0;
        for (int b = 0; b < bags.size(); b++) {
            Bag bag = bags.get(b);
            if (bag.z1 < 1 || bag.z2 >= MAX_Z || bag.z1 > bag.z2 || bag.size < 0 || (!bag.pair && bag.z1 != bag.z2)) {
                throw new IllegalArgumentException("invalid bag " + bag + ": need 1 ≤ z1 ≤ z2 ≤ 118, size ≥ 0, "
                        + "and z1 = z2 for a diagonal bag");
            }
            int[] table = bag.pair ? pairBag : diagonalBag;
            int key = bag.pair ? bag.z1 * MAX_Z + bag.z2 : bag.z1;
            if (table[key] >= 0) {
                throw new IllegalArgumentException("bag " + bag + " appears twice");
            }
            table[key] = b;
            offsetOfBag[b] = offset;
            offset += bag.size;
            if (!bag.pair) {
                largest += bag.size;
            }
        }
        this.length = offset;
        this.maxAtoms = largest;
    }

    /**
     * The bags needed for a data set: for every element its largest count in one molecule, for every
     * element pair the largest number of such pairs in one molecule (n_a n_b, or n_a(n_a − 1)/2 for a = b).
     */
    public static BagOfBonds fromDataset(List<Atoms> molecules, LengthUnit unit) {
        TreeMap<Integer, Integer> diagonal = new TreeMap<>();
        TreeMap<Integer, Integer> pairs = new TreeMap<>();
        int[] count = new int[MAX_Z];
        for (Atoms molecule : molecules) {
            Arrays.fill(count, 0);
            for (int i = 0; i < molecule.atomCount(); i++) {
                count[molecule.atomicNumber(i)]++;
            }
            for (int a = 1; a < MAX_Z; a++) {
                if (count[a] == 0) {
                    continue;
                }
                diagonal.merge(a, count[a], Math::max);
                for (int b = a; b < MAX_Z; b++) {
                    int n = a == b ? count[a] * (count[a] - 1) / 2 : count[a] * count[b];
                    if (n > 0) {
                        pairs.merge(a * MAX_Z + b, n, Math::max);
                    }
                }
            }
        }
        if (diagonal.isEmpty()) {
            throw new IllegalArgumentException("bag of bonds: the data set has no atoms");
        }
        List<Bag> bags = new ArrayList<>();
        for (int a : diagonal.keySet()) {
            bags.add(new Bag(a, a, false, diagonal.get(a)));
            for (int b = a; b < MAX_Z; b++) {
                Integer n = pairs.get(a * MAX_Z + b);
                if (n != null) {
                    bags.add(new Bag(a, b, true, n));
                }
            }
        }
        return new BagOfBonds(bags, unit);
    }

    public List<Bag> bags() {
        return bags;
    }

    public LengthUnit unit() {
        return unit;
    }

    /** The number of features (sum of bag sizes). */
    public int length() {
        return length;
    }

    /** The descriptor of one molecule. */
    public double[] compute(Atoms molecule) {
        double[] out = new double[length];
        new Workspace().compute(molecule, out, 0);
        return out;
    }

    /** The descriptors of many molecules, one row each. */
    public double[][] computeAll(List<Atoms> molecules) {
        double[][] rows = new double[molecules.size()][length];
        Workspace workspace = new Workspace();
        for (int m = 0; m < rows.length; m++) {
            workspace.compute(molecules.get(m), rows[m], 0);
        }
        return rows;
    }

    private final class Workspace {
        private final int[] filled = new int[bags.size()];
        private double[] positions = new double[3 * Math.max(maxAtoms, 1)];

        void compute(Atoms molecule, double[] out, int offset) {
            if (molecule.isPeriodic()) {
                throw new IllegalArgumentException("the bag of bonds is for molecules; " + molecule + " is periodic");
            }
            int n = molecule.atomCount();
            if (positions.length < 3 * n) {
                positions = new double[3 * n];
            }
            molecule.copyFlatPositions(positions);
            Arrays.fill(filled, 0);
            Arrays.fill(out, offset, offset + length, 0.0);
            double toUnit = unit.perBohr();
            for (int i = 0; i < n; i++) {
                int zi = molecule.atomicNumber(i);
                put(out, offset, diagonalBag[zi], 0.5 * Math.pow(zi, 2.4), molecule, zi, zi, false);
                for (int j = 0; j < i; j++) {
                    int zj = molecule.atomicNumber(j);
                    double distance = CoulombMatrix.pairDistance(positions, i, j, toUnit, molecule);
                    int z1 = Math.min(zi, zj);
                    int z2 = Math.max(zi, zj);
                    put(out, offset, pairBag[z1 * MAX_Z + z2], zi * zj / distance, molecule, z1, z2, true);
                }
            }
            for (int b = 0; b < filled.length; b++) {
                sortDescending(out, offset + offsetOfBag[b], filled[b]);
            }
        }

        private void put(double[] out, int offset, int bag, double value, Atoms molecule, int z1, int z2, boolean pair) {
            if (bag < 0 || filled[bag] == bags.get(bag).size) {
                throw new IllegalArgumentException("molecule" + molecule.where() + " does not fit the bag of bonds: "
                        + (bag < 0 ? "no bag for " : "too many entries for ") + new Bag(z1, z2, pair, 0).toString()
                        .replace("[0]", "") + "; bags are " + bags + " (fit the bags on a data set that contains it)");
            }
            out[offset + offsetOfBag[bag] + filled[bag]++] = value;
        }
    }

    /** Sorts {@code values[from, from + count)} into decreasing order. */
    private static void sortDescending(double[] values, int from, int count) {
        if (count < 2) {
            return;
        }
        Arrays.sort(values, from, from + count);
        for (int lo = from, hi = from + count - 1; lo < hi; lo++, hi--) {
            double t = values[lo];
            values[lo] = values[hi];
            values[hi] = t;
        }
    }
}
