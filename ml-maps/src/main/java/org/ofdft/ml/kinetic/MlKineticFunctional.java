package org.ofdft.ml.kinetic;

import org.ofdft.functionals.DensityChecks;
import org.ofdft.functionals.DensityFunctional;
import org.ofdft.grids.BoxGrid1D;
import org.ofdft.grids.Grid;
import org.ofdft.grids.Grid1D;
import org.ofdft.grids.RealField;
import org.ofdft.ml.regression.KernelRidgeModel;

/**
 * A machine-learned non-interacting kinetic energy for the hard-walled 1D box (Snyder, Rupp, Hansen,
 * Müller, Burke, PRL 108, 253002 (2012)):
 *
 * <pre>
 *   T^ML[n] = T_base[n] + Σ_j α_j k(n, n_j),   k(n, n') = exp(−‖n − n'‖²/(2σ²))
 * </pre>
 *
 * where n is the density sampled on the dataset's G points, walls included, and ‖·‖ the plain Euclidean
 * norm of that G-vector — the paper's convention, with no Δx factor, so σ is in the paper's units and
 * depends on G. T_base is either zero (the paper) or the von Weizsäcker energy of the same vector
 * ({@link Baseline#VON_WEIZSACKER}: the model then learns the Pauli part T_s − T_vW, which vanishes for one
 * electron).
 *
 * <p>As a {@link DensityFunctional} it lives on the box grid of the G − 2 interior points (walls one
 * spacing beyond, as {@link Grid1D#box}); its potential is the raw functional derivative
 * δT/δn(x_j) = (∂T/∂n_j)/Δx. That derivative is noisy off the manifold of training densities (the paper's
 * Fig. 2); {@link ProjectedGradientDescent} with {@link LocalPcaProjection} is the minimizer that makes
 * it usable.
 */
public final class MlKineticFunctional implements DensityFunctional {

    /** What the kernel model is added to. */
    public enum Baseline {
        /** T^ML = KRR (Snyder et al. 2012). */
        NONE,
        /**
         * T^ML = T_vW + KRR, T_vW = ½ Σ_j (√n_(j+1) − √n_j)²/Δx on the G-vector (the 3-point stencil's
         * von Weizsäcker energy with zero walls).
         */
        VON_WEIZSACKER
    }

    private final KernelRidgeModel model;
    private final Baseline baseline;
    private final double[] points;
    private final double spacing;
    private final double electrons;
    private final BoxGrid1D grid;
    private final double[] vector;
    private final double[] gradient;

    /**
     * @param model KRR on density vectors of length points.length
     * @param points the dataset's grid, walls included (uniform)
     * @param electrons the electron number of the training densities
     */
    public MlKineticFunctional(KernelRidgeModel model, Baseline baseline, double[] points, double electrons) {
        if (model.featureCount() != points.length) {
            throw new IllegalArgumentException("kinetic model was trained on " + model.featureCount()
                    + "-point densities but the grid has " + points.length + " points");
        }
        if (points.length < 3) {
            throw new IllegalArgumentException("a box grid needs at least 3 points, got " + points.length);
        }
        this.model = model;
        this.baseline = baseline;
        this.points = points.clone();
        this.spacing = (points[points.length - 1] - points[0]) / (points.length - 1);
        this.electrons = electrons;
        this.grid = Grid1D.box(points[0], points[points.length - 1], points.length - 2);
        this.vector = new double[points.length];
        this.gradient = new double[points.length];
    }

    public KernelRidgeModel model() {
        return model;
    }

    public Baseline baseline() {
        return baseline;
    }

    /** The dataset grid, walls included (a copy). */
    public double[] points() {
        return points.clone();
    }

    public double spacing() {
        return spacing;
    }

    /** The training densities of the kernel model (rows; copies). */
    public double[][] trainingDensities() {
        double[][] rows = new double[model.sampleCount()][];
        for (int j = 0; j < rows.length; j++) {
            rows[j] = model.trainingInput(j);
        }
        return rows;
    }

    /** The electron number the model was trained for. */
    public double electrons() {
        return electrons;
    }

    @Override
    public String name() {
        return "ml_kinetic";
    }

    @Override
    public Grid grid() {
        return grid;
    }

    /**
     * T^ML of the density vector n (length G, walls included); if {@code gradientOut} is not null it
     * receives ∂T^ML/∂n_j (no Δx factor). Not thread-safe when called through {@link #energyAndPotential}.
     */
    public double energyAndGradient(double[] density, double[] gradientOut) {
        if (density.length != points.length) {
            throw new IllegalArgumentException(name() + ": density has " + density.length + " points, the model "
                    + points.length);
        }
        double energy;
        if (gradientOut == null) {
            energy = model.predict(density);
        } else {
            energy = model.predictWithGradient(density, gradientOut);
        }
        if (baseline == Baseline.VON_WEIZSACKER) {
            energy += vonWeizsacker(density, spacing, gradientOut);
        }
        return energy;
    }

    /**
     * T_vW = ½ Σ_j (s_(j+1) − s_j)²/Δx with s = √max(n, 0); ∂T_vW/∂n_j = (2s_j − s_(j−1) − s_(j+1))/(2 s_j Δx), taken
     * as zero where n_j = 0 (the walls). The gradient is added to {@code gradientOut} unless it is null.
     */
    public static double vonWeizsacker(double[] density, double spacing, double[] gradientOut) {
        int g = density.length;
        double energy = 0;
        for (int j = 0; j + 1 < g; j++) {
            double difference = root(density[j + 1]) - root(density[j]);
            energy += difference * difference;
        }
        if (gradientOut != null) {
            for (int j = 0; j < g; j++) {
                double s = root(density[j]);
                if (s == 0) {
                    continue;
                }
                double left = j > 0 ? root(density[j - 1]) : 0;
                double right = j + 1 < g ? root(density[j + 1]) : 0;
                gradientOut[j] += (2 * s - left - right) / (2 * s * spacing);
            }
        }
        return 0.5 * energy / spacing;
    }

    /** √max(n, 0): a minimizer's trial density may dip below zero by round-off near the walls. */
    private static double root(double n) {
        return n > 0 ? Math.sqrt(n) : 0;
    }

    @Override
    public double energyAndPotential(RealField density, RealField potential) {
        requireGrid(density, "density");
        requireGrid(potential, "potential");
        double[] n = density.values();
        DensityChecks.requireNonNegative(name(), n);
        vector[0] = 0;
        vector[points.length - 1] = 0;
        System.arraycopy(n, 0, vector, 1, n.length);
        double energy = energyAndGradient(vector, potential == null ? null : gradient);
        if (potential != null) {
            double[] v = potential.values();
            for (int j = 0; j < v.length; j++) {
                v[j] += gradient[j + 1] / spacing;
            }
        }
        return energy;
    }
}
