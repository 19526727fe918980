package org.ofdft.ml.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.ofdft.grids.io.Npy;
import org.ofdft.grids.io.NpyArray;

/**
 * The file format of trained models: one NumPy {@code .npz} archive (readable with {@code numpy.load})
 * holding the model's arrays and a JSON header stored as the unicode array {@code header}:
 *
 * <pre>
 *   {"format": "ofdft-model", "format_version": 1, "model_type": "...", "created": "...",
 *    "payload_sha256": "...", "training_fingerprint": "...", ...model-specific fields...}
 * </pre>
 *
 * {@code payload_sha256} is the SHA-256 of every array except the header, in name order (name, shape and
 * little-endian float64 values), so a changed or truncated file is detected on loading;
 * {@code training_fingerprint} is the SHA-256 of the training inputs and targets, which identifies the
 * data a model was fitted to. Loading a file of another format or version, or one whose checksum does not
 * match, is an error naming the file. Written atomically. See {@code docs/model-format.md}.
 */
public record ModelArchive(ObjectNode header, Map<String, NpyArray> arrays) {

    public static final String FORMAT = "ofdft-model";
    public static final int FORMAT_VERSION = 1;
    static final String HEADER = "header";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A new archive of {@code modelType}: the header gets the format fields; add model fields to it. */
    public static ModelArchive create(String modelType) {
        ObjectNode header = JSON.createObjectNode();
        header.put("format", FORMAT);
        header.put("format_version", FORMAT_VERSION);
        header.put("model_type", modelType);
        header.put("created", java.time.Instant.now().toString());
        return new ModelArchive(header, new LinkedHashMap<>());
    }

    public String modelType() {
        return header.path("model_type").asText();
    }

    public void put(String name, NpyArray array) {
        if (name.equals(HEADER)) {
            throw new IllegalArgumentException("'header' is reserved for the model header");
        }
        arrays.put(name, array);
    }

    /** A float64 matrix as rows × columns. */
    public void putMatrix(String name, double[][] rows) {
        int columns = rows.length == 0 ? 0 : rows[0].length;
        double[] flat = new double[rows.length * columns];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * columns, columns);
        }
        put(name, NpyArray.ofDoubles(flat, rows.length, columns));
    }

    public void putVector(String name, double[] values) {
        put(name, NpyArray.ofDoubles(values.clone(), values.length));
    }

    public NpyArray array(String name) {
        NpyArray array = arrays.get(name);
        if (array == null) {
            throw new IllegalArgumentException("model file has no array '" + name + "' (it holds " + arrays.keySet() + ")");
        }
        return array;
    }

    public double[] vector(String name) {
        return array(name).values().clone();
    }

    public double[][] matrix(String name) {
        NpyArray array = array(name);
        if (array.shape().length != 2) {
            throw new IllegalArgumentException("model array '" + name + "' should be 2D, has shape "
                    + java.util.Arrays.toString(array.shape()));
        }
        double[][] rows = new double[array.shape()[0]][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = array.row(i);
        }
        return rows;
    }

    /** Writes the archive (header with the payload checksum) atomically. */
    public void write(Path file) throws IOException {
        header.put("payload_sha256", payloadChecksum(arrays));
        Map<String, NpyArray> all = new LinkedHashMap<>();
        all.put(HEADER, new NpyArray("<U1", new int[0], null,
                new String[] {JSON.writerWithDefaultPrettyPrinter().writeValueAsString(header)}));
        all.putAll(arrays);
        Npy.writeArchive(file, all);
    }

    /**
     * Reads and checks an archive: format, version, checksum, and (if {@code expectedType} is not null)
     * the model type.
     */
    public static ModelArchive read(Path file, String expectedType) throws IOException {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new IOException("no such model file: " + file);
        }
        Map<String, NpyArray> all;
        try {
            all = Npy.readArchive(file);
        } catch (IOException e) {
            throw new ModelFormatException(file + ": not an ofdft model file, or corrupted (" + e.getMessage() + ")", e);
        }
        NpyArray headerArray = all.remove(HEADER);
        if (headerArray == null || headerArray.isNumeric() || headerArray.strings().length != 1) {
            throw new ModelFormatException(file + ": not an ofdft model file (no header)");
        }
        JsonNode parsed;
        try {
            parsed = JSON.readTree(headerArray.strings()[0]);
        } catch (IOException e) {
            throw new ModelFormatException(file + ": the header is not valid JSON (corrupted file?): " + e.getMessage(), e);
        }
        if (!(parsed instanceof ObjectNode header) || !FORMAT.equals(header.path("format").asText())) {
            throw new ModelFormatException(file + ": foreign file, not an ofdft model file (format is '"
                    + parsed.path("format").asText() + "', expected '" + FORMAT + "')");
        }
        int version = header.path("format_version").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new ModelFormatException(file + ": model format version " + version + " is not supported (this "
                    + "build reads version " + FORMAT_VERSION + ")");
        }
        String checksum = payloadChecksum(all);
        if (!checksum.equals(header.path("payload_sha256").asText())) {
            throw new ModelFormatException(file + ": checksum mismatch (the file is corrupted or was modified): header "
                    + "says " + header.path("payload_sha256").asText() + ", arrays hash to " + checksum);
        }
        ModelArchive archive = new ModelArchive(header, new LinkedHashMap<>(all));
        if (expectedType != null && !expectedType.equals(archive.modelType())) {
            throw new ModelFormatException(file + ": holds a '" + archive.modelType() + "' model, expected '"
                    + expectedType + "'");
        }
        return archive;
    }

    /** SHA-256 (hex) of rows of training inputs and their targets: the data a model was fitted to. */
    public static String fingerprint(double[][] inputs, double[] targets) {
        MessageDigest digest = sha256();
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (double[] row : inputs) {
            for (double v : row) {
                digest.update(buffer.clear().putDouble(v).array());
            }
        }
        for (double v : targets) {
            digest.update(buffer.clear().putDouble(v).array());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String payloadChecksum(Map<String, NpyArray> arrays) {
        MessageDigest digest = sha256();
        for (Map.Entry<String, NpyArray> entry : new TreeMap<>(arrays).entrySet()) {
            digest.update(entry.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update(Npy.encode(entry.getValue()));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
