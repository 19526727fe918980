package org.ofdft.ml.regression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.earlystopping.EarlyStoppingConfiguration;
import org.deeplearning4j.earlystopping.EarlyStoppingResult;
import org.deeplearning4j.earlystopping.saver.InMemoryModelSaver;
import org.deeplearning4j.earlystopping.scorecalc.DataSetLossCalculator;
import org.deeplearning4j.earlystopping.termination.MaxEpochsTerminationCondition;
import org.deeplearning4j.earlystopping.termination.ScoreImprovementEpochTerminationCondition;
import org.deeplearning4j.earlystopping.trainer.EarlyStoppingTrainer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A feed-forward neural-network regressor (Deeplearning4j, double precision, CPU): dense hidden layers with
 * the chosen activation and a linear output, trained with Adam on the mean squared error. A seeded random
 * fraction of the training set is held out for validation; training stops when the validation loss has not
 * improved for {@code patience} epochs (or after {@code maxEpochs}) and the network of lowest validation loss
 * is returned (early stopping; Prechelt, in Neural Networks: Tricks of the Trade, LNCS 1524 (1998)). The seed
 * fixes the split, the weight initialization and the mini-batch order. Standardize features and targets first
 * ({@link Standardized} with target scaling): the network's initialization assumes inputs of order one.
 * Small networks train fastest single-threaded: set {@code OMP_NUM_THREADS=1} (ND4J's OpenMP and OpenBLAS
 * threads otherwise contend with each other; ~10× slower on two cores).
 */
public record NeuralNetworkRegression(int[] hiddenLayers, NeuralNetworkModel.Activation activation,
        double learningRate, double l2, int batchSize, int maxEpochs, int patience, double validationFraction, long seed)
        implements Learner {

    /** Training history: validation loss per epoch and the epoch of the returned network. */
    public record Training(NeuralNetworkModel model, int bestEpoch, int epochs, double bestValidationLoss,
            String terminationReason) {
    }

    public NeuralNetworkRegression {
        if (hiddenLayers == null || hiddenLayers.length == 0) {
            throw new IllegalArgumentException("the network needs at least one hidden layer");
        }
        hiddenLayers = hiddenLayers.clone();
        for (int width : hiddenLayers) {
            if (width < 1) {
                throw new IllegalArgumentException("hidden layer widths must be ≥ 1, got " + Arrays.toString(hiddenLayers));
            }
        }
        if (activation == null) {
            throw new IllegalArgumentException("activation must not be null");
        }
        InputChecks.requirePositive(learningRate, "learning rate");
        InputChecks.requireNonNegative(l2, "L2 weight decay");
        if (batchSize < 1 || maxEpochs < 1 || patience < 1) {
            throw new IllegalArgumentException("batch size, max epochs and patience must be ≥ 1, got " + batchSize + ", "
                    + maxEpochs + ", " + patience);
        }
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must lie in (0, 1), got " + validationFraction);
        }
    }

    @Override
    public int[] hiddenLayers() {
        return hiddenLayers.clone();
    }

    @Override
    public NeuralNetworkModel fit(double[][] features, double[] targets) {
        return train(features, targets).model();
    }

    /** Fits and reports the early-stopping history. */
    public Training train(double[][] features, double[] targets) {
        int d = InputChecks.requireTrainingData(features, targets);
        int n = features.length;
        int validationCount = (int) Math.round(validationFraction * n);
        if (validationCount < 1 || validationCount >= n) {
            throw new IllegalArgumentException("validation fraction " + validationFraction + " of " + n
                    + " samples leaves an empty training or validation set");
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        DataSet validation = dataSet(features, targets, Arrays.copyOfRange(order, 0, validationCount));
        int[] trainOrder = Arrays.copyOfRange(order, validationCount, n);
        List<DataSet> batches = new ArrayList<>();
        for (int start = 0; start < trainOrder.length; start += batchSize) {
            batches.add(dataSet(features, targets,
                    Arrays.copyOfRange(trainOrder, start, Math.min(trainOrder.length, start + batchSize))));
        }
        int[] layers = new int[hiddenLayers.length + 2];
        layers[0] = d;
        System.arraycopy(hiddenLayers, 0, layers, 1, hiddenLayers.length);
        layers[layers.length - 1] = 1;
        MultiLayerNetwork network = new MultiLayerNetwork(
                NeuralNetworkModel.configuration(layers, activation, learningRate, l2, random.nextLong()));
        network.init();
        EarlyStoppingConfiguration<MultiLayerNetwork> configuration = new EarlyStoppingConfiguration.Builder<MultiLayerNetwork>()
                .epochTerminationConditions(new MaxEpochsTerminationCondition(maxEpochs),
                        new ScoreImprovementEpochTerminationCondition(patience))
                .scoreCalculator(new DataSetLossCalculator(new ListDataSetIterator<>(List.of(validation)), true))
                .evaluateEveryNEpochs(1)
                .modelSaver(new InMemoryModelSaver<>())
                .build();
        // The batch order is fixed (shuffled once above with the seed), so training is repeatable.
        EarlyStoppingTrainer trainer = new EarlyStoppingTrainer(configuration, network,
                new ListDataSetIterator<>(batches, 1));
        EarlyStoppingResult<MultiLayerNetwork> result = trainer.fit();
        MultiLayerNetwork best = result.getBestModel();
        if (best == null) {
            throw new IllegalStateException("neural-network training produced no model: "
                    + result.getTerminationDetails());
        }
        NeuralNetworkModel model = new NeuralNetworkModel(layers, activation, best.params().toDoubleVector());
        return new Training(model, result.getBestModelEpoch(), result.getTotalEpochs(), result.getBestModelScore(),
                result.getTerminationReason() + ": " + result.getTerminationDetails());
    }

    private static DataSet dataSet(double[][] features, double[] targets, int[] rows) {
        double[][] x = new double[rows.length][];
        double[][] y = new double[rows.length][1];
        for (int i = 0; i < rows.length; i++) {
            x[i] = features[rows[i]];
            y[i][0] = targets[rows[i]];
        }
        return new DataSet(Nd4j.create(x), Nd4j.create(y));
    }
}
