package org.ofdft.functionals.kinetic;

import java.util.List;
import org.ofdft.functionals.DensityChecks;
import org.ofdft.functionals.DensityFunctional;
import org.ofdft.functionals.SpinTreatment;
import org.ofdft.functionals.TotalFunctional;
import org.ofdft.grids.Grid;
import org.ofdft.grids.Grid3D;
import org.ofdft.grids.Laplacian;
import org.ofdft.grids.RealField;
import org.ofdft.grids.ReciprocalGrid;
import org.ofdft.grids.SpectralOperators;
import org.ofdft.grids.fft.ParallelRange;
import org.ofdft.grids.fft.RealFft3D;
import org.ofdft.grids.simd.ArrayMath;

/**
 * The nonlocal kinetic term of Wang &amp; Teter, PRB 45, 13196 (1992), with α = β = 5/6, as DFTpy defines it
 * ({@code dftpy/functional/kedf/wt.py} and {@code kernel.py}, function {@code WTKernel}):
 *
 * <pre>
 *   T_NL[n] = ∫∫ n^α(r) K(r − r') n^β(r') dr dr',
 *   K(G)    = 5/(9αβ) · C_TF · n₀^{5/3−α−β} · [1/F(η) − 3η² − 1],   η = |G|/(2k_F),  k_F = (3π² n₀)^{1/3},
 * </pre>
 * C_TF = (3/10)(3π²)^{2/3}, F the {@link Lindhard} function. For α = β = 5/6 the prefactor is (4/5)·C_TF and
 * does not depend on n₀. The full Wang–Teter functional is TF + vW + T_NL ({@link #total}).
 *
 * <p>Derivation of the prefactor: at the uniform density n₀ the second variation of
 * ∫∫ n^α K n^β is 2αβ n₀^{α+β−2} K(G) (the terms with K(G = 0) vanish because L(0) = 0), while TF + vW +
 * T_NL must reproduce the Lindhard value (π²/k_F)/F(η) of which TF gives (π²/k_F)·1 and vW (π²/k_F)·3η²
 * ({@link Lindhard}). Hence K(G) = (π²/k_F)(1/F − 3η² − 1)/(2αβ n₀^{α+β−2}), and π²/k_F = (10/9) C_TF n₀^{−1/3}
 * gives the prefactor above.
 *
 * <p>Discretization (DFTpy's): (K∗f)(r) = IFFT[K(G)·FFT f], E = ΔV Σ_r n^α (K∗n^α), and
 * δE/δn = 2α n^{α−1} (K∗n^α) (α = β and K even): one forward and one inverse transform per call. K is
 * tabulated on the half spectrum with |G| of {@link org.ofdft.grids.ReciprocalGrid}, whose Nyquist convention
 * is numpy's (as DFTpy's), so the kernel agrees with DFTpy's entry by entry. Densities below 1e-30 are raised to 1e-30 in n^α and n^{α−1}
 * (DFTpy's ZERO); negative or NaN densities are refused.
 *
 * <p>Reference density n₀, two modes:
 * <ul>
 *   <li>fixed ({@link #WangTeter(SpectralOperators, double)}, {@link #forElectrons}): n₀ given, e.g. N/V;
 *       K is built once. For any density with ∫n = N this is exactly DFTpy's {@code rho0 = rho.amean()}, and
 *       its potential is DFTpy's.</li>
 *   <li>cell average ({@link #followingCellAverage}): n₀ = (1/V)∫n of each density evaluated, K rebuilt in
 *       place whenever n₀ changes. The energy is DFTpy's for every density. The potential then also
 *       contains the term from n₀'s dependence on n, the uniform shift (1/V)∂T_NL/∂n₀ with
 *       ∂K/∂n₀ = −(4/5)C_TF·η L'(η)/(3n₀); DFTpy leaves it out. It does not change a minimizer at fixed N
 *       but shifts the chemical potential, so compare chemical potentials with DFTpy in the fixed mode.</li>
 * </ul>
 * Not thread-safe (scratch buffers; it shares the FFT plan of its {@link SpectralOperators}).
 */
public final class WangTeter implements DensityFunctional {

