package org.ofdft.ml.xc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ofdft.ml.model.ModelArchive;

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
 * <tr><td>format_version</td><td>{@value ModelArchive#FORMAT_VERSION}; other versions are refused</td></tr>
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


    private XcModelFile() {
    }

    public static void write(XcModel model, Path file) throws IOException {
        ModelArchive archive = ModelArchive.create(model.kind().modelType());
        model.weights().putInto(archive);
        ObjectNode header = archive.header();
        XcTrainingSummary training = model.training();
        if (training != null) {
            header.put("training_fingerprint", training.fingerprint());
        }
        header.put("window_half_width", model.windowHalfWidth());
        header.put("activation", "tanh");
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
        archive.write(file);
    }

    /** Reads and checks a model file (format, version, checksum: {@link ModelArchive#read}); IOException naming the file. */
    public static XcModel read(Path file) throws IOException {
        ModelArchive archive = ModelArchive.read(file, null);
        JsonNode header = archive.header();
        XcModelKind kind;
        try {
            kind = XcModelKind.ofModelType(archive.modelType());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        MlpWeights weights;
        try {
            weights = MlpWeights.from(archive);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
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
            return new XcModel(kind, header.path("window_half_width").asInt(-1), weights,
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
}
