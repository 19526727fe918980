package org.ofdft.ml.learn;

import java.util.Arrays;
import org.ofdft.ml.regression.DistanceKernel;
import org.ofdft.ml.regression.GaussianKernel;
import org.ofdft.ml.regression.LaplacianKernel;

/** The kernels a learning curve can use, by their command-line names. */
public enum KernelFamily {
    /** exp(−‖x − x'‖₁/σ) ({@link LaplacianKernel}). */
    LAPLACIAN("laplacian"),
    /** exp(−‖x − x'‖²/2σ²) ({@link GaussianKernel}). */
    GAUSSIAN("gaussian");

    private final String cliName;

    KernelFamily(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** The kernel of this family with width σ. */
    public DistanceKernel withSigma(double sigma) {
        return this == LAPLACIAN ? new LaplacianKernel(sigma) : new GaussianKernel(sigma);
    }

    /** The family named {@code name}; an unknown name is an error listing the valid ones. */
    public static KernelFamily byName(String name) {
        for (KernelFamily family : values()) {
            if (family.cliName.equals(name)) {
                return family;
            }
        }
        throw new IllegalArgumentException("unknown kernel '" + name + "'; valid: "
                + String.join(", ", Arrays.stream(values()).map(KernelFamily::cliName).toList()));
    }
}
