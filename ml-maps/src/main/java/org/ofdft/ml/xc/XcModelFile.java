package org.ofdft.ml.xc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ofdft.grids.io.Npy;
import org.ofdft.grids.io.NpyArray;

/**
 * Model files of the neural XC functionals: one NumPy {@code .npz} archive, readable without this code,
 * <pre>
 *   z = np.load("model.npz"); header = json.loads(str(z["header"])); W0 = z["W0"]
 * </pre>
 * holding a JSON {@code header} (0-d unicode array) and the network as float64 arrays {@code W0, b0, W1, b1, …}
 * (W_l of shape [inputs, outputs], C order; b_l of shape [outputs]; tanh after every layer but the last).
 * Header fields:
 * <table>
 * <caption>header</caption>
 * <tr><td>format</td><td>{@code ofdft-model}</td></tr>
 * <tr><td>format_version</td><td>{@value #FORMAT_VERSION}; other versions are refused</td></tr>
 * <tr><td>model_type</td><td>{@code nn-xc-energy-1d} (ε_NN, E_xc = ∫ n ε_NN) or {@code nn-xc-potential-1d}
 *     (v_xc directly)</td></tr>
 * <tr><td>created</td><td>ISO-8601 time of writing</td></tr>
 * <tr><td>payload_sha256</td><td>SHA-256 over every array but the header, in name order, of (name as UTF-8,
 *     then its {@code .npy} bytes); a changed or truncated file is refused</td></tr>
 * <tr><td>training_fingerprint</td><td>SHA-256 of the training densities, v_xc and E_xc ({@link
 *     XcTrainer#fingerprint}); absent for hand-made models</td></tr>
 * <tr><td>window_half_width</td><td>w: the inputs of point j are n_(j−w) … n_(j+w), zero beyond the walls</td></tr>
 * <tr><td>activation</td><td>{@code tanh}</td></tr>
 * <tr><td>layers</td><td>number of weight matrices</td></tr>
 * <tr><td>grid_spacing</td><td>h of the training data (bohr); models are refused on other spacings</td></tr>
 * <tr><td>interaction</td><td>the electron–electron interaction of the training data, e.g. {@code exponential};
 *     models are refused for others</td></tr>
 * <tr><td>training</td><td>object: data, training_samples, validation_samples, steps, best_step, training_loss,
 *     validation_loss, energy_weight, potential_weight, seconds</td></tr>
 * </table>
 * The layout (header as a 0-d unicode array, payload checksum, fingerprint) follows the conventions of the
 * project's other model archives so that the two can be unified; written atomically.
 */
public final class XcModelFile {

    public static final String FORMAT = "ofdft-model";
    public static final int FORMAT_VERSION = 1;
    static final String HEADER = "header";
    private static final ObjectMapper JSON = new ObjectMapper();

    private XcModelFile() {
    }

    public static void write(XcModel model, Path file) throws IOException {
        Map<String, NpyArray> arrays = new TreeMap<>();
        MlpWeights weights = model.weights();
        for (int l = 0; l < weights.layers(); l++) {
            double[][] w = weights.weight(l);
            double[] flat = new double[w.length * w[0].length];
            for (int i = 0; i < w.length; i++) {
                System.arraycopy(w[i], 0, flat, i * w[0].length, w[0].length);
            }
            arrays.put("W" + l, NpyArray.ofDoubles(flat, w.length, w[0].length));
            arrays.put("b" + l, NpyArray.ofDoubles(weights.bias(l), w[0].length));
        }
        ObjectNode header = JSON.createObjectNode();
        header.put("format", FORMAT);
        header.put("format_version", FORMAT_VERSION);
        header.put("model_type", model.kind().modelType());
        header.put("created", Instant.now().toString());
        header.put("payload_sha256", payloadHash(arrays));
        XcTrainingSummary training = model.training();
        if (training != null) {
            header.put("training_fingerprint", training.fingerprint());
        }
        header.put("window_half_width", model.windowHalfWidth());
        header.put("activation", "tanh");
        header.put("layers", weights.layers());
        header.put("grid_spacing", model.gridSpacing());
        header.put("interaction", model.interaction());
        if (training != null) {
            ObjectNode t = header.putObject("training");
            t.put("data", training.data());
            ArrayNode trainingSamples = t.putArray("training_samples");
            training.trainingSamples().forEach(trainingSamples::add);
            ArrayNode validationSamples = t.putArray("validation_samples");
            training.validationSamples().forEach(validationSamples::add);
            t.put("steps", training.epochs());
            t.put("best_step", training.bestEpoch());
            t.put("training_loss", training.trainingLoss());
            t.put("validation_loss", training.validationLoss());
            t.put("energy_weight", training.energyWeight());
            t.put("potential_weight", training.potentialWeight());
            t.put("seconds", training.seconds());
        }
        Map<String, NpyArray> all = new java.util.LinkedHashMap<>();
        all.put(HEADER, new NpyArray("<U", new int[0], null, new String[] {header.toPrettyString()}));
        all.putAll(arrays);
        Npy.writeArchive(file, all);
    }

