package org.ofdft.ml.regression;

import static org.bytedeco.openblas.global.openblas.LAPACKE_dpotrf;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dpotri;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dpotrs;
import static org.bytedeco.openblas.global.openblas.LAPACK_COL_MAJOR;

/**
 * LAPACK's Cholesky from OpenBLAS on a row-major array. The row-major lower triangle, read column-major,
 * is the upper triangle U of the same symmetric matrix, so {@code dpotrf('U')} in column-major order
 * factors A = UᵀU with U = Lᵀ in place, without the transposed copies LAPACKE makes for row-major input.
 */
final class OpenBlasCholesky implements DenseCholesky {

    private static final class Holder {
        static final OpenBlasCholesky INSTANCE = load();
    }

    private OpenBlasCholesky() {
    }

    /** The backend, or null when the native library cannot be loaded (probed once). */
    static OpenBlasCholesky instance() {
        return Holder.INSTANCE;
    }

    private static OpenBlasCholesky load() {
        try {
            double[] probe = {4.0};
            return LAPACKE_dpotrf(LAPACK_COL_MAJOR, (byte) 'U', 1, probe, 1) == 0 && probe[0] == 2.0
                    ? new OpenBlasCholesky() : null;
        } catch (LinkageError unavailable) {
            // UnsatisfiedLinkError (no native library for this platform), NoClassDefFoundError (no presets)
            return null;
        }
    }

    @Override
    public String name() {
        return "OpenBLAS LAPACK dpotrf/dpotrs";
    }

    @Override
    public boolean factorInPlace(double[] a, int n) {
        double largest = DenseCholesky.largestDiagonal(a, n);
        int info = LAPACKE_dpotrf(LAPACK_COL_MAJOR, (byte) 'U', n, a, n);
        return info == 0 && DenseCholesky.pivotsAboveRoundoff(a, n, largest);
    }

    @Override
    public void solveInPlace(double[] factor, int n, double[] b) {
        int info = LAPACKE_dpotrs(LAPACK_COL_MAJOR, (byte) 'U', n, 1, factor, n, b, n);
        if (info != 0) {
            throw new IllegalStateException("LAPACK dpotrs failed with info = " + info);
        }
    }

    @Override
    public void invertInPlace(double[] factor, int n) {
        // the column-major upper triangle of A⁻¹ is its row-major lower triangle
        int info = LAPACKE_dpotri(LAPACK_COL_MAJOR, (byte) 'U', n, factor, n);
        if (info != 0) {
            throw new IllegalStateException("LAPACK dpotri failed with info = " + info);
        }
        DenseCholesky.mirrorLowerTriangle(factor, n);
    }
}
