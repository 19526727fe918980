package org.ofdft.solver.ofdft;

import org.ofdft.functionals.SpinTreatment;
import org.ofdft.functionals.kinetic.ThomasFermi;
import org.ofdft.grids.Grid3D;
import org.ofdft.grids.SpectralOperators;

/**
 * The inverse Hessian of the orbital-free energy of a uniform electron gas (jellium) in φ = √n, applied by
 * FFT: M(G) = |G|² + a + b/|G|², M⁻¹(0) = 0. At a uniform φ₀ = √n̄, the Hessian of the Lagrangian
 * E[φ²] − μ∫φ² at fixed μ is diagonal in plane waves with
 * <ul>
 *   <li>|G|² from von Weizsäcker (2φ₀ δv_vW = −∇²δφ),</li>
 *   <li>a = (40/9) C_TF n̄^{2/3} from Thomas–Fermi (C_TF = (3/10)(3π²)^{2/3}; δv_TF = (10/9) C_TF n^{-1/3} δn,
 *       δn = 2φ₀ δφ),</li>
 *   <li>b/|G|² = 16π n̄/|G|² from Hartree (2φ₀ · 4π/|G|² · 2φ₀).</li>
 * </ul>
 * The vW term dominates at large |G| and Hartree at small |G|: the two ends of the spectrum of the real
 * Hessian that make unpreconditioned conjugate gradients slow on fine grids and large cells. Nonlocal kinetic
 * (Wang–Teter) and exchange–correlation terms change the middle of the spectrum only moderately and are left
 * out. The same idea as the kinetic/Kerker preconditioners of Kohn–Sham codes (Teter, Payne, Allan, PRB 40,
 * 12255 (1989); Kerker, PRB 23, 3082 (1981)), here for the orbital-free φ.
 */
public final class JelliumPreconditioner implements Preconditioner {

    private final SpectralOperators operators;
    private final double[] inverse;

    /**
     * M⁻¹(G) = 1/(|G|² + a + b/|G|²) on the half spectrum of {@code operators}' grid, with M⁻¹(0) = 0.
     */
    public JelliumPreconditioner(SpectralOperators operators, double a, double b) {
        if (!(a >= 0 && b >= 0 && Double.isFinite(a) && Double.isFinite(b))) {
            throw new IllegalArgumentException("preconditioner constants must be finite and non-negative, got a = "
                    + a + ", b = " + b);
        }
        this.operators = operators;
        double[] g2 = operators.reciprocal().g2();
        this.inverse = new double[g2.length];
        for (int e = 0; e < g2.length; e++) {
            inverse[e] = g2[e] > 0 ? 1.0 / (g2[e] + a + b / g2[e]) : 0.0;
        }
    }

    /** TF + vW + Hartree jellium of the cell's mean density N/V (3D, Coulomb interaction, spin-unpolarized). */
    public static JelliumPreconditioner coulomb3D(SpectralOperators operators, double electrons) {
        if (!(operators.grid() instanceof Grid3D grid)) {
            throw new IllegalArgumentException("the Coulomb jellium preconditioner needs a 3D grid, got "
                    + operators.grid());
        }
        if (!(electrons > 0 && Double.isFinite(electrons))) {
            throw new IllegalArgumentException("number of electrons must be positive, got " + electrons);
        }
        double meanDensity = electrons / grid.cell().volume();
        double thomasFermi = ThomasFermi.coefficient(3, SpinTreatment.UNPOLARIZED);
        return new JelliumPreconditioner(operators,
                40.0 / 9.0 * thomasFermi * Math.pow(meanDensity, 2.0 / 3.0), 16 * Math.PI * meanDensity);
    }

    @Override
    public void apply(double[] vector, double[] out) {
        operators.convolve(vector, inverse, out);
    }
}
