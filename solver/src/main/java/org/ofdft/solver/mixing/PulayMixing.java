package org.ofdft.solver.mixing;

/**
 * Pulay (DIIS) / Anderson mixing of densities on the residual R = n_out − n_in, in the difference form of
 * Kresse and Furthmüller.
 *
 * <p>From the last m+1 iterations keep the differences of successive inputs and residuals,
 * <pre>
 *   Δn_i = (n_in^{i+1} − n_in^{i}) / |ΔR_i|,   ΔR_i = (R^{i+1} − R^{i}) / |ΔR_i|
 * </pre>
 * (normalized, so the Gram matrix has unit diagonal). Assuming R linear in n_in near the fixed point, the
 * input n_opt = n_in − Σ_i γ_i Δn_i has the residual R_opt = R − Σ_i γ_i ΔR_i, whose norm
 * ⟨R_opt|R_opt⟩ (⟨a|b⟩ = w Σ a_j b_j) is least for
 * <pre>
 *   Σ_j ⟨ΔR_i|ΔR_j⟩ γ_j = ⟨ΔR_i|R⟩,
 * </pre>
 * and the next input is n_opt plus a preconditioned step along R_opt:
 * <pre>
 *   n_in ← n_in − Σ_i γ_i Δn_i + G (R − Σ_i γ_i ΔR_i),     G = α by default.
 * </pre>
 * This equals Pulay's DIIS (minimize |Σ c_i R_i| with Σ c_i = 1 over the stored iterates) and Anderson's
 * method. P. Pulay, Chem. Phys. Lett. 73, 393 (1980); D. G. Anderson, J. ACM 12, 547 (1965); G. Kresse and
 * J. Furthmüller, Phys. Rev. B 54, 11169 (1996), §V.A, and Comput. Mater. Sci. 6, 15 (1996); for linear
 * problems it is equivalent to GMRES (Walker and Ni, SIAM J. Numer. Anal. 49, 1715 (2011)).
 *
 * <p>The small system gets a relative Tikhonov shift of 1e-12 on the diagonal; if it is still singular
 * (history vectors linearly dependent to round-off) the oldest pairs are dropped until it is not.
 * Arrays are allocated on the first call (for the length then seen) and reused; the length must not
 * change until {@link #reset()}.
 */
public final class PulayMixing implements DensityMixer {

    private static final double REGULARIZATION = 1e-12;

    private final int history;
    private final double weight;
    private final ResidualPreconditioner preconditioner;

    private int length = -1;
    private double[] previousInput;
    private double[] previousResidual;
    private double[] residual;
    private double[] optimal;
    private double[][] inputDifferences;
    private double[][] residualDifferences;
    private boolean hasPrevious;
    /** Number of stored pairs and the slot the next pair goes to (a ring buffer). */
    private int stored;
    private int head;
    private final double[][] gram;
    private final double[][] system;
    private final double[] rhs;
    private final double[] gamma;
    private final int[] slots;

    /**
     * @param history  m, the number of stored (Δn, ΔR) pairs (≥ 1; 5–10 is usual)
     * @param alpha    the step G = α along the optimal residual (0 &lt; α; 0.1–0.7 is usual)
     * @param weight   the grid weight w of the inner products (h in 1D, dV in 3D)
     */
    public PulayMixing(int history, double alpha, double weight) {
        this(history, ResidualPreconditioner.scaled(alpha), weight);
    }

