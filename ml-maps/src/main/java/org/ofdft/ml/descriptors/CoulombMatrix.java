package org.ofdft.ml.descriptors;

import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.ofdft.ml.io.Atoms;

/**
 * The Coulomb matrix of a molecule (Rupp, Tkatchenko, Müller, von Lilienfeld, PRL 108, 058301 (2012),
 * eq. 2):
 * <pre>
 *   M_ii = 0.5 Z_i^2.4,     M_ij = Z_i Z_j / |R_i − R_j|   (i ≠ j)
 * </pre>
 * with |R_i − R_j| in the given {@link LengthUnit} (published QM7 results and qmlcode use ångström),
 * padded with zero rows and columns to {@code size} atoms ("invisible atoms"). Three variants:
 * <ul>
 *   <li>{@link Variant#UNSORTED}: atoms in file order (not permutation invariant);</li>
 *   <li>{@link Variant#ROW_NORM_SORTED}: rows and columns permuted so that the Euclidean row norms
 *       ‖M_i‖ decrease (Montavon et al., NJP 15, 095003 (2013); Hansen et al., JCTC 9, 3404 (2013)); ties
 *       keep file order;</li>
 *   <li>{@link Variant#EIGENVALUES}: the eigenvalue spectrum of M (Rupp et al. 2012), sorted by
 *       {@link SpectrumOrder} and padded with zeros to {@code size}.</li>
 * </ul>
 * The matrix variants are returned as the lower triangle, row by row:
 * (0,0), (1,0), (1,1), (2,0), … ({@code size(size+1)/2} numbers), the eigenvalue variant as {@code size}
 * numbers. Invariant under translation and rotation; the sorted and eigenvalue variants also under any
 * permutation of the atoms.
 *
 * @param size    the padded number of atoms (≥ the largest molecule; 23 for QM7)
 * @param variant which form
 * @param order   eigenvalue order (used by {@link Variant#EIGENVALUES} only)
 * @param unit    the unit of |R_i − R_j|
 */
public record CoulombMatrix(int size, Variant variant, SpectrumOrder order, LengthUnit unit) {

    /** The form of the Coulomb-matrix descriptor. */
    public enum Variant { UNSORTED, ROW_NORM_SORTED, EIGENVALUES }

    /** Order of the eigenvalue spectrum. */
    public enum SpectrumOrder {
        /** Decreasing |λ| (Rupp et al. 2012; also DScribe's eigenspectrum). */
        BY_MAGNITUDE,
        /**
         * Decreasing λ, as the spectrum of the zero-padded matrix: positive eigenvalues, the padding zeros,
         * then the negative eigenvalues.
         */
        BY_VALUE
    }

    public CoulombMatrix {
        if (size < 1) {
            throw new IllegalArgumentException("Coulomb matrix size must be at least 1 atom, got " + size);
        }
        if (variant == null || order == null || unit == null) {
            throw new IllegalArgumentException("Coulomb matrix needs a variant, a spectrum order and a length unit");
        }
    }

    /** The row-norm-sorted matrix of {@code size} atoms with distances in {@code unit}. */
    public static CoulombMatrix sorted(int size, LengthUnit unit) {
        return new CoulombMatrix(size, Variant.ROW_NORM_SORTED, SpectrumOrder.BY_MAGNITUDE, unit);
    }

    /** The eigenvalue spectrum, by decreasing |λ|, of {@code size} atoms with distances in {@code unit}. */
    public static CoulombMatrix eigenvalues(int size, LengthUnit unit) {
        return new CoulombMatrix(size, Variant.EIGENVALUES, SpectrumOrder.BY_MAGNITUDE, unit);
    }

    /** The number of features. */
    public int length() {
        return variant == Variant.EIGENVALUES ? size : size * (size + 1) / 2;
    }

    /** The descriptor of one molecule. */
    public double[] compute(Atoms molecule) {
        double[] out = new double[length()];
        new Workspace().compute(molecule, out, 0);
        return out;
    }

    /** The descriptors of many molecules, one row each (scratch arrays allocated once). */
    public double[][] computeAll(List<Atoms> molecules) {
        double[][] rows = new double[molecules.size()][length()];
        Workspace workspace = new Workspace();
        for (int m = 0; m < rows.length; m++) {
            workspace.compute(molecules.get(m), rows[m], 0);
        }
        return rows;
    }

