package org.ofdft.solver.ofdft;

import org.ofdft.grids.simd.ArrayMath;

/**
 * Truncated-Newton direction (Dembo &amp; Steihaug, Math. Prog. 26, 190 (1983); for orbital-free DFT
 * Wang &amp; Carter, in Theoretical Methods in Condensed Phase Chemistry (2000), and DFTpy's {@code TN}):
 * the Newton equation H d = −g is solved approximately by linear conjugate gradients on the tangent
 * space of the sphere ∫φ² = N.
 *
 * <p>H is the Hessian of the Lagrangian L(φ) = E[φ²] − μ(∫φ² − N) at fixed μ (the current chemical
 * potential), restricted to the tangent space: H p ≈ P[G(φ + h p̃) − G(φ)]·‖p‖/h with G(φ) = 2φ(v[φ²] − μ),
 * p̃ = p/‖p‖ and P the projection onto {⟨·, φ⟩ = 0} (forward differences, one energy+potential evaluation
 * per product). On the tangent space this is the Riemannian Hessian of E on the sphere; at the minimum it is
 * positive semidefinite.
 *
 * <p>The displacement h (the norm of the change of φ) is √N·clamp(10⁻⁴·R/(√N·1 Ha), 10⁻¹², s) with R the
 * residual ‖g‖/2 and s = {@code relativeStep} (10⁻⁷ by default): far from the minimum the largest relative
 * step s, near it a step that shrinks with the residual, ~10⁻⁴ of a Newton step for Hessian eigenvalues of
 * order 1 Ha, but not below 10⁻¹² (round-off). The reason is that the functionals see √n = |φ|: where the
 * density has tails (a molecule or a well in a box) φ falls to 10⁻¹⁰ and below, a displacement larger than
 * φ there flips its sign, and E(|φ|) has a kink at φ = 0 that the finite difference then picks up as an O(1)
 * error of those rows of H. With a fixed 10⁻⁷ the truncated-Newton steps stall at residuals of order 10⁻⁶
 * on a 1D harmonic well; with the shrinking step they converge to 10⁻⁹ and beyond. Periodic bulk densities
 * have no such tails and are insensitive to the choice.
 *
 * <p>CG stops when ‖r‖ ≤ {@code forcing}·‖g‖, after {@code maxIterations} products, or on negative
 * curvature ⟨p, Hp⟩ ≤ 0: at the first inner iteration the direction is then −g (reported as a bare gradient),
 * later the iterate reached so far (which is a descent direction: CG iterates from zero always are).
 * Work arrays are allocated once; the finite differences are evaluated in the caller's scratch state.
 */
final class TruncatedNewtonDirection implements SearchDirection {

    /** Smallest relative finite-difference displacement (round-off bound). */
    static final double SMALLEST_RELATIVE_STEP = 1e-12;
    /** Relative displacement per unit residual (per hartree·electron^½ of R, divided by √N). */
    static final double RESIDUAL_FACTOR = 1e-4;

    private final PhiObjective objective;
    private final int maxIterations;
    private final double forcing;
    private final double relativeStep;
    private final double[] residual;
    private final double[] conjugate;
    private final double[] product;
    /** M⁻¹ r of the preconditioned iteration; null (and z = r) without a preconditioner. */
    private final Preconditioner preconditioner;
    private final double[] preconditioned;
    private int lastInnerIterations;

    TruncatedNewtonDirection(PhiObjective objective, int maxIterations, double forcing,
                             double relativeStep) {
        this(objective, maxIterations, forcing, relativeStep, null);
    }

