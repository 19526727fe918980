package org.ofdft.ml.regression;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/** EJML's Cholesky (pure Java; a block algorithm for large n). */
final class EjmlCholesky implements DenseCholesky {

    static final EjmlCholesky INSTANCE = new EjmlCholesky();

    private EjmlCholesky() {
    }

    @Override
    public String name() {
        return "EJML Cholesky (pure Java)";
    }

    @Override
    public boolean factorInPlace(double[] a, int n) {
        double largest = DenseCholesky.largestDiagonal(a, n);
        // the contract reads the lower triangle only: mirror it for EJML, which may read either
        DenseCholesky.mirrorLowerTriangle(a, n);
        CholeskyDecomposition_F64<DMatrixRMaj> cholesky = DecompositionFactory_DDRM.chol(n, true);
        if (!cholesky.decompose(DMatrixRMaj.wrap(n, n, a))) {
            return false;
        }
        System.arraycopy(cholesky.getT(null).data, 0, a, 0, n * n);
        return DenseCholesky.pivotsAboveRoundoff(a, n, largest);
    }

    @Override
    public void solveInPlace(double[] factor, int n, double[] b) {
        TriangularSolver_DDRM.solveL(factor, b, n);
        TriangularSolver_DDRM.solveTranL(factor, b, n);
    }

    @Override
    public void invertInPlace(double[] factor, int n) {
        double[] inverseLower = new double[n * n];
        TriangularSolver_DDRM.invertLower(factor, inverseLower, n);
        Arrays.fill(factor, 0.0);
        // (A⁻¹)_ij = Σ_{k ≥ max(i,j)} (L⁻¹)_ki (L⁻¹)_kj: accumulate row k's outer product into the lower triangle
        for (int k = 0; k < n; k++) {
            int rowK = k * n;
            for (int i = 0; i <= k; i++) {
                double a = inverseLower[rowK + i];
                if (a == 0) {
                    continue;
                }
                int rowI = i * n;
                for (int j = 0; j <= i; j++) {
                    factor[rowI + j] += a * inverseLower[rowK + j];
                }
            }
        }
        DenseCholesky.mirrorLowerTriangle(factor, n);
    }
}
