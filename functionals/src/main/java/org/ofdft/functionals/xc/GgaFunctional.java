package org.ofdft.functionals.xc;

import java.util.List;
import org.ofdft.functionals.DensityFunctional;
import org.ofdft.grids.Grid;
import org.ofdft.grids.RealField;
import org.ofdft.grids.SpectralOperators;
import org.ofdft.grids.fft.ParallelRange;
import org.ofdft.grids.simd.ArrayMath;

/**
 * A semilocal exchange–correlation functional E_xc = ∫ Σ_k e_k(n, σ) dr with σ = |∇n|², on a periodic
 * grid. The potential is v_xc = ∂e/∂n − 2∇·(∂e/∂σ ∇n) (White &amp; Bird, PRB 50, 4954 (1994) discuss this
 * form on grids); gradients and the divergence are spectral, so one call costs one forward and three
 * inverse transforms for ∇n, and three forward and one inverse for the divergence. Between the transforms, one
 * pass over the grid (split over the FFT backend's workers, {@link SpectralOperators#parallel()}) forms σ,
 * runs the kernels block by block ({@link XcBlock}), adds ∂e/∂n to the potential and turns ∇n into the flux
 * 2 ∂e/∂σ ∇n in place; a second pass subtracts the divergence.
 */
public final class GgaFunctional implements DensityFunctional {

    private final SpectralOperators operators;
    private final ParallelRange parallel;
    private final String label;
    private final List<GgaKernel> kernels;
    private final double[][] gradient;
    private final double[] divergence;
    /** Per worker: its block, and its Σ_k ∂e_k/∂n and Σ_k ∂e_k/∂σ over the block. */
    private final XcBlock[] blocks;
    private final double[][] vrhoSums;
    private final double[][] vsigmaSums;

    public GgaFunctional(SpectralOperators operators, String label, List<GgaKernel> kernels) {
        if (kernels.isEmpty()) {
            throw new IllegalArgumentException("a GGA functional needs at least one kernel");
        }
        this.operators = operators;
        this.parallel = operators.parallel();
        this.label = label;
        this.kernels = List.copyOf(kernels);
        int size = operators.grid().size();
        this.gradient = new double[operators.components()][size];
        this.divergence = new double[size];
        int workers = parallel.threads();
        this.blocks = new XcBlock[workers];
        this.vrhoSums = new double[workers][XcBlock.CAPACITY];
        this.vsigmaSums = new double[workers][XcBlock.CAPACITY];
        for (int w = 0; w < workers; w++) {
            blocks[w] = new XcBlock();
        }
    }

    /** PBE exchange + correlation (Perdew, Burke, Ernzerhof, PRL 77, 3865 (1996)). */
    public static GgaFunctional pbe(SpectralOperators operators) {
        return new GgaFunctional(operators, "pbe", List.of(new PbeExchange(), new PbeCorrelation()));
    }

    public String label() {
        return label;
    }

    @Override
    public String name() {
        return "xc";
    }

    @Override
    public Grid grid() {
        return operators.grid();
    }

    @Override
    public double energyAndPotential(RealField density, RealField potential) {
        requireGrid(density, "density");
        requireGrid(potential, "potential");
        double[] n = density.values();
        XcInputs.requireDensityDomain(label, n);
        operators.gradient(n, gradient);
        double[] v = potential == null ? null : potential.values();
        double sum = parallel.sum(n.length, (from, to, worker) -> kernelPass(n, v, from, to, worker));
        if (v != null) {
            operators.divergence(gradient, divergence);
            parallel.forEach(n.length, (from, to, worker) -> {
                for (int j = from; j < to; j++) {
                    v[j] -= divergence[j];
                }
            });
        }
        return sum * grid().volumeElement();
    }

    /**
     * Points [from, to): σ = |∇n|², the kernels, v += Σ ∂e/∂n and ∇n ← 2 Σ ∂e/∂σ ∇n (when v is wanted);
     * returns Σ e over the range.
     */
    private double kernelPass(double[] n, double[] v, int from, int to, int worker) {
        XcBlock block = blocks[worker];
        double[] vrhoSum = vrhoSums[worker];
        double[] vsigmaSum = vsigmaSums[worker];
        double[] sigma = block.sigma();
        double energy = 0;
        for (int start = from; start < to; start += XcBlock.CAPACITY) {
            int count = Math.min(XcBlock.CAPACITY, to - start);
            block.load(n, null, start, count);
            java.util.Arrays.fill(sigma, 0, count, 0.0);
            for (double[] component : gradient) {
                for (int j = 0; j < count; j++) {
                    sigma[j] += component[start + j] * component[start + j];
                }
            }
            java.util.Arrays.fill(vrhoSum, 0, count, 0.0);
            java.util.Arrays.fill(vsigmaSum, 0, count, 0.0);
            for (GgaKernel kernel : kernels) {
                kernel.evaluate(block);
                energy += ArrayMath.sum(block.energyDensity(), 0, count);
                double[] vrho = block.vrho();
                double[] vsigma = block.vsigma();
                for (int j = 0; j < count; j++) {
                    vrhoSum[j] += vrho[j];
                    vsigmaSum[j] += vsigma[j];
                }
            }
            if (v != null) {
                for (int j = 0; j < count; j++) {
                    v[start + j] += vrhoSum[j];
                }
                for (double[] component : gradient) {
                    for (int j = 0; j < count; j++) {
                        component[start + j] *= 2 * vsigmaSum[j];
                    }
                }
            }
        }
        return energy;
    }
}
