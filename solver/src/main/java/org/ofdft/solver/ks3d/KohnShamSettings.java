package org.ofdft.solver.ks3d;

import java.util.Arrays;
import org.ofdft.solver.ConvergenceCriteria;

/**
 * The numerical settings of a plane-wave Kohn–Sham run (Hartree atomic units).
 *
 * @param cutoff         E_cut of the wavefunctions, ½|k+G|² ≤ E_cut (hartree; QE's ecutwfc is in Ry: E_cut =
 *                       ecutwfc/2); the density and potentials live on an FFT grid holding |G|²/2 ≤ 4 E_cut
 * @param kMesh          the Monkhorst–Pack mesh
 * @param smearing       occupation rule
 * @param smearingWidth  σ (hartree; QE's degauss is in Ry); ignored for {@link Smearing#FIXED}
 * @param bands          bands per k-point, or 0 for the default (QE's: ⌈N/2⌉ fixed; max(round(1.2·N/2),
 *                       round(N/2 + 4)) smeared)
 * @param fftShape       the FFT grid n1, n2, n3, or null for the smallest 2·3·5 grid of the density cutoff
 * @param mixing         density mixing
 * @param criteria       SCF convergence: |ΔF| (hartree) and ∫|n_out − n_in| (electrons) on one iteration
 * @param threads        worker threads over k-points (≥ 1)
 * @param symmetry       reduce the k-mesh with the crystal's symmetry operations ({@link SpaceGroup}) and
 *                       symmetrize the density; false: time reversal only
 */
public record KohnShamSettings(double cutoff, KPointMesh kMesh, Smearing smearing, double smearingWidth, int bands,
                               int[] fftShape, Mixing mixing, ConvergenceCriteria criteria, int threads,
                               boolean symmetry) {

    /** Criteria used by {@link #of}: |ΔF| &lt; 1e-9 Ha and ∫|n_out − n_in| &lt; 1e-6 within 100 iterations. */
    public static final ConvergenceCriteria DEFAULT_CRITERIA = new ConvergenceCriteria(1e-9, 1e-6, 100);

    /**
     * Pulay (DIIS) mixing of the density with a Kerker-preconditioned step.
     *
     * @param alpha      step α along the residual at short wavelengths
     * @param kerker     q₀ of the Kerker filter α q²/(q² + q₀²) (bohr⁻¹; 0 disables it)
     * @param history    stored iterations of the Pulay mixer
     */
    public record Mixing(double alpha, double kerker, int history) {

        /** α = 0.7 (QE's default beta), q₀ = 0.8 bohr⁻¹, 8 iterations of history. */
        public static final Mixing DEFAULT = new Mixing(0.7, 0.8, 8);

        public Mixing {
            if (!(alpha > 0) || !(alpha <= 1)) {
                throw new IllegalArgumentException("mixing alpha must be in (0, 1], got " + alpha);
            }
            if (!(kerker >= 0) || !Double.isFinite(kerker)) {
                throw new IllegalArgumentException("Kerker wave number must be >= 0 bohr^-1, got " + kerker);
            }
            if (history < 1) {
                throw new IllegalArgumentException("Pulay history must be at least 1, got " + history);
            }
        }
    }

    public KohnShamSettings {
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
            throw new IllegalArgumentException("plane-wave cutoff must be a positive number of hartree, got " + cutoff);
        }
        if (smearing != Smearing.FIXED && (!(smearingWidth > 0) || !Double.isFinite(smearingWidth))) {
            throw new IllegalArgumentException("smearing width must be a positive number of hartree for " + smearing.label()
                    + " smearing, got " + smearingWidth);
        }
        if (bands < 0) {
            throw new IllegalArgumentException("band count must be positive (or 0 for the default), got " + bands);
        }
        if (fftShape != null) {
            if (fftShape.length != 3 || fftShape[0] < 1 || fftShape[1] < 1 || fftShape[2] < 1) {
                throw new IllegalArgumentException("FFT shape must be three positive sizes, got " + Arrays.toString(fftShape));
            }
            fftShape = fftShape.clone();
        }
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, got " + threads);
        }
    }

    /** Default bands, grid, mixing and criteria, one thread. */
    public static KohnShamSettings of(double cutoff, KPointMesh kMesh, Smearing smearing, double smearingWidth) {
        return new KohnShamSettings(cutoff, kMesh, smearing, smearingWidth, 0, null, Mixing.DEFAULT, DEFAULT_CRITERIA, 1, true);
    }

    public KohnShamSettings withBands(int count) {
        return new KohnShamSettings(cutoff, kMesh, smearing, smearingWidth, count, fftShape, mixing, criteria, threads, symmetry);
    }

    public KohnShamSettings withFftShape(int n1, int n2, int n3) {
        return new KohnShamSettings(cutoff, kMesh, smearing, smearingWidth, bands, new int[] {n1, n2, n3}, mixing,
                criteria, threads, symmetry);
    }

    public KohnShamSettings withMixing(Mixing value) {
        return new KohnShamSettings(cutoff, kMesh, smearing, smearingWidth, bands, fftShape, value, criteria, threads, symmetry);
    }

    public KohnShamSettings withCriteria(ConvergenceCriteria value) {
        return new KohnShamSettings(cutoff, kMesh, smearing, smearingWidth, bands, fftShape, mixing, value, threads, symmetry);
    }

    public KohnShamSettings withThreads(int count) {
        return new KohnShamSettings(cutoff, kMesh, smearing, smearingWidth, bands, fftShape, mixing, criteria, count, symmetry);
    }

    /** With or without the crystal's symmetry (time reversal is always used). */
    public KohnShamSettings withSymmetry(boolean value) {
        return new KohnShamSettings(cutoff, kMesh, smearing, smearingWidth, bands, fftShape, mixing, criteria, threads,
                value);
    }

    @Override
    public int[] fftShape() {
        return fftShape == null ? null : fftShape.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KohnShamSettings s && cutoff == s.cutoff && kMesh.equals(s.kMesh)
                && smearing == s.smearing && smearingWidth == s.smearingWidth && bands == s.bands
                && Arrays.equals(fftShape, s.fftShape) && mixing.equals(s.mixing) && criteria.equals(s.criteria)
                && threads == s.threads && symmetry == s.symmetry;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(cutoff, kMesh, smearing, smearingWidth, bands, Arrays.hashCode(fftShape), mixing,
                criteria, threads, symmetry);
    }
}
