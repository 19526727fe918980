package org.ofdft.ml.kinetic;

import java.io.IOException;
import java.nio.file.Path;
import org.ofdft.ml.model.ModelArchive;
import org.ofdft.ml.regression.GaussianKernel;
import org.ofdft.ml.regression.KernelRidgeCrossValidation;
import org.ofdft.ml.regression.KernelRidgeModel;

/**
 * Saving and loading {@link KineticModelTraining.Trained} models ({@link ModelArchive} of type
 * {@value #TYPE}): header fields {@code sigma}, {@code lambda}, {@code kernel}, {@code baseline},
 * {@code electrons}, {@code grid_points}, {@code training_count}, {@code training_fingerprint}; arrays
 * {@code grids}, {@code training_densities}, {@code training_potentials}, {@code dual_coefficients}.
 */
public final class KineticModelFile {

    public static final String TYPE = "kinetic-krr-1d";

    private KineticModelFile() {
    }

    public static void write(KineticModelTraining.Trained trained, double[] trainingKinetic, Path file)
            throws IOException {
        MlKineticFunctional functional = trained.functional();
        KernelRidgeModel model = functional.model();
        ModelArchive archive = ModelArchive.create(TYPE);
        archive.header().put("kernel", "gaussian");
        archive.header().put("sigma", ((GaussianKernel) model.kernel()).sigma());
        archive.header().put("lambda", model.lambda());
        archive.header().put("baseline", functional.baseline().name().toLowerCase(java.util.Locale.ROOT));
        archive.header().put("electrons", functional.electrons());
        archive.header().put("grid_points", functional.points().length);
        archive.header().put("training_count", model.sampleCount());
        archive.header().put("training_fingerprint", ModelArchive.fingerprint(functional.trainingDensities(),
                trainingKinetic));
        if (trained.crossValidation() != null) {
            archive.header().put("cross_validation", "k-fold over " + trained.crossValidation().sigmas().length
                    + " sigma x " + trained.crossValidation().lambdas().length + " lambda, best MAE "
                    + trained.crossValidation().bestError() + " Ha");
        }
        archive.putVector("grids", functional.points());
        archive.putMatrix("training_densities", functional.trainingDensities());
        archive.putMatrix("training_potentials", trained.trainingPotentials());
        archive.putVector("dual_coefficients", model.dualCoefficients());
        archive.write(file);
    }

    public static KineticModelTraining.Trained read(Path file) throws IOException {
        ModelArchive archive = ModelArchive.read(file, TYPE);
        try {
            double sigma = archive.header().path("sigma").asDouble(Double.NaN);
            double lambda = archive.header().path("lambda").asDouble(Double.NaN);
            MlKineticFunctional.Baseline baseline = MlKineticFunctional.Baseline.valueOf(
                    archive.header().path("baseline").asText().toUpperCase(java.util.Locale.ROOT));
            double[][] densities = archive.matrix("training_densities");
            double[] points = archive.vector("grids");
            KernelRidgeModel model = new KernelRidgeModel(new GaussianKernel(sigma), lambda,
                    org.ofdft.ml.regression.InputChecks.flatten(densities), points.length,
                    archive.vector("dual_coefficients"));
            MlKineticFunctional functional = new MlKineticFunctional(model, baseline, points,
                    archive.header().path("electrons").asDouble());
            return new KineticModelTraining.Trained(functional, archive.matrix("training_potentials"),
                    (KernelRidgeCrossValidation.Result) null);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": inconsistent kinetic model: " + e.getMessage(), e);
        }
    }
}
