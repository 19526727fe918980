package org.ofdft.ml.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.ofdft.grids.io.AtomicFile;
import org.ofdft.grids.io.Npy;
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
 * Saving and loading fitted regression models in the versioned, checksummed format of
 * {@code docs/model-format.md}: a zip archive readable by {@code numpy.load} holding {@code header.json}
 * (format name and version, model type, hyperparameters, standardization, training-set fingerprint, the
 * list of arrays and the SHA-256 of their bytes) and one {@code .npy} entry per array. Files are written
 * atomically. Loading refuses foreign files, other format versions and files whose checksum or array shapes
 * do not match, with a message saying which.
 */
public final class ModelFile {

    public static final String FORMAT = "ofdft-regression-model";
    public static final int FORMAT_VERSION = 1;
    static final String HEADER = "header.json";

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
        ObjectNode header = JSON.createObjectNode();
        header.put("format", FORMAT);
        header.put("format_version", FORMAT_VERSION);
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        Regressor inner = model;
        ObjectNode standardization = null;
        if (model instanceof StandardizedRegressor standardized) {
            inner = standardized.model();
            standardization = JSON.createObjectNode();
            standardization.put("features", "feature_mean, feature_scale");
            standardization.put("target_mean", standardized.targetScaler().mean());
            standardization.put("target_scale", standardized.targetScaler().scale());
            int d = standardized.featureCount();
            arrays.put("feature_mean", NpyArray.ofDoubles(standardized.featureStandardizer().mean(), d));
            arrays.put("feature_scale", NpyArray.ofDoubles(standardized.featureStandardizer().scale(), d));
            arrays.put("target_standardization", NpyArray.ofDoubles(
                    new double[] {standardized.targetScaler().mean(), standardized.targetScaler().scale()}, 2));
        }
        Encoded encoded = encode(inner);
        header.put("model_type", encoded.type());
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
        arrays.putAll(encoded.arrays());
        Map<String, byte[]> payload = new LinkedHashMap<>();
        ObjectNode listed = header.putObject("arrays");
        for (Map.Entry<String, NpyArray> entry : arrays.entrySet()) {
            payload.put(entry.getKey(), Npy.encode(entry.getValue()));
            ArrayNode shape = listed.putObject(entry.getKey()).putArray("shape");
            for (int extent : entry.getValue().shape()) {
                shape.add(extent);
            }
        }
        header.put("payload_sha256", payloadChecksum(payload));
        byte[] headerBytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(header);
        AtomicFile.write(file, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(HEADER));
                zip.write(headerBytes);
                zip.closeEntry();
                for (Map.Entry<String, byte[]> entry : payload.entrySet()) {
                    zip.putNextEntry(new ZipEntry(entry.getKey() + ".npy"));
                    zip.write(entry.getValue());
                    zip.closeEntry();
                }
            }
        });
    }

    /** Loads a model saved by {@link #save}. */
    public static Loaded load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such model file: " + file);
        }
        Map<String, byte[]> entries = readEntries(file);
        byte[] headerBytes = entries.remove(HEADER);
        if (headerBytes == null) {
            throw new ModelFormatException(file + ": not an ofdft model file (the archive has no " + HEADER + ")");
        }
        JsonNode header;
        try {
            header = JSON.readTree(new String(headerBytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new ModelFormatException(file + ": " + HEADER + " is not valid JSON (corrupted file?): "
                    + e.getOriginalMessage(), e);
        }
        String format = header.path("format").asText("");
        if (!FORMAT.equals(format)) {
            throw new ModelFormatException(file + ": foreign file: format is '" + format + "', expected '" + FORMAT + "'");
        }
        int version = header.path("format_version").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new ModelFormatException(file + ": model file format version " + header.path("format_version")
                    + " cannot be read by this build, which reads version " + FORMAT_VERSION);
        }
        JsonNode listed = require(header, "arrays", file);
        Map<String, byte[]> payload = new LinkedHashMap<>();
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        for (Iterator<String> names = listed.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            byte[] bytes = entries.get(name + ".npy");
            if (bytes == null) {
                throw new ModelFormatException(file + ": array '" + name + "' listed in the header is missing");
            }
            payload.put(name, bytes);
        }
        String expected = require(header, "payload_sha256", file).asText();
        String actual = payloadChecksum(payload);
        if (!actual.equals(expected)) {
            throw new ModelFormatException(file + ": checksum mismatch (payload SHA-256 " + actual + ", header says "
                    + expected + "): the file is corrupted or was modified");
        }
        for (Map.Entry<String, byte[]> entry : payload.entrySet()) {
            NpyArray array = Npy.parse(entry.getValue(), file + ":" + entry.getKey() + ".npy");
            int[] shape = new int[listed.get(entry.getKey()).path("shape").size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = listed.get(entry.getKey()).path("shape").get(i).asInt();
            }
            if (!Arrays.equals(shape, array.shape())) {
                throw new ModelFormatException(file + ": array '" + entry.getKey() + "' has shape "
                        + Arrays.toString(array.shape()) + ", header says " + Arrays.toString(shape));
            }
            arrays.put(entry.getKey(), array);
        }
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

    /** SHA-256 over the .npy bytes of the arrays in header order. */
    static String payloadChecksum(Map<String, byte[]> payload) {
        MessageDigest digest = TrainingFingerprint.newDigest();
        for (byte[] bytes : payload.values()) {
            digest.update(bytes);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static Map<String, byte[]> readEntries(Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new ModelFormatException(file + ": corrupted model file (zip archive unreadable: " + e.getMessage()
                    + ")", e);
        }
        if (entries.isEmpty()) {
            throw new ModelFormatException(file + ": not an ofdft model file (not a zip archive, or an empty one)");
        }
        return entries;
    }
}
