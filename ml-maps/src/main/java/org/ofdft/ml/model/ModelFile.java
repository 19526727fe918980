package org.ofdft.ml.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ofdft.grids.io.NpyArray;
import org.ofdft.ml.regression.DistanceKernel;
import org.ofdft.ml.regression.GaussianKernel;
import org.ofdft.ml.regression.GaussianProcessHyperparameters;
import org.ofdft.ml.regression.GaussianProcessModel;
import org.ofdft.ml.regression.Kernel;
import org.ofdft.ml.regression.KernelRidgeModel;
import org.ofdft.ml.regression.LaplacianKernel;
import org.ofdft.ml.regression.LinearModel;
import org.ofdft.ml.regression.NeuralNetworkModel;
import org.ofdft.ml.regression.PolynomialKernel;
import org.ofdft.ml.regression.Regressor;
import org.ofdft.ml.regression.StandardizedRegressor;
import org.ofdft.ml.regression.Standardizer;
import org.ofdft.ml.regression.TargetScaler;

/**
 * Saving and loading fitted regression models in the project's model container ({@link ModelArchive}:
 * an {@code .npz} with a JSON header, format version, payload SHA-256; see {@code docs/model-format.md}):
 * the header adds the hyperparameters, standardization and training-set fingerprint, the arrays hold the
 * fitted parameters. Loading refuses foreign files, other format versions and changed files (the archive's
 * checks) and inconsistent model data, with a message saying which.
 */
public final class ModelFile {


    /** A loaded model with the training-set fingerprint it was saved with (null if none was given). */
    public record Loaded(Regressor model, TrainingFingerprint trainingSet, JsonNode header) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a model type contributes to a file: its hyperparameters and arrays. */
    private record Encoded(String type, ObjectNode hyperparameters, Map<String, NpyArray> arrays) {
    }

    private ModelFile() {
    }

    /** Saves {@code model}; {@code trainingSet} (may be null) identifies the data it was fitted on. */
    public static void save(Path file, Regressor model, TrainingFingerprint trainingSet) throws IOException {
        Regressor inner = model instanceof StandardizedRegressor standardized ? standardized.model() : model;
        Encoded encoded = encode(inner);
        ModelArchive archive = ModelArchive.create(encoded.type());
        ObjectNode header = archive.header();
        ObjectNode standardization = null;
        if (model instanceof StandardizedRegressor standardized) {
            standardization = JSON.createObjectNode();
            standardization.put("features", "feature_mean, feature_scale");
            standardization.put("target_mean", standardized.targetScaler().mean());
            standardization.put("target_scale", standardized.targetScaler().scale());
            int d = standardized.featureCount();
            archive.put("feature_mean", NpyArray.ofDoubles(standardized.featureStandardizer().mean(), d));
            archive.put("feature_scale", NpyArray.ofDoubles(standardized.featureStandardizer().scale(), d));
            archive.put("target_standardization", NpyArray.ofDoubles(
                    new double[] {standardized.targetScaler().mean(), standardized.targetScaler().scale()}, 2));
        }
        header.put("feature_count", model.featureCount());
        header.set("hyperparameters", encoded.hyperparameters());
        header.set("standardization", standardization);
        if (trainingSet != null) {
            if (trainingSet.features() != model.featureCount()) {
                throw new IllegalArgumentException("training fingerprint has " + trainingSet.features()
                        + " features but the model " + model.featureCount());
            }
            ObjectNode training = header.putObject("training_set");
            training.put("samples", trainingSet.samples());
            training.put("features", trainingSet.features());
            training.put("sha256", trainingSet.sha256());
        } else {
            header.putNull("training_set");
        }
        encoded.arrays().forEach(archive::put);
        archive.write(file);
    }

