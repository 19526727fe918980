package org.ofdft.ml.xc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.ofdft.ml.regression.LbfgsMemory;

/**
 * Trains a neural XC model on exact targets ({@link XcSample}: v_xc, E_xc) with full-batch L-BFGS or Adam and
 * early stopping on a validation set (see {@link XcTrainingConfig} for the loss and the schedule). All samples must
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

        Optimizer optimizer = config.optimizer() == XcTrainingConfig.Optimizer.LBFGS
                ? new Lbfgs(initial.parameterCount()) : new Adam(initial.parameterCount(), config);
        double[] parameters = initial.flatten();
        double[] gradient = new double[parameters.length];
        double[] best = parameters.clone();
        double bestValidation = Double.POSITIVE_INFINITY;
        double bestTraining = Double.NaN;
        int bestStep = 0;
        List<Checkpoint> history = new ArrayList<>();
        Objective objective = (x, g) -> {
            graph.setParameters(x);
            return graph.lossAndGradient(trainingBatch, g);
        };
        double loss = objective.evaluate(parameters, gradient);
        int step = 0;
        while (true) {
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException("training loss became " + loss + " at step " + step
                        + " (learning rate too large?)");
            }
            boolean last = step >= config.maxSteps();
            if (step % config.validationInterval() == 0 || last) {
                graph.setParameters(parameters);
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
            if (last) {
                break;
            }
            double next = optimizer.step(objective, parameters, gradient, loss);
            step++;
            if (Double.isNaN(next)) {
                break; // L-BFGS: no descent along the gradient any more (converged to round-off)
            }
            loss = next;
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        XcTrainingSummary summary = new XcTrainingSummary(dataDescription, labels(training), labels(validation),
                fingerprint(training), step, bestStep, bestTraining, bestValidation,
                config.kind() == XcModelKind.ENERGY ? config.energyWeight() : 0.0, config.potentialWeight(), seconds);
        XcModel model = new XcModel(config.kind(), config.windowHalfWidth(), initial.withParameters(best), spacing,
                interaction, summary);
        return new Result(model, history);
    }

    /** Loss and gradient at x (the gradient written into g). */
    @FunctionalInterface
    interface Objective {
        double evaluate(double[] x, double[] g);
    }

    /** One optimizer step: updates x and g in place, returns the new loss (NaN: no progress possible). */
    interface Optimizer {
        double step(Objective objective, double[] x, double[] g, double loss);
    }

    /** Adam with geometric learning-rate decay (Kingma and Ba 2015, Algorithm 1). */
    static final class Adam implements Optimizer {
        private final double[] firstMoment;
        private final double[] secondMoment;
        private final double decay;
        private double rate;
        private int steps;

        Adam(int size, XcTrainingConfig config) {
            firstMoment = new double[size];
            secondMoment = new double[size];
            rate = config.learningRate();
            decay = Math.pow(config.finalLearningRate() / config.learningRate(), 1.0 / config.maxSteps());
        }

        @Override
        public double step(Objective objective, double[] x, double[] g, double loss) {
            steps++;
            double correction1 = 1 - Math.pow(BETA1, steps);
            double correction2 = 1 - Math.pow(BETA2, steps);
            for (int i = 0; i < x.length; i++) {
                firstMoment[i] = BETA1 * firstMoment[i] + (1 - BETA1) * g[i];
                secondMoment[i] = BETA2 * secondMoment[i] + (1 - BETA2) * g[i] * g[i];
                x[i] -= rate * (firstMoment[i] / correction1) / (Math.sqrt(secondMoment[i] / correction2) + ADAM_EPSILON);
            }
            rate *= decay;
            return objective.evaluate(x, g);
        }
    }

    /**
     * Limited-memory BFGS (J. Nocedal, Math. Comp. 35, 773 (1980); two-loop recursion, Nocedal and Wright,
     * Numerical Optimization, Alg. 7.4) with a backtracking line search on the Armijo condition
     * (c₁ = 1e-4, halving from the unit step); pairs with sᵀy ≤ 0 are not stored.
     */
    static final class Lbfgs implements Optimizer {
        private static final int MEMORY = 10;
        private final LbfgsMemory pairs;
        private final double[] direction;
        private final double[] trial;
        private final double[] trialGradient;

        Lbfgs(int size) {
            pairs = new LbfgsMemory(MEMORY, size, 0);
            direction = new double[size];
            trial = new double[size];
            trialGradient = new double[size];
        }

        @Override
        public double step(Objective objective, double[] x, double[] g, double loss) {
            int n = x.length;
            pairs.searchDirection(g, direction); // −H g
            if (pairs.stored() == 0) {
                double norm = Math.sqrt(dot(g, g));
                for (int i = 0; i < n; i++) {
                    direction[i] *= 1e-2 / Math.max(norm, 1e-300); // first step: small, along −g
                }
            }
            double slope = dot(g, direction);
            if (!(slope < 0)) {
                pairs.clear(); // not a descent direction: forget the curvature pairs and go down the gradient
                for (int i = 0; i < n; i++) {
                    direction[i] = -g[i] * 1e-2 / Math.max(Math.sqrt(dot(g, g)), 1e-300);
                }
                slope = dot(g, direction);
            }
            double t = 1.0;
            for (int tries = 0; tries < 40; tries++) {
                for (int i = 0; i < n; i++) {
                    trial[i] = x[i] + t * direction[i];
                }
                double trialLoss = objective.evaluate(trial, trialGradient);
                if (Double.isFinite(trialLoss) && trialLoss <= loss + 1e-4 * t * slope) {
                    pairs.offer(trial, x, trialGradient, g);
                    System.arraycopy(trial, 0, x, 0, n);
                    System.arraycopy(trialGradient, 0, g, 0, n);
                    return trialLoss;
                }
                t *= 0.5;
            }
            objective.evaluate(x, g); // restore the gradient at x (the graph holds the last trial)
            return Double.NaN;
        }

        private static double dot(double[] a, double[] b) {
            double sum = 0;
            for (int i = 0; i < a.length; i++) {
                sum += a[i] * b[i];
            }
            return sum;
        }
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
