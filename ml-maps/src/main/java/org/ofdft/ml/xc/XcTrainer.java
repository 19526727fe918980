package org.ofdft.ml.xc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Trains a neural XC model on exact targets ({@link XcSample}: v_xc, E_xc) with full-batch Adam and early
 * stopping on a validation set (see {@link XcTrainingConfig} for the loss and the schedule). All samples must
 * be on grids of the same size and spacing. Deterministic for a given seed and data (up to ND4J's summation
 * order across threads).
 */
public final class XcTrainer {

    /** One validation check: optimizer step, training and validation loss. */
    public record Checkpoint(int step, double trainingLoss, double validationLoss) {
    }

    /** The trained model (best validation weights) and the loss history. */
    public record Result(XcModel model, List<Checkpoint> history) {
        public Result {
            history = List.copyOf(history);
        }
    }

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double ADAM_EPSILON = 1e-8;

    private final XcTrainingConfig config;

    public XcTrainer(XcTrainingConfig config) {
        this.config = config;
    }

    public XcTrainingConfig config() {
        return config;
    }

    /** Trains from Glorot-initialized weights (seeded by the configuration). */
    public Result train(List<XcSample> training, List<XcSample> validation, double spacing, String interaction,
                        String dataDescription) {
        MlpWeights initial = MlpWeights.glorot(2 * config.windowHalfWidth() + 1, config.hidden(), config.seed());
        return train(training, validation, spacing, interaction, dataDescription, initial);
    }

    /**
     * Trains from the given weights. With an empty validation list the training loss decides early stopping
     * (and is reported as the validation loss).
     */
    public Result train(List<XcSample> training, List<XcSample> validation, double spacing, String interaction,
                        String dataDescription, MlpWeights initial) {
        if (training.isEmpty()) {
            throw new IllegalArgumentException("no training samples");
        }
        int points = training.get(0).density().length;
        for (XcSample sample : concat(training, validation)) {
            if (sample.density().length != points) {
                throw new IllegalArgumentException("sample " + sample.label() + " has " + sample.density().length
                        + " points, the first training sample " + points + " (one grid per training run)");
            }
        }
        if (initial.inputs() != 2 * config.windowHalfWidth() + 1) {
            throw new IllegalArgumentException("initial network takes " + initial.inputs() + " inputs, the window has "
                    + (2 * config.windowHalfWidth() + 1) + " points");
        }
        long start = System.nanoTime();
        XcLossGraph graph = new XcLossGraph(config.kind(), config.windowHalfWidth(), initial, points, spacing,
                config.energyWeight(), config.potentialWeight());
        XcLossGraph.Batch trainingBatch = XcLossGraph.Batch.of(training);
        XcLossGraph.Batch validationBatch = validation.isEmpty() ? null : XcLossGraph.Batch.of(validation);

        double[] parameters = initial.flatten();
        double[] gradient = new double[parameters.length];
        double[] firstMoment = new double[parameters.length];
        double[] secondMoment = new double[parameters.length];
        double[] best = parameters.clone();
        double bestValidation = Double.POSITIVE_INFINITY;
        double bestTraining = Double.NaN;
        int bestStep = 0;
        List<Checkpoint> history = new ArrayList<>();
        double decay = Math.pow(config.finalLearningRate() / config.learningRate(), 1.0 / config.maxSteps());
        double rate = config.learningRate();
        int step = 0;
        while (step < config.maxSteps()) {
            graph.setParameters(parameters);
            double loss = graph.lossAndGradient(trainingBatch, gradient);
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException("training loss became " + loss + " at step " + step
                        + " (learning rate " + rate + " too large?)");
            }
            if (step % config.validationInterval() == 0) {
                double validationLoss = validationBatch == null ? loss : graph.loss(validationBatch);
                history.add(new Checkpoint(step, loss, validationLoss));
                if (validationLoss < bestValidation) {
                    bestValidation = validationLoss;
                    bestTraining = loss;
                    bestStep = step;
                    System.arraycopy(parameters, 0, best, 0, parameters.length);
                } else if (step - bestStep >= config.patience()) {
                    break;
                }
            }
            step++;
            double correction1 = 1 - Math.pow(BETA1, step);
            double correction2 = 1 - Math.pow(BETA2, step);
            for (int i = 0; i < parameters.length; i++) {
                firstMoment[i] = BETA1 * firstMoment[i] + (1 - BETA1) * gradient[i];
                secondMoment[i] = BETA2 * secondMoment[i] + (1 - BETA2) * gradient[i] * gradient[i];
                double mHat = firstMoment[i] / correction1;
                double vHat = secondMoment[i] / correction2;
                parameters[i] -= rate * mHat / (Math.sqrt(vHat) + ADAM_EPSILON);
            }
            rate *= decay;
        }
        // the final parameters, if never checked
        graph.setParameters(parameters);
        double finalLoss = graph.loss(trainingBatch);
        double finalValidation = validationBatch == null ? finalLoss : graph.loss(validationBatch);
        history.add(new Checkpoint(step, finalLoss, finalValidation));
        if (finalValidation < bestValidation) {
            bestValidation = finalValidation;
            bestTraining = finalLoss;
            bestStep = step;
            System.arraycopy(parameters, 0, best, 0, parameters.length);
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        XcTrainingSummary summary = new XcTrainingSummary(dataDescription, labels(training), labels(validation),
                fingerprint(training), step, bestStep, bestTraining, bestValidation,
                config.kind() == XcModelKind.ENERGY ? config.energyWeight() : 0.0, config.potentialWeight(), seconds);
        XcModel model = new XcModel(config.kind(), config.windowHalfWidth(), initial.withParameters(best), spacing,
                interaction, summary);
        return new Result(model, history);
    }

    /** The potentials the training graph predicts for these densities with the model's weights (tests). */
    static double[][] trainingGraphPotentials(XcModel model, List<XcSample> samples, double spacing) {
        XcLossGraph graph = new XcLossGraph(model.kind(), model.windowHalfWidth(), model.weights(),
                samples.get(0).density().length, spacing, 1.0, 1.0);
        return graph.potentials(XcLossGraph.Batch.of(samples));
    }

    /** SHA-256 of densities, v_xc and E_xc of the samples (float64, little-endian, in order). */
    public static String fingerprint(List<XcSample> samples) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (XcSample sample : samples) {
                digest.update(bytes(sample.density()));
                digest.update(bytes(sample.xcPotential()));
                digest.update(bytes(new double[] {sample.xcEnergy()}));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static byte[] bytes(double[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            buffer.putDouble(v);
        }
        return buffer.array();
    }

    private static List<String> labels(List<XcSample> samples) {
        List<String> labels = new ArrayList<>();
        for (XcSample sample : samples) {
            labels.add(sample.label());
        }
        return labels;
    }

    private static List<XcSample> concat(List<XcSample> a, List<XcSample> b) {
        List<XcSample> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
