package org.ofdft.benchmarks;

import java.util.Arrays;
import java.util.Locale;
import org.ofdft.functionals.DensityFunctional;
import org.ofdft.functionals.SpinTreatment;
import org.ofdft.functionals.kinetic.ThomasFermi;
import org.ofdft.functionals.kinetic.VonWeizsacker;
import org.ofdft.functionals.kinetic.WangTeter;
import org.ofdft.functionals.xc.GgaFunctional;
import org.ofdft.grids.Cell;
import org.ofdft.grids.Grid3D;
import org.ofdft.grids.Laplacian;
import org.ofdft.grids.RealField;
import org.ofdft.grids.SpectralOperators;
import org.ofdft.grids.fft.FftBackend;
import org.ofdft.grids.fft.FftBackends;
import org.ofdft.grids.fft.RealFft3D;

/**
 * One case of the functional benchmark: an fcc-Al-like density on an n³ grid, the FFT plan of its
 * {@link SpectralOperators} and one functional term (or the bare forward+inverse FFT pair that is the
 * unit of cost). Shared by {@link FunctionalBenchmark} (JMH) and {@link FunctionalProfile} (JFR).
 *
 * <p>Cell: the conventional cubic cell of fcc Al, a = {@value #LATTICE_CONSTANT} bohr (4 atoms), repeated
 * r × r × r with r = n/32, so that the grid spacing is a/32 ≈ 0.239 bohr at every n (64³: 2×2×2, 32 atoms;
 * 96³: 3×3×3, 108 atoms). Density: 3 valence electrons per atom, n(r) = n̄·[(1 − w) + w·P(r)/⟨P⟩] with
 * P a sum of Gaussians of width {@value #GAUSSIAN_WIDTH} bohr on the fcc sites (w = {@value #PEAK_WEIGHT}):
 * smooth, strictly positive, with the cell average n̄ = 12/a³ exactly (up to round-off).
 */
final class FunctionalCase implements AutoCloseable {

    /** Conventional cubic lattice constant of fcc Al, bohr (4.05 Å). */
    static final double LATTICE_CONSTANT = 7.65339;
    /** Grid points per lattice constant. */
    static final int POINTS_PER_CELL = 32;
    /** Valence electrons per conventional cell (4 atoms × 3). */
    static final double ELECTRONS_PER_CELL = 12;
    /** Standard deviation of the Gaussians on the atoms, bohr. */
    static final double GAUSSIAN_WIDTH = 1.2;
    /** Weight of the atom-centred part of the density. */
    static final double PEAK_WEIGHT = 0.3;

    /** The benchmarked operations, with the forward+inverse FFT pairs each logically needs. */
    enum Term {
        FFT_PAIR("fft_pair", "FFT pair", 1),
        THOMAS_FERMI("thomas_fermi", "TF", 0),
        VON_WEIZSACKER("von_weizsacker", "vW", 1),
        WANG_TETER("wang_teter", "WT (nonlocal term)", 1),
        TF_VW_WT("tf_vw_wt", "TF+vW+WT", 2),
        PBE("pbe", "PBE xc", 4);

        final String id;
        final String label;
        /** Forward+inverse pairs: vW ∇²√n; WT one convolution (α = β); PBE ∇n (1 fwd + 3 inv) and ∇· (3 fwd + 1 inv). */
        final int pairs;

        Term(String id, String label, int pairs) {
            this.id = id;
            this.label = label;
            this.pairs = pairs;
        }

        static Term of(String id) {
            for (Term term : values()) {
                if (term.id.equals(id)) {
                    return term;
                }
            }
            throw new IllegalArgumentException("unknown term '" + id + "'; valid: "
                    + Arrays.stream(values()).map(t -> t.id).toList());
        }
    }

    final Term term;
    final Grid3D grid;
    final RealField density;
    final RealField potential;
    private final FftBackend backend;
    private final SpectralOperators operators;
    private final RealFft3D plan;
    private final DensityFunctional functional;
    private final double[] spectrum;
    private final double[] back;

