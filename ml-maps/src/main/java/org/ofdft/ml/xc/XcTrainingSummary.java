package org.ofdft.ml.xc;

import java.util.List;

/**
 * How a neural XC model was trained, stored in its model file.
 *
 * @param data                 a description of the data (generator, ranges, seeds, or dataset path and rows)
 * @param trainingSamples      labels of the training systems
 * @param validationSamples    labels of the validation systems (early stopping)
 * @param fingerprint          SHA-256 of the training inputs and targets (float64 little-endian)
 * @param epochs               optimizer steps taken (full batch)
 * @param bestEpoch            the step whose weights were kept (lowest validation loss)
 * @param trainingLoss         training loss at {@code bestEpoch}
 * @param validationLoss       validation loss at {@code bestEpoch}
 * @param energyWeight         weight of the E_xc term of the loss (Ha⁻²)
 * @param potentialWeight      weight of the density-weighted v_xc term of the loss
 * @param seconds              wall time of training
 */
public record XcTrainingSummary(String data, List<String> trainingSamples, List<String> validationSamples,
                                String fingerprint, int epochs, int bestEpoch, double trainingLoss,
                                double validationLoss, double energyWeight, double potentialWeight, double seconds) {

    public XcTrainingSummary {
        trainingSamples = List.copyOf(trainingSamples);
        validationSamples = List.copyOf(validationSamples);
    }
}
