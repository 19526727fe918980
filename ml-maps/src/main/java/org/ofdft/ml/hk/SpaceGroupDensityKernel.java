package org.ofdft.ml.hk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.ofdft.grids.Grid3D;
import org.ofdft.grids.fft.FftBackend;
import org.ofdft.grids.fft.RealFft3D;
import org.ofdft.solver.ks3d.SpaceGroup;

/**
 * A Gaussian kernel between periodic densities made invariant under the space group G of a reference
 * crystal by averaging over the group (Haasdonk and Burkhardt, Mach. Learn. 68, 35 (2007)):
 * <pre>
 *   k̄(n, n') = (1/|G|) Σ_{g ∈ G} exp(−‖n − g n'‖² / (2σ²)),   ‖f‖² = ∫_Ω f(r)² d³r,   (g n)(x) = n(S x + f).
 * </pre>
 * A kernel ridge model with k̄ predicts the same energy for every symmetric copy of a configuration, as if
 * each training density had been added in all |G| images. For a rattled 32-atom fcc supercell G has
 * 48 × 32 = 1536 operations, and the energy, close to a quadratic form in the displacements, is left with
 * the force constants of a crystal (a few per neighbour shell) instead of one coefficient per pair of
 * displacement components.
 *
 * <p>Distances are taken between plane-wave coefficients c_m = (1/N) Σ_r n(r) e^{−2πi m·x_r} with
 * ½|G_m|² ≤ E_cut (m over the whole sphere, ±m both kept): ‖n − g n'‖² = Ω Σ_m |c_m − (g c')_m|² for the
 * densities low-pass filtered at the cutoff. An operation {S|f} acts as (g c)_{Sᵀm} = e^{2πi m·f} c_m, so
 * ⟨c, g c'⟩ = Σ_m c*_{Sᵀm} c'_m e^{2πi m·f_S} e^{2πi m·t} for f = f_S + t, t a lattice translation of the
 * cell. The last factor depends on m only through its class modulo the translation lattice, so each rotation
 * costs one pass over the sphere into per-class sums and a small transform over the translations: O(K·R +
 * C·T·R) per pair (K coefficients, R rotations, C classes, T translations) instead of O(K·|G|).
 */
public final class SpaceGroupDensityKernel {

    private final Grid3D grid;
    private final double cutoff;
    private final double volume;
    private final int count;
    private final int[] spectrumIndex;
    private final boolean[] conjugated;
    private final int[][] rotatedIndex;
    private final double[][] rotationPhase;
    private final boolean[] phaseFree;
    private final int classes;
    private final int[] classOf;
    private final int translations;
    /** e^{2πi m_c·t}, [c·T + t] complex interleaved. */
    private final double[] characters;
    private final int groupOrder;
    private final RealFft3D plan;
    private final double[] spectrum;

