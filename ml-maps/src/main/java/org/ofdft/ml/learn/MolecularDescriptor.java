package org.ofdft.ml.learn;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.ofdft.ml.descriptors.BagOfBonds;
import org.ofdft.ml.descriptors.CoulombMatrix;
import org.ofdft.ml.descriptors.LengthUnit;
import org.ofdft.ml.descriptors.Soap;
import org.ofdft.ml.io.Atoms;
import org.ofdft.ml.io.Elements;

/**
 * The whole-molecule descriptors a learning curve can use, by their command-line names. Sizes that depend
 * on the data (Coulomb-matrix padding, bag sizes, SOAP element channels) are fitted on the molecules
 * given, which uses their structures only, never the property being learned.
 */
public enum MolecularDescriptor {
    /** Row-norm-sorted Coulomb matrix, lower triangle (Hansen et al., JCTC 9, 3404 (2013)). */
    CM_SORTED("cm-sorted"),
    /** Eigenvalue spectrum of the Coulomb matrix, by decreasing |λ| (Rupp et al., PRL 108, 058301 (2012)). */
    CM_EIGEN("cm-eigen"),
    /** Coulomb matrix in file order (not permutation invariant; for comparison only). */
    CM_UNSORTED("cm-unsorted"),
    /** Bag of bonds (Hansen et al., JPCL 6, 2326 (2015)). */
    BOB("bob"),
    /**
     * The SOAP power spectrum summed over the atoms of the molecule (an extensive vector, like the
     * atomization energy; the average of De, Bartók, Csányi, Ceriotti, PCCP 18, 13754 (2016) times the atom
     * count): element channels from the data set, R_c = 8 bohr, n_max = 6, l_max = 6, atomic width 0.8
     * bohr; lengths in bohr whatever the distance-unit option says.
     */
    SOAP_SUM("soap");

    /** SOAP parameters of {@link #SOAP_SUM} (bohr). */
    public static final double SOAP_CUTOFF = 8.0;
    public static final int SOAP_N_MAX = 6;
    public static final int SOAP_L_MAX = 6;
    public static final double SOAP_WIDTH = 0.8;

    /**
     * Descriptor vectors, one row per molecule.
     *
     * @param rows        the vectors
     * @param description what was computed, with its sizes and units (for reports)
     */
    public record Features(double[][] rows, String description) {
        public int length() {
            return rows[0].length;
        }
    }

    private final String cliName;

    MolecularDescriptor(String cliName) {
        this.cliName = cliName;
    }

    /** The command-line name. */
    public String cliName() {
        return cliName;
    }

    /** The descriptor named {@code name}; an unknown name is an error listing the valid ones. */
    public static MolecularDescriptor byName(String name) {
        for (MolecularDescriptor descriptor : values()) {
            if (descriptor.cliName.equals(name)) {
                return descriptor;
            }
        }
        throw new IllegalArgumentException("unknown descriptor '" + name + "'; valid: " + validNames());
    }

    /** The valid names, comma-separated. */
    public static String validNames() {
        return String.join(", ", java.util.Arrays.stream(values()).map(MolecularDescriptor::cliName).toList());
    }

    /**
     * The descriptors of all {@code molecules}, Coulomb-matrix distances in {@code unit} (ångström for
     * comparison with published QM7 numbers).
     */
    public Features compute(List<Atoms> molecules, LengthUnit unit) {
        int largest = molecules.stream().mapToInt(Atoms::atomCount).max().orElseThrow(
                () -> new IllegalArgumentException("no molecules to describe"));
        String units = unit == LengthUnit.ANGSTROM ? "Å" : "bohr";
        return switch (this) {
            case CM_SORTED -> new Features(CoulombMatrix.sorted(largest, unit).computeAll(molecules),
                    "row-norm-sorted Coulomb matrix, " + largest + " atoms, distances in " + units);
            case CM_EIGEN -> new Features(CoulombMatrix.eigenvalues(largest, unit).computeAll(molecules),
                    "Coulomb-matrix eigenvalues by decreasing |λ|, " + largest + " atoms, distances in " + units);
            case CM_UNSORTED -> new Features(new CoulombMatrix(largest, CoulombMatrix.Variant.UNSORTED,
                    CoulombMatrix.SpectrumOrder.BY_MAGNITUDE, unit).computeAll(molecules),
                    "unsorted Coulomb matrix, " + largest + " atoms, distances in " + units);
            case BOB -> {
                BagOfBonds bags = BagOfBonds.fromDataset(molecules, unit);
                yield new Features(bags.computeAll(molecules), "bag of bonds, " + bags.bags().size() + " bags "
                        + bags.bags() + ", distances in " + units);
            }
            case SOAP_SUM -> summedSoap(molecules);
        };
    }

    private static Features summedSoap(List<Atoms> molecules) {
        TreeSet<Integer> numbers = new TreeSet<>();
        for (Atoms molecule : molecules) {
            for (int z : molecule.atomicNumbers()) {
                numbers.add(z);
            }
        }
        List<String> elements = numbers.stream().map(Elements::symbol).toList();
        Soap soap = new Soap(elements, SOAP_CUTOFF, SOAP_N_MAX, SOAP_L_MAX, SOAP_WIDTH);
        double[][] rows = new double[molecules.size()][];
        IntStream.range(0, rows.length).parallel()
                .forEach(m -> {
                    double[] row = soap.compute(molecules.get(m), false).average(); // Σ_i p_i / atoms
                    int atoms = molecules.get(m).atomCount();
                    for (int f = 0; f < row.length; f++) {
                        row[f] *= atoms;
                    }
                    rows[m] = row;
                });
        return new Features(rows, String.format(Locale.ROOT, "SOAP power spectrum summed over atoms, elements %s,"
                + " R_c = %.1f bohr, n_max = %d, l_max = %d, atomic width %.2f bohr, %d features", elements,
                SOAP_CUTOFF, SOAP_N_MAX, SOAP_L_MAX, SOAP_WIDTH, soap.length()));
    }
}
