package org.ofdft.ml.hk;

import org.ofdft.grids.Grid3D;
import org.ofdft.grids.ReciprocalGrid;
import org.ofdft.grids.fft.FftBackend;
import org.ofdft.grids.fft.RealFft3D;

/**
 * A periodic 3D density represented by its plane-wave coefficients n_G = (1/N) Σ_r n(r) e^(−iG·r) for
 * ½|G|² ≤ E_cut, real and imaginary parts of the half spectrum of a real FFT (G and −G are one entry).
 * With Parseval, ∫(Δn)² d³r = Ω Σ_G |Δn_G|², so each stored number has the weight Ω·m, m = 2 for entries
 * standing for ±G and 1 on the planes k3 = 0 and k3 = n3/2 ({@link ReciprocalGrid#hermitianMultiplicity}).
 * The transforms share one FFT plan and are serialized (the plan holds scratch memory).
 */
public final class PlaneWaveBasis implements DensityBasis {

    private final Grid3D grid;
    private final double cutoff;
    private final int[] kept;
    private final double[] weights;
    private final RealFft3D plan;
    private final double[] spectrum;

    /** Keeps the half-spectrum entries with ½|G|² ≤ {@code cutoff} (hartree). */
    public PlaneWaveBasis(Grid3D grid, double cutoff, FftBackend backend) {
        if (!(cutoff > 0)) {
            throw new IllegalArgumentException("plane-wave cutoff must be positive, got " + cutoff + " Ha");
        }
        this.grid = grid;
        this.cutoff = cutoff;
        ReciprocalGrid reciprocal = grid.reciprocal();
        double[] g2 = reciprocal.g2();
        int h3 = reciprocal.n3() / 2 + 1;
        int count = 0;
        for (double value : g2) {
            if (0.5 * value <= cutoff) {
                count++;
            }
        }
        kept = new int[count];
        weights = new double[2 * count];
        int next = 0;
        for (int index = 0; index < g2.length; index++) {
            if (0.5 * g2[index] <= cutoff) {
                kept[next] = index;
                double weight = grid.cell().volume() * reciprocal.hermitianMultiplicity(index % h3);
                weights[2 * next] = weight;
                weights[2 * next + 1] = weight;
                next++;
            }
        }
        plan = backend.plan(grid.n1(), grid.n2(), grid.n3());
        spectrum = new double[plan.complexLength()];
    }

    public double cutoff() {
        return cutoff;
    }

    public Grid3D grid() {
        return grid;
    }

    @Override
    public int size() {
        return 2 * kept.length;
    }

    @Override
    public synchronized void coefficients(double[] density, double[] out) {
        plan.forward(density, spectrum);
        double norm = 1.0 / grid.size();
        for (int i = 0; i < kept.length; i++) {
            out[2 * i] = spectrum[2 * kept[i]] * norm;
            out[2 * i + 1] = spectrum[2 * kept[i] + 1] * norm;
        }
    }

    @Override
    public synchronized void density(double[] coefficients, double[] out) {
        java.util.Arrays.fill(spectrum, 0);
        double scale = grid.size();
        for (int i = 0; i < kept.length; i++) {
            spectrum[2 * kept[i]] = coefficients[2 * i] * scale;
            spectrum[2 * kept[i] + 1] = coefficients[2 * i + 1] * scale;
        }
        plan.inverse(spectrum, out);
    }

    @Override
    public double[] errorWeights() {
        return weights.clone();
    }

    @Override
    public String name() {
        return "planewave";
    }
}
