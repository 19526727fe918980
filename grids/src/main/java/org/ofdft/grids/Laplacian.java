package org.ofdft.grids;

import org.ofdft.grids.fft.ParallelRange;

/**
 * The Laplacian ∇² on a grid, as a symmetric linear map of sampled values (symmetric in the
 * Euclidean inner product, so Σ f·∇²g = Σ g·∇²f exactly: the property that makes energies such as
 * −½∫φ∇²φ and their discrete gradients consistent).
 */
public interface Laplacian {

    Grid grid();

    /** out ← ∇²f; {@code out} must not be {@code f}. */
    void apply(double[] f, double[] out);

    /** Workers for the grid-point loops that go with this operator: the FFT backend's, or one thread. */
    default ParallelRange parallel() {
        return ParallelRange.serial();
    }

    /** Spectral Laplacian −|G|² on a periodic grid (uses the operators' scratch; not thread-safe). */
    static Laplacian spectral(SpectralOperators operators) {
        return new Laplacian() {
            @Override
            public Grid grid() {
                return operators.grid();
            }

            @Override
            public void apply(double[] f, double[] out) {
                operators.laplacian(f, out);
            }

            @Override
            public ParallelRange parallel() {
                return operators.parallel();
            }
        };
    }

    /** Central finite differences of the given order (2, 4, 6) on a 1D box or periodic grid. */
    static Laplacian finiteDifference(Grid1D grid, int order) {
        FiniteDifference1D stencil = new FiniteDifference1D(order);
        return new Laplacian() {
            @Override
            public Grid grid() {
                return grid;
            }

            @Override
            public void apply(double[] f, double[] out) {
                stencil.laplacian(grid, f, out);
            }
        };
    }
}
