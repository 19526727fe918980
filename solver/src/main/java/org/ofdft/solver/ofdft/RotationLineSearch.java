package org.ofdft.solver.ofdft;

/**
 * Line search along the great circle φ(θ) = φ cos θ + p̂ sin θ of the sphere ∫φ² = N, where p̂ ⟂ φ and
 * ‖p̂‖² = ‖φ‖² = N: every trial density φ(θ)² is non-negative and holds exactly N electrons. The energy
 * E(θ) = E[φ(θ)²] and its derivative E'(θ) = ⟨2φ(θ)v(θ), φ'(θ)⟩ = ⟨g(θ), −φ sin θ + p̂ cos θ⟩ (g the
 * constrained gradient; the μ term drops out because ⟨φ(θ), φ'(θ)⟩ = 0) come from one energy+potential
 * evaluation per trial.
 *
 * <p>The step satisfies the strong Wolfe conditions (Nocedal &amp; Wright, Numerical Optimization, 2nd ed.,
 * Algorithms 3.5 and 3.6): E(θ) ≤ E(0) + c₁θE'(0) + ε and |E'(θ)| ≤ c₂|E'(0)|. ε = 1e-13·max(1, |E(0)|)
 * hartree allows for the round-off in the energy, so that near the minimum, where energy differences drown
 * in round-off, the accurate derivative still decides (as in Hager and Zhang's approximate Wolfe
 * conditions). The bracketing phase starts from the caller's θ and triples it up to {@code maxAngle}; the
 * zoom phase interpolates a cubic through the values and derivatives at the bracket ends (a secant on the
 * derivatives when the values differ by less than ε), safeguarded to the inner 80% of the bracket. If no
 * point satisfies both conditions within {@code maxEvaluations}, the evaluated point of lowest energy that
 * satisfies the sufficient-decrease condition is taken (re-evaluated if it was not the last one); if there
 * is none the search fails and the state is left unchanged.
 */
final class RotationLineSearch {

    /** Relative size of the energy round-off allowance ε. */
    static final double RELATIVE_ENERGY_NOISE = 1e-13;

    private final PhiObjective objective;
    private final double c1;
    private final double c2;
    private final int maxEvaluations;
    private final double maxAngle;
    private final double volumeElement;

    private PhiState current;
    private double[] direction;
    private PhiState trial;
    private double energy0;
    private double slope0;
    private double noise;
    private int evaluations;
    private double lastTheta;
    private double bestTheta;
    private double bestEnergy;
    private double acceptedTheta;
    // the point evaluated last
    private double f;
    private double d;

    RotationLineSearch(PhiObjective objective, double c1, double c2, int maxEvaluations, double maxAngle) {
        if (!(c1 > 0 && c1 < c2 && c2 < 1)) {
            throw new IllegalArgumentException("Wolfe constants must satisfy 0 < c1 < c2 < 1, got c1 = " + c1
                    + ", c2 = " + c2);
        }
        if (maxEvaluations < 1) {
            throw new IllegalArgumentException("a line search needs at least one evaluation, got " + maxEvaluations);
        }
        if (!(maxAngle > 0 && maxAngle <= Math.PI)) {
            throw new IllegalArgumentException("largest rotation angle must lie in (0, pi], got " + maxAngle);
        }
        this.objective = objective;
        this.c1 = c1;
        this.c2 = c2;
        this.maxEvaluations = maxEvaluations;
        this.maxAngle = maxAngle;
        this.volumeElement = objective.grid().volumeElement();
    }

    /** The rotation angle of the last successful search. */
    double theta() {
        return acceptedTheta;
    }

    /** Evaluations used by the last search. */
    int evaluations() {
        return evaluations;
    }

