package org.ofdft.functionals.xc;

/**
 * A local exchange–correlation kernel for spin-polarized densities (LSDA), in libxc's variables: the two
 * spin densities n↑ and n↓. Per point it returns e = n·ε(n↑, n↓) per volume (n = n↑ + n↓) and the two
 * potentials v_σ = ∂e/∂n_σ (libxc's {@code vrho[0]}, {@code vrho[1]}). Scalar, allocation-free; kernels
 * only for now — no solver in this code is spin-polarized yet.
 */
public interface SpinLdaKernel {

    /** libxc-style label, e.g. {@code "LDA_X"}. */
    String name();

    /**
     * One point: {@code out[0]} = e, {@code out[1]} = ∂e/∂n↑, {@code out[2]} = ∂e/∂n↓.
     *
     * @throws IllegalArgumentException if either spin density is negative or NaN
     */
    void evaluate(double up, double down, double[] out);

    /** Checks the spin densities (shared by the implementations). */
    static void requireDomain(String kernel, double up, double down) {
        if (!(up >= 0.0) || !(down >= 0.0)) {
            throw new IllegalArgumentException(kernel + ": spin densities must be non-negative numbers, got n_up = "
                    + up + ", n_down = " + down);
        }
    }
}
