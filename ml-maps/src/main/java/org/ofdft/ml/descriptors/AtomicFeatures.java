package org.ofdft.ml.descriptors;

/**
 * Per-atom descriptor vectors of one configuration and, optionally, their derivatives with respect to
 * every atomic position. Flat arrays for speed:
 * <pre>
 *   values[i · length + f]                          = G_f(atom i)
 *   gradient[((i · length + f) · atoms + j) · 3 + k] = ∂G_f(atom i) / ∂r_{j,k}     (per bohr)
 * </pre>
 * For a periodic system r_j is the position of atom j in the cell; all its images move with it.
 * The arrays are owned by this object and not copied (treat them as read-only).
 *
 * @param atoms    number of atoms
 * @param length   features per atom
 * @param values   {@code atoms × length}
 * @param gradient {@code atoms × length × atoms × 3}, or null when not computed
 */
public record AtomicFeatures(int atoms, int length, double[] values, double[] gradient) {

    public AtomicFeatures {
        if (values.length != atoms * length) {
            throw new IllegalArgumentException("values must hold atoms × length = " + atoms * length + " numbers");
        }
        if (gradient != null && gradient.length != atoms * length * atoms * 3) {
            throw new IllegalArgumentException("gradient must hold atoms × length × atoms × 3 numbers");
        }
    }

    public double value(int atom, int feature) {
        return values[atom * length + feature];
    }

    /** The feature vector of one atom (a copy). */
    public double[] row(int atom) {
        double[] row = new double[length];
        System.arraycopy(values, atom * length, row, 0, length);
        return row;
    }

    public boolean hasGradient() {
        return gradient != null;
    }

    /** ∂G_f(atom) / ∂r_{other, component}. */
    public double gradient(int atom, int feature, int other, int component) {
        if (gradient == null) {
            throw new IllegalStateException("the derivatives were not computed (ask for them in compute)");
        }
        return gradient[((atom * length + feature) * atoms + other) * 3 + component];
    }

    /** The mean feature vector over all atoms (a simple structure-level descriptor). */
    public double[] average() {
        double[] mean = new double[length];
        for (int i = 0; i < atoms; i++) {
            for (int f = 0; f < length; f++) {
                mean[f] += values[i * length + f];
            }
        }
        for (int f = 0; f < length; f++) {
            mean[f] /= atoms;
        }
        return mean;
    }
}