    /**
     * Keeps the plane waves with ½|G|² ≤ {@code cutoff} (hartree) and the operations of {@code group}, which
     * must hold every translation of the cell's lattice ({@link SpaceGroup#withEveryTranslation}); densities
     * are transformed with a plan of {@code backend}.
     */
    public SpaceGroupDensityKernel(Grid3D grid, SpaceGroup group, double cutoff, FftBackend backend) {
        if (!(cutoff > 0)) {
            throw new IllegalArgumentException("plane-wave cutoff must be positive, got " + cutoff + " Ha");
        }
        this.grid = grid;
        this.cutoff = cutoff;
        this.volume = grid.cell().volume();
        int[] n = {grid.n1(), grid.n2(), grid.n3()};
        double[] g2 = grid.reciprocal().g2();
        int h3 = n[2] / 2 + 1;
        List<int[]> millers = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        List<Boolean> conjugates = new ArrayList<>();
        for (int i1 = 0; i1 < n[0]; i1++) {
            for (int i2 = 0; i2 < n[1]; i2++) {
                for (int i3 = 0; i3 < n[2]; i3++) {
                    int[] m = {miller(i1, n[0]), miller(i2, n[1]), miller(i3, n[2])};
                    if (2 * Math.abs(m[0]) == n[0] || 2 * Math.abs(m[1]) == n[1] || 2 * Math.abs(m[2]) == n[2]) {
                        continue; // a Nyquist mode is its own alias: not a symmetric member of the sphere
                    }
                    boolean conjugate = m[2] < 0;
                    int j1 = Math.floorMod(conjugate ? -m[0] : m[0], n[0]);
                    int j2 = Math.floorMod(conjugate ? -m[1] : m[1], n[1]);
                    int k3 = Math.abs(m[2]);
                    int index = (j1 * n[1] + j2) * h3 + k3;
                    if (0.5 * g2[index] <= cutoff) {
                        millers.add(m);
                        indices.add(index);
                        conjugates.add(conjugate);
                    }
                }
            }
        }
        count = millers.size();
        spectrumIndex = indices.stream().mapToInt(Integer::intValue).toArray();
        conjugated = new boolean[count];
        Map<List<Integer>, Integer> position = new HashMap<>();
        for (int k = 0; k < count; k++) {
            conjugated[k] = conjugates.get(k);
            int[] m = millers.get(k);
            position.put(List.of(m[0], m[1], m[2]), k);
        }
        groupOrder = group.size();

        List<double[]> lattice = new ArrayList<>();
        List<int[]> rotations = new ArrayList<>();
        List<double[]> baseTranslations = new ArrayList<>();
        for (int op = 0; op < group.size(); op++) {
            int[] s = group.rotation(op);
            if (Arrays.equals(s, new int[] {1, 0, 0, 0, 1, 0, 0, 0, 1})) {
                lattice.add(group.translation(op));
            }
            if (rotations.stream().noneMatch(r -> Arrays.equals(r, s))) {
                rotations.add(s);
                baseTranslations.add(group.translation(op));
            }
        }
        translations = lattice.size();
        if (rotations.size() * translations != group.size()) {
            throw new IllegalArgumentException("space group of " + group.size() + " operations is not " + rotations.size()
                    + " rotations × " + translations + " lattice translations");
        }
        rotatedIndex = new int[rotations.size()][count];
        rotationPhase = new double[rotations.size()][2 * count];
        phaseFree = new boolean[rotations.size()];
        for (int r = 0; r < rotations.size(); r++) {
            int[] s = rotations.get(r);
            double[] f = baseTranslations.get(r);
            boolean free = true;
            for (int k = 0; k < count; k++) {
                int[] m = millers.get(k);
                Integer image = position.get(List.of(
                        s[0] * m[0] + s[3] * m[1] + s[6] * m[2],
                        s[1] * m[0] + s[4] * m[1] + s[7] * m[2],
                        s[2] * m[0] + s[5] * m[1] + s[8] * m[2]));
                if (image == null) {
                    throw new IllegalArgumentException("rotation " + Arrays.toString(s) + " does not map the cutoff "
                            + "sphere onto itself");
                }
                rotatedIndex[r][k] = image;
                double angle = 2 * Math.PI * (m[0] * f[0] + m[1] * f[1] + m[2] * f[2]);
                rotationPhase[r][2 * k] = Math.cos(angle);
                rotationPhase[r][2 * k + 1] = Math.sin(angle);
                free &= Math.abs(rotationPhase[r][2 * k] - 1) < 1e-12;
            }
            phaseFree[r] = free;
        }
        // classes of m by their character on the lattice translations (m·t is a multiple of 1/(n1 n2 n3))
        long denominator = (long) n[0] * n[1] * n[2];
        Map<List<Long>, Integer> classIndex = new HashMap<>();
        List<int[]> representatives = new ArrayList<>();
        classOf = new int[count];
        for (int k = 0; k < count; k++) {
            int[] m = millers.get(k);
            List<Long> key = new ArrayList<>(translations);
            for (double[] t : lattice) {
                double phase = m[0] * t[0] + m[1] * t[1] + m[2] * t[2];
                key.add(Math.floorMod(Math.round(phase * denominator), denominator));
            }
            Integer c = classIndex.get(key);
            if (c == null) {
                c = representatives.size();
                classIndex.put(key, c);
                representatives.add(m);
            }
            classOf[k] = c;
        }
        classes = representatives.size();
        characters = new double[2 * classes * translations];
        for (int c = 0; c < classes; c++) {
            int[] m = representatives.get(c);
            for (int t = 0; t < translations; t++) {
                double[] f = lattice.get(t);
                double angle = 2 * Math.PI * (m[0] * f[0] + m[1] * f[1] + m[2] * f[2]);
                characters[2 * (c * translations + t)] = Math.cos(angle);
                characters[2 * (c * translations + t) + 1] = Math.sin(angle);
            }
        }
        plan = backend.plan(n[0], n[1], n[2]);
        spectrum = new double[plan.complexLength()];
    }

    private static int miller(int i, int n) {
        return i <= n / 2 ? i : i - n;
    }

    public Grid3D grid() {
        return grid;
    }

    public double cutoff() {
        return cutoff;
    }

    /** The number of group operations |G|. */
    public int groupOrder() {
        return groupOrder;
    }

    /** The number of plane-wave coefficients K (complex; the vectors hold 2K doubles). */
    public int planeWaves() {
        return count;
    }