    /** Loads a model saved by {@link #save}; the container checks of {@link ModelArchive#read} come first. */
    public static Loaded load(Path file) throws IOException {
        ModelArchive archive = ModelArchive.read(file, null);
        JsonNode header = archive.header();
        Map<String, NpyArray> arrays = archive.arrays();
        Regressor model;
        try {
            model = decode(header, arrays, file);
            if (!header.path("standardization").isNull() && header.has("standardization")) {
                double[] target = array(arrays, "target_standardization", file).values();
                model = new StandardizedRegressor(new Standardizer(array(arrays, "feature_mean", file).values(),
                        array(arrays, "feature_scale", file).values()), new TargetScaler(target[0], target[1]), model);
            }
        } catch (IllegalArgumentException inconsistent) {
            throw new ModelFormatException(file + ": inconsistent model data: " + inconsistent.getMessage(),
                    inconsistent);
        }
        if (model.featureCount() != header.path("feature_count").asInt(-1)) {
            throw new ModelFormatException(file + ": header says " + header.path("feature_count")
                    + " features but the arrays hold " + model.featureCount());
        }
        JsonNode training = header.path("training_set");
        TrainingFingerprint fingerprint = training.isObject() ? new TrainingFingerprint(
                training.path("samples").asInt(), training.path("features").asInt(), training.path("sha256").asText())
                : null;
        return new Loaded(model, fingerprint, header);
    }

    private static Encoded encode(Regressor model) {
        ObjectNode hyperparameters = JSON.createObjectNode();
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        int d = model.featureCount();
        if (model instanceof LinearModel linear) {
            arrays.put("weights", NpyArray.ofDoubles(linear.weights(), d));
            arrays.put("intercept", NpyArray.ofDoubles(new double[] {linear.intercept()}, 1));
            return new Encoded("linear", hyperparameters, arrays);
        }
        if (model instanceof KernelRidgeModel krr) {
            putKernel(hyperparameters, krr.kernel());
            hyperparameters.put("lambda", krr.lambda());
            arrays.put("training_inputs", NpyArray.ofDoubles(krr.trainingInputsRowMajor(), krr.sampleCount(), d));
            arrays.put("dual_coefficients", NpyArray.ofDoubles(krr.dualCoefficients(), krr.sampleCount()));
            return new Encoded("kernel_ridge", hyperparameters, arrays);
        }
        if (model instanceof GaussianProcessModel gp) {
            GaussianProcessHyperparameters p = gp.hyperparameters();
            hyperparameters.put("kernel", "signal_variance * rbf(length_scale) + white(noise_variance)");
            hyperparameters.put("signal_variance", p.signalVariance());
            hyperparameters.put("length_scale", p.lengthScale());
            hyperparameters.put("noise_variance", p.noiseVariance());
            hyperparameters.put("log_marginal_likelihood", gp.logMarginalLikelihood());
            arrays.put("training_inputs", NpyArray.ofDoubles(gp.trainingInputsRowMajor(), gp.sampleCount(), d));
            arrays.put("training_targets", NpyArray.ofDoubles(gp.trainingTargets(), gp.sampleCount()));
            return new Encoded("gaussian_process", hyperparameters, arrays);
        }
        if (model instanceof NeuralNetworkModel network) {
            ArrayNode sizes = hyperparameters.putArray("layer_sizes");
            for (int size : network.layerSizes()) {
                sizes.add(size);
            }
            hyperparameters.put("activation", network.activation().name().toLowerCase(java.util.Locale.ROOT));
            double[] parameters = network.parameters();
            arrays.put("parameters", NpyArray.ofDoubles(parameters, parameters.length));
            return new Encoded("neural_network", hyperparameters, arrays);
        }
        throw new IllegalArgumentException("cannot save a model of type " + model.getClass().getName()
                + "; supported: LinearModel, KernelRidgeModel, GaussianProcessModel, NeuralNetworkModel (optionally"
                + " standardized)");
    }