    /** With {@code preconditioner} M⁻¹ (null: plain conjugate gradients). */
    TruncatedNewtonDirection(PhiObjective objective, int maxIterations, double forcing,
                             double relativeStep, Preconditioner preconditioner) {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("truncated Newton needs at least one inner iteration, got "
                    + maxIterations);
        }
        if (!(forcing > 0 && forcing < 1)) {
            throw new IllegalArgumentException("truncated-Newton forcing term must lie in (0, 1), got " + forcing);
        }
        if (!(relativeStep > 0 && relativeStep < 1)) {
            throw new IllegalArgumentException("finite-difference step must lie in (0, 1), got " + relativeStep);
        }
        this.objective = objective;
        this.maxIterations = maxIterations;
        this.forcing = forcing;
        this.relativeStep = relativeStep;
        int size = objective.grid().size();
        this.residual = new double[size];
        this.conjugate = new double[size];
        this.product = new double[size];
        this.preconditioner = preconditioner;
        this.preconditioned = preconditioner == null ? null : new double[size];
    }

    /** Inner CG iterations (= Hessian–vector products) of the last direction. */
    int lastInnerIterations() {
        return lastInnerIterations;
    }

    @Override
    public boolean compute(PhiState current, PhiState scratch, double[] direction) {
        double[] g = current.gradient;
        double[] r = residual;
        double[] p = conjugate;
        double[] x = direction;
        double[] phi = current.phi;
        for (int j = 0; j < g.length; j++) {
            x[j] = 0.0;
            r[j] = -g[j];
        }
        objective.projectTangent(r, phi, current.electrons);
        double volumeElement = objective.volumeElement();
        double rr = objective.dot(r, r);
        double target = forcing * forcing * rr;
        lastInnerIterations = 0;
        if (!(rr > 0)) {
            return true;
        }
        // the first p = z = P M⁻¹ r (without a preconditioner z = r), with ⟨r, z⟩ and ⟨p, p⟩
        double rz = rr;
        double pp = rr;
        if (preconditioner == null) {
            System.arraycopy(r, 0, p, 0, r.length);
        } else {
            java.util.Arrays.fill(p, 0.0);          // β = 0: p's old contents must not matter, not even NaN
            Preconditioned step = precondition(r, phi, current.electrons, 0.0, p);
            rz = step.rz();
            pp = step.pp();
        }
        // Each CG iteration is three fused passes over the grid besides the evaluation (and, preconditioned,
        // M⁻¹ r and one more pass): the product H p with ⟨p, Hp⟩ and the projection coefficient; the updates
        // of x and r with ⟨r, r⟩ (projecting Hp on the fly); the new p with ⟨p, p⟩ for the next
        // finite-difference step.
        for (int k = 0; k < maxIterations; k++) {
            HessianProduct hessian = hessianTimes(current, scratch, p, pp, product);
            lastInnerIterations++;
            double pAp = hessian.curvature();
            double projection = hessian.projection();
            if (!(pAp > 0) || !Double.isFinite(pAp)) {
                if (k == 0) {
                    System.arraycopy(r, 0, x, 0, r.length);
                    return false;
                }
                break;
            }
            double a = rz / pAp;
            double[] hp = product;
            double rrNew = objective.sums(1, (from, to, sums) -> {
                double s0 = 0;
                double s1 = 0;
                int j = from;
                for (; j + 1 < to; j += 2) {
                    x[j] += a * p[j];
                    x[j + 1] += a * p[j + 1];
                    double r0 = r[j] - a * (hp[j] - projection * phi[j]);
                    double r1 = r[j + 1] - a * (hp[j + 1] - projection * phi[j + 1]);
                    r[j] = r0;
                    r[j + 1] = r1;
                    s0 += r0 * r0;
                    s1 += r1 * r1;
                }
                for (; j < to; j++) {
                    x[j] += a * p[j];
                    double r0 = r[j] - a * (hp[j] - projection * phi[j]);
                    r[j] = r0;
                    s0 += r0 * r0;
                }
                sums[0] += s0 + s1;
            })[0] * volumeElement;
            if (rrNew <= target) {
                break;
            }
            if (preconditioner == null) {
                double beta = rrNew / rz;
                rz = rrNew;
                pp = nextConjugate(r, 0.0, phi, beta, p);
            } else {
                Preconditioned step = precondition(r, phi, current.electrons, rz, p);
                rz = step.rz();
                pp = step.pp();
            }
        }
        objective.projectTangent(x, phi, current.electrons);
        return true;
    }

    /** ⟨r, z⟩ and the new ⟨p, p⟩ of a preconditioned step. */
    private record Preconditioned(double rz, double pp) {
    }

    /**
     * Preconditioned step: z = M⁻¹ r, its tangent projection z − cφ with c = ⟨z, φ⟩/N, and
     * p ← (z − cφ) + β p with β = ⟨r, z⟩/{@code previousRz} (β = 0 when {@code previousRz} is 0: the first
     * p). ⟨r, z⟩ = ⟨r, P z⟩ since r is tangent.
     */
    private Preconditioned precondition(double[] r, double[] phi, double electrons, double previousRz, double[] p) {
        double[] z = preconditioned;
        preconditioner.apply(r, z);
        double[] sums = objective.sums(2, (from, to, partial) -> {
            partial[0] += ArrayMath.dot(z, phi, from, to);
            partial[1] += ArrayMath.dot(r, z, from, to);
        });
        double volumeElement = objective.volumeElement();
        double c = sums[0] * volumeElement / electrons;
        double rz = sums[1] * volumeElement;
        double beta = previousRz > 0 ? rz / previousRz : 0.0;
        return new Preconditioned(rz, nextConjugate(z, c, phi, beta, p));
    }

    /** p ← (z − cφ) + β p; returns ⟨p, p⟩. */
    private double nextConjugate(double[] z, double c, double[] phi, double beta, double[] p) {
        return objective.sums(1, (from, to, sums) -> {
            double s0 = 0;
            double s1 = 0;
            int j = from;
            for (; j + 1 < to; j += 2) {
                double p0 = z[j] - c * phi[j] + beta * p[j];
                double p1 = z[j + 1] - c * phi[j + 1] + beta * p[j + 1];
                p[j] = p0;
                p[j + 1] = p1;
                s0 += p0 * p0;
                s1 += p1 * p1;
            }
            for (; j < to; j++) {
                double p0 = z[j] - c * phi[j] + beta * p[j];
                p[j] = p0;
                s0 += p0 * p0;
            }
            sums[0] += s0 + s1;
        })[0] * objective.volumeElement();
    }

    /** The coefficient c of the tangent projection P H p = H p − c φ, and the curvature ⟨p, P H p⟩. */
    private record HessianProduct(double projection, double curvature) {
    }

    /**
     * The finite-difference Lagrangian Hessian at fixed μ times p, H p = (G(φ + h p) − g)/h, into {@code out},
     * unprojected, with its projection coefficient and curvature. {@code pp} = ⟨p, p⟩.
     */
    private HessianProduct hessianTimes(PhiState current, PhiState scratch, double[] p, double pp, double[] out) {
        double pNorm = Math.sqrt(pp);
        double sqrtN = Math.sqrt(current.electrons);
        double relative = Math.max(SMALLEST_RELATIVE_STEP,
                Math.min(relativeStep, RESIDUAL_FACTOR * current.residual / sqrtN));
        double h = relative * sqrtN / pNorm;
        double[] phi = current.phi;
        objective.evaluateShifted(scratch, phi, h, p);
        double[] shifted = scratch.phi;
        double[] v = scratch.potential;
        double[] g = current.gradient;
        double mu = current.chemicalPotential;
        double inverse = 1.0 / h;
        // H p and, in the same pass, ⟨Hp, φ⟩, ⟨p, Hp⟩ and ⟨p, φ⟩ (zero up to rounding: p is tangent)
        double[] products = objective.sums(3, (from, to, sums) -> {
            double outPhi = 0;
            double pOut = 0;
            double pPhi = 0;
            for (int j = from; j < to; j++) {
                double value = (2 * (v[j] - mu) * shifted[j] - g[j]) * inverse;
                out[j] = value;
                outPhi += value * phi[j];
                pOut += p[j] * value;
                pPhi += p[j] * phi[j];
            }
            sums[0] += outPhi;
            sums[1] += pOut;
            sums[2] += pPhi;
        });
        double outPhi = products[0];
        double pOut = products[1];
        double pPhi = products[2];
        double volumeElement = objective.volumeElement();
        double projection = outPhi * volumeElement / current.electrons;
        return new HessianProduct(projection, (pOut - projection * pPhi) * volumeElement);
    }

    @Override
    public void accepted(PhiState previous, PhiState current) {
        // no memory
    }

    @Override
    public void reset() {
        // no memory
    }
}