    /**
     * The plane-wave coefficients of a density on the grid (2K doubles, interleaved). Calls are serialized:
     * the FFT plan holds scratch memory.
     */
    public synchronized double[] coefficients(double[] density) {
        if (density.length != grid.size()) {
            throw new IllegalArgumentException("density has " + density.length + " values, the grid "
                    + grid.n1() + "x" + grid.n2() + "x" + grid.n3() + " has " + grid.size());
        }
        plan.forward(density, spectrum);
        double norm = 1.0 / grid.size();
        double[] c = new double[2 * count];
        for (int k = 0; k < count; k++) {
            c[2 * k] = spectrum[2 * spectrumIndex[k]] * norm;
            c[2 * k + 1] = (conjugated[k] ? -1 : 1) * spectrum[2 * spectrumIndex[k] + 1] * norm;
        }
        return c;
    }

    /**
     * The kernel matrices k̄_σ(a_i, b_j) for every σ at once ([σ][i·|b| + j]), from plane-wave coefficients;
     * rows of {@code a} run in parallel. With {@code symmetric} (a and b the same set) only i ≤ j is computed.
     */
    public double[][] kernelMatrices(double[][] a, double[][] b, double[] sigmas, boolean symmetric) {
        int rows = a.length;
        int columns = b.length;
        double[][] matrices = new double[sigmas.length][rows * columns];
        double[] normsA = Arrays.stream(a).mapToDouble(SpaceGroupDensityKernel::normSquared).toArray();
        double[] normsB = Arrays.stream(b).mapToDouble(SpaceGroupDensityKernel::normSquared).toArray();
        double[] factors = Arrays.stream(sigmas).map(s -> -0.5 / (s * s)).toArray();
        IntStream.range(0, rows).parallel().forEach(i -> {
            double[] distances = new double[groupOrder];
            double[] classSums = new double[2 * classes];
            for (int j = symmetric ? i : 0; j < columns; j++) {
                squaredDistances(a[i], normsA[i], b[j], normsB[j], distances, classSums);
                for (int s = 0; s < sigmas.length; s++) {
                    double sum = 0;
                    for (double d2 : distances) {
                        sum += Math.exp(factors[s] * d2);
                    }
                    matrices[s][i * columns + j] = sum / groupOrder;
                    if (symmetric) {
                        matrices[s][j * columns + i] = sum / groupOrder;
                    }
                }
            }
        });
        return matrices;
    }

    /** The median over pairs i < j of min_g ‖a_i − g a_j‖: a scale for the σ grid. */
    public double medianMinimumDistance(double[][] a) {
        double[] norms = Arrays.stream(a).mapToDouble(SpaceGroupDensityKernel::normSquared).toArray();
        double[] minima = IntStream.range(0, a.length).parallel().mapToObj(i -> {
            double[] distances = new double[groupOrder];
            double[] classSums = new double[2 * classes];
            double[] row = new double[a.length - i - 1];
            for (int j = i + 1; j < a.length; j++) {
                squaredDistances(a[i], norms[i], a[j], norms[j], distances, classSums);
                row[j - i - 1] = Math.sqrt(Arrays.stream(distances).min().orElseThrow());
            }
            return row;
        }).flatMapToDouble(Arrays::stream).sorted().toArray();
        return minima[minima.length / 2];
    }

    private static double normSquared(double[] c) {
        double sum = 0;
        for (double v : c) {
            sum += v * v;
        }
        return sum;
    }

    /** ‖x − g y‖² for every operation g into {@code out} (|G|), with Σ|x|², Σ|y|² given. */
    private void squaredDistances(double[] x, double xx, double[] y, double yy, double[] out, double[] classSums) {
        int at = 0;
        for (int r = 0; r < rotatedIndex.length; r++) {
            Arrays.fill(classSums, 0);
            int[] rotated = rotatedIndex[r];
            double[] phase = rotationPhase[r];
            boolean free = phaseFree[r];
            for (int k = 0; k < count; k++) {
                int j = rotated[k];
                double xr = x[2 * j];
                double xi = x[2 * j + 1];
                double yr = y[2 * k];
                double yi = y[2 * k + 1];
                // conj(x_{Sᵀm}) y_m
                double pr = xr * yr + xi * yi;
                double pi = xr * yi - xi * yr;
                if (!free) {
                    double cr = phase[2 * k];
                    double ci = phase[2 * k + 1];
                    double t = pr * cr - pi * ci;
                    pi = pr * ci + pi * cr;
                    pr = t;
                }
                int c = classOf[k];
                classSums[2 * c] += pr;
                classSums[2 * c + 1] += pi;
            }
            for (int t = 0; t < translations; t++) {
                double inner = 0;
                for (int c = 0; c < classes; c++) {
                    int e = 2 * (c * translations + t);
                    inner += classSums[2 * c] * characters[e] - classSums[2 * c + 1] * characters[e + 1];
                }
                out[at++] = Math.max(0, volume * (xx + yy - 2 * inner));
            }
        }
    }
}
