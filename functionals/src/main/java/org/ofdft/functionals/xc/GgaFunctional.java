package org.ofdft.functionals.xc;

import java.util.List;
import org.ofdft.functionals.DensityFunctional;
import org.ofdft.grids.Grid;
import org.ofdft.grids.RealField;
import org.ofdft.grids.SpectralOperators;

/**
 * A semilocal exchange–correlation functional E_xc = ∫ Σ_k e_k(n, σ) dr with σ = |∇n|², on a periodic
 * grid. The potential is v_xc = ∂e/∂n − 2∇·(∂e/∂σ ∇n) (White &amp; Bird, PRB 50, 4954 (1994) discuss this
 * form on grids); gradients and the divergence are spectral, so one call costs one forward and three
 * inverse transforms for ∇n, and three forward and one inverse for the divergence.
 */
public final class GgaFunctional implements DensityFunctional {

    private final SpectralOperators operators;
    private final String label;
    private final List<GgaKernel> kernels;
    private final double[][] gradient;
    private final double[] sigma;
    private final double[] energyDensity;
    private final double[] vrho;
    private final double[] vsigma;
    private final double[] vrhoTotal;
    private final double[] vsigmaTotal;
    private final double[] divergence;

    public GgaFunctional(SpectralOperators operators, String label, List<GgaKernel> kernels) {
        if (kernels.isEmpty()) {
            throw new IllegalArgumentException("a GGA functional needs at least one kernel");
        }
        this.operators = operators;
        this.label = label;
        this.kernels = List.copyOf(kernels);
        int size = operators.grid().size();
        int components = operators.components();
        this.gradient = new double[components][size];
        this.sigma = new double[size];
        this.energyDensity = new double[size];
        this.vrho = new double[size];
        this.vsigma = new double[size];
        this.vrhoTotal = new double[size];
        this.vsigmaTotal = new double[size];
        this.divergence = new double[size];
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
        int size = n.length;
        operators.gradient(n, gradient);
        java.util.Arrays.fill(sigma, 0.0);
        for (double[] component : gradient) {
            for (int j = 0; j < size; j++) {
                sigma[j] += component[j] * component[j];
            }
        }
        java.util.Arrays.fill(vrhoTotal, 0.0);
        java.util.Arrays.fill(vsigmaTotal, 0.0);
        double sum = 0;
        for (GgaKernel kernel : kernels) {
            kernel.evaluate(n, sigma, energyDensity, vrho, vsigma);
            for (int j = 0; j < size; j++) {
                sum += energyDensity[j];
                vrhoTotal[j] += vrho[j];
                vsigmaTotal[j] += vsigma[j];
            }
        }
        if (potential != null) {
            // Reuse the gradient arrays for the flux 2·vsigma·∇n.
            for (double[] component : gradient) {
                for (int j = 0; j < size; j++) {
                    component[j] *= 2 * vsigmaTotal[j];
                }
            }
            operators.divergence(gradient, divergence);
            double[] v = potential.values();
            for (int j = 0; j < size; j++) {
                v[j] += vrhoTotal[j] - divergence[j];
            }
        }
        return sum * grid().volumeElement();
    }
}
