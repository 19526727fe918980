package org.ofdft.functionals.external;

/**
 * A local pseudopotential given by its form factor on a uniform q grid, v_k = v(k·Δq), k = 0 … m−1, as in
 * CASTEP's {@code .recpot} files and the bulk-derived local pseudopotentials (BLPS) of the Carter group
 * (Huang &amp; Carter, Phys. Chem. Chem. Phys. 10, 7109 (2008)). The entry v₀ is not v(0), which diverges,
 * but the finite G = 0 term α = lim [v(q) + 4πZ/q²]; the entries k ≥ 1 contain the −4πZ/q² tail.
 *
 * <p>Interpolation reproduces DFTpy ({@code dftpy/functional/pseudo/__init__.py}, {@code ReadPseudo} and
 * {@code LocalPseudo.calc_vlines}, commit 8a6f0d148f12) exactly:
 * <ul>
 *   <li>q = 0: v₀ (= α);</li>
 *   <li>0 &lt; q &lt; Δq: DFTpy's quartic through the symmetric points (v₂, v₁, v₀, v₁, v₂) at
 *       x = q/Δq, v₀ + x²(t₂ + x² t₄)/24 with t₂ = −2v₂ + 32v₁ − 30v₀, t₄ = 2v₂ − 8v₁ + 6v₀. Since v₁
 *       carries −4πZ/Δq² this is not a faithful v(q) there, but no crystal smaller than 2π/Δq (3000 bohr
 *       for Δq = 0.002 bohr⁻¹) has such a G;</li>
 *   <li>Δq ≤ q &lt; q_{m−1}: the not-a-knot cubic spline through (q_k, v_k), k = 1 … m−1 (SciPy
 *       {@code splrep(k=3, s=0)}), see {@link UniformCubicSpline};</li>
 *   <li>q ≥ q_{m−1}: 0.</li>
 * </ul>
 * Immutable.
 */
public final class TabulatedFormFactor implements LocalPseudopotential {

    private final String source;
    private final double valenceCharge;
    private final double spacing;
    private final double[] values;
    private final UniformCubicSpline spline;

    /**
     * @param source        name for messages (the file)
     * @param valenceCharge Z
     * @param spacing       Δq (bohr⁻¹)
     * @param values        v_k = v(kΔq) in hartree·bohr³, v₀ = α; at least 5 values (copied)
     */
    public TabulatedFormFactor(String source, double valenceCharge, double spacing, double[] values) {
        if (!(spacing > 0) || !Double.isFinite(spacing)) {
            throw new IllegalArgumentException(source + ": q spacing must be positive, got " + spacing);
        }
        if (values.length < 5) {
            throw new IllegalArgumentException(source + ": a tabulated form factor needs at least 5 values, got "
                    + values.length);
        }
        if (!(valenceCharge > 0) || !Double.isFinite(valenceCharge)) {
            throw new IllegalArgumentException(source + ": valence charge must be positive, got " + valenceCharge);
        }
        this.source = source;
        this.valenceCharge = valenceCharge;
        this.spacing = spacing;
        this.values = values.clone();
        double[] tail = new double[values.length - 1];
        System.arraycopy(values, 1, tail, 0, tail.length);
        this.spline = new UniformCubicSpline(spacing, spacing, tail);
    }

    /**
     * DFTpy's estimate of Z from the first two entries (recpot.py): v₁ ≈ α − 4πZ/Δq², so
     * Z ≈ (v₀ − v₁)Δq²/4π; DFTpy rounds it to the nearest integer.
     */
    public static double estimateValenceCharge(double spacing, double[] values) {
        return (values[0] - values[1]) * spacing * spacing / (4 * Math.PI);
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public double valenceCharge() {
        return valenceCharge;
    }

    /** Δq (bohr⁻¹). */
    public double spacing() {
        return spacing;
    }

    /** Number of tabulated values m (q = 0 included). */
    public int size() {
        return values.length;
    }

    /** The last tabulated q, (m−1)Δq; v = 0 from there on. */
    public double maxWaveNumber() {
        return (values.length - 1) * spacing;
    }

    /** The tabulated v_k (hartree·bohr³), a copy. */
    public double[] values() {
        return values.clone();
    }

    @Override
    public double formFactor(double q) {
        LocalPseudopotential.requireWaveNumber(q);
        if (q == 0) {
            return values[0];
        }
        if (q < spacing) {
            // DFTpy math_utils.quartic_interpolation with f = [v2, v1, v0, v1, v2]: odd terms vanish.
            double x = q / spacing;
            double t2 = -2 * values[2] + 32 * values[1] - 30 * values[0];
            double t4 = 2 * values[2] - 8 * values[1] + 6 * values[0];
            return values[0] + x * x * (t2 + x * x * t4) / 24;
        }
        if (q >= maxWaveNumber()) {
            return 0.0;
        }
        return spline.value(q);
    }

    @Override
    public String toString() {
        return "TabulatedFormFactor[" + source + ", Z = " + valenceCharge + ", " + values.length + " points, dq = "
                + spacing + " bohr^-1]";
    }
}
