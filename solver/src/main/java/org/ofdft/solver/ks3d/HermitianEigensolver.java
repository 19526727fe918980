package org.ofdft.solver.ks3d;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * All eigenpairs of a small dense complex Hermitian matrix H = A + iB (the Rayleigh–Ritz problems of the
 * iterative eigensolver) through the real symmetric matrix of twice the order
 * <pre>
 *   M = [ A  −B ]      M (x; y) = λ (x; y)  ⇔  H (x + iy) = λ (x + iy),
 *       [ B   A ]
 * </pre>
 * solved by EJML's symmetric QR algorithm. Every eigenvalue of H appears twice in M, with (x; y) and
 * (−y; x) = i·(x + iy): the real eigenvectors of a cluster of equal eigenvalues span the complex
 * eigenspace twice over. From each cluster (sorted eigenvalues within 1e-11·max|λ| of each other) the
 * complex vectors are picked by complex Gram–Schmidt with pivoting (the candidate with the largest part
 * outside the vectors already kept), half as many as the cluster has real vectors. EJML 0.43.1's complex
 * Householder tridiagonalization is not used: it fails on some sizes and when an instance is reused.
 * Eigenvalues ascending. Not thread-safe (holds an EJML workspace).
 */
final class HermitianEigensolver {

    private EigenDecomposition_F64<DMatrixRMaj> symmetric;
    private int symmetricSize = -1;

    /**
     * @param m       order of H
     * @param re      Re H, row-major m×m (only the Hermitian part is used)
     * @param im      Im H, row-major m×m
     * @param values  out: the m eigenvalues, ascending
     * @param vecRe   out: Re of the eigenvectors, column j = eigenvector j (row-major m×m)
     * @param vecIm   out: Im of the eigenvectors
     */
    void solve(int m, double[] re, double[] im, double[] values, double[] vecRe, double[] vecIm) {
        int n = 2 * m;
        DMatrixRMaj big = new DMatrixRMaj(n, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double a = 0.5 * (re[i * m + j] + re[j * m + i]);
                double b = 0.5 * (im[i * m + j] - im[j * m + i]);
                big.set(i, j, a);
                big.set(i + m, j + m, a);
                big.set(i, j + m, -b);
                big.set(i + m, j, b);
            }
        }
        if (symmetricSize != n) {
            symmetric = DecompositionFactory_DDRM.eig(n, true, true);
            symmetricSize = n;
        }
        if (!symmetric.decompose(big)) {
            throw new IllegalStateException("symmetric eigensolver failed for a " + n + "x" + n + " matrix");
        }
        Integer[] order = new Integer[n];
        double[] lambda = new double[n];
        double scale = 0;
        for (int j = 0; j < n; j++) {
            order[j] = j;
            lambda[j] = symmetric.getEigenvalue(j).real;
            scale = Math.max(scale, Math.abs(lambda[j]));
        }
        Arrays.sort(order, (a, b) -> Double.compare(lambda[a], lambda[b]));
        double tolerance = 1e-11 * Math.max(scale, 1e-300);
        // candidates as complex vectors z = x + iy, in sorted order
        double[][] candRe = new double[n][m];
        double[][] candIm = new double[n][m];
        double[] sortedLambda = new double[n];
        for (int s = 0; s < n; s++) {
            DMatrixRMaj v = symmetric.getEigenVector(order[s]);
            sortedLambda[s] = lambda[order[s]];
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += v.get(i, 0) * v.get(i, 0);
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < m; i++) {
                candRe[s][i] = v.get(i, 0) / norm;
                candIm[s][i] = v.get(i + m, 0) / norm;
            }
        }
        int accepted = 0;
        int start = 0;
        boolean[] used = new boolean[n];
        while (accepted < m) {
            int end = start + 1;
            while (end < n && sortedLambda[end] - sortedLambda[end - 1] <= tolerance) {
                end++;
            }
            if ((end - start) % 2 == 1 && end < n) {
                end++; // a pair split by round-off at the tolerance: keep it together
            }
            int want = Math.min((end - start + 1) / 2, m - accepted);
            for (int pick = 0; pick < want; pick++) {
                int best = -1;
                double bestNorm = -1;
                for (int s = start; s < end; s++) {
                    if (used[s]) {
                        continue;
                    }
                    double remaining = projectOut(candRe[s], candIm[s], vecRe, vecIm, m, accepted);
                    if (remaining > bestNorm) {
                        bestNorm = remaining;
                        best = s;
                    }
                }
                used[best] = true;
                projectOut(candRe[best], candIm[best], vecRe, vecIm, m, accepted);
                double norm = Math.sqrt(projectOut(candRe[best], candIm[best], vecRe, vecIm, m, accepted));
                for (int i = 0; i < m; i++) {
                    vecRe[i * m + accepted] = candRe[best][i] / norm;
                    vecIm[i * m + accepted] = candIm[best][i] / norm;
                }
                values[accepted] = sortedLambda[start + 2 * pick];
                accepted++;
            }
            start = end;
        }
    }

    /**
     * z ← z − Σ_k ⟨v_k|z⟩ v_k over the first {@code count} columns of (vecRe, vecIm); returns |z|².
     */
    private static double projectOut(double[] zRe, double[] zIm, double[] vecRe, double[] vecIm, int m, int count) {
        for (int k = 0; k < count; k++) {
            double dr = 0;
            double di = 0;
            for (int i = 0; i < m; i++) {
                double vr = vecRe[i * m + k];
                double vi = vecIm[i * m + k];
                dr += vr * zRe[i] + vi * zIm[i];
                di += vr * zIm[i] - vi * zRe[i];
            }
            for (int i = 0; i < m; i++) {
                double vr = vecRe[i * m + k];
                double vi = vecIm[i * m + k];
                zRe[i] -= dr * vr - di * vi;
                zIm[i] -= dr * vi + di * vr;
            }
        }
        double norm2 = 0;
        for (int i = 0; i < m; i++) {
            norm2 += zRe[i] * zRe[i] + zIm[i] * zIm[i];
        }
        return norm2;
    }
}
