package org.ofdft.solver.ks3d;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** H v = λ v, V†V = 1 and the prescribed spectrum (with degeneracies) of random Hermitian matrices U Λ U†. */
class HermitianEigensolverTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 12, 30})
    void recoversPrescribedSpectrumWithDegeneracies(int m) {
        Random random = new Random(m);
        // a random unitary U from Gram–Schmidt on random complex columns
        double[][] uRe = new double[m][m];
        double[][] uIm = new double[m][m];
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < m; i++) {
                uRe[j][i] = random.nextGaussian();
                uIm[j][i] = random.nextGaussian();
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < j; p++) {
                    double dr = 0;
                    double di = 0;
                    for (int i = 0; i < m; i++) { // <u_p|u_j>
                        dr += uRe[p][i] * uRe[j][i] + uIm[p][i] * uIm[j][i];
                        di += uRe[p][i] * uIm[j][i] - uIm[p][i] * uRe[j][i];
                    }
                    for (int i = 0; i < m; i++) {
                        uRe[j][i] -= dr * uRe[p][i] - di * uIm[p][i];
                        uIm[j][i] -= dr * uIm[p][i] + di * uRe[p][i];
                    }
                }
            }
            double norm = 0;
            for (int i = 0; i < m; i++) {
                norm += uRe[j][i] * uRe[j][i] + uIm[j][i] * uIm[j][i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < m; i++) {
                uRe[j][i] /= norm;
                uIm[j][i] /= norm;
            }
        }
        double[] lambda = new double[m];
        for (int j = 0; j < m; j++) {
            lambda[j] = -1.0 + 0.5 * (j / 3); // triply degenerate levels
        }
        double[] re = new double[m * m];
        double[] im = new double[m * m];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                for (int j = 0; j < m; j++) { // Σ_j u_j(a) λ_j conj(u_j(b))
                    re[a * m + b] += lambda[j] * (uRe[j][a] * uRe[j][b] + uIm[j][a] * uIm[j][b]);
                    im[a * m + b] += lambda[j] * (uIm[j][a] * uRe[j][b] - uRe[j][a] * uIm[j][b]);
                }
            }
        }
        double[] values = new double[m];
        double[] vRe = new double[m * m];
        double[] vIm = new double[m * m];
        new HermitianEigensolver().solve(m, re, im, values, vRe, vIm);
        for (int j = 0; j < m; j++) {
            assertEquals(lambda[j], values[j], 1e-12, "eigenvalue " + j);
            for (int a = 0; a < m; a++) {
                double hvRe = 0;
                double hvIm = 0;
                for (int b = 0; b < m; b++) {
                    hvRe += re[a * m + b] * vRe[b * m + j] - im[a * m + b] * vIm[b * m + j];
                    hvIm += re[a * m + b] * vIm[b * m + j] + im[a * m + b] * vRe[b * m + j];
                }
                assertEquals(values[j] * vRe[a * m + j], hvRe, 1e-12);
                assertEquals(values[j] * vIm[a * m + j], hvIm, 1e-12);
            }
            for (int k = 0; k < m; k++) {
                double dr = 0;
                double di = 0;
                for (int a = 0; a < m; a++) {
                    dr += vRe[a * m + k] * vRe[a * m + j] + vIm[a * m + k] * vIm[a * m + j];
                    di += vRe[a * m + k] * vIm[a * m + j] - vIm[a * m + k] * vRe[a * m + j];
                }
                assertEquals(k == j ? 1.0 : 0.0, dr, 1e-12);
                assertEquals(0.0, di, 1e-12);
            }
        }
    }
}