    FunctionalCase(String termId, String backendName, int n, int threads) {
        this.term = Term.of(termId);
        this.grid = grid(n);
        FftBackends.Selection selection = FftBackends.select(backendName, threads);
        if (selection.fellBack()) {
            selection.backend().close();
            throw new IllegalStateException(selection.fallbackWarning());
        }
        this.backend = selection.backend();
        this.operators = new SpectralOperators(grid, backend);
        this.plan = operators.plan();
        this.density = RealField.wrap(grid, density(grid));
        this.potential = RealField.zeros(grid);
        double meanDensity = ELECTRONS_PER_CELL / Math.pow(LATTICE_CONSTANT, 3);
        this.functional = switch (term) {
            case FFT_PAIR -> null;
            case THOMAS_FERMI -> new ThomasFermi(grid, SpinTreatment.UNPOLARIZED);
            case VON_WEIZSACKER -> new VonWeizsacker(Laplacian.spectral(operators), 1.0);
            case WANG_TETER -> new WangTeter(operators, meanDensity);
            case TF_VW_WT -> WangTeter.total(operators, meanDensity);
            case PBE -> GgaFunctional.pbe(operators);
        };
        this.spectrum = term == Term.FFT_PAIR ? new double[plan.complexLength()] : null;
        this.back = term == Term.FFT_PAIR ? new double[plan.realLength()] : null;
        double value = evaluate();
        if (!Double.isFinite(value)) {
            throw new IllegalStateException(term.id + " gave " + value + " on " + grid);
        }
        resetPotential();
    }

    /** One evaluation: E[n] with δE/δn added to {@link #potential}, or one forward+inverse pair. */
    double evaluate() {
        if (functional == null) {
            plan.forward(density.values(), spectrum);
            plan.inverse(spectrum, back);
            return back[0];
        }
        return functional.energyAndPotential(density, potential);
    }

    /** Zeroes the accumulated potential (between measurement iterations; not timed). */
    void resetPotential() {
        Arrays.fill(potential.values(), 0.0);
    }

    /** The fcc-Al-like supercell grid for n³ points (n a multiple of 32). */
    static Grid3D grid(int n) {
        if (n % POINTS_PER_CELL != 0) {
            throw new IllegalArgumentException("n must be a multiple of " + POINTS_PER_CELL + ", got " + n);
        }
        int repeat = n / POINTS_PER_CELL;
        return new Grid3D(Cell.cubic(LATTICE_CONSTANT).repeat(repeat, repeat, repeat), n, n, n);
    }

    /** The benchmark density on {@code grid} (see the class comment). */
    static double[] density(Grid3D grid) {
        int n = grid.n1();
        double a = LATTICE_CONSTANT;
        double length = grid.cell().length(0);
        // 1D periodic Gaussians (period a) centred at 0 and at a/2, sampled at x = i·L/n.
        double[] centred = new double[n];
        double[] shifted = new double[n];
        for (int i = 0; i < n; i++) {
            double x = i * length / n;
            centred[i] = periodicGaussian(x, a, length);
            shifted[i] = periodicGaussian(x - a / 2, a, length);
        }
        double[] values = new double[grid.size()];
        double sum = 0;
        for (int i1 = 0; i1 < n; i1++) {
            for (int i2 = 0; i2 < n; i2++) {
                int row = grid.index(i1, i2, 0);
                for (int i3 = 0; i3 < n; i3++) {
                    // fcc basis (0,0,0), (0,½,½), (½,0,½), (½,½,0)
                    double p = centred[i1] * centred[i2] * centred[i3] + centred[i1] * shifted[i2] * shifted[i3]
                            + shifted[i1] * centred[i2] * shifted[i3] + shifted[i1] * shifted[i2] * centred[i3];
                    values[row + i3] = p;
                    sum += p;
                }
            }
        }
        double meanP = sum / values.length;
        double meanDensity = ELECTRONS_PER_CELL / (a * a * a);
        for (int j = 0; j < values.length; j++) {
            values[j] = meanDensity * ((1 - PEAK_WEIGHT) + PEAK_WEIGHT * values[j] / meanP);
        }
        return values;
    }

    /** Σ_m exp(−(x − m·period)²/2s²) over the images that matter for −period ≤ x ≤ length. */
    private static double periodicGaussian(double x, double period, double length) {
        double sum = 0;
        int last = (int) Math.ceil(length / period) + 4;
        for (int m = -5; m <= last; m++) {
            double d = x - m * period;
            sum += Math.exp(-d * d / (2 * GAUSSIAN_WIDTH * GAUSSIAN_WIDTH));
        }
        return sum;
    }

    /** "min … max …, mean …" of the density, for the report. */
    static String describeDensity(int n) {
        Grid3D grid = grid(n);
        double[] values = density(grid);
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        double sum = 0;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
        }
        return String.format(Locale.ROOT, "%d³ on %.3f bohr cube (%d atoms): n from %.4f to %.4f bohr⁻³, mean %.5f, "
                        + "%.2f electrons", n, grid.cell().length(0), 4 * (n / POINTS_PER_CELL) * (n / POINTS_PER_CELL)
                        * (n / POINTS_PER_CELL), min, max, sum / values.length, sum * grid.volumeElement());
    }

    @Override
    public void close() {
        operators.close();
        backend.close();
    }
}
