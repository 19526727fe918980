package org.ofdft.ml.regression;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Ridge regression: minimizes ‖y − Xw − b‖² + λ‖w‖² (scikit-learn's {@code Ridge(alpha=λ)}). With an
 * intercept, X and y are centred first, w solves (X_cᵀX_c + λI) w = X_cᵀy_c by Cholesky, and
 * b = ȳ − x̄·w; the intercept is not penalized (Hastie, Tibshirani, Friedman, ESL 2nd ed., eq. 3.44 ff.).
 */
public record RidgeRegression(double lambda, boolean fitIntercept) implements Learner {

    public RidgeRegression {
        InputChecks.requireNonNegative(lambda, "ridge λ");
    }

    public RidgeRegression(double lambda) {
        this(lambda, true);
    }

    @Override
    public LinearModel fit(double[][] features, double[] targets) {
        int d = InputChecks.requireTrainingData(features, targets);
        int n = features.length;
        double[] featureMean = new double[d];
        double targetMean = 0;
        if (fitIntercept) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    featureMean[j] += features[i][j];
                }
                targetMean += targets[i];
            }
            for (int j = 0; j < d; j++) {
                featureMean[j] /= n;
            }
            targetMean /= n;
        }
        DMatrixRMaj centred = new DMatrixRMaj(n, d);
        DMatrixRMaj centredTargets = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                centred.unsafe_set(i, j, features[i][j] - featureMean[j]);
            }
            centredTargets.unsafe_set(i, 0, targets[i] - targetMean);
        }
        DMatrixRMaj normal = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransA(centred, centred, normal);
        for (int j = 0; j < d; j++) {
            normal.add(j, j, lambda);
        }
        DMatrixRMaj rightHandSide = new DMatrixRMaj(d, 1);
        CommonOps_DDRM.multTransA(centred, centredTargets, rightHandSide);
        CholeskyFactor cholesky = new CholeskyFactor(normal.getData(), d, () -> "ridge normal equations XᵀX + λI ("
                + d + " × " + d + ", λ = " + lambda + ") are singular to working precision (collinear or constant"
                + " features); use a larger λ");
        double[] weights = rightHandSide.getData();
        cholesky.solveInPlace(weights);
        double intercept = targetMean;
        for (int j = 0; j < d; j++) {
            intercept -= featureMean[j] * weights[j];
        }
        return new LinearModel(weights, fitIntercept ? intercept : 0.0);
    }
}
