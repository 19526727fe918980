package org.ofdft.functionals.external;

/**
 * A local pseudopotential given in real space, V(r) on a radial mesh r_i with integration weights
 * rab_i = dr/di (the UPF convention), and its form factor by the radial Fourier transform with the
 * Coulomb tail handled analytically (Quantum ESPRESSO, {@code upflib/vloc_mod.f90} / {@code vloc_of_g}):
 * <pre>
 *   v(q) = 4π ∫ r² [V(r) + Z erf(r)/r] j₀(qr) dr − 4πZ e^{−q²/4}/q²        (q &gt; 0),
 *   α    = v(0) := 4π ∫ r² [V(r) + Z/r] dr = lim_{q→0} [v(q) + 4πZ/q²].
 * </pre>
 * The bracket V + Z erf(r)/r = V + Z/r − Z erfc(r)/r decays like a Gaussian beyond the core, so the
 * integral converges on the mesh; −Z erf(r)/r has the transform −4πZ e^{−q²/4}/q². Radial integrals use
 * Simpson's rule in the mesh index, ∫ f dr = Σ_i w_i f(r_i) rab_i with w = (1, 4, 2, 4, …, 4, 1)/3 (QE's
 * {@code simpson}; for an even number of points the last three intervals take Simpson's 3/8 rule).
 *
 * <p>Evaluation: the smooth part v_short(q) = 4π ∫ r² [V + Z erf(r)/r] j₀(qr) dr is tabulated once on
 * q_k = kΔq up to {@link #TABLE_MAX_WAVE_NUMBER} with Δq = {@link #TABLE_SPACING} and interpolated by a
 * not-a-knot cubic spline (relative interpolation error below 1e-9 for potentials whose core is a few
 * bohr; checked in the tests); beyond the table the integral is done directly. Immutable.
 */
public final class RadialLocalPseudopotential implements LocalPseudopotential {

    /** Δq of the table of v_short (bohr⁻¹). */
    public static final double TABLE_SPACING = 0.005;
    /** Last q of the table (bohr⁻¹): ½q² = 450 Ha, beyond any density cutoff in use. */
    public static final double TABLE_MAX_WAVE_NUMBER = 30.0;

    private final String source;
    private final double valenceCharge;
    private final double[] radii;
    private final double[] weights;       // Simpson weight × rab
    private final double[] shortRange;    // r² [V(r) + Z erf(r)/r]
    private final double[] potential;
    private final double nonCoulombIntegral;
    private final UniformCubicSpline shortRangeTable;

