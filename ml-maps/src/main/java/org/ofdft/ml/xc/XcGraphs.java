package org.ofdft.ml.xc;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv1DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * SameDiff building blocks shared by the neural XC functionals and their training: the density window,
 * the tanh network, its input derivative, and the transpose of the window (all double precision).
 *
 * <p><b>Window.</b> For a density n_j (j = 0..N−1, rows s of a batch) the features of point j are
 * F_{j,k} = n_{j+k−w}, k = 0..2w, with n = 0 beyond the ends (the box walls' convention of the 1D solvers).
 * The window is linear in n, so for any per-point quantity g_{j,k} = ∂(·)/∂F_{j,k} the chain rule gives
 * Σ_{j,k} g_{j,k} ∂F_{j,k}/∂n_i = Σ_k g_{i−k+w, k} ({@link #windowTranspose}).
 *
 * <p><b>SameDiff 1.0.0-M2.1 and placeholders.</b> Its reverse pass is pruned to what the trainable variables
 * need: the gradient with respect to a <em>placeholder</em> is returned only along ops that also lead to a
 * variable's gradient (through the window it silently comes back partial or not at all). A density whose
 * gradient is wanted is therefore held in a variable ({@link EnergyXcFunctional}); tests compare that gradient
 * with finite differences.
 */
final class XcGraphs {

    /** The variables of one network in a graph. */
    record Network(List<SDVariable> weights, List<SDVariable> biases) {
        int layers() {
            return weights.size();
        }
    }

    /** Activations of a forward pass: hidden layers (after tanh) and the linear output column. */
    record Forward(List<SDVariable> hidden, SDVariable output) {
    }

    private XcGraphs() {
    }

    /** Trainable variables {@code W0, b0, W1, b1, …} holding {@code weights}. */
    static Network variables(SameDiff sd, MlpWeights weights) {
        List<SDVariable> w = new ArrayList<>();
        List<SDVariable> b = new ArrayList<>();
        for (int l = 0; l < weights.layers(); l++) {
            w.add(sd.var("W" + l, Nd4j.create(weights.weight(l))));
            double[] bias = weights.bias(l);
            b.add(sd.var("b" + l, Nd4j.create(bias).reshape(1, bias.length)));
        }
        return new Network(w, b);
    }

    /** Names of the trainable variables in {@link MlpWeights#flatten()} order. */
    static List<String> variableNames(int layers) {
        List<String> names = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            names.add("W" + l);
            names.add("b" + l);
        }
        return names;
    }

    /**
     * Density rows [S, N] → window features [S·N, 2w+1], as a 1D convolution with 2w+1 one-hot kernels
     * (kernel k picks offset k − w) and zero "same" padding.
     */
    static SDVariable windows(SameDiff sd, SDVariable density, int halfWidth, int points) {
        int width = 2 * halfWidth + 1;
        double[][][] kernel = new double[width][1][width]; // [kW, in channels, out channels]
        for (int k = 0; k < width; k++) {
            kernel[k][0][k] = 1.0;
        }
        SDVariable columns = sd.cnn.conv1d(density.reshape(-1, 1, points), sd.constant(Nd4j.create(kernel)),
                sameConvolution(width)); // [S, 2w+1, N]
        return sd.permute(columns, 0, 2, 1).reshape(-1, width);
    }

    /** x [M, K] → hidden tanh layers and the output column [M, 1]. */
    static Forward forward(SameDiff sd, SDVariable x, Network network) {
        List<SDVariable> hidden = new ArrayList<>();
        SDVariable a = x;
        int last = network.layers() - 1;
        for (int l = 0; l < last; l++) {
            a = sd.math.tanh(a.mmul(network.weights().get(l)).add(network.biases().get(l)));
            hidden.add(a);
        }
        SDVariable output = a.mmul(network.weights().get(last)).add(network.biases().get(last));
        return new Forward(hidden, output);
    }

    /**
     * ∂(output)/∂x [M, K] of the tanh network, written out as ordinary graph operations (reverse
     * accumulation by hand: δ_L = W_out^T ⊙ (1 − a_L²), δ_(l−1) = (δ_l W_l^T) ⊙ (1 − a_(l−1)²),
     * ∂y/∂x = δ_1 W_1^T), so that a loss on it can itself be differentiated by SameDiff with first-order
     * gradients only. Tests check it against SameDiff's own gradient.
     */
    static SDVariable inputDerivative(SameDiff sd, Forward forward, Network network) {
        int last = network.layers() - 1;
        SDVariable outputRow = network.weights().get(last).reshape(1, -1); // W_out^T as a row [1, H_L]
        if (last == 0) {
            return outputRow; // linear model: the same row for every point (broadcast by the caller)
        }
        SDVariable a = forward.hidden().get(last - 1);
        SDVariable delta = a.mul(a).rsub(1.0).mul(outputRow);
        for (int l = last - 1; l >= 1; l--) {
            SDVariable back = delta.mmul(sd.transpose(network.weights().get(l)));
            SDVariable previous = forward.hidden().get(l - 1);
            delta = back.mul(previous.mul(previous).rsub(1.0));
        }
        return delta.mmul(sd.transpose(network.weights().get(0)));
    }

    /**
     * g [S·N, 2w+1] (a derivative with respect to the window features) → Σ_k g[s, i−k+w, k], [S, N]: the
     * transpose of {@link #windows}, a convolution over the 2w+1 channels with the reversed one-hot kernels.
     */
    static SDVariable windowTranspose(SameDiff sd, SDVariable g, int halfWidth, int points) {
        int width = 2 * halfWidth + 1;
        double[][][] kernel = new double[width][width][1];
        for (int k = 0; k < width; k++) {
            kernel[2 * halfWidth - k][k][0] = 1.0;
        }
        SDVariable channels = sd.permute(g.reshape(-1, points, width), 0, 2, 1); // [S, 2w+1, N]
        return sd.cnn.conv1d(channels, sd.constant(Nd4j.create(kernel)), sameConvolution(width)).reshape(-1, points);
    }

    private static Conv1DConfig sameConvolution(int width) {
        return Conv1DConfig.builder().k(width).s(1).paddingMode(PaddingMode.SAME).dataFormat("NCW").build();
    }
}