    /** Reads and checks a model file; IOException naming the file and what is wrong. */
    public static XcModel read(Path file) throws IOException {
        Map<String, NpyArray> arrays = new TreeMap<>(Npy.readArchive(file));
        NpyArray headerArray = arrays.remove(HEADER);
        if (headerArray == null || headerArray.isNumeric() || headerArray.strings().length != 1) {
            throw new IOException(file + ": not a model file (no JSON 'header' entry)");
        }
        JsonNode header;
        try {
            header = JSON.readTree(headerArray.strings()[0]);
        } catch (IOException e) {
            throw new IOException(file + ": the header is not valid JSON: " + e.getMessage(), e);
        }
        if (!FORMAT.equals(header.path("format").asText())) {
            throw new IOException(file + ": format is '" + header.path("format").asText() + "', expected '" + FORMAT + "'");
        }
        int version = header.path("format_version").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new IOException(file + ": format_version " + version + " is not supported (this reader knows "
                    + FORMAT_VERSION + ")");
        }
        XcModelKind kind;
        try {
            kind = XcModelKind.ofModelType(header.path("model_type").asText());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        String hash = payloadHash(arrays);
        if (!hash.equals(header.path("payload_sha256").asText())) {
            throw new IOException(file + ": payload checksum mismatch (file changed or damaged): header says "
                    + header.path("payload_sha256").asText() + ", arrays hash to " + hash);
        }
        int layers = header.path("layers").asInt(0);
        List<double[][]> weights = new ArrayList<>();
        List<double[]> biases = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            NpyArray w = arrays.get("W" + l);
            NpyArray b = arrays.get("b" + l);
            if (w == null || b == null || w.shape().length != 2) {
                throw new IOException(file + ": layer " + l + " of " + layers + " is missing or not a matrix");
            }
            double[][] matrix = new double[w.shape()[0]][];
            for (int i = 0; i < matrix.length; i++) {
                matrix[i] = w.row(i);
            }
            weights.add(matrix);
            biases.add(b.values());
        }
        JsonNode t = header.path("training");
        XcTrainingSummary training = null;
        if (t.isObject()) {
            training = new XcTrainingSummary(t.path("data").asText(), strings(t.path("training_samples")),
                    strings(t.path("validation_samples")), header.path("training_fingerprint").asText(),
                    t.path("steps").asInt(), t.path("best_step").asInt(), t.path("training_loss").asDouble(),
                    t.path("validation_loss").asDouble(), t.path("energy_weight").asDouble(),
                    t.path("potential_weight").asDouble(), t.path("seconds").asDouble());
        }
        try {
            return new XcModel(kind, header.path("window_half_width").asInt(-1), new MlpWeights(weights, biases),
                    header.path("grid_spacing").asDouble(Double.NaN), header.path("interaction").asText(null), training);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(node -> list.add(node.asText()));
        return list;
    }

    private static String payloadHash(Map<String, NpyArray> arrays) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, NpyArray> entry : new TreeMap<>(arrays).entrySet()) {
                digest.update(entry.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(Npy.encode(entry.getValue()));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
