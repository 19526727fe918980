package org.ofdft.ml.xc;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ofdft.functionals.xc.GgaKernel;
import org.ofdft.functionals.xc.LdaKernel;
import org.ofdft.functionals.xc.PbeCorrelation;
import org.ofdft.functionals.xc.PbeExchange;
import org.ofdft.ml.regression.NeuralNetworkModel;
import org.ofdft.ml.regression.NeuralNetworkRegression;

/**
 * Fits the network of a {@link NeuralGgaKernel} to PBE (exchange + correlation, this project's libxc-checked
 * kernels). Training points: n log-uniform in [{@code minDensity}, {@code maxDensity}], s uniform in
 * [{@value #MIN_S}, {@code maxS}]; the target is the network's share of PBE's gradient correction,
 * N = (e_PBE − e_LDA) / (e_x^unif x₂). A {@link NeuralNetworkRegression} (Deeplearning4j, tanh, Adam, early
 * stopping on a validation split) learns it on targets scaled to unit spread; the scale and mean are folded
 * back into the output layer, and the trained parameters become the {@link MlpWeights} the kernel evaluates.
 *
 * @param hiddenLayers widths of the tanh layers
 * @param samples      training points (a fifth are held out for early stopping)
 * @param minDensity   smallest density sampled (bohr⁻³)
 * @param maxDensity   largest density sampled
 * @param maxS         largest reduced gradient sampled
 * @param maxEpochs    epoch limit of the training
 * @param seed         seed of the sampling, the initialization and the batch order
 */
public record NeuralGgaFit(int[] hiddenLayers, int samples, double minDensity, double maxDensity, double maxS,
        int maxEpochs, long seed) {

    /** Smallest s sampled: below it the target's 0/0 form loses digits, and x₂ → 0 suppresses N anyway. */
    public static final double MIN_S = 0.02;

    /** The reference (PBE) and the LDA the network's correction is added to, as in {@link NeuralGgaKernel}. */
    private static final List<GgaKernel> PBE = List.of(new PbeExchange(), new PbeCorrelation());
    private static final List<LdaKernel> UNIFORM_GAS = NeuralGgaKernel.uniformGas(PbeExchange.LIBXC_DENSITY_THRESHOLD);

    /** The fitted kernel and its accuracy on fresh points. */
    public record Result(NeuralGgaKernel kernel, int epochs, double maxAbsEnhancementError) {
    }

    public NeuralGgaFit {
        hiddenLayers = hiddenLayers.clone();
        if (samples < 10 || !(minDensity > 0 && maxDensity > minDensity) || !(maxS > MIN_S) || maxEpochs < 1) {
            throw new IllegalArgumentException("neural GGA fit needs ≥ 10 samples, 0 < minDensity < maxDensity,"
                    + " maxS > " + MIN_S + " and ≥ 1 epoch");
        }
    }

    /** Trains and reports the largest |Δ(e/e_x^unif)| against PBE on 2000 fresh points of the same ranges. */
    public Result fit() {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] features = new double[samples][];
        double[] targets = new double[samples];
        for (int i = 0; i < samples; i++) {
            double[] point = samplePoint(random);
            features[i] = new double[] {point[2], point[3]};
            targets[i] = point[4];
        }
        double mean = 0;
        for (double t : targets) {
            mean += t;
        }
        mean /= samples;
        double spread = 0;
        for (double t : targets) {
            spread += (t - mean) * (t - mean);
        }
        spread = Math.sqrt(spread / samples);
        double[] scaled = new double[samples];
        for (int i = 0; i < samples; i++) {
            scaled[i] = (targets[i] - mean) / spread;
        }
        NeuralNetworkRegression.Training training = new NeuralNetworkRegression(hiddenLayers,
                NeuralNetworkModel.Activation.TANH, 3e-3, 0, 64, maxEpochs, 200, 0.2, random.nextLong())
                .train(features, scaled);
        MlpWeights weights = weights(training.model(), spread, mean);
        NeuralGgaKernel kernel = new NeuralGgaKernel(weights);
        return new Result(kernel, training.epochs(), maxEnhancementError(kernel, random));
    }

    /** (n, s, x₁, x₂, target N) of one random point. */
    private double[] samplePoint(SplittableRandom random) {
        double n = minDensity * Math.pow(maxDensity / minDensity, random.nextDouble());
        double s = MIN_S + (maxS - MIN_S) * random.nextDouble();
        double s2 = s * s;
        double x1 = (Math.log(n) - NeuralGgaKernel.LOG_CENTRE) / NeuralGgaKernel.LOG_SCALE;
        double x2 = s2 / (1 + s2);
        double correction = pbeEnergyDensity(n, s2) - ldaEnergyDensity(n);
        double exchange = -NeuralGgaKernel.EXCHANGE_CONSTANT * n * Math.cbrt(n);
        return new double[] {n, s, x1, x2, correction / (exchange * x2)};
    }

    private static double sigmaOf(double n, double s2) {
        double n43 = n * Math.cbrt(n);
        return s2 * NeuralGgaKernel.S2_CONSTANT * n43 * n43;
    }

    private static double pbeEnergyDensity(double n, double s2) {
        double sigma = sigmaOf(n, s2);
        double e = 0;
        for (GgaKernel kernel : PBE) {
            e += kernel.energyDensity(n, sigma);
        }
        return e;
    }

    private static double ldaEnergyDensity(double n) {
        double e = 0;
        for (LdaKernel kernel : UNIFORM_GAS) {
            e += kernel.energyDensity(n);
        }
        return e;
    }

    /** max |e_NN − e_PBE| / |e_x^unif| over fresh points of the sampled ranges. */
    private double maxEnhancementError(GgaKernel kernel, SplittableRandom random) {
        double worst = 0;
        for (int i = 0; i < 2000; i++) {
            double[] point = samplePoint(random);
            double n = point[0];
            double s2 = point[1] * point[1];
            double exchange = NeuralGgaKernel.EXCHANGE_CONSTANT * n * Math.cbrt(n);
            double error = Math.abs(kernel.energyDensity(n, sigmaOf(n, s2)) - pbeEnergyDensity(n, s2)) / exchange;
            worst = Math.max(worst, error);
        }
        return worst;
    }

    /**
     * The Deeplearning4j parameters as {@link MlpWeights}: per dense layer W (n_in × n_out, stored column by
     * column) then b; the output layer is scaled by {@code scale} and shifted by {@code shift} to undo the
     * target scaling.
     */
    static MlpWeights weights(NeuralNetworkModel model, double scale, double shift) {
        int[] sizes = model.layerSizes();
        double[] parameters = model.parameters();
        List<double[][]> weights = new ArrayList<>();
        List<double[]> biases = new ArrayList<>();
        int at = 0;
        for (int l = 1; l < sizes.length; l++) {
            int in = sizes[l - 1];
            int out = sizes[l];
            boolean output = l == sizes.length - 1;
            double[][] w = new double[in][out];
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < in; i++) {
                    w[i][o] = parameters[at++] * (output ? scale : 1);
                }
            }
            double[] b = new double[out];
            for (int o = 0; o < out; o++) {
                b[o] = parameters[at++] * (output ? scale : 1) + (output ? shift : 0);
            }
            weights.add(w);
            biases.add(b);
        }
        return new MlpWeights(weights, biases);
    }
}