    /** The exponents α = β = 5/6 of Wang &amp; Teter (and DFTpy's defaults). */
    public static final double ALPHA = 5.0 / 6.0;
    /** C_TF = (3/10)(3π²)^{2/3}, the spin-unpolarized Thomas–Fermi constant. */
    public static final double C_TF = 0.3 * Math.pow(3 * Math.PI * Math.PI, 2.0 / 3.0);
    /** The kernel prefactor 5/(9αβ)·C_TF = (4/5)·C_TF for α = β = 5/6. */
    public static final double KERNEL_PREFACTOR = 5.0 / (9.0 * ALPHA * ALPHA) * C_TF;
    /** Densities are raised to this value in n^α and n^{α−1} (DFTpy's constants.ZERO). */
    public static final double DENSITY_FLOOR = 1e-30;

    private final Grid3D grid;
    private final SpectralOperators operators;
    private final RealFft3D plan;
    private final ParallelRange parallel;
    private final boolean followsCellAverage;
    /** |G| on the half spectrum (numpy convention); kept only when the kernel has to be rebuilt. */
    private final double[] modulus;
    private final double[] kernel;
    /** ∂K/∂n₀ on the half spectrum (cell-average mode only). */
    private final double[] kernelDerivative;
    private final ReciprocalGrid reciprocal;
    private final double[] powerAlpha;
    private final double[] convolved;
    private final double[] spectrum;
    private double referenceDensity;

    /** The Wang–Teter term with a fixed reference density n₀ (bohr⁻³): the kernel is built once. */
    public WangTeter(SpectralOperators operators, double referenceDensity) {
        this(operators, false, referenceDensity);
    }

    private WangTeter(SpectralOperators operators, boolean followsCellAverage, double referenceDensity) {
        if (!(operators.grid() instanceof Grid3D grid3D)) {
            throw new IllegalArgumentException("Wang-Teter needs a 3D grid, got " + operators.grid());
        }
        if (!followsCellAverage && !(referenceDensity > 0 && Double.isFinite(referenceDensity))) {
            throw new IllegalArgumentException("Wang-Teter reference density must be a positive number of "
                    + "electrons per bohr^3, got " + referenceDensity);
        }
        this.grid = grid3D;
        this.operators = operators;
        this.plan = operators.plan();
        this.parallel = operators.parallel();
        this.followsCellAverage = followsCellAverage;
        int size = grid.size();
        int entries = plan.complexLength() / 2;
        double[] g2 = grid.reciprocal().g2();
        double[] g = new double[g2.length];
        for (int e = 0; e < g.length; e++) {
            g[e] = Math.sqrt(g2[e]);
        }
        this.modulus = followsCellAverage ? g : null;
        this.kernel = new double[entries];
        this.kernelDerivative = followsCellAverage ? new double[entries] : null;
        this.reciprocal = grid.reciprocal();
        this.powerAlpha = new double[size];
        this.convolved = new double[size];
        this.spectrum = new double[plan.complexLength()];
        if (followsCellAverage) {
            this.referenceDensity = Double.NaN;
        } else {
            this.referenceDensity = referenceDensity;
            fillKernel(g, referenceDensity, kernel, null);
        }
    }

    /** Fixed reference density n₀ = electrons/V: DFTpy's choice for every density holding that many electrons. */
    public static WangTeter forElectrons(SpectralOperators operators, double electrons) {
        if (!(operators.grid() instanceof Grid3D grid3D)) {
            throw new IllegalArgumentException("Wang-Teter needs a 3D grid, got " + operators.grid());
        }
        if (!(electrons > 0 && Double.isFinite(electrons))) {
            throw new IllegalArgumentException("number of electrons must be positive, got " + electrons);
        }
        return new WangTeter(operators, electrons / grid3D.cell().volume());
    }

    /** n₀ = the cell average of each density evaluated (kernel rebuilt when it changes); see the class comment. */
    public static WangTeter followingCellAverage(SpectralOperators operators) {
        return new WangTeter(operators, true, Double.NaN);
    }

    /**
     * The Wang–Teter kinetic functional TF + vW + T_NL as DFTpy's {@code KEDF='WT'}: terms
     * {@code thomas_fermi} (spin-unpolarized), {@code von_weizsacker} (λ = 1, spectral Laplacian of √n) and
     * {@code wang_teter} (this class, fixed n₀), all on the operators' grid and sharing its FFT plan.
     */
    public static TotalFunctional total(SpectralOperators operators, double referenceDensity) {
        return new TotalFunctional(List.of(
                new ThomasFermi(operators.grid(), SpinTreatment.UNPOLARIZED, operators.parallel()),
                new VonWeizsacker(Laplacian.spectral(operators), 1.0),
                new WangTeter(operators, referenceDensity)));
    }

