package org.ofdft.ml.xc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.ofdft.ml.model.ModelArchive;

/**
 * A {@link NeuralGgaKernel} as a model archive ({@link ModelArchive}: versioned, checksummed {@code .npz}),
 * model type {@value #MODEL_TYPE}: the network's layers {@code W0, b0, W1, b1, …} (tanh hidden layers, linear
 * output), the input scaling in the header ({@code log_centre}, {@code log_scale}: x₁ = (ln n − centre)/scale),
 * the density threshold, and how it was fitted ({@code fit}: reference functional, sampled ranges, samples,
 * epochs, seed, the largest |Δe|/|e_x^unif| on fresh points). Written atomically.
 */
public final class NeuralGgaModelFile {

    public static final String MODEL_TYPE = "nn-xc-gga-3d";

    private NeuralGgaModelFile() {
    }

    public static void write(NeuralGgaKernel kernel, NeuralGgaFit fit, NeuralGgaFit.Result result, Path file)
            throws IOException {
        ModelArchive archive = ModelArchive.create(MODEL_TYPE);
        kernel.network().putInto(archive);
        ObjectNode header = archive.header();
        header.put("activation", "tanh");
        header.put("log_centre", NeuralGgaKernel.LOG_CENTRE);
        header.put("log_scale", NeuralGgaKernel.LOG_SCALE);
        header.put("density_threshold", kernel.densityThreshold());
        ObjectNode f = header.putObject("fit");
        f.put("reference", "PBE (GGA_X_PBE + GGA_C_PBE, this project's libxc-checked kernels)");
        f.put("samples", fit.samples());
        f.put("min_density", fit.minDensity());
        f.put("max_density", fit.maxDensity());
        f.put("max_s", fit.maxS());
        f.put("epochs", result.epochs());
        f.put("seed", fit.seed());
        f.put("max_abs_enhancement_error", result.maxAbsEnhancementError());
        archive.write(file);
    }

    /** Reads and checks a model file (format, version, checksum, type); IOException naming the file. */
    public static NeuralGgaKernel read(Path file) throws IOException {
        ModelArchive archive = ModelArchive.read(file, MODEL_TYPE);
        JsonNode header = archive.header();
        if (header.path("log_centre").asDouble(Double.NaN) != NeuralGgaKernel.LOG_CENTRE
                || header.path("log_scale").asDouble(Double.NaN) != NeuralGgaKernel.LOG_SCALE) {
            throw new IOException(file + ": input scaling (log_centre " + header.path("log_centre") + ", log_scale "
                    + header.path("log_scale") + ") differs from this version's (" + NeuralGgaKernel.LOG_CENTRE + ", "
                    + NeuralGgaKernel.LOG_SCALE + ")");
        }
        try {
            return new NeuralGgaKernel(MlpWeights.from(archive), header.path("density_threshold").asDouble(1e-15));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
