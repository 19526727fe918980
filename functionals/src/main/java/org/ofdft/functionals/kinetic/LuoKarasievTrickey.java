package org.ofdft.functionals.kinetic;

import org.ofdft.functionals.DensityChecks;
import org.ofdft.functionals.DensityFunctional;
import org.ofdft.grids.Grid;
import org.ofdft.grids.Grid3D;
import org.ofdft.grids.Laplacian;
import org.ofdft.grids.RealField;
import org.ofdft.grids.SpectralOperators;

/**
 * The LKT kinetic functional of Luo, Karasiev &amp; Trickey, PRB 98, 041111(R) (2018), with a = 1.3:
 *
 * <pre>
 *   T_LKT = ∫ τ_TF(n) [1/cosh(a s) + (5/3) s²] dr,   τ_TF = C_TF n^{5/3},  s = |∇n| / (2(3π²)^{1/3} n^{4/3}),
 * </pre>
 * C_TF = (3/10)(3π²)^{2/3}. The (5/3)s² τ_TF piece is exactly the von Weizsäcker density |∇n|²/(8n), so
 * T_LKT = T_vW + ∫ τ_TF/cosh(a s) (a Pauli term F_θ = 1/cosh(as) ≥ 0 on top of vW). DFTpy builds its
 * {@code 'LKT'} KEDF the same way ({@code dftpy/functional/kedf/lkt.py}: {@code GGA('LKT-VW') + vW}), and
 * this class follows it: the Pauli part as a GGA below, and the vW part, when included, as
 * {@link VonWeizsacker} with λ = 1 on the spectral Laplacian (−½∫√n∇²√n, DFTpy's vW discretization).
 * {@link #pauliOnly} leaves the vW part out, for a total functional that lists {@code von_weizsacker}
 * separately.
 *
 * <p>Pauli part, t(n, σ) = C_TF n^{5/3} F(s), F = sech(as), σ = |∇n|², with spectral ∇n. With
 * g(s) = F'(s)/s = −a² sech(as)·tanh(as)/(as) (→ −a² as s → 0, so no floor on s is needed):
 * <pre>
 *   ∂t/∂n = C_TF n^{2/3} [(5/3) F − (4/3) s² g(s)],   ∂t/∂σ = C_TF g(s) / (2 c² n),  c = 2(3π²)^{1/3},
 *   δT/δn = ∂t/∂n − 2∇·(∂t/∂σ ∇n).
 * </pre>
 * The spectral gradient is anti-self-adjoint on the grid (Nyquist modes dropped), so this is the exact
 * derivative of the discrete energy ΔV Σ t. As n → 0 at fixed ∇n, s ~ n^{−4/3} and sech(as) decays
 * exponentially, so t, ∂t/∂n and ∂t/∂σ all vanish; the only singular operations are the powers and
 * 1/n at n = 0, avoided with a density floor: n is raised to {@value #DENSITY_FLOOR} (DFTpy's tolerance
 * in its GGA KEDFs) in every pointwise formula, while ∇n is that of the unfloored density. Above the floor
 * the potential is the exact derivative; the energy density below it is below C_TF·1e-16^{5/3} ~ 1e-26.
 * Negative or NaN densities are refused. Not thread-safe (scratch buffers; shares its operators' buffers).
 */
public final class LuoKarasievTrickey implements DensityFunctional {

    /** The parameter a of the published functional. */
    public static final double DEFAULT_A = 1.3;
    /** Densities are raised to this value in the pointwise formulas (DFTpy's GGA tolerance). */
    public static final double DENSITY_FLOOR = 1e-16;
    /** C_TF = (3/10)(3π²)^{2/3}. */
    public static final double C_TF = 0.3 * Math.pow(3 * Math.PI * Math.PI, 2.0 / 3.0);
    /** c = 2(3π²)^{1/3}, so that s = |∇n|/(c n^{4/3}) (DFTpy's TKF0). */
    public static final double S_SCALE = 2 * Math.cbrt(3 * Math.PI * Math.PI);

