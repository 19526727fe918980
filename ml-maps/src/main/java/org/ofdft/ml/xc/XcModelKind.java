package org.ofdft.ml.xc;

/** What a neural XC network outputs; {@link #modelType()} is the model file's {@code model_type}. */
public enum XcModelKind {
    /** Energy per particle ε_NN at each point: E_xc = ∫ n ε_NN dx, v_xc = δE_xc/δn by automatic differentiation. */
    ENERGY("nn-xc-energy-1d"),
    /** v_xc at each point directly (Nagai et al. 2018); no energy functional behind it. */
    POTENTIAL("nn-xc-potential-1d");

    private final String modelType;

    XcModelKind(String modelType) {
        this.modelType = modelType;
    }

    public String modelType() {
        return modelType;
    }

    /** The kind with this {@code model_type}; IllegalArgumentException listing the valid ones otherwise. */
    public static XcModelKind ofModelType(String type) {
        for (XcModelKind kind : values()) {
            if (kind.modelType.equals(type)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("not a neural XC model type: '" + type + "' (valid: nn-xc-energy-1d, "
                + "nn-xc-potential-1d)");
    }
}
