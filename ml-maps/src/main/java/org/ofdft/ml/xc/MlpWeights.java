package org.ofdft.ml.xc;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ofdft.ml.model.ModelArchive;

/**
 * Weights of a fully connected network x → tanh(x W₁ + b₁) → … → tanh(· W_L + b_L) → (· W_out + b_out), one
 * scalar output per row. Layer l maps {@code weights.get(l).length} inputs to {@code weights.get(l)[0].length}
 * outputs; the last entry is the linear output layer (one column). Immutable: arrays are copied in and out.
 */
public record MlpWeights(List<double[][]> weights, List<double[]> biases) {

    public MlpWeights {
        if (weights.isEmpty() || weights.size() != biases.size()) {
            throw new IllegalArgumentException("a network needs as many bias vectors as weight matrices (at least one), got "
                    + weights.size() + " and " + biases.size());
        }
        List<double[][]> w = new ArrayList<>();
        List<double[]> b = new ArrayList<>();
        int inputs = weights.get(0).length;
        for (int l = 0; l < weights.size(); l++) {
            double[][] matrix = weights.get(l);
            if (matrix.length != inputs || matrix.length == 0) {
                throw new IllegalArgumentException("layer " + l + " has " + matrix.length + " input rows, expected "
                        + inputs);
            }
            int outputs = matrix[0].length;
            double[][] copy = new double[matrix.length][];
            for (int i = 0; i < matrix.length; i++) {
                if (matrix[i].length != outputs) {
                    throw new IllegalArgumentException("layer " + l + " weight matrix is ragged at row " + i);
                }
                copy[i] = matrix[i].clone();
                requireFinite(copy[i], "weights of layer " + l);
            }
            if (biases.get(l).length != outputs) {
                throw new IllegalArgumentException("layer " + l + " has " + outputs + " outputs but "
                        + biases.get(l).length + " biases");
            }
            requireFinite(biases.get(l), "biases of layer " + l);
            w.add(copy);
            b.add(biases.get(l).clone());
            inputs = outputs;
        }
        if (inputs != 1) {
            throw new IllegalArgumentException("the output layer must have one output, has " + inputs);
        }
        weights = List.copyOf(w);
        biases = List.copyOf(b);
    }

    /**
     * Glorot-uniform weights (X. Glorot and Y. Bengio, AISTATS 2010: U(±√(6/(fan_in + fan_out)))) and zero
     * biases, drawn from a {@link SplittableRandom} with this seed, layer by layer, row by row.
     */
    public static MlpWeights glorot(int inputs, int[] hidden, long seed) {
        if (inputs < 1) {
            throw new IllegalArgumentException("a network needs at least one input, got " + inputs);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<double[][]> w = new ArrayList<>();
        List<double[]> b = new ArrayList<>();
        int fanIn = inputs;
        for (int l = 0; l <= hidden.length; l++) {
            int fanOut = l < hidden.length ? hidden[l] : 1;
            if (fanOut < 1) {
                throw new IllegalArgumentException("hidden layer " + l + " must have at least one unit, got " + fanOut);
            }
            double limit = Math.sqrt(6.0 / (fanIn + fanOut));
            double[][] matrix = new double[fanIn][fanOut];
            for (double[] row : matrix) {
                for (int j = 0; j < fanOut; j++) {
                    row[j] = random.nextDouble(-limit, limit);
                }
            }
            w.add(matrix);
            b.add(new double[fanOut]);
            fanIn = fanOut;
        }
        return new MlpWeights(w, b);
    }

    public int inputs() {
        return weights.get(0).length;
    }

    /** Widths of the hidden layers. */
    public int[] hidden() {
        int[] sizes = new int[weights.size() - 1];
        for (int l = 0; l < sizes.length; l++) {
            sizes[l] = biases.get(l).length;
        }
        return sizes;
    }

    public int layers() {
        return weights.size();
    }

    public double[][] weight(int layer) {
        double[][] matrix = weights.get(layer);
        double[][] copy = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            copy[i] = matrix[i].clone();
        }
        return copy;
    }

    public double[] bias(int layer) {
        return biases.get(layer).clone();
    }

    /** Number of trainable parameters. */
    public int parameterCount() {
        int count = 0;
        for (int l = 0; l < weights.size(); l++) {
            count += weights.get(l).length * biases.get(l).length + biases.get(l).length;
        }
        return count;
    }

    /** All parameters in one vector: W₁ (row major), b₁, W₂, b₂, …. */
    public double[] flatten() {
        double[] flat = new double[parameterCount()];
        int k = 0;
        for (int l = 0; l < weights.size(); l++) {
            for (double[] row : weights.get(l)) {
                System.arraycopy(row, 0, flat, k, row.length);
                k += row.length;
            }
            double[] bias = biases.get(l);
            System.arraycopy(bias, 0, flat, k, bias.length);
            k += bias.length;
        }
        return flat;
    }

    /** Weights of the same shapes taken from a vector in {@link #flatten()}'s order. */
    public MlpWeights withParameters(double[] flat) {
        if (flat.length != parameterCount()) {
            throw new IllegalArgumentException("expected " + parameterCount() + " parameters, got " + flat.length);
        }
        List<double[][]> w = new ArrayList<>();
        List<double[]> b = new ArrayList<>();
        int k = 0;
        for (int l = 0; l < weights.size(); l++) {
            int rows = weights.get(l).length;
            int columns = biases.get(l).length;
            double[][] matrix = new double[rows][columns];
            for (double[] row : matrix) {
                System.arraycopy(flat, k, row, 0, columns);
                k += columns;
            }
            double[] bias = new double[columns];
            System.arraycopy(flat, k, bias, 0, columns);
            k += columns;
            w.add(matrix);
            b.add(bias);
        }
        return new MlpWeights(w, b);
    }

    /** The network's output for one input row, evaluated directly in Java (reference for tests and tools). */
    public double evaluate(double[] input) {
        if (input.length != inputs()) {
            throw new IllegalArgumentException("network takes " + inputs() + " inputs, got " + input.length);
        }
        double[] a = input;
        for (int l = 0; l < weights.size(); l++) {
            double[][] matrix = weights.get(l);
            double[] z = biases.get(l).clone();
            for (int i = 0; i < a.length; i++) {
                double ai = a[i];
                double[] row = matrix[i];
                for (int j = 0; j < z.length; j++) {
                    z[j] += ai * row[j];
                }
            }
            if (l + 1 < weights.size()) {
                for (int j = 0; j < z.length; j++) {
                    z[j] = Math.tanh(z[j]);
                }
            }
            a = z;
        }
        return a[0];
    }

    private static void requireFinite(double[] values, String what) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(what + " contain NaN or infinite values");
            }
        }
    }

    /** Stores the layers in a model archive: arrays W0, b0, W1, b1, … and the header field {@code layers}. */
    public void putInto(ModelArchive archive) {
        for (int l = 0; l < layers(); l++) {
            archive.putMatrix("W" + l, weight(l));
            archive.putVector("b" + l, bias(l));
        }
        archive.header().put("layers", layers());
    }

    /**
     * The layers stored by {@link #putInto}; IllegalArgumentException when arrays are missing or do not form
     * a network.
     */
    public static MlpWeights from(ModelArchive archive) {
        int layers = archive.header().path("layers").asInt(0);
        List<double[][]> weights = new ArrayList<>();
        List<double[]> biases = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            weights.add(archive.matrix("W" + l));
            biases.add(archive.vector("b" + l));
        }
        return new MlpWeights(weights, biases);
    }
}
