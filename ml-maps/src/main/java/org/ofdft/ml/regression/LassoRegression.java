package org.ofdft.ml.regression;

/**
 * LASSO: minimizes (1/2n)‖y − Xw − b‖² + α‖w‖₁ (scikit-learn's {@code Lasso} objective) by cyclic
 * coordinate descent with soft thresholding, w_j ← S(x_jᵀr_j, nα)/‖x_j‖² with r_j the residual without
 * feature j (Friedman, Hastie & Tibshirani, J. Stat. Softw. 33, 1 (2010), eq. 5). With an intercept, X and y
 * are centred first and b = ȳ − x̄·w. Stops when the duality gap of n times the objective falls below
 * tolerance·yᵀy, the criterion and scaling scikit-learn uses, checked whenever the largest coordinate step is
 * below tolerance times the largest weight.
 */
public record LassoRegression(double alpha, boolean fitIntercept, double tolerance, int maxSweeps) implements Learner {

    public LassoRegression {
        InputChecks.requireNonNegative(alpha, "LASSO α");
        InputChecks.requirePositive(tolerance, "LASSO tolerance");
        if (maxSweeps < 1) {
            throw new IllegalArgumentException("LASSO maxSweeps must be ≥ 1, got " + maxSweeps);
        }
    }

    /** scikit-learn's defaults: intercept, tolerance 1e-4, 1000 sweeps. */
    public LassoRegression(double alpha) {
        this(alpha, true, 1e-4, 1000);
    }

    @Override
    public LinearModel fit(double[][] features, double[] targets) {
        return LassoPath.fit(features, targets, new double[] {alpha}, fitIntercept, tolerance, maxSweeps).models().get(0);
    }

    /**
     * Coordinate descent on centred column-major data, starting from (and updating) {@code weights} and the
     * matching residual r = y − Xw. Returns the number of sweeps used; throws if not converged.
     */
    static int coordinateDescent(double[] columns, double[] columnNormsSquared, double[] centredTargets,
            double[] weights, double[] residual, double alpha, double tolerance, int maxSweeps) {
        int n = centredTargets.length;
        int d = weights.length;
        double penalty = alpha * n;
        double targetNorm = dot(centredTargets, 0, centredTargets, n);
        double gapTolerance = tolerance * targetNorm;
        for (int sweep = 1; sweep <= maxSweeps; sweep++) {
            double largestStep = 0;
            double largestWeight = 0;
            for (int j = 0; j < d; j++) {
                if (columnNormsSquared[j] == 0) {
                    continue;
                }
                int offset = j * n;
                double old = weights[j];
                // ρ_j = x_jᵀ (r + x_j w_j)
                double rho = dot(columns, offset, residual, n) + columnNormsSquared[j] * old;
                double updated = Math.signum(rho) * Math.max(Math.abs(rho) - penalty, 0) / columnNormsSquared[j];
                if (updated != old) {
                    double change = updated - old;
                    for (int i = 0; i < n; i++) {
                        residual[i] -= change * columns[offset + i];
                    }
                    weights[j] = updated;
                }
                largestStep = Math.max(largestStep, Math.abs(updated - old));
                largestWeight = Math.max(largestWeight, Math.abs(updated));
            }
            if (largestWeight == 0 || largestStep / largestWeight < tolerance || sweep == maxSweeps) {
                if (dualityGap(columns, centredTargets, weights, residual, penalty) < gapTolerance) {
                    return sweep;
                }
            }
        }
        throw new IllegalStateException("LASSO coordinate descent (α = " + alpha + ") did not reach the duality-gap"
                + " tolerance " + tolerance + " in " + maxSweeps + " sweeps; raise maxSweeps or the tolerance");
    }

    /** Duality gap of ½‖r‖² + nα‖w‖₁ (scikit-learn's enet_coordinate_descent with no L2 term). */
    private static double dualityGap(double[] columns, double[] targets, double[] weights, double[] residual,
            double penalty) {
        int n = targets.length;
        double dualNorm = 0;
        for (int j = 0; j < weights.length; j++) {
            dualNorm = Math.max(dualNorm, Math.abs(dot(columns, j * n, residual, n)));
        }
        double residualNorm = dot(residual, 0, residual, n);
        double gap;
        double scale;
        if (dualNorm > penalty) {
            scale = penalty / dualNorm;
            gap = 0.5 * residualNorm * (1 + scale * scale);
        } else {
            scale = 1;
            gap = residualNorm;
        }
        double l1 = 0;
        for (double w : weights) {
            l1 += Math.abs(w);
        }
        return gap + penalty * l1 - scale * dot(residual, 0, targets, n);
    }

    private static double dot(double[] a, int offset, double[] b, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += a[offset + i] * b[i];
        }
        return sum;
    }
}
