package org.ofdft.ml.hk;

import org.ofdft.ml.regression.KernelRidgeModel;

/**
 * The density → energy half of a Hohenberg–Kohn map: a regression of the learned energy (its deviation from
 * the training mean) on the density sampled on the grid.
 */
public sealed interface DensityEnergyModel permits DensityEnergyModel.Plain, SymmetricEnergyModel {

    /** The learned energy's deviation from the training mean at {@code density} (hartree). */
    double predict(double[] density);

    /** Kernel ridge regression with a Gaussian kernel on the density vector (Euclidean, no volume element). */
    record Plain(KernelRidgeModel model) implements DensityEnergyModel {

        @Override
        public double predict(double[] density) {
            return model.predict(density);
        }
    }
}