    /** True in the cell-average mode. */
    public boolean followsCellAverage() {
        return followsCellAverage;
    }

    /** n₀ of the current kernel (NaN in cell-average mode before the first evaluation). */
    public double referenceDensity() {
        return referenceDensity;
    }

    /** K(G) on the half spectrum (shared array: do not modify); index as {@link RealFft3D}'s half spectrum. */
    public double[] kernel() {
        return kernel;
    }

    @Override
    public String name() {
        return "wang_teter";
    }

    @Override
    public Grid grid() {
        return grid;
    }

    @Override
    public double energyAndPotential(RealField density, RealField potential) {
        requireGrid(density, "density");
        requireGrid(potential, "potential");
        double[] n = density.values();
        int size = n.length;
        if (followsCellAverage) {
            double sum = 0;
            for (double value : n) {
                sum += value;
            }
            double average = sum / size;
            if (!(average > 0)) {
                DensityChecks.requireNonNegative(name(), n);     // a NaN or negative value: say so first
                throw new IllegalArgumentException(name() + ": the cell-average density is " + average
                        + "; a reference density needs a positive one");
            }
            if (average != referenceDensity) {
                fillKernel(modulus, average, kernel, kernelDerivative);
                referenceDensity = average;
            }
        }
        // Whole-range passes, not ParallelRange.sumBlocks: with the loops below in cache blocks, JMH forks at
        // 96³ intermittently ran this term with 32 MB allocated per evaluation and ~1.7× its time (cause not
        // found; never seen with these whole-range loops, nor in TF and vW, which use the blocks).
        DensityChecks.requireNonNegative(name(), n);
        parallel.forEach(size, (from, to, worker) -> {
            for (int j = from; j < to; j++) {
                powerAlpha[j] = Math.max(n[j], DENSITY_FLOOR);
            }
            ArrayMath.cbrt(powerAlpha, convolved, from, to);
            for (int j = from; j < to; j++) {
                powerAlpha[j] = Math.sqrt(powerAlpha[j]) * convolved[j]; // n^{5/6} = √n·∛n
            }
        });
        double derivativeSum = 0;
        if (followsCellAverage && potential != null) {
            // ∂E/∂n₀ = ΔV/N Σ_G ∂K/∂n₀ |FFT(n^α)|² over the full spectrum (Parseval): needs the spectrum itself
            plan.forward(powerAlpha, spectrum);
            int h3 = grid.n3() / 2 + 1;
            for (int e = 0, count = kernel.length; e < count; e++) {
                double re = spectrum[2 * e];
                double im = spectrum[2 * e + 1];
                derivativeSum += reciprocal.hermitianMultiplicity(e % h3) * kernelDerivative[e] * (re * re + im * im);
            }
            operators.multiply(spectrum, kernel);
            plan.inverse(spectrum, convolved);
        } else {
            operators.convolve(powerAlpha, kernel, convolved);
        }
        double[] v = potential == null ? null : potential.values();
        // (1/V)·∂E/∂n₀ with ∂E/∂n₀ = (ΔV/N)·derivativeSum; zero in the fixed mode.
        double shift = derivativeSum * grid.volumeElement() / size / grid.cell().volume();
        double sum = parallel.sum(size, (from, to, worker) -> {
            if (v != null) {
                for (int j = from; j < to; j++) {
                    v[j] += 2 * ALPHA * powerAlpha[j] / Math.max(n[j], DENSITY_FLOOR) * convolved[j] + shift;
                }
            }
            return ArrayMath.dot(powerAlpha, convolved, from, to);
        });
        return sum * grid.volumeElement();
    }

    /** K(G) (and ∂K/∂n₀ when {@code derivative} is not null) for reference density n₀. */
    private static void fillKernel(double[] modulus, double n0, double[] kernel, double[] derivative) {
        double twoKf = 2 * Lindhard.fermiWaveVector(n0);
        for (int e = 0; e < kernel.length; e++) {
            double eta = modulus[e] / twoKf;
            kernel[e] = KERNEL_PREFACTOR * Lindhard.wangTeterResponse(eta);
            if (derivative != null) {
                // dη/dn₀ = −η/(3n₀)
                derivative[e] = -KERNEL_PREFACTOR * Lindhard.wangTeterResponseLogDerivative(eta) / (3 * n0);
            }
        }
    }
}
