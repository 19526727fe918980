package org.ofdft.solver.ofdft;

/**
 * A rule for the search direction of the minimization in φ space. Directions live in the tangent space
 * {p : ⟨p, φ⟩ = 0} of the constraint ∫φ² = N at the current φ; the caller checks that they descend.
 */
interface SearchDirection {

    /**
     * Writes a search direction at {@code current} into {@code direction}. {@code scratch} is a state whose
     * contents may be overwritten (for trial evaluations).
     *
     * @return true if the direction carries a step length of its own (a quasi-Newton or Newton step, so that
     *     the line search starts from the full step), false if it is a bare gradient of arbitrary scale
     */
    boolean compute(PhiState current, PhiState scratch, double[] direction);

    /** Told after every accepted step: {@code previous} is the state left, {@code current} the state reached. */
    void accepted(PhiState previous, PhiState current);

    /** Forgets accumulated curvature information (after a failed or uphill step). */
    void reset();
}
