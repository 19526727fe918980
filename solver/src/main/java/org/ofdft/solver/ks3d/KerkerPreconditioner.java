package org.ofdft.solver.ks3d;

import org.ofdft.grids.ReciprocalGrid;
import org.ofdft.grids.SpectralOperators;
import org.ofdft.solver.mixing.ResidualPreconditioner;

/**
 * Kerker's preconditioner for density mixing (G. P. Kerker, Phys. Rev. B 23, 3082 (1981); Kresse and
 * Furthmüller, Phys. Rev. B 54, 11169 (1996), eq. 82): the step along the residual R is
 * <pre>
 *   (G R)(q) = α q²/(q² + q₀²) R(q),
 * </pre>
 * which damps the long-wavelength components (whose Hartree response makes metals slosh charge) and
 * leaves the short ones at α; q = 0 is dropped (the residual of a neutral cell has no average). One real
 * FFT pair per application; scratch held here, so one mixer at a time.
 */
final class KerkerPreconditioner implements ResidualPreconditioner {

    private final SpectralOperators operators;
    private final double[] filter;
    private final double[] spectrum;

    /**
     * @param alpha       α, the step at large q (0 &lt; α)
     * @param wavenumber  q₀ (bohr⁻¹); 0 gives the plain step α (with q = 0 dropped)
     */
    KerkerPreconditioner(SpectralOperators operators, double alpha, double wavenumber) {
        if (!(alpha > 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("mixing parameter must be positive and finite, got " + alpha);
        }
        if (!(wavenumber >= 0) || !Double.isFinite(wavenumber)) {
            throw new IllegalArgumentException("Kerker wave number must be non-negative and finite (bohr^-1), got "
                    + wavenumber);
        }
        this.operators = operators;
        ReciprocalGrid reciprocal = operators.reciprocal();
        double[] g2 = reciprocal.g2();
        this.filter = new double[g2.length];
        double q02 = wavenumber * wavenumber;
        for (int e = 0; e < g2.length; e++) {
            filter[e] = g2[e] == 0 ? 0 : alpha * g2[e] / (g2[e] + q02);
        }
        this.spectrum = new double[2 * g2.length];
    }

    @Override
    public void apply(double[] residual, double[] out) {
        operators.plan().convolve(residual, filter, 1.0, out, spectrum);
    }
}