    private static void putKernel(ObjectNode node, Kernel kernel) {
        if (kernel instanceof DistanceKernel distance) {
            node.put("kernel", distance instanceof GaussianKernel ? "gaussian" : "laplacian");
            node.put("sigma", distance.sigma());
        } else if (kernel instanceof PolynomialKernel polynomial) {
            node.put("kernel", "polynomial");
            node.put("degree", polynomial.degree());
            node.put("gamma", polynomial.gamma());
            node.put("coef0", polynomial.coef0());
        }
    }

    private static Regressor decode(JsonNode header, Map<String, NpyArray> arrays, Path file) throws ModelFormatException {
        String type = header.path("model_type").asText("");
        JsonNode p = require(header, "hyperparameters", file);
        switch (type) {
            case "linear" -> {
                return new LinearModel(array(arrays, "weights", file).values(),
                        array(arrays, "intercept", file).values()[0]);
            }
            case "kernel_ridge" -> {
                NpyArray inputs = matrix(arrays, "training_inputs", file);
                Kernel kernel = switch (require(p, "kernel", file).asText()) {
                    case "gaussian" -> new GaussianKernel(require(p, "sigma", file).asDouble());
                    case "laplacian" -> new LaplacianKernel(require(p, "sigma", file).asDouble());
                    case "polynomial" -> new PolynomialKernel(require(p, "degree", file).asInt(),
                            require(p, "gamma", file).asDouble(), require(p, "coef0", file).asDouble());
                    default -> throw new ModelFormatException(file + ": unknown kernel '" + p.path("kernel").asText()
                            + "' (known: gaussian, laplacian, polynomial)");
                };
                return new KernelRidgeModel(kernel, require(p, "lambda", file).asDouble(), inputs.values(),
                        inputs.shape()[1], array(arrays, "dual_coefficients", file).values());
            }
            case "gaussian_process" -> {
                NpyArray inputs = matrix(arrays, "training_inputs", file);
                GaussianProcessHyperparameters parameters = new GaussianProcessHyperparameters(
                        require(p, "signal_variance", file).asDouble(), require(p, "length_scale", file).asDouble(),
                        require(p, "noise_variance", file).asDouble());
                return new GaussianProcessModel(parameters, inputs.values(), inputs.shape()[1],
                        array(arrays, "training_targets", file).values());
            }
            case "neural_network" -> {
                JsonNode sizes = require(p, "layer_sizes", file);
                int[] layers = new int[sizes.size()];
                for (int i = 0; i < layers.length; i++) {
                    layers[i] = sizes.get(i).asInt();
                }
                String activation = require(p, "activation", file).asText();
                NeuralNetworkModel.Activation function;
                try {
                    function = NeuralNetworkModel.Activation.valueOf(activation.toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException unknown) {
                    throw new ModelFormatException(file + ": unknown activation '" + activation + "' (known: "
                            + Arrays.toString(NeuralNetworkModel.Activation.values()).toLowerCase(java.util.Locale.ROOT)
                            + ")");
                }
                return new NeuralNetworkModel(layers, function, array(arrays, "parameters", file).values());
            }
            default -> throw new ModelFormatException(file + ": unknown model_type '" + type
                    + "' (known: linear, kernel_ridge, gaussian_process, neural_network)");
        }
    }

    private static JsonNode require(JsonNode node, String key, Path file) throws ModelFormatException {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw new ModelFormatException(file + ": header has no '" + key + "'");
        }
        return value;
    }

    private static NpyArray array(Map<String, NpyArray> arrays, String name, Path file) throws ModelFormatException {
        NpyArray array = arrays.get(name);
        if (array == null || !array.isNumeric()) {
            throw new ModelFormatException(file + ": numeric array '" + name + "' is missing");
        }
        return array;
    }

    private static NpyArray matrix(Map<String, NpyArray> arrays, String name, Path file) throws ModelFormatException {
        NpyArray array = array(arrays, name, file);
        if (array.shape().length != 2) {
            throw new ModelFormatException(file + ": array '" + name + "' must be 2D, has shape "
                    + Arrays.toString(array.shape()));
        }
        return array;
    }
}