    /**
     * Searches along φ(θ) from {@code state} in the unit direction {@code unitDirection} (⟂ φ, norm² N), with
     * E'(0) = {@code slope} &lt; 0 and first trial {@code initialTheta}.
     *
     * @return true if {@code result} now holds the accepted state, false if no acceptable point was found
     *     ({@code result} then holds garbage)
     */
    boolean search(PhiState state, double[] unitDirection, double slope, double initialTheta, PhiState result) {
        this.current = state;
        this.direction = unitDirection;
        this.trial = result;
        this.energy0 = state.energy;
        this.slope0 = slope;
        this.noise = RELATIVE_ENERGY_NOISE * Math.max(1.0, Math.abs(energy0));
        this.evaluations = 0;
        this.bestTheta = Double.NaN;
        this.bestEnergy = Double.POSITIVE_INFINITY;
        this.lastTheta = Double.NaN;
        if (!(slope < 0)) {
            return false;
        }
        double previousTheta = 0;
        double previousF = energy0;
        double previousD = slope;
        double theta = Math.min(Math.max(initialTheta, 1e-12), maxAngle);
        for (int i = 0; evaluations < maxEvaluations; i++) {
            evaluate(theta);
            if (!sufficientDecrease(theta) || (i > 0 && f > previousF + noise)) {
                return zoom(previousTheta, previousF, previousD, theta, f, d);
            }
            if (Math.abs(d) <= -c2 * slope0) {
                return accept(theta);
            }
            if (d >= 0) {
                return zoom(theta, f, d, previousTheta, previousF, previousD);
            }
            if (theta >= maxAngle) {
                return accept(theta);
            }
            previousTheta = theta;
            previousF = f;
            previousD = d;
            theta = Math.min(3 * theta, maxAngle);
        }
        return fallBack();
    }

    private boolean zoom(double lo, double fLo, double dLo, double hi, double fHi, double dHi) {
        while (evaluations < maxEvaluations) {
            double width = hi - lo;
            if (Math.abs(width) <= 1e-15 * Math.max(1.0, Math.abs(lo))) {
                break;
            }
            double theta = interpolate(lo, fLo, dLo, hi, fHi, dHi);
            evaluate(theta);
            if (!sufficientDecrease(theta) || f > fLo + noise) {
                hi = theta;
                fHi = f;
                dHi = d;
            } else {
                if (Math.abs(d) <= -c2 * slope0) {
                    return accept(theta);
                }
                if (d * (hi - lo) >= 0) {
                    hi = lo;
                    fHi = fLo;
                    dHi = dLo;
                }
                lo = theta;
                fLo = f;
                dLo = d;
            }
        }
        return fallBack();
    }

    /** A trial inside the bracket: cubic (or secant) interpolation kept in its inner 80%, else bisection. */
    private double interpolate(double lo, double fLo, double dLo, double hi, double fHi, double dHi) {
        double width = hi - lo;
        double theta = Double.NaN;
        if (Double.isFinite(fHi) && Double.isFinite(dHi)) {
            if (Math.abs(fHi - fLo) > noise) {
                double d1 = dLo + dHi - 3 * (fLo - fHi) / (lo - hi);
                double discriminant = d1 * d1 - dLo * dHi;
                if (discriminant >= 0) {
                    double d2 = Math.signum(width) * Math.sqrt(discriminant);
                    theta = hi - width * (dHi + d2 - d1) / (dHi - dLo + 2 * d2);
                }
            } else if (dHi != dLo) {
                theta = lo - dLo * width / (dHi - dLo);
            }
        }
        double a = lo + 0.1 * width;
        double b = hi - 0.1 * width;
        double low = Math.min(a, b);
        double high = Math.max(a, b);
        if (!Double.isFinite(theta)) {
            return lo + 0.5 * width;
        }
        return Math.min(Math.max(theta, low), high);
    }

    private boolean sufficientDecrease(double theta) {
        return Double.isFinite(f) && Double.isFinite(d) && f <= energy0 + c1 * theta * slope0 + noise;
    }

    private boolean accept(double theta) {
        acceptedTheta = theta;
        return true;
    }

    private boolean fallBack() {
        if (!Double.isFinite(bestTheta)) {
            return false;
        }
        if (bestTheta != lastTheta) {
            evaluate(bestTheta);
        }
        return accept(bestTheta);
    }

    /** Evaluates φ(θ) into the trial state; sets f, d and keeps track of the best sufficient-decrease point. */
    private void evaluate(double theta) {
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        double[] phi = current.phi;
        double[] p = direction;
        double[] trialPhi = trial.phi;
        for (int j = 0; j < phi.length; j++) {
            trialPhi[j] = c * phi[j] + s * p[j];
        }
        objective.evaluate(trial);
        evaluations++;
        double[] g = trial.gradient;
        double sum = 0;
        for (int j = 0; j < phi.length; j++) {
            sum += g[j] * (c * p[j] - s * phi[j]);
        }
        f = trial.energy;
        d = sum * volumeElement;
        lastTheta = theta;
        if (sufficientDecrease(theta) && f < bestEnergy) {
            bestEnergy = f;
            bestTheta = theta;
        }
    }
}
