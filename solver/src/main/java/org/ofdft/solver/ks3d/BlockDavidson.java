package org.ofdft.solver.ks3d;

/**
 * The lowest eigenpairs of the plane-wave Hamiltonian of one k-point by block Davidson iteration
 * (E. R. Davidson, J. Comput. Phys. 17, 87 (1975); the block form with restart of Quantum ESPRESSO's
 * {@code cegterg}): from the current approximations X (n bands) and the subspace V ⊃ X,
 * <ol>
 *   <li>Rayleigh–Ritz on V (orthonormal): V†HV y = λ y, X ← V y for the n lowest λ;</li>
 *   <li>residuals R_b = H x_b − λ_b x_b; bands with ‖R_b‖ below their tolerance are converged;</li>
 *   <li>for the others the preconditioned residual t_b = K R_b is orthogonalized against V (classical
 *       Gram–Schmidt, twice) and appended; when V would exceed its size limit it restarts from X.</li>
 * </ol>
 * K is the Teter–Payne–Allan preconditioner (M. P. Teter, M. C. Payne and D. C. Allan, Phys. Rev. B 40,
 * 12255 (1989), eq. 5.16): K(G) = (27 + 18x + 12x² + 8x³)/(27 + 18x + 12x² + 8x³ + 16x⁴) with
 * x = ½|k+G|²/T_b, T_b = ⟨x_b|−½∇²|x_b⟩ the band's kinetic energy; K → 1 for small x and → 1/(2x) for
 * large x, approximating (H − λ)⁻¹ up to a factor. The dense Hermitian problems go to
 * {@link HermitianEigensolver} (EJML). Warm start: X on entry is the previous SCF step's solution.
 *
 * <p>Work arrays grow on demand and are reused: one instance per thread.
 */
final class BlockDavidson {

    /** What one call did. */
    record Outcome(int iterations, double maxResidual, boolean converged) {
    }

    private final HermitianEigensolver dense = new HermitianEigensolver();
    private double[] basis = new double[0];
    private double[] hBasis = new double[0];
    private double[] ritz = new double[0];
    private double[] hRitz = new double[0];
    private double[] subRe = new double[0];
    private double[] subIm = new double[0];
    private double[] vecRe = new double[0];
    private double[] vecIm = new double[0];
    private double[] values = new double[0];

    /**
     * @param hamiltonian   applies H
     * @param planeWaves    the k-point's basis
     * @param potential     the local potential on the grid (hartree)
     * @param x             in: n = {@code bands} starting vectors (any, linearly independent); out: the
     *                      eigenvectors (orthonormal), interleaved complex, band-major
     * @param eigenvalues   out: the n lowest eigenvalues (ascending)
     * @param tolerance     per band: converged when ‖H x_b − λ_b x_b‖ ≤ tolerance[b]
     * @param maxIterations Rayleigh–Ritz steps at most
     * @param maxVectors    the subspace size limit (at least 2n; clamped to the basis size)
     */
    Outcome solve(PlaneWaveHamiltonian hamiltonian, PlaneWaveBasis planeWaves, double[] potential, double[] x,
                  double[] eigenvalues, int bands, double[] tolerance, int maxIterations, int maxVectors) {
        int npw = planeWaves.size();
        if (bands > npw) {
            throw new IllegalArgumentException(bands + " bands requested but the basis at " + planeWaves.kpoint()
                    + " has only " + npw + " plane waves; raise the cutoff or lower the band count");
        }
        int limit = Math.min(Math.max(maxVectors, 2 * bands), npw);
        ensureCapacity(npw, bands, limit);
        double[] kinetic = planeWaves.kineticEnergies();

        System.arraycopy(x, 0, basis, 0, 2 * bands * npw);
        for (int b = 0; b < bands; b++) {
            if (!orthonormalize(basis, b, b, npw)) {
                // linearly dependent start: replace by the b-th plane wave and try again
                java.util.Arrays.fill(basis, 2 * b * npw, 2 * (b + 1) * npw, 0.0);
                basis[2 * (b * npw + b)] = 1;
                if (!orthonormalize(basis, b, b, npw)) {
                    throw new IllegalStateException("cannot build " + bands + " orthonormal starting vectors");
                }
            }
        }
        hamiltonian.apply(planeWaves, potential, basis, 0, hBasis, 0, bands);
        int m = bands;
        int iteration = 0;
        double maxResidual = Double.POSITIVE_INFINITY;
        boolean converged = false;
        while (true) {
            iteration++;
            projectedMatrix(m, npw);
            dense.solve(m, subRe, subIm, values, vecRe, vecIm);
            rotate(basis, ritz, m, bands, npw);
            rotate(hBasis, hRitz, m, bands, npw);
            System.arraycopy(values, 0, eigenvalues, 0, bands);
            // residual norms
            maxResidual = 0;
            int unconverged = 0;
            for (int b = 0; b < bands; b++) {
                double norm2 = 0;
                int at = 2 * b * npw;
                for (int j = 0; j < 2 * npw; j++) {
                    double r = hRitz[at + j] - values[b] * ritz[at + j];
                    norm2 += r * r;
                }
                double norm = Math.sqrt(norm2);
                maxResidual = Math.max(maxResidual, norm);
                if (norm > tolerance[b]) {
                    unconverged++;
                }
            }
            if (unconverged == 0) {
                converged = true;
                break;
            }
            if (iteration >= maxIterations) {
                break;
            }
            if (m + unconverged > limit) {
                System.arraycopy(ritz, 0, basis, 0, 2 * bands * npw);
                System.arraycopy(hRitz, 0, hBasis, 0, 2 * bands * npw);
                m = bands;
            }
            int added = 0;
            for (int b = 0; b < bands && m + added < limit; b++) {
                int at = 2 * b * npw;
                double norm2 = 0;
                double bandKinetic = 0;
                for (int j = 0; j < npw; j++) {
                    double rr = hRitz[at + 2 * j] - values[b] * ritz[at + 2 * j];
                    double ri = hRitz[at + 2 * j + 1] - values[b] * ritz[at + 2 * j + 1];
                    norm2 += rr * rr + ri * ri;
                    bandKinetic += kinetic[j] * (ritz[at + 2 * j] * ritz[at + 2 * j]
                            + ritz[at + 2 * j + 1] * ritz[at + 2 * j + 1]);
                }
                if (Math.sqrt(norm2) <= tolerance[b]) {
                    continue;
                }
                bandKinetic = Math.max(bandKinetic, 1e-4);
                int slot = m + added;
                int to = 2 * slot * npw;
                for (int j = 0; j < npw; j++) {
                    double y = kinetic[j] / bandKinetic;
                    double numerator = 27 + y * (18 + y * (12 + 8 * y));
                    double k = numerator / (numerator + 16 * y * y * y * y);
                    basis[to + 2 * j] = k * (hRitz[at + 2 * j] - values[b] * ritz[at + 2 * j]);
                    basis[to + 2 * j + 1] = k * (hRitz[at + 2 * j + 1] - values[b] * ritz[at + 2 * j + 1]);
                }
                if (orthonormalize(basis, slot, slot, npw)) {
                    added++;
                }
            }
            if (added == 0) {
                break;
            }
            hamiltonian.apply(planeWaves, potential, basis, m, hBasis, m, added);
            m += added;
        }
        System.arraycopy(ritz, 0, x, 0, 2 * bands * npw);
        return new Outcome(iteration, maxResidual, converged);
    }

