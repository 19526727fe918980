package org.ofdft.ml.descriptors;

import java.util.Arrays;
import org.ofdft.grids.Cell;
import org.ofdft.ml.io.Atoms;

/**
 * For every atom i, the atoms j within a cutoff radius and the vectors d_ij = r_j + T − r_i (bohr) to
 * them. For a periodic system T runs over all lattice translations that bring an image within the
 * cutoff, so a cutoff longer than the cell gives several images of the same atom, and i's own images
 * (j = i, T ≠ 0) are neighbours too; the pair j = i, T = 0 is excluded. For a molecule T = 0.
 *
 * <p>Entries of atom i are {@code start(i) ≤ e < end(i)}; {@link #neighbour(int)} is the index j of the
 * atom in the cell (what derivatives with respect to r_j refer to: all images of j move with it).
 * Built by a direct loop over pairs and images, O(N² · images): meant for molecules and cells of up to
 * a few hundred atoms.
 */
public final class NeighbourList {

    private final int atomCount;
    private final double cutoff;
    private final int[] first;        // entries of atom i: [first[i], first[i + 1])
    private final int[] neighbour;
    private final double[] vector;    // 3 per entry: d_ij (bohr)
    private final double[] distance;  // |d_ij| (bohr)

    private NeighbourList(int atomCount, double cutoff, int[] first, int[] neighbour, double[] vector, double[] distance) {
        this.atomCount = atomCount;
        this.cutoff = cutoff;
        this.first = first;
        this.neighbour = neighbour;
        this.vector = vector;
        this.distance = distance;
    }

    /** The neighbours of every atom closer than {@code cutoff} bohr (strictly). */
    public static NeighbourList build(Atoms atoms, double cutoff) {
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
            throw new IllegalArgumentException("neighbour-list cutoff must be a positive number of bohr, got " + cutoff);
        }
        int n = atoms.atomCount();
        double[] r = atoms.flatPositions();
        Builder builder = new Builder(n);
        Cell cell = atoms.cell().orElse(null);
        double cutoff2 = cutoff * cutoff;
        if (cell == null) {
            for (int i = 0; i < n; i++) {
                builder.startAtom(i);
                for (int j = 0; j < n; j++) {
                    if (j == i) {
                        continue;
                    }
                    double dx = r[3 * j] - r[3 * i];
                    double dy = r[3 * j + 1] - r[3 * i + 1];
                    double dz = r[3 * j + 2] - r[3 * i + 2];
                    double d2 = dx * dx + dy * dy + dz * dz;
                    if (d2 < cutoff2) {
                        builder.add(j, dx, dy, dz, Math.sqrt(d2));
                    }
                }
            }
            return builder.finish(cutoff);
        }
        double[][] a = {cell.latticeVector(0), cell.latticeVector(1), cell.latticeVector(2)};
        double[] fractional = new double[3 * n];
        for (int i = 0; i < n; i++) {
            double[] s = cell.toFractional(new double[] {r[3 * i], r[3 * i + 1], r[3 * i + 2]});
            System.arraycopy(s, 0, fractional, 3 * i, 3);
        }
        // With the fractional difference wrapped into [−½, ½], an image n reaches the cutoff sphere only if
        // |s_k + n_k| · (plane spacing 2π/|b_k|) < cutoff, i.e. |n_k| ≤ cutoff |b_k| / 2π + ½ ≤ ceil(cutoff |b_k| / 2π).
        int[] images = new int[3];
        for (int k = 0; k < 3; k++) {
            double[] b = cell.reciprocalVector(k);
            double spacing = 2 * Math.PI / Math.sqrt(b[0] * b[0] + b[1] * b[1] + b[2] * b[2]);
            images[k] = (int) Math.ceil(cutoff / spacing);
        }
        double[] wrap = new double[3];
        for (int i = 0; i < n; i++) {
            builder.startAtom(i);
            for (int j = 0; j < n; j++) {
                // the lattice translation that brings j's fractional offset from i into [−½, ½]
                for (int k = 0; k < 3; k++) {
                    wrap[k] = -Math.rint(fractional[3 * j + k] - fractional[3 * i + k]);
                }
                double bx = r[3 * j] - r[3 * i];
                double by = r[3 * j + 1] - r[3 * i + 1];
                double bz = r[3 * j + 2] - r[3 * i + 2];
                for (int n1 = -images[0]; n1 <= images[0]; n1++) {
                    for (int n2 = -images[1]; n2 <= images[1]; n2++) {
                        for (int n3 = -images[2]; n3 <= images[2]; n3++) {
                            double t1 = n1 + wrap[0];
                            double t2 = n2 + wrap[1];
                            double t3 = n3 + wrap[2];
                            // d_ij = r_j − r_i + T, T = t1 a1 + t2 a2 + t3 a3 (integers t)
                            double dx = bx + t1 * a[0][0] + t2 * a[1][0] + t3 * a[2][0];
                            double dy = by + t1 * a[0][1] + t2 * a[1][1] + t3 * a[2][1];
                            double dz = bz + t1 * a[0][2] + t2 * a[1][2] + t3 * a[2][2];
                            double d2 = dx * dx + dy * dy + dz * dz;
                            if (d2 < cutoff2 && !(j == i && t1 == 0 && t2 == 0 && t3 == 0)) {
                                builder.add(j, dx, dy, dz, Math.sqrt(d2));
                            }
                        }
                    }
                }
            }
        }
        return builder.finish(cutoff);
    }

    public int atomCount() {
        return atomCount;
    }

    public double cutoff() {
        return cutoff;
    }

    /** First entry of atom i. */
    public int start(int atom) {
        return first[atom];
    }

    /** One past the last entry of atom i. */
    public int end(int atom) {
        return first[atom + 1];
    }

    /** The largest number of entries of one atom. */
    public int maxNeighbours() {
        int most = 0;
        for (int i = 0; i < atomCount; i++) {
            most = Math.max(most, first[i + 1] - first[i]);
        }
        return most;
    }

    /** Index (in the cell or molecule) of the neighbour of entry e. */
    public int neighbour(int entry) {
        return neighbour[entry];
    }

    /** Component k of d_ij of entry e (bohr). */
    public double vector(int entry, int k) {
        return vector[3 * entry + k];
    }

    /** |d_ij| of entry e (bohr). */
    public double distance(int entry) {
        return distance[entry];
    }

    /** Growable primitive arrays. */
    private static final class Builder {
        final int[] first;
        int[] neighbour = new int[64];
        double[] vector = new double[192];
        double[] distance = new double[64];
        int size;
        int atom;

        Builder(int atoms) {
            first = new int[atoms + 1];
        }

        void startAtom(int i) {
            first[i] = size;
            atom = i;
        }

        void add(int j, double dx, double dy, double dz, double d) {
            if (d == 0) {
                throw new IllegalArgumentException("atoms " + atom + " and " + j + " (or a periodic image of "
                        + j + ") are at the same position");
            }
            if (size == neighbour.length) {
                neighbour = Arrays.copyOf(neighbour, 2 * size);
                vector = Arrays.copyOf(vector, 6 * size);
                distance = Arrays.copyOf(distance, 2 * size);
            }
            neighbour[size] = j;
            vector[3 * size] = dx;
            vector[3 * size + 1] = dy;
            vector[3 * size + 2] = dz;
            distance[size] = d;
            size++;
        }

        NeighbourList finish(double cutoff) {
            first[first.length - 1] = size;
            return new NeighbourList(first.length - 1, cutoff, first, neighbour, vector, distance);
        }
    }
}
