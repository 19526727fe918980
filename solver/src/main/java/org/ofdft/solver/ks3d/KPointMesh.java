package org.ofdft.solver.ks3d;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Monkhorst–Pack mesh of N1 × N2 × N3 k-points (H. J. Monkhorst and J. D. Pack, Phys. Rev. B 13, 5188
 * (1976)) in Quantum ESPRESSO's convention ({@code K_POINTS automatic N1 N2 N3 s1 s2 s3}): the points
 * <pre>
 *   κ_i = (j_i + s_i/2) / N_i,   j_i = 0 … N_i − 1,   s_i ∈ {0, 1},
 * </pre>
 * so an unshifted mesh contains Γ for every N_i (the original paper's mesh is this one shifted by half a
 * step for even N_i, i.e. s_i = 1). Coordinates are folded into (−½, ½].
 *
 * <p>{@link #points()} reduces the mesh by time-reversal symmetry, E_n(k) = E_n(−k) for a Hamiltonian
 * without magnetic fields or spin–orbit coupling: k and −k (modulo a reciprocal lattice vector) are one
 * point of twice the weight (260 points for 8×8×8). {@link #points(SpaceGroup)} also uses the crystal's
 * point-group operations (29 points for fcc 8×8×8, as QE); the density must then be symmetrized.
 */
public record KPointMesh(int n1, int n2, int n3, int s1, int s2, int s3) {

    public KPointMesh {
        if (n1 < 1 || n2 < 1 || n3 < 1) {
            throw new IllegalArgumentException("k-point mesh sizes must be at least 1 along every axis, got "
                    + n1 + "x" + n2 + "x" + n3 + " (use 1 1 1 for the Γ point alone)");
        }
        for (int s : new int[] {s1, s2, s3}) {
            if (s != 0 && s != 1) {
                throw new IllegalArgumentException("k-point mesh shifts must be 0 or 1 (half a mesh step), got "
                        + s1 + " " + s2 + " " + s3);
            }
        }
    }

    /** An unshifted N1 × N2 × N3 mesh (contains Γ). */
    public static KPointMesh of(int n1, int n2, int n3) {
        return new KPointMesh(n1, n2, n3, 0, 0, 0);
    }

    /** The Γ point alone. */
    public static KPointMesh gammaOnly() {
        return of(1, 1, 1);
    }

    /** N1·N2·N3, the number of points before reduction. */
    public int size() {
        return n1 * n2 * n3;
    }

    /** The points of the mesh reduced by time reversal, each with its weight (the weights add up to 1). */
    public List<KPoint> points() {
        return points(SpaceGroup.identity());
    }

    /**
     * The points reduced by the operations of {@code group} (κ → Sᵀκ, which must map the mesh onto itself:
     * see {@link SpaceGroup#restrictedTo}) and time reversal (κ → −κ); each irreducible point carries the
     * size of its star over N1·N2·N3 as weight.
     */
    public List<KPoint> points(SpaceGroup group) {
        int[] n = {n1, n2, n3};
        int[] s = {s1, s2, s3};
        int total = size();
        boolean[] taken = new boolean[total];
        List<KPoint> points = new ArrayList<>();
        for (int j1 = 0; j1 < n1; j1++) {
            for (int j2 = 0; j2 < n2; j2++) {
                for (int j3 = 0; j3 < n3; j3++) {
                    int index = (j1 * n2 + j2) * n3 + j3;
                    if (taken[index]) {
                        continue;
                    }
                    int[] j = {j1, j2, j3};
                    double[] kappa = new double[3];
                    for (int i = 0; i < 3; i++) {
                        kappa[i] = (j[i] + 0.5 * s[i]) / n[i];
                    }
                    int star = 0;
                    for (int op = 0; op < group.size(); op++) {
                        double[] image = group.rotateK(op, kappa);
                        for (int sign = 1; sign >= -1; sign -= 2) {
                            double[] signed = {sign * image[0], sign * image[1], sign * image[2]};
                            int at = meshIndex(signed, n, s);
                            if (at < 0) {
                                throw new IllegalArgumentException("symmetry operation " + op + " maps " + Arrays.toString(kappa)
                                        + " off the " + this + " mesh; restrict the group to the mesh first");
                            }
                            if (!taken[at]) {
                                taken[at] = true;
                                star++;
                            }
                        }
                    }
                    double[] folded = new double[3];
                    for (int i = 0; i < 3; i++) {
                        folded[i] = kappa[i] > 0.5 ? kappa[i] - 1 : kappa[i];
                    }
                    points.add(new KPoint(folded, (double) star / total));
                }
            }
        }
        return points;
    }

    /** The linear index of the mesh point κ (any periodic image), or −1 if κ is not on the mesh. */
    static int meshIndex(double[] kappa, int[] n, int[] shift) {
        int[] j = new int[3];
        for (int i = 0; i < 3; i++) {
            double value = kappa[i] * n[i] - 0.5 * shift[i];
            long rounded = Math.round(value);
            if (Math.abs(value - rounded) > 1e-6) {
                return -1;
            }
            j[i] = (int) Math.floorMod(rounded, (long) n[i]);
        }
        return (j[0] * n[1] + j[1]) * n[2] + j[2];
    }

    @Override
    public String toString() {
        return n1 + "x" + n2 + "x" + n3 + (s1 + s2 + s3 == 0 ? "" : " shifted " + s1 + " " + s2 + " " + s3);
    }
}
