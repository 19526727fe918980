package org.ofdft.ml.xc;

import java.util.List;
import org.ofdft.functionals.xc.GgaKernel;
import org.ofdft.functionals.xc.LdaKernel;
import org.ofdft.functionals.xc.Pw92Correlation;
import org.ofdft.functionals.xc.SlaterExchange;
import org.ofdft.functionals.xc.XcBlock;

/**
 * A neural GGA exchange–correlation kernel for 3D grids: the LDA (Slater exchange + PW92 correlation with
 * PBE's parameters, the uniform-gas limit of PBE) plus a gradient correction from a small network of the
 * density and the reduced gradient,
 * <pre>
 *   e(n, σ) = e_LDA(n) + e_x^unif(n) · x₂ · N(x₁, x₂),     e_x^unif = −(3/4)(3/π)^{1/3} n^{4/3},
 *   x₁ = (ln n − {@value #LOG_CENTRE}) / {@value #LOG_SCALE},   x₂ = s²/(1 + s²),   s² = σ / (4 (3π²)^{2/3} n^{8/3}),
 * </pre>
 * N a tanh network with a linear output ({@link MlpWeights}). The factor x₂ makes the correction vanish at
 * σ = 0, so the uniform electron gas is exact by construction; x₂ ∈ [0, 1) keeps the network's input bounded
 * in density tails. ∂e/∂n and ∂e/∂σ follow by the chain rule from the network's input gradient, computed by
 * backpropagation (exact; nothing is finite-differenced). {@link NeuralGgaFit} trains N on PBE.
 *
 * <p>Per point this costs a forward and a backward pass through N (a few hundred flops and one tanh per
 * hidden unit), so it is meant for demonstrations and small cells, not for production PBE runs.
 */
public final class NeuralGgaKernel implements GgaKernel {

    /** Centre and scale of the log-density input: x₁ ∈ [−1, 1] for n from about 1e-4 to 1 bohr⁻³. */
    public static final double LOG_CENTRE = -4.6;
    public static final double LOG_SCALE = 4.6;
    /** e_x^unif = −C_X n^{4/3}. */
    static final double EXCHANGE_CONSTANT = 0.75 * Math.cbrt(3 / Math.PI);
    /** s² = σ / (S2_CONSTANT n^{8/3}). */
    static final double S2_CONSTANT = 4 * Math.pow(3 * Math.PI * Math.PI, 2.0 / 3.0);

    private final MlpWeights network;
    private final double densityThreshold;
    private final List<LdaKernel> uniformGas;
    private final ThreadLocal<Scratch> scratch;

    /** Per-thread work arrays: the LDA part of a block and the network's layer activations and deltas. */
    private static final class Scratch {
        final double[] lowerEnergy = new double[XcBlock.CAPACITY];
        final double[] lowerPotential = new double[XcBlock.CAPACITY];
        final double[][] activations;
        final double[][] deltas;
        final double[] input = new double[2];
        final double[] inputGradient = new double[2];

        Scratch(MlpWeights network) {
            int layers = network.weights().size();
            activations = new double[layers][];
            deltas = new double[layers][];
            for (int l = 0; l < layers; l++) {
                int width = network.weights().get(l)[0].length;
                activations[l] = new double[width];
                deltas[l] = new double[width];
            }
        }
    }

    /** With libxc's default density threshold (1e-15). */
    public NeuralGgaKernel(MlpWeights network) {
        this(network, 1e-15);
    }

