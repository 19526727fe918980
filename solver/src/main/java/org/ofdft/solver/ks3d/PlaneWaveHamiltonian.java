package org.ofdft.solver.ks3d;

import java.util.Arrays;
import org.ofdft.grids.Grid3D;
import org.ofdft.grids.fft.ComplexFft3D;

/**
 * The Kohn–Sham Hamiltonian with a local potential in the plane-wave basis of one k-point,
 * <pre>
 *   (H c)(G) = ½|k + G|² c(G) + Σ_G' V(G − G') c(G'),
 * </pre>
 * the potential term applied with two FFTs: u(r_j) = Σ_G c(G) e^{iG·r_j} on the grid, multiplied by
 * V(r_j), and transformed back, (Vc)(G) = (1/N) Σ_j e^{−iG·r_j} V(r_j) u(r_j) (the factor e^{ik·r} cancels
 * in the product). On a grid that holds the density sphere (|G − G'| up to twice the wavefunction cutoff's
 * radius) this is exact, with no aliasing: the same operation as Quantum ESPRESSO's {@code vloc_psi}.
 *
 * <p>Coefficient blocks are interleaved complex arrays, band b's plane wave j at 2·(b·npw + j).
 * Holds an FFT plan and one grid buffer: one caller at a time (make one per thread). Counts the H·ψ
 * applications (one per band).
 */
final class PlaneWaveHamiltonian {

    private final Grid3D grid;
    private final ComplexFft3D fft;
    private final double[] box;
    private final double inverseSize;
    private long applications;

    PlaneWaveHamiltonian(Grid3D grid) {
        this.grid = grid;
        this.fft = new ComplexFft3D(grid.n1(), grid.n2(), grid.n3());
        this.box = new double[2 * grid.size()];
        this.inverseSize = 1.0 / grid.size();
    }

    Grid3D grid() {
        return grid;
    }

    /** Number of single-band H·ψ applications so far. */
    long applications() {
        return applications;
    }

    /**
     * out[outBand + b] = H in[inBand + b] for b &lt; bands, with the local potential V(r) on the grid
     * (hartree, real, C order).
     */
    void apply(PlaneWaveBasis basis, double[] potential, double[] in, int inBand, double[] out, int outBand,
               int bands) {
        int npw = basis.size();
        int[] index = basis.gridIndices();
        double[] kinetic = basis.kineticEnergies();
        for (int b = 0; b < bands; b++) {
            int from = 2 * (inBand + b) * npw;
            int to = 2 * (outBand + b) * npw;
            toGrid(index, in, from, npw);
            for (int j = 0, r = 0; j < potential.length; j++, r += 2) {
                double v = potential[j];
                box[r] *= v;
                box[r + 1] *= v;
            }
            fft.forward(box);
            for (int j = 0; j < npw; j++) {
                int g = 2 * index[j];
                out[to + 2 * j] = kinetic[j] * in[from + 2 * j] + inverseSize * box[g];
                out[to + 2 * j + 1] = kinetic[j] * in[from + 2 * j + 1] + inverseSize * box[g + 1];
            }
        }
        applications += bands;
    }

    /**
     * density(r) += Σ_b weight_b |ψ_b(r)|², ψ_b(r) = Ω^{−½} Σ_G c_b(G) e^{i(k+G)·r}, for the bands with a
     * non-zero weight (electrons per band times the k-point weight).
     */
    void addDensity(PlaneWaveBasis basis, double[] coefficients, double[] weights, int bands, double[] density) {
        int npw = basis.size();
        int[] index = basis.gridIndices();
        double perVolume = 1.0 / grid.cell().volume();
        for (int b = 0; b < bands; b++) {
            double w = weights[b] * perVolume;
            if (w == 0) {
                continue;
            }
            toGrid(index, coefficients, 2 * b * npw, npw);
            for (int j = 0, r = 0; j < density.length; j++, r += 2) {
                density[j] += w * (box[r] * box[r] + box[r + 1] * box[r + 1]);
            }
        }
    }

    /** box ← u(r) = Σ_G c(G) e^{iG·r} from the coefficients at {@code from}. */
    private void toGrid(int[] index, double[] coefficients, int from, int npw) {
        Arrays.fill(box, 0.0);
        for (int j = 0; j < npw; j++) {
            int g = 2 * index[j];
            box[g] = coefficients[from + 2 * j];
            box[g + 1] = coefficients[from + 2 * j + 1];
        }
        fft.backward(box);
    }
}
