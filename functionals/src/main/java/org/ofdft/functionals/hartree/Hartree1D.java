package org.ofdft.functionals.hartree;

import org.ofdft.functionals.DensityChecks;
import org.ofdft.functionals.DensityFunctional;
import org.ofdft.grids.BoxGrid1D;
import org.ofdft.grids.FftSizes;
import org.ofdft.grids.Grid;
import org.ofdft.grids.Grid1D;
import org.ofdft.grids.PeriodicGrid1D;
import org.ofdft.grids.RealField;
import org.ofdft.grids.fft.FftBackend;
import org.ofdft.grids.fft.RealFft3D;

/**
 * Hartree energy in 1D, E_H = ½ Σ_i Σ_j n_i w(x_i − x_j) n_j h², with potential
 * v_H(x_i) = Σ_j w(x_i − x_j) n_j h, evaluated as a discrete convolution by FFT (one pair per call).
 *
 * <p>Box: the density is zero-padded to M ≥ 2N − 1 points so that the circular convolution equals the
 * linear one (the Toeplitz sum above, exactly). Periodic: the kernel is the lattice sum
 * Σ_m w(x + mL), which converges for the exponential interaction; for soft-Coulomb it diverges
 * logarithmically, so that combination is refused.
 */
public final class Hartree1D implements DensityFunctional {

    private final Grid1D grid;
    private final Interaction1D interaction;
    private final RealFft3D plan;
    private final double[] kernelSpectrum;
    private final double[] padded;
    private final double[] spectrum;

    public Hartree1D(Grid1D grid, Interaction1D interaction, FftBackend backend) {
        this.grid = grid;
        this.interaction = interaction;
        int n = grid.size();
        double h = grid.spacing();
        int length;
        double[] kernel;
        if (grid instanceof BoxGrid1D) {
            length = FftSizes.nextGood(2 * n);
            kernel = new double[length];
            for (int k = 0; k < length; k++) {
                int offset = k <= length / 2 ? k : k - length;
                if (Math.abs(offset) < n) {
                    kernel[k] = interaction.at(offset * h);
                }
            }
        } else {
            PeriodicGrid1D ring = (PeriodicGrid1D) grid;
            length = n;
            kernel = new double[length];
            double cellLength = ring.length();
            // Images out to where the interaction has decayed below 1e-17 of its value at contact.
            int images = 1;
            while (interaction.at((images - 1) * cellLength) > 1e-17 * interaction.at(0)) {
                images++;
                if (images > 100_000) {
                    throw new IllegalArgumentException("the " + interaction.name()
                            + " interaction decays too slowly for a periodic lattice sum (soft-Coulomb diverges "
                            + "logarithmically): use the exponential interaction or a box");
                }
            }
            for (int k = 0; k < length; k++) {
                double sum = 0;
                for (int m = -images; m <= images; m++) {
                    sum += interaction.at(k * h + m * cellLength);
                }
                kernel[k] = sum;
            }
        }
        this.plan = backend.plan(1, 1, length);
        this.kernelSpectrum = new double[plan.complexLength()];
        plan.forward(kernel, kernelSpectrum);
        this.padded = new double[length];
        this.spectrum = new double[plan.complexLength()];
    }

    public Interaction1D interaction() {
        return interaction;
    }

    @Override
    public String name() {
        return "hartree";
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
        DensityChecks.requireFinite(name(), n);
        int size = n.length;
        double h = grid.spacing();
        System.arraycopy(n, 0, padded, 0, size);
        java.util.Arrays.fill(padded, size, padded.length, 0.0);
        plan.forward(padded, spectrum);
        for (int e = 0; e < spectrum.length; e += 2) {
            // Product of complex numbers: the kernel is even, so its spectrum is real up to round-off.
            double re = spectrum[e] * kernelSpectrum[e] - spectrum[e + 1] * kernelSpectrum[e + 1];
            double im = spectrum[e] * kernelSpectrum[e + 1] + spectrum[e + 1] * kernelSpectrum[e];
            spectrum[e] = re;
            spectrum[e + 1] = im;
        }
        plan.inverse(spectrum, padded);
        double sum = 0;
        for (int j = 0; j < size; j++) {
            padded[j] *= h;
            sum += padded[j] * n[j];
        }
        if (potential != null) {
            double[] v = potential.values();
            for (int j = 0; j < size; j++) {
                v[j] += padded[j];
            }
        }
        return 0.5 * sum * h;
    }
}