    /** sub_ij = ⟨v_i|H v_j⟩ for i, j &lt; m. */
    private void projectedMatrix(int m, int npw) {
        for (int i = 0; i < m; i++) {
            int vi = 2 * i * npw;
            for (int j = i; j < m; j++) {
                int hj = 2 * j * npw;
                double re = 0;
                double im = 0;
                for (int g = 0; g < 2 * npw; g += 2) {
                    double ar = basis[vi + g];
                    double ai = basis[vi + g + 1];
                    double br = hBasis[hj + g];
                    double bi = hBasis[hj + g + 1];
                    re += ar * br + ai * bi;
                    im += ar * bi - ai * br;
                }
                subRe[i * m + j] = re;
                subIm[i * m + j] = im;
                subRe[j * m + i] = re;
                subIm[j * m + i] = -im;
            }
        }
    }

    /** out_b = Σ_i in_i Y_ib for b &lt; bands (Y = the eigenvectors of the projected matrix). */
    private void rotate(double[] in, double[] out, int m, int bands, int npw) {
        java.util.Arrays.fill(out, 0, 2 * bands * npw, 0.0);
        for (int b = 0; b < bands; b++) {
            int to = 2 * b * npw;
            for (int i = 0; i < m; i++) {
                double yr = vecRe[i * m + b];
                double yi = vecIm[i * m + b];
                int from = 2 * i * npw;
                for (int g = 0; g < 2 * npw; g += 2) {
                    double vr = in[from + g];
                    double vi = in[from + g + 1];
                    out[to + g] += vr * yr - vi * yi;
                    out[to + g + 1] += vr * yi + vi * yr;
                }
            }
        }
    }

    /**
     * Orthogonalizes vector {@code slot} of {@code vectors} against vectors [0, count) (classical Gram–Schmidt
     * twice) and normalizes it; false if it was (numerically) in their span.
     */
    private static boolean orthonormalize(double[] vectors, int slot, int count, int npw) {
        int at = 2 * slot * npw;
        double original = norm(vectors, at, npw);
        if (!(original > 0) || !Double.isFinite(original)) {
            return false;
        }
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < count; i++) {
                int from = 2 * i * npw;
                double re = 0;
                double im = 0;
                for (int g = 0; g < 2 * npw; g += 2) {
                    double ar = vectors[from + g];
                    double ai = vectors[from + g + 1];
                    double br = vectors[at + g];
                    double bi = vectors[at + g + 1];
                    re += ar * br + ai * bi;
                    im += ar * bi - ai * br;
                }
                for (int g = 0; g < 2 * npw; g += 2) {
                    double ar = vectors[from + g];
                    double ai = vectors[from + g + 1];
                    vectors[at + g] -= re * ar - im * ai;
                    vectors[at + g + 1] -= re * ai + im * ar;
                }
            }
        }
        double remaining = norm(vectors, at, npw);
        if (remaining <= 1e-10 * original) {
            return false;
        }
        double scale = 1 / remaining;
        for (int g = 0; g < 2 * npw; g++) {
            vectors[at + g] *= scale;
        }
        return true;
    }

    private static double norm(double[] vectors, int at, int npw) {
        double sum = 0;
        for (int g = 0; g < 2 * npw; g++) {
            sum += vectors[at + g] * vectors[at + g];
        }
        return Math.sqrt(sum);
    }

    private void ensureCapacity(int npw, int bands, int limit) {
        if (basis.length < 2 * limit * npw) {
            basis = new double[2 * limit * npw];
            hBasis = new double[2 * limit * npw];
        }
        if (ritz.length < 2 * bands * npw) {
            ritz = new double[2 * bands * npw];
            hRitz = new double[2 * bands * npw];
        }
        if (values.length < limit) {
            values = new double[limit];
        }
        if (subRe.length < limit * limit) {
            subRe = new double[limit * limit];
            subIm = new double[limit * limit];
            vecRe = new double[limit * limit];
            vecIm = new double[limit * limit];
        }
    }
}
