package org.ofdft.solver.ofdft;

/**
 * Limited-memory BFGS direction (Nocedal, Math. Comp. 35, 773 (1980); Nocedal &amp; Wright, Numerical
 * Optimization, 2nd ed., Algorithm 7.4) in φ space on the sphere ∫φ² = N.
 *
 * <p>The gradient is the constrained one, g = 2φ(v − μ), which already lies in the tangent space at φ. After
 * each accepted step the pair s = φ_new − φ_old, y = g_new − g_old is projected onto the tangent space at
 * φ_new (the simplest vector transport on the sphere; it removes the component of y that comes from the
 * change of μ and of the normal direction) and kept if ⟨s, y⟩ &gt; 0 (a curvature pair violating this is
 * skipped, so the implicit inverse Hessian stays positive definite). The two-loop recursion with the
 * initial matrix H₀ = (⟨s, y⟩/⟨y, y⟩)·I of the newest pair gives d = −H g, which is projected once more
 * onto the tangent space at the current φ. With no stored pair the direction is −g (reported as a bare
 * gradient so that the line search limits the first rotation).
 *
 * <p>The m most recent pairs live in ring buffers allocated once.
 */
final class LbfgsDirection implements SearchDirection {

    private final PhiObjective objective;
    private final int memory;
    private final double[][] s;
    private final double[][] y;
    private final double[] rho;
    private final double[] alpha;
    private int stored;
    private int newest = -1;

    LbfgsDirection(PhiObjective objective, int memory) {
        if (memory < 1) {
            throw new IllegalArgumentException("L-BFGS memory must be at least 1, got " + memory);
        }
        this.objective = objective;
        this.memory = memory;
        int size = objective.grid().size();
        this.s = new double[memory][size];
        this.y = new double[memory][size];
        this.rho = new double[memory];
        this.alpha = new double[memory];
    }

    /** Number of curvature pairs currently stored. */
    int stored() {
        return stored;
    }

    @Override
    public boolean compute(PhiState current, PhiState scratch, double[] direction) {
        double[] g = current.gradient;
        if (stored == 0) {
            for (int j = 0; j < g.length; j++) {
                direction[j] = -g[j];
            }
            return false;
        }
        // q ← g; from newest to oldest: α_i = ρ_i ⟨s_i, q⟩, q ← q − α_i y_i
        double[] q = direction;
        System.arraycopy(g, 0, q, 0, g.length);
        for (int k = 0; k < stored; k++) {
            int i = Math.floorMod(newest - k, memory);
            double a = rho[i] * objective.dot(s[i], q);
            alpha[i] = a;
            double[] yi = y[i];
            for (int j = 0; j < q.length; j++) {
                q[j] -= a * yi[j];
            }
        }
        // r ← γ q, γ = ⟨s, y⟩/⟨y, y⟩ of the newest pair
        double gamma = 1.0 / (rho[newest] * objective.dot(y[newest], y[newest]));
        for (int j = 0; j < q.length; j++) {
            q[j] *= gamma;
        }
        // from oldest to newest: β = ρ_i ⟨y_i, r⟩, r ← r + s_i (α_i − β)
        for (int k = stored - 1; k >= 0; k--) {
            int i = Math.floorMod(newest - k, memory);
            double b = rho[i] * objective.dot(y[i], q);
            double c = alpha[i] - b;
            double[] si = s[i];
            for (int j = 0; j < q.length; j++) {
                q[j] += c * si[j];
            }
        }
        for (int j = 0; j < q.length; j++) {
            q[j] = -q[j];
        }
        objective.projectTangent(direction, current.phi, current.electrons);
        return true;
    }

    @Override
    public void accepted(PhiState previous, PhiState current) {
        int slot = (newest + 1) % memory;
        double[] sk = s[slot];
        double[] yk = y[slot];
        double[] phiNew = current.phi;
        double[] phiOld = previous.phi;
        double[] gNew = current.gradient;
        double[] gOld = previous.gradient;
        for (int j = 0; j < sk.length; j++) {
            sk[j] = phiNew[j] - phiOld[j];
            yk[j] = gNew[j] - gOld[j];
        }
        objective.projectTangent(sk, phiNew, current.electrons);
        objective.projectTangent(yk, phiNew, current.electrons);
        double sy = objective.dot(sk, yk);
        double ss = objective.dot(sk, sk);
        double yy = objective.dot(yk, yk);
        if (!(sy > 1e-12 * Math.sqrt(ss * yy)) || !Double.isFinite(sy)) {
            // No positive curvature along this step: skip the pair. Its slot held the oldest pair when the
            // memory was full, which is thereby forgotten.
            if (stored == memory) {
                stored--;
            }
            return;
        }
        rho[slot] = 1.0 / sy;
        newest = slot;
        stored = Math.min(stored + 1, memory);
    }

    @Override
    public void reset() {
        stored = 0;
        newest = -1;
    }
}
