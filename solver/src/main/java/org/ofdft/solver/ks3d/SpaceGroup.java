package org.ofdft.solver.ks3d;

import java.util.ArrayList;
import java.util.List;
import org.ofdft.functionals.external.Structure;
import org.ofdft.grids.Cell;
import org.ofdft.grids.Grid3D;

/**
 * The symmetry operations {S|f} of a crystal that the calculation can use: x → S x + f in fractional
 * coordinates, S an integer matrix preserving the lattice metric (Sᵀ g S = g, g_ij = a_i·a_j), f a
 * translation that maps the atoms onto atoms of the same species, kept only if the FFT grid maps onto
 * itself (f·n integer, S mixing only axes of equal size), as Quantum ESPRESSO does. Used to reduce the
 * k-point mesh (a Bloch vector κ, in fractional reciprocal coordinates, goes to Sᵀκ) and to symmetrize the
 * density built from the irreducible k-points:
 * <pre>
 *   n(x) = (1/|G|) Σ_{S,f} n_IBZ(S x + f),
 * </pre>
 * which equals the sum over the full mesh when the mesh is invariant under every operation used
 * ({@link #restrictedTo}). Immutable.
 */
public final class SpaceGroup {

    private static final double TOLERANCE = 1e-6;

    private final List<int[]> rotations;      // row-major 3x3
    private final List<double[]> translations;

    private SpaceGroup(List<int[]> rotations, List<double[]> translations) {
        this.rotations = List.copyOf(rotations);
        this.translations = List.copyOf(translations);
    }

    /** The identity alone (no symmetry used). */
    public static SpaceGroup identity() {
        return new SpaceGroup(List.of(new int[] {1, 0, 0, 0, 1, 0, 0, 0, 1}), List.of(new double[3]));
    }

    /**
     * The operations of {@code structure} compatible with {@code grid}, one translation f per rotation S
     * (the factor group: lattice translations of a supercell are left out).
     */
    public static SpaceGroup of(Structure structure, Grid3D grid) {
        return find(structure, grid, false);
    }

    /**
     * Every operation of {@code structure} compatible with {@code grid}, pure translations included: for a
     * supercell, each rotation S appears with every f that maps the atoms onto atoms (f_S plus each
     * translation of the primitive lattice inside the cell), |G| = (point-group order) × (cells).
     */
    public static SpaceGroup withEveryTranslation(Structure structure, Grid3D grid) {
        return find(structure, grid, true);
    }