    /** Scratch for one thread: the full matrix, row norms, order. */
    private final class Workspace {
        private final double[] matrix = new double[size * size];
        private final double[] rowNorm = new double[size];
        private final int[] order = new int[size];
        private final double[] positions = new double[3 * size];

        void compute(Atoms molecule, double[] out, int offset) {
            int n = molecule.atomCount();
            if (molecule.isPeriodic()) {
                throw new IllegalArgumentException("the Coulomb matrix is for molecules; " + molecule
                        + " is periodic");
            }
            if (n > size) {
                throw new IllegalArgumentException("molecule" + molecule.where() + " has " + n
                        + " atoms but the Coulomb matrix is padded to " + size + "; use a larger size");
            }
            molecule.copyFlatPositions(positions);
            double toUnit = unit.perBohr();
            for (int i = 0; i < n; i++) {
                double zi = molecule.atomicNumber(i);
                matrix[i * n + i] = 0.5 * Math.pow(zi, 2.4);
                for (int j = 0; j < i; j++) {
                    double distance = pairDistance(positions, i, j, toUnit, molecule);
                    double value = zi * molecule.atomicNumber(j) / distance;
                    matrix[i * n + j] = value;
                    matrix[j * n + i] = value;
                }
            }
            switch (variant) {
                case UNSORTED -> {
                    for (int i = 0; i < n; i++) {
                        order[i] = i;
                    }
                    writeLowerTriangle(n, out, offset);
                }
                case ROW_NORM_SORTED -> {
                    sortByRowNorm(n);
                    writeLowerTriangle(n, out, offset);
                }
                case EIGENVALUES -> writeSpectrum(n, out, offset);
                default -> throw new IllegalStateException();
            }
        }

        /** order[0..n) = atoms by decreasing ‖M_i‖ (insertion sort: n ≤ a few dozen; stable). */
        private void sortByRowNorm(int n) {
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    double v = matrix[i * n + j];
                    sum += v * v;
                }
                rowNorm[i] = sum;
                order[i] = i;
            }
            for (int i = 1; i < n; i++) {
                int atom = order[i];
                double norm = rowNorm[atom];
                int k = i - 1;
                while (k >= 0 && rowNorm[order[k]] < norm) {
                    order[k + 1] = order[k];
                    k--;
                }
                order[k + 1] = atom;
            }
        }

        private void writeLowerTriangle(int n, double[] out, int offset) {
            int index = offset;
            for (int i = 0; i < size; i++) {
                for (int j = 0; j <= i; j++) {
                    out[index++] = i < n ? matrix[order[i] * n + order[j]] : 0.0;
                }
            }
        }

        private void writeSpectrum(int n, double[] out, int offset) {
            double[][] dense = new double[n][n];
            for (int i = 0; i < n; i++) {
                System.arraycopy(matrix, i * n, dense[i], 0, n);
            }
            double[] eigenvalues = new EigenDecomposition(new Array2DRowRealMatrix(dense, false)).getRealEigenvalues();
            double[] sorted = new double[size];
            System.arraycopy(eigenvalues, 0, sorted, 0, n);
            // zeros pad the spectrum; sorting the padded array puts them where the order says
            sortDescending(sorted, CoulombMatrix.this.order == SpectrumOrder.BY_MAGNITUDE);
            System.arraycopy(sorted, 0, out, offset, size);
        }
    }

    private static void sortDescending(double[] values, boolean byMagnitude) {
        for (int i = 1; i < values.length; i++) {
            double v = values[i];
            double key = byMagnitude ? Math.abs(v) : v;
            int k = i - 1;
            while (k >= 0 && (byMagnitude ? Math.abs(values[k]) : values[k]) < key) {
                values[k + 1] = values[k];
                k--;
            }
            values[k + 1] = v;
        }
    }

    /**
     * |R_i − R_j| of two atoms (flat bohr positions) in the unit with {@code toUnit} per bohr; coinciding atoms
     * make the Coulomb entry Z_i Z_j/|R_ij| infinite and are an error naming them.
     */
    static double pairDistance(double[] positions, int i, int j, double toUnit, Atoms molecule) {
        double dx = positions[3 * i] - positions[3 * j];
        double dy = positions[3 * i + 1] - positions[3 * j + 1];
        double dz = positions[3 * i + 2] - positions[3 * j + 2];
        double distance = Math.sqrt(dx * dx + dy * dy + dz * dz) * toUnit;
        if (distance == 0) {
            throw new IllegalArgumentException("atoms " + j + " and " + i + " of molecule" + molecule.where()
                    + " coincide");
        }
        return distance;
    }
}
