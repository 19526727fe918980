package org.ofdft.ml.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.ofdft.ml.regression.InputChecks;

/**
 * Identifies the training set a model was fitted on: the SHA-256 of its inputs as float64 little-endian,
 * row-major bytes. In NumPy: {@code hashlib.sha256(np.ascontiguousarray(X, '<f8').tobytes()).hexdigest()}.
 */
public record TrainingFingerprint(int samples, int features, String sha256) {

    public TrainingFingerprint {
        if (samples < 1 || features < 1 || sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("training fingerprint needs positive sizes and a 64-digit lower-case"
                    + " hexadecimal SHA-256, got " + samples + " × " + features + ", '" + sha256 + "'");
        }
    }

    public static TrainingFingerprint of(double[][] trainingInputs) {
        int d = InputChecks.requireFeatures(trainingInputs, "training inputs");
        MessageDigest digest = newDigest();
        ByteBuffer row = ByteBuffer.allocate(8 * d).order(ByteOrder.LITTLE_ENDIAN);
        for (double[] values : trainingInputs) {
            row.clear();
            for (double v : values) {
                row.putDouble(v);
            }
            digest.update(row.array());
        }
        return new TrainingFingerprint(trainingInputs.length, d, HexFormat.of().formatHex(digest.digest()));
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK provides no SHA-256", e);
        }
    }
}
