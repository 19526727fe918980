package org.ofdft.ml.regression;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A trained feed-forward network f(x) = W_L σ(… σ(W_1 x + b_1) …) + b_L in double precision, defined by its
 * layer sizes, activation and flat parameter vector (Deeplearning4j's layout), which is what a model file
 * stores. Prediction goes through Deeplearning4j; calls are serialized because a network's forward pass is
 * not thread-safe.
 */
public final class NeuralNetworkModel implements Regressor {

    /** Hidden-layer activations. */
    public enum Activation {
        TANH(org.nd4j.linalg.activations.Activation.TANH),
        RELU(org.nd4j.linalg.activations.Activation.RELU),
        SOFTPLUS(org.nd4j.linalg.activations.Activation.SOFTPLUS),
        SIGMOID(org.nd4j.linalg.activations.Activation.SIGMOID);

        private final org.nd4j.linalg.activations.Activation dl4j;

        Activation(org.nd4j.linalg.activations.Activation dl4j) {
            this.dl4j = dl4j;
        }
    }

    private final int[] layerSizes;
    private final Activation activation;
    private final double[] parameters;
    private final MultiLayerNetwork network;

    /**
     * @param layerSizes input size, hidden widths, output size 1
     * @param parameters the flat parameter vector (copied)
     */
    public NeuralNetworkModel(int[] layerSizes, Activation activation, double[] parameters) {
        if (layerSizes.length < 3 || layerSizes[layerSizes.length - 1] != 1) {
            throw new IllegalArgumentException("layer sizes must be input, ≥ 1 hidden, and output 1; got "
                    + Arrays.toString(layerSizes));
        }
        long expected = 0;
        for (int l = 1; l < layerSizes.length; l++) {
            expected += (long) layerSizes[l - 1] * layerSizes[l] + layerSizes[l];
        }
        if (parameters.length != expected) {
            throw new IllegalArgumentException("network " + Arrays.toString(layerSizes) + " has " + expected
                    + " parameters, got " + parameters.length);
        }
        this.layerSizes = layerSizes.clone();
        this.activation = activation;
        this.parameters = parameters.clone();
        this.network = new MultiLayerNetwork(configuration(layerSizes, activation, 1e-3, 0, 0));
        network.init(Nd4j.create(this.parameters, new long[] {1, parameters.length}, DataType.DOUBLE), true);
    }

    static MultiLayerConfiguration configuration(int[] layers, Activation activation, double learningRate, double l2,
            long seed) {
        NeuralNetConfiguration.ListBuilder builder = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.DOUBLE)
                .weightInit(WeightInit.XAVIER)
                .updater(new Adam(learningRate))
                .l2(l2)
                .list();
        for (int l = 1; l < layers.length - 1; l++) {
            builder.layer(new DenseLayer.Builder().nIn(layers[l - 1]).nOut(layers[l]).activation(activation.dl4j).build());
        }
        builder.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(layers[layers.length - 2]).nOut(1)
                .activation(org.nd4j.linalg.activations.Activation.IDENTITY).build());
        return builder.build();
    }

    public int[] layerSizes() {
        return layerSizes.clone();
    }

    public Activation activation() {
        return activation;
    }

    /** The flat parameter vector (a copy). */
    public double[] parameters() {
        return parameters.clone();
    }

    @Override
    public int featureCount() {
        return layerSizes[0];
    }

    @Override
    public synchronized double predict(double[] x) {
        InputChecks.requireInput(x, featureCount());
        INDArray input = Nd4j.create(x, new long[] {1, x.length}, DataType.DOUBLE);
        return network.output(input, false).getDouble(0);
    }

    @Override
    public synchronized double[] predict(double[][] xs) {
        int d = InputChecks.requireFeatures(xs, "inputs");
        InputChecks.requireInput(xs[0], featureCount());
        if (d != featureCount()) {
            throw new IllegalArgumentException("inputs have " + d + " features; the model was trained on "
                    + featureCount());
        }
        return network.output(Nd4j.create(xs), false).toDoubleVector();
    }

    @Override
    public String toString() {
        return "NeuralNetworkModel[" + Arrays.toString(layerSizes) + ", " + activation + "]";
    }
}
