package org.ofdft.solver.mixing;

/**
 * The step G·R a mixer takes along a residual R = n_out − n_in (Kresse and Furthmüller's preconditioning
 * matrix G, Phys. Rev. B 54, 11169 (1996) §V): the simplest is G = α (a damped step); in 3D a Kerker
 * filter G(q) = α q²/(q² + q₀²) suppresses long-wavelength charge sloshing, and can be supplied by the
 * 3D solvers through this interface.
 */
@FunctionalInterface
public interface ResidualPreconditioner {

    /** out ← G·residual ({@code out} may be {@code residual}). */
    void apply(double[] residual, double[] out);

    /** G = α. */
    static ResidualPreconditioner scaled(double alpha) {
        if (!(alpha > 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("mixing parameter must be positive and finite, got " + alpha);
        }
        return (residual, out) -> {
            for (int j = 0; j < residual.length; j++) {
                out[j] = alpha * residual[j];
            }
        };
    }
}