    public PulayMixing(int history, ResidualPreconditioner preconditioner, double weight) {
        if (history < 1) {
            throw new IllegalArgumentException("Pulay mixing needs a history of at least 1, got " + history);
        }
        if (!(weight > 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("grid weight must be positive and finite, got " + weight);
        }
        this.history = history;
        this.weight = weight;
        this.preconditioner = preconditioner;
        this.gram = new double[history][history];
        this.system = new double[history][history];
        this.rhs = new double[history];
        this.gamma = new double[history];
        this.slots = new int[history];
    }

    @Override
    public String name() {
        return "pulay";
    }

    public int history() {
        return history;
    }

    /** Number of (Δn, ΔR) pairs currently stored. */
    public int stored() {
        return stored;
    }

    @Override
    public void reset() {
        hasPrevious = false;
        stored = 0;
        head = 0;
    }

    private void allocate(int n) {
        length = n;
        previousInput = new double[n];
        previousResidual = new double[n];
        residual = new double[n];
        optimal = new double[n];
        inputDifferences = new double[history][n];
        residualDifferences = new double[history][n];
        reset();
    }

    @Override
    public void mix(double[] input, double[] output, double[] next) {
        int n = input.length;
        if (output.length != n || next.length != n) {
            throw new IllegalArgumentException("densities of different lengths: " + n + ", " + output.length + ", "
                    + next.length);
        }
        if (n != length) {
            if (length >= 0 && (hasPrevious || stored > 0)) {
                throw new IllegalArgumentException("density length changed from " + length + " to " + n
                        + " without reset()");
            }
            allocate(n);
        }
        for (int j = 0; j < n; j++) {
            residual[j] = output[j] - input[j];
        }
        if (hasPrevious) {
            storePair(input);
        }
        System.arraycopy(input, 0, previousInput, 0, n);
        System.arraycopy(residual, 0, previousResidual, 0, n);
        hasPrevious = true;

        int used = solveCoefficients();
        // optimal ← R − Σ γ_i ΔR_i, next ← n_in − Σ γ_i Δn_i + G·optimal
        System.arraycopy(residual, 0, optimal, 0, n);
        System.arraycopy(input, 0, next, 0, n);
        for (int s = 0; s < used; s++) {
            double g = gamma[s];
            double[] dr = residualDifferences[slots[s]];
            double[] dn = inputDifferences[slots[s]];
            for (int j = 0; j < n; j++) {
                optimal[j] -= g * dr[j];
                next[j] -= g * dn[j];
            }
        }
        preconditioner.apply(optimal, optimal);
        for (int j = 0; j < n; j++) {
            next[j] += optimal[j];
        }
    }

    /** Adds (Δn, ΔR) from the previous iteration to the current one, normalized by |ΔR|. */
    private void storePair(double[] input) {
        int n = length;
        double norm2 = 0;
        for (int j = 0; j < n; j++) {
            double d = residual[j] - previousResidual[j];
            norm2 += d * d;
        }
        norm2 *= weight;
        if (!(norm2 > 0) || !Double.isFinite(norm2)) {
            return; // no new information (or garbage): keep the history as it is
        }
        double scale = 1.0 / Math.sqrt(norm2);
        double[] dr = residualDifferences[head];
        double[] dn = inputDifferences[head];
        for (int j = 0; j < n; j++) {
            dr[j] = (residual[j] - previousResidual[j]) * scale;
            dn[j] = (input[j] - previousInput[j]) * scale;
        }
        int slot = head;
        head = (head + 1) % history;
        stored = Math.min(stored + 1, history);
        // Gram matrix row/column of the new slot against every stored slot (itself included).
        for (int s = 0; s < stored; s++) {
            int other = (slot - s + history) % history;
            double[] o = residualDifferences[other];
            double dot = 0;
            for (int j = 0; j < n; j++) {
                dot += dr[j] * o[j];
            }
            dot *= weight;
            gram[slot][other] = dot;
            gram[other][slot] = dot;
        }
    }

    /**
     * γ from the normal equations over the newest {@code used} pairs, dropping the oldest while the system
     * is singular; returns how many pairs are used (slots[0..used) hold their ring positions).
     */
    private int solveCoefficients() {
        for (int used = stored; used > 0; used--) {
            for (int s = 0; s < used; s++) {
                slots[s] = (head - 1 - s + 2 * history) % history;
            }
            for (int a = 0; a < used; a++) {
                double[] r = residualDifferences[slots[a]];
                double dot = 0;
                for (int j = 0; j < length; j++) {
                    dot += r[j] * residual[j];
                }
                rhs[a] = dot * weight;
                for (int b = 0; b < used; b++) {
                    system[a][b] = gram[slots[a]][slots[b]];
                }
                system[a][a] *= 1.0 + REGULARIZATION;
            }
            if (SmallLinearSystem.solveInPlace(system, rhs, used, gamma)) {
                return used;
            }
        }
        return 0;
    }
}