    /**
     * @param source        name for messages (the file)
     * @param valenceCharge Z
     * @param radii         r_i (bohr), increasing, r_0 ≥ 0
     * @param rab           dr/di at each point (bohr)
     * @param potential     V(r_i) in hartree
     */
    public RadialLocalPseudopotential(String source, double valenceCharge, double[] radii, double[] rab,
                                      double[] potential) {
        int n = radii.length;
        if (rab.length != n || potential.length != n) {
            throw new IllegalArgumentException(source + ": radial mesh has " + n + " points, rab " + rab.length
                    + ", potential " + potential.length);
        }
        if (n < 4) {
            throw new IllegalArgumentException(source + ": radial mesh needs at least 4 points, got " + n);
        }
        if (!(valenceCharge > 0) || !Double.isFinite(valenceCharge)) {
            throw new IllegalArgumentException(source + ": valence charge must be positive, got " + valenceCharge);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(radii[i]) || !Double.isFinite(rab[i]) || !Double.isFinite(potential[i])) {
                throw new IllegalArgumentException(source + ": radial data not finite at point " + i);
            }
            if (radii[i] < 0 || (i > 0 && radii[i] <= radii[i - 1])) {
                throw new IllegalArgumentException(source + ": radial mesh must be non-negative and increasing (point "
                        + i + ": r = " + radii[i] + ")");
            }
        }
        this.source = source;
        this.valenceCharge = valenceCharge;
        this.radii = radii.clone();
        this.potential = potential.clone();
        this.weights = simpsonWeights(rab);
        this.shortRange = new double[n];
        double alpha = 0;
        for (int i = 0; i < n; i++) {
            double r = radii[i];
            shortRange[i] = r * r * potential[i] + valenceCharge * r * ErrorFunction.erf(r);
            alpha += weights[i] * (r * r * potential[i] + valenceCharge * r);
        }
        this.nonCoulombIntegral = 4 * Math.PI * alpha;
        int points = (int) Math.round(TABLE_MAX_WAVE_NUMBER / TABLE_SPACING) + 1;
        double[] table = new double[points];
        for (int k = 0; k < points; k++) {
            table[k] = shortRangeTransform(k * TABLE_SPACING);
        }
        this.shortRangeTable = new UniformCubicSpline(0.0, TABLE_SPACING, table);
    }

    /** Simpson weights in the mesh index times rab (QE's simpson; 3/8 rule at the end for even n). */
    static double[] simpsonWeights(double[] rab) {
        int n = rab.length;
        double[] w = new double[n];
        int simpsonPoints = n % 2 == 1 ? n : n - 3;
        if (simpsonPoints >= 3) {
            for (int i = 0; i < simpsonPoints; i++) {
                double c = (i == 0 || i == simpsonPoints - 1) ? 1 : (i % 2 == 1 ? 4 : 2);
                w[i] += c / 3;
            }
        }
        if (simpsonPoints != n) {
            // Simpson's 3/8 rule over the last three intervals: (3/8)(1, 3, 3, 1).
            int start = n - 4;
            w[start] += 3.0 / 8;
            w[start + 1] += 9.0 / 8;
            w[start + 2] += 9.0 / 8;
            w[start + 3] += 3.0 / 8;
        }
        for (int i = 0; i < n; i++) {
            w[i] *= rab[i];
        }
        return w;
    }

    /** v_short(q) = 4π ∫ r² [V(r) + Z erf(r)/r] j₀(qr) dr by Simpson's rule on the mesh. */
    private double shortRangeTransform(double q) {
        double sum = 0;
        for (int i = 0; i < radii.length; i++) {
            double x = q * radii[i];
            double j0 = x < 1e-6 ? 1 - x * x / 6 : Math.sin(x) / x;
            sum += weights[i] * shortRange[i] * j0;
        }
        return 4 * Math.PI * sum;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public double valenceCharge() {
        return valenceCharge;
    }

    @Override
    public double nonCoulombIntegral() {
        return nonCoulombIntegral;
    }

    @Override
    public double formFactor(double q) {
        LocalPseudopotential.requireWaveNumber(q);
        if (q == 0) {
            return nonCoulombIntegral;
        }
        double smooth = q <= TABLE_MAX_WAVE_NUMBER ? shortRangeTable.value(q) : shortRangeTransform(q);
        return smooth - 4 * Math.PI * valenceCharge * Math.exp(-q * q / 4) / (q * q);
    }

    /** v(q) by the radial integral itself, without the table (for checks; O(mesh) per call). */
    public double formFactorByQuadrature(double q) {
        LocalPseudopotential.requireWaveNumber(q);
        if (q == 0) {
            return nonCoulombIntegral;
        }
        return shortRangeTransform(q) - 4 * Math.PI * valenceCharge * Math.exp(-q * q / 4) / (q * q);
    }

    /** r_i (bohr), a copy. */
    public double[] radii() {
        return radii.clone();
    }

    /** V(r_i) (hartree), a copy. */
    public double[] potential() {
        return potential.clone();
    }

    @Override
    public String toString() {
        return "RadialLocalPseudopotential[" + source + ", Z = " + valenceCharge + ", " + radii.length
                + " mesh points to r = " + radii[radii.length - 1] + " bohr]";
    }
}