    private final SpectralOperators operators;
    private final double a;
    private final VonWeizsacker vonWeizsacker;
    private final double[][] gradient;
    private final double[] vrho;
    private final double[] divergence;

    /** Full LKT (Pauli part + vW) with a = 1.3. */
    public LuoKarasievTrickey(SpectralOperators operators) {
        this(operators, DEFAULT_A, true);
    }

    /** LKT with parameter {@code a}; the vW part is included when {@code withVonWeizsacker}. */
    public LuoKarasievTrickey(SpectralOperators operators, double a, boolean withVonWeizsacker) {
        if (!(operators.grid() instanceof Grid3D)) {
            throw new IllegalArgumentException("LKT needs a 3D grid, got " + operators.grid());
        }
        if (!(a >= 0) || !Double.isFinite(a)) {
            throw new IllegalArgumentException("LKT parameter a must be a non-negative number, got " + a);
        }
        this.operators = operators;
        this.a = a;
        this.vonWeizsacker = withVonWeizsacker ? new VonWeizsacker(Laplacian.spectral(operators), 1.0) : null;
        int size = operators.grid().size();
        this.gradient = new double[3][size];
        this.vrho = new double[size];
        this.divergence = new double[size];
    }

    /** Only ∫ τ_TF/cosh(as), without the vW part (name {@code lkt_pauli}). */
    public static LuoKarasievTrickey pauliOnly(SpectralOperators operators, double a) {
        return new LuoKarasievTrickey(operators, a, false);
    }

    public double a() {
        return a;
    }

    public boolean includesVonWeizsacker() {
        return vonWeizsacker != null;
    }

    @Override
    public String name() {
        return vonWeizsacker != null ? "luo_karasiev_trickey" : "lkt_pauli";
    }

    @Override
    public Grid grid() {
        return operators.grid();
    }

    @Override
    public double energyAndPotential(RealField density, RealField potential) {
        requireGrid(density, "density");
        requireGrid(potential, "potential");
        double[] n = density.values();
        DensityChecks.requireNonNegative(name(), n);
        int size = n.length;
        operators.gradient(n, gradient);
        double[] gx = gradient[0];
        double[] gy = gradient[1];
        double[] gz = gradient[2];
        double sum = 0;
        double invScale = 1.0 / S_SCALE;
        double sigmaFactor = C_TF / (2 * S_SCALE * S_SCALE);
        for (int j = 0; j < size; j++) {
            double value = Math.max(n[j], DENSITY_FLOOR);
            double n13 = Math.cbrt(value);
            double n23 = n13 * n13;
            double n43 = n23 * n23;
            double gradNorm = Math.sqrt(gx[j] * gx[j] + gy[j] * gy[j] + gz[j] * gz[j]);
            double s = gradNorm * invScale / n43;
            double x = a * s;
            double sech = 1.0 / Math.cosh(x);
            double tanhOverX = x < 1e-8 ? 1.0 : Math.tanh(x) / x;
            double g = -a * a * sech * tanhOverX; // F'(s)/s
            sum += C_TF * n23 * value * sech;
            if (potential != null) {
                vrho[j] = C_TF * n23 * (5.0 / 3.0 * sech - 4.0 / 3.0 * s * s * g);
                // flux component: 2 ∂t/∂σ ∇n, built in place of ∇n
                double flux = 2 * sigmaFactor * g / value;
                gx[j] *= flux;
                gy[j] *= flux;
                gz[j] *= flux;
            }
        }
        double energy = sum * grid().volumeElement();
        if (potential != null) {
            operators.divergence(gradient, divergence);
            double[] v = potential.values();
            for (int j = 0; j < size; j++) {
                v[j] += vrho[j] - divergence[j];
            }
        }
        if (vonWeizsacker != null) {
            energy += vonWeizsacker.energyAndPotential(density, potential);
        }
        return energy;
    }
}
