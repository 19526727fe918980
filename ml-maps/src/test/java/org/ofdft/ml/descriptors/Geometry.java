package org.ofdft.ml.descriptors;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ofdft.ml.io.Atoms;

/** Test geometry: random molecules, rigid motions and permutations. */
final class Geometry {

    private Geometry() {
    }

    /** A random orthogonal matrix with determinant +1 (Gram–Schmidt of a Gaussian matrix). */
    static double[][] randomRotation(Random random) {
        double[][] q = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                q[i][k] = random.nextGaussian();
            }
            for (int j = 0; j < i; j++) {
                double dot = q[i][0] * q[j][0] + q[i][1] * q[j][1] + q[i][2] * q[j][2];
                for (int k = 0; k < 3; k++) {
                    q[i][k] -= dot * q[j][k];
                }
            }
            double norm = Math.sqrt(q[i][0] * q[i][0] + q[i][1] * q[i][1] + q[i][2] * q[i][2]);
            for (int k = 0; k < 3; k++) {
                q[i][k] /= norm;
            }
        }
        double det = q[0][0] * (q[1][1] * q[2][2] - q[1][2] * q[2][1]) - q[0][1] * (q[1][0] * q[2][2] - q[1][2] * q[2][0])
                + q[0][2] * (q[1][0] * q[2][1] - q[1][1] * q[2][0]);
        if (det < 0) {
            for (int k = 0; k < 3; k++) {
                q[2][k] = -q[2][k];
            }
        }
        return q;
    }

    /** r → R r + t for every atom (molecules only). */
    static Atoms moved(Atoms atoms, double[][] rotation, double[] translation) {
        double[][] r = atoms.positions();
        double[][] out = new double[r.length][3];
        for (int i = 0; i < r.length; i++) {
            for (int k = 0; k < 3; k++) {
                out[i][k] = translation[k];
                for (int m = 0; m < 3; m++) {
                    out[i][k] += rotation[k][m] * r[i][m];
                }
            }
        }
        return atoms.withPositions(out);
    }

    /** The atoms in the order {@code permutation[new index] = old index}. */
    static Atoms permuted(Atoms atoms, int[] permutation) {
        List<String> species = new ArrayList<>();
        double[][] r = atoms.positions();
        double[][] out = new double[r.length][];
        for (int i = 0; i < permutation.length; i++) {
            species.add(atoms.speciesOf(permutation[i]));
            out[i] = r[permutation[i]];
        }
        return new Atoms(species, out, atoms.cell().orElse(null), atoms.info(), atoms.origin());
    }

    /** A random permutation of n indices. */
    static int[] randomPermutation(int n, Random random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** A random molecule of the given species in a box of edge {@code box} bohr, atoms ≥ {@code minDistance} apart. */
    static Atoms randomMolecule(List<String> species, double box, double minDistance, Random random) {
        double[][] r = new double[species.size()][3];
        for (int i = 0; i < r.length; i++) {
            boolean ok;
            do {
                for (int k = 0; k < 3; k++) {
                    r[i][k] = box * random.nextDouble();
                }
                ok = true;
                for (int j = 0; j < i && ok; j++) {
                    double dx = r[i][0] - r[j][0];
                    double dy = r[i][1] - r[j][1];
                    double dz = r[i][2] - r[j][2];
                    ok = dx * dx + dy * dy + dz * dz >= minDistance * minDistance;
                }
            } while (!ok);
        }
        return Atoms.molecule(species, r);
    }

    /** Largest |a_i − b_i| / max(1, max |a|). */
    static double maxRelativeDifference(double[] a, double[] b) {
        double scale = 1;
        for (double v : a) {
            scale = Math.max(scale, Math.abs(v));
        }
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst / scale;
    }

    /** Largest |a_i − b_i|. */
    static double maxAbsoluteDifference(double[] a, double[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst;
    }
}
