package org.ofdft.ml.regression;

/**
 * Limited-memory BFGS with box bounds by projection, for smooth objectives of a few variables (GP kernel
 * hyperparameters in log space). Two-loop recursion for the search direction (Nocedal & Wright, Numerical
 * Optimization, 2nd ed., Algorithm 7.4), directions that push an active bound outward are zeroed, and a
 * projected backtracking line search (quadratic interpolation) enforces the Armijo condition. A BFGS pair is
 * stored only when its curvature sᵀy is positive. Converged when the projected gradient's largest component
 * is below {@code gradientTolerance}, or when an accepted step lowers f by no more than
 * {@code functionTolerance}·max(|f|, 1) (L-BFGS-B's {@code factr} test, Byrd et al., SIAM J. Sci. Comput. 16,
 * 1190 (1995)): near the optimum the gradient of an objective computed with rounding error (an n × n
 * Cholesky) stalls at its noise level, and the function test is what ends the iteration there.
 * Non-finite objective values (e.g. a kernel matrix that is not positive definite) count as +∞ and make the
 * line search step back.
 */
public record BoundedLbfgs(int memory, int maxIterations, double gradientTolerance, double functionTolerance) {

    /** The objective: returns f(x) and writes ∇f(x) into gradient. */
    @FunctionalInterface
    public interface Objective {
        double valueAndGradient(double[] x, double[] gradient);
    }

    /** The end point of a minimization. */
    public record Minimum(double[] point, double value, int iterations, boolean converged) {
    }

    private static final double ARMIJO = 1e-4;
    private static final double MAX_FIRST_STEP = 2.0;

    public BoundedLbfgs {
        if (memory < 1 || maxIterations < 1 || !(gradientTolerance > 0) || !(functionTolerance >= 0)) {
            throw new IllegalArgumentException("L-BFGS needs memory ≥ 1, maxIterations ≥ 1, a positive gradient"
                    + " tolerance and a non-negative function tolerance, got " + memory + ", " + maxIterations + ", "
                    + gradientTolerance + ", " + functionTolerance);
        }
    }

    /** Minimizes f from {@code start} within lower ≤ x ≤ upper (component-wise). */
    public Minimum minimize(Objective objective, double[] start, double[] lower, double[] upper) {
        int n = start.length;
        double[] x = start.clone();
        project(x, lower, upper);
        double[] gradient = new double[n];
        double value = objective.valueAndGradient(x, gradient);
        if (!Double.isFinite(value)) {
            return new Minimum(x, Double.POSITIVE_INFINITY, 0, false);
        }
        LbfgsMemory pairs = new LbfgsMemory(memory, n, 1e-12);
        double[] direction = new double[n];
        double[] trial = new double[n];
        double[] trialGradient = new double[n];
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            if (projectedGradientNorm(x, gradient, lower, upper) < gradientTolerance) {
                return new Minimum(x, value, iteration, true);
            }
            pairs.searchDirection(gradient, direction); // −H ∇f
            for (int i = 0; i < n; i++) {
                boolean atLower = x[i] <= lower[i] && direction[i] < 0;
                boolean atUpper = x[i] >= upper[i] && direction[i] > 0;
                if (atLower || atUpper) {
                    direction[i] = 0;
                }
            }
            double slope = dot(gradient, direction);
            if (!(slope < 0)) {
                if (pairs.stored() == 0) {
                    return new Minimum(x, value, iteration, false);
                }
                pairs.clear(); // not a descent direction: forget the curvature pairs and use steepest descent
                continue;
            }
            double step = 1.0;
            if (pairs.stored() == 0) {
                double largest = 0;
                for (double component : direction) {
                    largest = Math.max(largest, Math.abs(component));
                }
                step = Math.min(1.0, MAX_FIRST_STEP / largest);
            }
            double trialValue = Double.NaN;
            boolean accepted = false;
            for (int backtrack = 0; backtrack < 40; backtrack++) {
                for (int i = 0; i < n; i++) {
                    trial[i] = x[i] + step * direction[i];
                }
                project(trial, lower, upper);
                double decrease = 0;
                for (int i = 0; i < n; i++) {
                    decrease += gradient[i] * (trial[i] - x[i]);
                }
                trialValue = objective.valueAndGradient(trial, trialGradient);
                if (Double.isFinite(trialValue) && trialValue <= value + ARMIJO * decrease) {
                    accepted = true;
                    break;
                }
                // Minimizer of the quadratic through f(0), f'(0) and f(step), kept within [0.1, 0.5]·step
                // (Nocedal & Wright, §3.5); plain halving for a non-finite trial value.
                double shrink = 0.5;
                if (Double.isFinite(trialValue)) {
                    double curvature = trialValue - value - slope * step;
                    if (curvature > 0) {
                        shrink = Math.min(0.5, Math.max(0.1, -slope * step / (2 * curvature)));
                    }
                }
                step *= shrink;
            }
            if (!accepted) {
                if (pairs.stored() == 0) {
                    // No decrease along steepest descent at rounding level: the minimum to working precision.
                    return new Minimum(x, value, iteration, projectedGradientNorm(x, gradient, lower, upper)
                            < Math.sqrt(gradientTolerance));
                }
                pairs.clear();
                continue;
            }
            pairs.offer(trial, x, trialGradient, gradient);
            boolean stalled = value - trialValue <= functionTolerance * Math.max(1.0, Math.max(Math.abs(value),
                    Math.abs(trialValue)));
            System.arraycopy(trial, 0, x, 0, n);
            System.arraycopy(trialGradient, 0, gradient, 0, n);
            value = trialValue;
            if (stalled) {
                return new Minimum(x, value, iteration + 1, true);
            }
        }
        return new Minimum(x, value, maxIterations,
                projectedGradientNorm(x, gradient, lower, upper) < gradientTolerance);
    }

    private static double projectedGradientNorm(double[] x, double[] gradient, double[] lower, double[] upper) {
        double largest = 0;
        for (int i = 0; i < x.length; i++) {
            double g = gradient[i];
            if ((x[i] <= lower[i] && g > 0) || (x[i] >= upper[i] && g < 0)) {
                g = 0;
            }
            largest = Math.max(largest, Math.abs(g));
        }
        return largest;
    }

    private static void project(double[] x, double[] lower, double[] upper) {
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.min(upper[i], Math.max(lower[i], x[i]));
        }
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
