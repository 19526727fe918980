package org.ofdft.functionals.xc;

import java.util.List;
import org.ofdft.functionals.DensityFunctional;
import org.ofdft.grids.Grid;
import org.ofdft.grids.RealField;
import org.ofdft.grids.SpectralOperators;
import org.ofdft.grids.fft.ParallelRange;
import org.ofdft.grids.simd.ArrayMath;

/**
 * A local exchange–correlation functional E_xc = ∫ Σ_k e_k(n(r)) dr, v_xc = Σ_k ∂e_k/∂n, from one or more
 * pointwise kernels (typically exchange + correlation). Works on every grid: 1D kernels give energies
 * per length, 3D kernels per volume. The kernels run block by block ({@link XcBlock}), on the calling thread or
 * split over a {@link ParallelRange}'s workers.
 */
public final class LdaFunctional implements DensityFunctional {

    private final Grid grid;
    private final String label;
    private final List<LdaKernel> kernels;
    private final ParallelRange parallel;
    /** Per worker: its block. */
    private final XcBlock[] blocks;

    /** Kernels evaluated on the calling thread. */
    public LdaFunctional(Grid grid, String label, List<LdaKernel> kernels) {
        this(grid, label, kernels, ParallelRange.serial());
    }

    /** Kernels evaluated on {@code parallel}'s workers (e.g. a 3D grid's {@link SpectralOperators#parallel()}). */
    public LdaFunctional(Grid grid, String label, List<LdaKernel> kernels, ParallelRange parallel) {
        if (kernels.isEmpty()) {
            throw new IllegalArgumentException("an LDA functional needs at least one kernel");
        }
        this.grid = grid;
        this.label = label;
        this.kernels = List.copyOf(kernels);
        this.parallel = parallel;
        this.blocks = new XcBlock[parallel.threads()];
        for (int w = 0; w < blocks.length; w++) {
            blocks[w] = new XcBlock();
        }
    }

    /** Slater exchange + Perdew–Zunger 1981 correlation: the "LDA" of DFTpy and of Quantum ESPRESSO's 'PZ'. */
    public static LdaFunctional slaterPz81(Grid grid) {
        return slaterPz81(grid, ParallelRange.serial());
    }

    /** {@link #slaterPz81(Grid)} on {@code parallel}'s workers. */
    public static LdaFunctional slaterPz81(Grid grid, ParallelRange parallel) {
        return new LdaFunctional(grid, "lda_pz81", List.of(new SlaterExchange(), new Pz81Correlation()), parallel);
    }

    /** Slater exchange + Perdew–Wang 1992 correlation. */
    public static LdaFunctional slaterPw92(Grid grid) {
        return slaterPw92(grid, ParallelRange.serial());
    }

    /** {@link #slaterPw92(Grid)} on {@code parallel}'s workers. */
    public static LdaFunctional slaterPw92(Grid grid, ParallelRange parallel) {
        return new LdaFunctional(grid, "lda_pw92", List.of(new SlaterExchange(), Pw92Correlation.original()), parallel);
    }

    /** 1D LDA for the exponential interaction (Baker et al. 2015), spin-unpolarized. */
    public static LdaFunctional exponential1D(Grid grid) {
        if (grid.dimension() != 1) {
            throw new IllegalArgumentException("the exponential-interaction LDA is one-dimensional; grid is " + grid);
        }
        return new LdaFunctional(grid, "lda_1d_exponential", List.of(new ExponentialLda1D()));
    }

    /**
     * 1D LDA for the soft-Coulomb interaction 1/√(x² + 1), spin-unpolarized: exact uniform-gas exchange
     * (libxc LDA_X_1D_SOFT) + Helbig et al. 2011 correlation (libxc LDA_C_1D_CSC, b = 1).
     */
    public static LdaFunctional softCoulomb1D(Grid grid) {
        if (grid.dimension() != 1) {
            throw new IllegalArgumentException("the soft-Coulomb LDA is one-dimensional; grid is " + grid);
        }
        return new LdaFunctional(grid, "lda_1d_soft_coulomb", List.of(new SoftCoulombLda1D()));
    }

    /** Which approximation, e.g. {@code lda_pz81}. */
    public String label() {
        return label;
    }

    @Override
    public String name() {
        return "xc";
    }

    @Override
    public Grid grid() {
        return grid;
    }

    @Override
    public double energyAndPotential(RealField density, RealField potential) {
        requireGrid(density, "density");
        requireGrid(potential, "potential");
        double[] n = density.values();
        double[] v = potential == null ? null : potential.values();
        double sum = parallel.sum(n.length, (from, to, worker) -> kernelPass(n, v, from, to, worker));
        if (Double.isNaN(sum)) {
            XcInputs.requireDensityDomain(label, n);
        }
        return sum * grid.volumeElement();
    }

    /**
     * Points [from, to): the kernels block by block, v += Σ ∂e/∂n; returns Σ e over the range, or NaN as soon
     * as a block holds a negative or NaN density (checked while the block is in cache).
     */
    private double kernelPass(double[] n, double[] v, int from, int to, int worker) {
        XcBlock block = blocks[worker];
        double sum = 0;
        for (int start = from; start < to; start += XcBlock.CAPACITY) {
            int count = Math.min(XcBlock.CAPACITY, to - start);
            if (!(ArrayMath.min(n, start, start + count) >= 0.0)) {
                return Double.NaN;
            }
            block.load(n, null, start, count);
            for (LdaKernel kernel : kernels) {
                kernel.evaluate(block);
                sum += ArrayMath.sum(block.energyDensity(), 0, count);
                if (v != null) {
                    double[] vrho = block.vrho();
                    for (int j = 0; j < count; j++) {
                        v[start + j] += vrho[j];
                    }
                }
            }
        }
        return sum;
    }
}
