package org.ofdft.ml.xc;

import org.ofdft.functionals.hartree.Interaction1D;
import org.ofdft.grids.Grid1D;

/**
 * A trained (or hand-made) neural XC model for 1D electrons: the network, its density window, and the system
 * type it was trained for — the grid spacing h (bohr) and the electron–electron interaction. The window
 * covers 2w+1 grid points, i.e. a fixed physical width 2wh, so a model is only meaningful on grids with the
 * same spacing; the XC functional it learned belongs to one interaction. {@link #requireCompatible} refuses
 * anything else unless forced.
 *
 * @param kind            energy density or potential network
 * @param windowHalfWidth w: the features of point j are n_(j−w) … n_(j+w)
 * @param weights         the network (2w+1 inputs, one output)
 * @param gridSpacing     h of the training data (bohr)
 * @param interaction     {@link Interaction1D#name()} of the training data, e.g. {@code exponential}
 * @param training        what it was trained on and how (null for a hand-made model)
 */
public record XcModel(XcModelKind kind, int windowHalfWidth, MlpWeights weights, double gridSpacing,
                      String interaction, XcTrainingSummary training) {

    /** Relative tolerance on the grid spacing. */
    public static final double SPACING_TOLERANCE = 1e-9;

    public XcModel {
        if (kind == null) {
            throw new IllegalArgumentException("XC model kind is missing");
        }
        if (windowHalfWidth < 0) {
            throw new IllegalArgumentException("window half-width must be non-negative, got " + windowHalfWidth);
        }
        if (weights.inputs() != 2 * windowHalfWidth + 1) {
            throw new IllegalArgumentException("a window of half-width " + windowHalfWidth + " has "
                    + (2 * windowHalfWidth + 1) + " points but the network takes " + weights.inputs() + " inputs");
        }
        if (!(gridSpacing > 0) || !Double.isFinite(gridSpacing)) {
            throw new IllegalArgumentException("grid spacing must be positive and finite, got " + gridSpacing);
        }
        if (interaction == null || interaction.isBlank()) {
            throw new IllegalArgumentException("the interaction the model was trained for must be named");
        }
    }

    public int windowWidth() {
        return 2 * windowHalfWidth + 1;
    }

    /** The same model with other weights (as training produces them). */
    public XcModel withWeights(MlpWeights newWeights, XcTrainingSummary summary) {
        return new XcModel(kind, windowHalfWidth, newWeights, gridSpacing, interaction, summary);
    }

    /**
     * Checks that the model was trained for this grid spacing and interaction; otherwise throws an
     * IllegalArgumentException saying what differs — unless {@code force}, which accepts the mismatch.
     */
    public void requireCompatible(Grid1D grid, Interaction1D systemInteraction, boolean force) {
        if (force) {
            return;
        }
        double h = grid.spacing();
        if (Math.abs(h - gridSpacing) > SPACING_TOLERANCE * gridSpacing) {
            throw new IllegalArgumentException("the " + kind.modelType() + " model was trained on a grid spacing of "
                    + gridSpacing + " bohr but the grid has h = " + h + " bohr; its density window would cover a "
                    + "different length (use the training spacing, or force it)");
        }
        if (!interaction.equals(systemInteraction.name())) {
            throw new IllegalArgumentException("the " + kind.modelType() + " model was trained for the '"
                    + interaction + "' interaction, not '" + systemInteraction.name()
                    + "' (an XC functional belongs to one interaction; force it to apply it anyway)");
        }
    }
}