    public NeuralGgaKernel(MlpWeights network, double densityThreshold) {
        if (network.weights().get(0).length != 2) {
            throw new IllegalArgumentException("the neural GGA network takes 2 inputs (x1, x2), this one takes "
                    + network.weights().get(0).length);
        }
        this.network = network;
        this.densityThreshold = densityThreshold;
        this.uniformGas = uniformGas(densityThreshold);
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(network));
    }

    /** The LDA part: Slater exchange and PW92 correlation with PBE's parameters (PBE's uniform-gas limit). */
    static List<LdaKernel> uniformGas(double densityThreshold) {
        return List.of(new SlaterExchange(densityThreshold), Pw92Correlation.modified(densityThreshold));
    }

    public MlpWeights network() {
        return network;
    }

    @Override
    public String name() {
        return "GGA_XC_NN";
    }

    @Override
    public double densityThreshold() {
        return densityThreshold;
    }

    @Override
    public void evaluate(XcBlock block) {
        Scratch work = scratch.get();
        int count = block.count();
        double[] energy = work.lowerEnergy;
        double[] potential = work.lowerPotential;
        java.util.Arrays.fill(energy, 0, count, 0.0);
        java.util.Arrays.fill(potential, 0, count, 0.0);
        for (LdaKernel kernel : uniformGas) {
            kernel.evaluate(block);
            for (int j = 0; j < count; j++) {
                energy[j] += block.energyDensity()[j];
                potential[j] += block.vrho()[j];
            }
        }
        double[] n = block.density();
        double[] sigma = block.sigma();
        double[] e = block.energyDensity();
        double[] vrho = block.vrho();
        double[] vsigma = block.vsigma();
        double[] inputGradient = work.inputGradient;
        for (int j = 0; j < count; j++) {
            double density = n[j];
            if (density < densityThreshold) {
                e[j] = 0;
                vrho[j] = 0;
                vsigma[j] = 0;
                continue;
            }
            double cubeRoot = Math.cbrt(density);
            double density43 = density * cubeRoot;
            double exchange = -EXCHANGE_CONSTANT * density43;              // e_x^unif
            double s2 = sigma[j] / (S2_CONSTANT * density43 * density43);  // n^{8/3} = (n^{4/3})²
            double x1 = (Math.log(density) - LOG_CENTRE) / LOG_SCALE;
            double x2 = s2 / (1 + s2);
            double value = forwardAndInputGradient(x1, x2, work, inputGradient);
            double g = x2 * value;
            double dgdx1 = x2 * inputGradient[0];
            double dgdx2 = value + x2 * inputGradient[1];
            double dx2ds2 = 1 / ((1 + s2) * (1 + s2));
            // ∂s²/∂n = −(8/3) s²/n, ∂s²/∂σ = s²/σ = 1/(S2_CONSTANT n^{8/3}), ∂x₁/∂n = 1/(LOG_SCALE n)
            double dgdn = dgdx1 / (LOG_SCALE * density) - dgdx2 * dx2ds2 * (8.0 / 3.0) * s2 / density;
            double dgdsigma = dgdx2 * dx2ds2 / (S2_CONSTANT * density43 * density43);
            e[j] = energy[j] + exchange * g;
            vrho[j] = potential[j] + (4.0 / 3.0) * exchange / density * g + exchange * dgdn;
            vsigma[j] = exchange * dgdsigma;
        }
    }

    /** N(x₁, x₂), and ∂N/∂x₁, ∂N/∂x₂ into {@code gradient} by backpropagation. */
    private double forwardAndInputGradient(double x1, double x2, Scratch work, double[] gradient) {
        List<double[][]> weights = network.weights();
        List<double[]> biases = network.biases();
        int layers = weights.size();
        double[] input = work.input;
        input[0] = x1;
        input[1] = x2;
        double[] previous = input;
        for (int l = 0; l < layers; l++) {
            double[][] w = weights.get(l);
            double[] b = biases.get(l);
            double[] out = work.activations[l];
            boolean linear = l == layers - 1;
            for (int o = 0; o < out.length; o++) {
                double sum = b[o];
                for (int i = 0; i < previous.length; i++) {
                    sum += previous[i] * w[i][o];
                }
                out[o] = linear ? sum : Math.tanh(sum);
            }
            previous = out;
        }
        double output = work.activations[layers - 1][0];
        // δ of the linear output is 1; hidden δ_l = (W_{l+1} δ_{l+1}) ⊙ (1 − a_l²)
        double[] delta = work.deltas[layers - 1];
        delta[0] = 1;
        for (int l = layers - 2; l >= 0; l--) {
            double[][] w = weights.get(l + 1);
            double[] next = work.deltas[l + 1];
            double[] a = work.activations[l];
            double[] current = work.deltas[l];
            for (int i = 0; i < current.length; i++) {
                double sum = 0;
                for (int o = 0; o < next.length; o++) {
                    sum += w[i][o] * next[o];
                }
                current[i] = sum * (1 - a[i] * a[i]);
            }
        }
        double[][] first = weights.get(0);
        double[] firstDelta = work.deltas[0];
        for (int i = 0; i < 2; i++) {
            double sum = 0;
            for (int o = 0; o < firstDelta.length; o++) {
                sum += first[i][o] * firstDelta[o];
            }
            gradient[i] = sum;
        }
        return output;
    }
}
