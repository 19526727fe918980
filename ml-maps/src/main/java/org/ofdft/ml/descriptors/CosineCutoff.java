package org.ofdft.ml.descriptors;

/**
 * The cosine cutoff of Behler and Parrinello (Behler, JCP 134, 074106 (2011), eq. 4):
 * f_c(R) = ½ [cos(π R / R_c) + 1] for R ≤ R_c, 0 beyond; f_c and its first derivative vanish at R_c.
 */
final class CosineCutoff {

    private CosineCutoff() {
    }

    static double value(double distance, double cutoff) {
        return distance < cutoff ? 0.5 * (Math.cos(Math.PI * distance / cutoff) + 1) : 0.0;
    }

    /** df_c/dR = −(π / 2R_c) sin(π R / R_c) inside the cutoff, 0 beyond. */
    static double derivative(double distance, double cutoff) {
        return distance < cutoff ? -0.5 * Math.PI / cutoff * Math.sin(Math.PI * distance / cutoff) : 0.0;
    }
}
