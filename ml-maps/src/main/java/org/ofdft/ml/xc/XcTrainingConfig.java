package org.ofdft.ml.xc;

/**
 * Hyper-parameters of {@link XcTrainer}: full-batch L-BFGS (memory 10, backtracking Armijo line search; as
 * JAX-DFT's training with SciPy's L-BFGS-B, Li et al. PRL 126, 036401 (2021)) or full-batch Adam (D. P. Kingma and J. Ba, ICLR 2015; β₁ = 0.9,
 * β₂ = 0.999, ε = 1e-8) with the learning rate decaying geometrically from {@code learningRate} to
 * {@code finalLearningRate} over {@code maxSteps}, the validation loss checked every
 * {@code validationInterval} steps, and early stopping after {@code patience} steps without improvement
 * (the weights of the best validation step are kept). The learning rates apply to Adam only; for L-BFGS
 * a step is one accepted line search.
 *
 * <p>Loss (per batch, means over systems s):
 * <pre>
 *   L = a_E · mean_s (E_xc^NN[n_s] − E_xc,s)² + a_v · mean_s Σ_j ω_sj (Δv_sj − ⟨Δv⟩_s)²,   Δv = v_xc^NN[n_s] − v_xc,s
 * </pre>
 * with ω the density weights of {@link XcSample} and ⟨Δv⟩_s the ω-weighted mean: potentials are compared up to
 * a constant per system (see {@code XcLossGraph}); potential models have no energy term.
 *
 * @param optimizer          L-BFGS or Adam
 * @param kind               energy or potential network
 * @param windowHalfWidth    w (the window spans 2w+1 points)
 * @param hidden             widths of the tanh hidden layers (at least one)
 * @param energyWeight       a_E (Ha⁻²)
 * @param potentialWeight    a_v (Ha⁻²)
 */
public record XcTrainingConfig(Optimizer optimizer, XcModelKind kind, int windowHalfWidth, int[] hidden, double energyWeight,
                               double potentialWeight, double learningRate, double finalLearningRate, int maxSteps,
                               int validationInterval, int patience, long seed) {

    /** The optimizers of {@link XcTrainer}. */
    public enum Optimizer { LBFGS, ADAM }

    public XcTrainingConfig {
        if (optimizer == null || kind == null) {
            throw new IllegalArgumentException("optimizer and model kind must be given");
        }
        hidden = hidden.clone();
        if (hidden.length == 0) {
            throw new IllegalArgumentException("the XC network needs at least one hidden layer");
        }
        if (windowHalfWidth < 0) {
            throw new IllegalArgumentException("window half-width must be non-negative, got " + windowHalfWidth);
        }
        if (!(energyWeight >= 0) || !(potentialWeight >= 0) || energyWeight + potentialWeight == 0) {
            throw new IllegalArgumentException("loss weights must be non-negative and not both zero, got a_E = "
                    + energyWeight + ", a_v = " + potentialWeight);
        }
        if (!(learningRate > 0) || !(finalLearningRate > 0)) {
            throw new IllegalArgumentException("learning rates must be positive, got " + learningRate + " and "
                    + finalLearningRate);
        }
        if (maxSteps < 1 || validationInterval < 1 || patience < validationInterval) {
            throw new IllegalArgumentException("need maxSteps ≥ 1, validationInterval ≥ 1 and patience ≥ "
                    + "validationInterval, got " + maxSteps + ", " + validationInterval + ", " + patience);
        }
    }

    /** Defaults used by the benchmark: L-BFGS, w = 8, two hidden layers of 32, a_E = 10, a_v = 1, 3000 steps. */
    public static XcTrainingConfig defaults(XcModelKind kind) {
        return new XcTrainingConfig(Optimizer.LBFGS, kind, 8, new int[] {32, 32}, kind == XcModelKind.ENERGY ? 10.0 : 0.0, 1.0,
                3e-3, 1e-4, 3000, 10, 600, 1);
    }

    public XcTrainingConfig withSteps(int steps, int newPatience) {
        return new XcTrainingConfig(optimizer, kind, windowHalfWidth, hidden, energyWeight, potentialWeight, learningRate,
                finalLearningRate, steps, validationInterval, newPatience, seed);
    }

    public XcTrainingConfig withSeed(long newSeed) {
        return new XcTrainingConfig(optimizer, kind, windowHalfWidth, hidden, energyWeight, potentialWeight, learningRate,
                finalLearningRate, maxSteps, validationInterval, patience, newSeed);
    }
}
