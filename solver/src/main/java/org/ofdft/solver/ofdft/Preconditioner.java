package org.ofdft.solver.ofdft;

/**
 * An approximate inverse M⁻¹ of the Hessian of the orbital-free energy in φ = √n, for the inner conjugate
 * gradients of the truncated-Newton direction. M⁻¹ must be symmetric and positive definite on the tangent
 * space of the constraint ∫φ² = N (the caller projects its output onto that space).
 */
@FunctionalInterface
public interface Preconditioner {

    /** out ← M⁻¹ vector ({@code out} is a different array of the grid's size). */
    void apply(double[] vector, double[] out);
}