    private static SpaceGroup find(Structure structure, Grid3D grid, boolean everyTranslation) {
        Cell cell = structure.cell();
        double[][] metric = new double[3][3];
        double scale = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double[] a = cell.latticeVector(i);
                double[] b = cell.latticeVector(j);
                metric[i][j] = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
                scale = Math.max(scale, Math.abs(metric[i][j]));
            }
        }
        int[] n = {grid.n1(), grid.n2(), grid.n3()};
        int atoms = structure.atomCount();
        double[][] x = new double[atoms][];
        for (int a = 0; a < atoms; a++) {
            x[a] = structure.fractionalPosition(a);
        }
        List<int[]> rotations = new ArrayList<>();
        List<double[]> translations = new ArrayList<>();
        int[] s = new int[9];
        for (int code = 0; code < 19683; code++) {
            int c = code;
            for (int e = 0; e < 9; e++) {
                s[e] = c % 3 - 1;
                c /= 3;
            }
            if (!preservesMetric(s, metric, scale) || !mapsGrid(s, n)) {
                continue;
            }
            for (int target = 0; target < atoms; target++) {
                if (!structure.speciesOf(target).equals(structure.speciesOf(0))) {
                    continue;
                }
                double[] image = apply(s, x[0]);
                double[] f = new double[3];
                for (int i = 0; i < 3; i++) {
                    f[i] = x[target][i] - image[i];
                    f[i] -= Math.floor(f[i] + TOLERANCE);
                }
                if (commensurate(f, n) && mapsAtoms(s, f, x, structure)) {
                    rotations.add(s.clone());
                    translations.add(f);
                    if (!everyTranslation) {
                        break;
                    }
                }
            }
        }
        return new SpaceGroup(rotations, translations);
    }

    /** The operations that map every point of {@code mesh} onto a point of it (k → Sᵀk). */
    public SpaceGroup restrictedTo(KPointMesh mesh) {
        List<int[]> keptRotations = new ArrayList<>();
        List<double[]> keptTranslations = new ArrayList<>();
        int[] n = {mesh.n1(), mesh.n2(), mesh.n3()};
        int[] shift = {mesh.s1(), mesh.s2(), mesh.s3()};
        for (int op = 0; op < rotations.size(); op++) {
            int[] s = rotations.get(op);
            boolean ok = true;
            for (int j1 = 0; j1 < n[0] && ok; j1++) {
                for (int j2 = 0; j2 < n[1] && ok; j2++) {
                    for (int j3 = 0; j3 < n[2] && ok; j3++) {
                        ok = KPointMesh.meshIndex(rotateK(s, new double[] {(j1 + 0.5 * shift[0]) / n[0],
                                (j2 + 0.5 * shift[1]) / n[1], (j3 + 0.5 * shift[2]) / n[2]}), n, shift) >= 0;
                    }
                }
            }
            if (ok) {
                keptRotations.add(rotations.get(op));
                keptTranslations.add(translations.get(op));
            }
        }
        return new SpaceGroup(keptRotations, keptTranslations);
    }

    /** Number of operations |G|. */
    public int size() {
        return rotations.size();
    }

    /** The rotation S of operation {@code op} in fractional coordinates, row-major 3×3 (a copy). */
    public int[] rotation(int op) {
        return rotations.get(op).clone();
    }

    /** The translation f of operation {@code op} in fractional coordinates, in [0, 1) (a copy). */
    public double[] translation(int op) {
        return translations.get(op).clone();
    }

    /** κ' = Sᵀ κ for operation {@code op}. */
    double[] rotateK(int op, double[] kappa) {
        return rotateK(rotations.get(op), kappa);
    }

    private static double[] rotateK(int[] s, double[] kappa) {
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[i] += s[j * 3 + i] * kappa[j];
            }
        }
        return out;
    }

    /**
     * For each operation, the grid index of S x + f for every grid point x (C order): the permutations that
     * {@link #symmetrize} averages over.
     */
    int[][] gridPermutations(Grid3D grid) {
        int[] n = {grid.n1(), grid.n2(), grid.n3()};
        int[][] permutations = new int[rotations.size()][grid.size()];
        for (int op = 0; op < rotations.size(); op++) {
            int[] s = rotations.get(op);
            double[] f = translations.get(op);
            int[] shift = new int[3];
            for (int i = 0; i < 3; i++) {
                shift[i] = (int) Math.round(f[i] * n[i]);
            }
            int[] perm = permutations[op];
            for (int i1 = 0; i1 < n[0]; i1++) {
                for (int i2 = 0; i2 < n[1]; i2++) {
                    for (int i3 = 0; i3 < n[2]; i3++) {
                        int[] i = {i1, i2, i3};
                        int[] image = new int[3];
                        for (int r = 0; r < 3; r++) {
                            // (S x)_r n_r = Σ_c S_rc i_c n_r/n_c, with n_r = n_c wherever S_rc ≠ 0
                            int sum = shift[r];
                            for (int c = 0; c < 3; c++) {
                                sum += s[r * 3 + c] * i[c];
                            }
                            image[r] = Math.floorMod(sum, n[r]);
                        }
                        perm[grid.index(i1, i2, i3)] = grid.index(image[0], image[1], image[2]);
                    }
                }
            }
        }
        return permutations;
    }

    /** n ← (1/|G|) Σ_op n∘op, with {@code work} a buffer of the same length. */
    static void symmetrize(double[] density, int[][] permutations, double[] work) {
        if (permutations.length == 1) {
            return;
        }
        java.util.Arrays.fill(work, 0.0);
        for (int[] perm : permutations) {
            for (int j = 0; j < density.length; j++) {
                work[j] += density[perm[j]];
            }
        }
        double scale = 1.0 / permutations.length;
        for (int j = 0; j < density.length; j++) {
            density[j] = work[j] * scale;
        }
    }

    private static double[] apply(int[] s, double[] x) {
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[i] += s[i * 3 + j] * x[j];
            }
        }
        return out;
    }

    private static boolean preservesMetric(int[] s, double[][] g, double scale) {
        int det = s[0] * (s[4] * s[8] - s[5] * s[7]) - s[1] * (s[3] * s[8] - s[5] * s[6]) + s[2] * (s[3] * s[7] - s[4] * s[6]);
        if (Math.abs(det) != 1) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double sum = 0;
                for (int k = 0; k < 3; k++) {
                    for (int l = 0; l < 3; l++) {
                        sum += s[k * 3 + i] * g[k][l] * s[l * 3 + j];
                    }
                }
                if (Math.abs(sum - g[i][j]) > 1e-8 * scale) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean mapsGrid(int[] s, int[] n) {
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                if (s[r * 3 + c] != 0 && n[r] != n[c]) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean commensurate(double[] f, int[] n) {
        for (int i = 0; i < 3; i++) {
            double steps = f[i] * n[i];
            if (Math.abs(steps - Math.rint(steps)) > TOLERANCE * n[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean mapsAtoms(int[] s, double[] f, double[][] x, Structure structure) {
        for (int a = 0; a < x.length; a++) {
            double[] image = apply(s, x[a]);
            boolean found = false;
            for (int b = 0; b < x.length && !found; b++) {
                if (!structure.speciesOf(a).equals(structure.speciesOf(b))) {
                    continue;
                }
                boolean same = true;
                for (int i = 0; i < 3; i++) {
                    double d = image[i] + f[i] - x[b][i];
                    same &= Math.abs(d - Math.rint(d)) < TOLERANCE;
                }
                found = same;
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "SpaceGroup[" + size() + " operations]";
    }
}
