package org.ofdft.functionals.kinetic;

import org.ofdft.functionals.DensityChecks;
import org.ofdft.functionals.DensityFunctional;
import org.ofdft.grids.Grid;
import org.ofdft.grids.Laplacian;
import org.ofdft.grids.RealField;
import org.ofdft.grids.fft.ParallelRange;
import org.ofdft.grids.simd.ArrayMath;

/**
 * von Weizsäcker kinetic energy λ·T_vW with T_vW = (1/8)∫|∇n|²/n = −½∫√n ∇²√n, exact for any
 * density made of one orbital (von Weizsäcker, Z. Phys. 96, 431 (1935)).
 *
 * <p>Discretized in φ = √n with a symmetric Laplacian L: E = −(λ/2) Σ φ_j (Lφ)_j ΔV, whose exact discrete
 * derivative is δE/δn_j = −λ (Lφ)_j / (2 φ_j). Where φ falls below {@code phiFloor} the division uses
 * the floor, so the potential stays finite as n → 0 (one FFT pair per call on periodic grids).
 */
public final class VonWeizsacker implements DensityFunctional {

    /** Default floor on √n in the potential's denominator. */
    public static final double DEFAULT_PHI_FLOOR = 1e-12;

    private final Laplacian laplacian;
    private final double lambda;
    private final double phiFloor;
    private final double[] phi;
    private final double[] laplacianPhi;

    public VonWeizsacker(Laplacian laplacian, double lambda) {
        this(laplacian, lambda, DEFAULT_PHI_FLOOR);
    }

    public VonWeizsacker(Laplacian laplacian, double lambda, double phiFloor) {
        if (!Double.isFinite(lambda)) {
            throw new IllegalArgumentException("von Weizsacker prefactor must be finite, got " + lambda);
        }
        this.laplacian = laplacian;
        this.lambda = lambda;
        this.phiFloor = phiFloor;
        int size = laplacian.grid().size();
        this.phi = new double[size];
        this.laplacianPhi = new double[size];
    }

    public double lambda() {
        return lambda;
    }

    @Override
    public String name() {
        return "von_weizsacker";
    }

    @Override
    public Grid grid() {
        return laplacian.grid();
    }

    @Override
    public double energyAndPotential(RealField density, RealField potential) {
        requireGrid(density, "density");
        requireGrid(potential, "potential");
        double[] n = density.values();
        ParallelRange parallel = laplacian.parallel();
        double sumOfPhi = parallel.sumBlocks(n.length, (from, to, worker) -> {
            for (int j = from; j < to; j++) {
                phi[j] = Math.sqrt(n[j]);
            }
            return ArrayMath.sum(phi, from, to);
        });
        if (!Double.isFinite(sumOfPhi)) {
            DensityChecks.requireNonNegative(name(), n);     // √ of a negative or NaN density: say where
        }
        laplacian.apply(phi, laplacianPhi);
        double[] v = potential == null ? null : potential.values();
        double factor = -0.5 * lambda;
        double sum = parallel.sumBlocks(n.length, (from, to, worker) -> {
            if (v != null) {
                for (int j = from; j < to; j++) {
                    v[j] += factor * laplacianPhi[j] / Math.max(phi[j], phiFloor);
                }
            }
            return ArrayMath.dot(phi, laplacianPhi, from, to);
        });
        return -0.5 * lambda * sum * grid().volumeElement();
    }
}
