package org.ofdft.solver.exact1d;

/**
 * The lowest eigenpair of a small (here at most 3×3) real symmetric matrix by cyclic Jacobi rotations
 * (G. H. Golub and C. F. Van Loan, Matrix Computations, 4th ed., §8.5), accurate to round-off.
 */
final class SmallSymmetricEigen {

    private SmallSymmetricEigen() {
    }

    /**
     * The lowest eigenvalue of the leading {@code dimension}×{@code dimension} block of the symmetric
     * {@code matrix} (not modified); its unit eigenvector into {@code vector[0..dimension)}.
     */
    static double lowest(double[][] matrix, int dimension, double[] vector) {
        int n = dimension;
        double[][] a = new double[n][n];
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(matrix[i], 0, a[i], 0, n);
            v[i][i] = 1.0;
        }
        for (int sweep = 0; sweep < 60; sweep++) {
            double off = 0;
            double scale = 0;
            for (int i = 0; i < n; i++) {
                scale += a[i][i] * a[i][i];
                for (int j = i + 1; j < n; j++) {
                    off += a[i][j] * a[i][j];
                }
            }
            if (off <= 1e-34 * scale || off == 0) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    // rotation that annihilates a[p][q] (Golub–Van Loan Algorithm 8.5.1, sym.schur2)
                    double tau = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(tau) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
                    if (tau == 0) {
                        t = 1.0;
                    }
                    double c = 1 / Math.sqrt(1 + t * t);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (a[i][i] < a[best][best]) {
                best = i;
            }
        }
        for (int i = 0; i < n; i++) {
            vector[i] = v[i][best];
        }
        return a[best][best];
    }
}
