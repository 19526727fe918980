package org.ofdft.ml.xc;

import java.util.Map;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.ofdft.functionals.DensityChecks;
import org.ofdft.functionals.DensityFunctional;
import org.ofdft.functionals.hartree.Interaction1D;
import org.ofdft.grids.Grid;
import org.ofdft.grids.Grid1D;
import org.ofdft.grids.RealField;

/**
 * Local neural XC <em>potential</em> in the manner of Nagai, Akashi, Sasaki, Tsuneyuki, J. Chem. Phys. 148,
 * 241737 (2018): v_xc(x_j) = NN(n_(j−w), …, n_(j+w)), the density window mapped straight to the potential.
 *
 * <p><b>No energy functional.</b> Such a map is in general not the functional derivative of anything (its
 * "curl" δv(x)/δn(x′) − δv(x′)/δn(x) need not vanish), so E_xc is not defined by the model. What
 * {@link #energyAndPotential} reports as the energy is the line integral along the straight path from zero
 * density,
 * <pre>
 *   E_xc[n] ≈ ∫_0^1 dλ ∫ v_xc[λn](x) n(x) dx      (Gauss–Legendre in λ, {@value #LAMBDA_POINTS} points),
 * </pre>
 * which equals E_xc[n] − E_xc[0] exactly if v is a functional derivative (e.g. R. van Leeuwen and E. J.
 * Baerends, Phys. Rev. A 51, 170 (1995), where the same path fixes the energy of model potentials) and is a
 * path-dependent estimate otherwise. Consequently the potential is <em>not</em> the derivative of the
 * reported energy, the finite-difference check of the other functionals does not apply, and Kohn–Sham total
 * energies with this term carry that approximation. Self-consistent densities do not depend on it.
 *
 * <p>Not thread-safe (one graph per instance).
 */
public final class PotentialXcFunctional implements DensityFunctional {

    /** Gauss–Legendre points of the coupling-constant (density scaling) integral. */
    public static final int LAMBDA_POINTS = 8;

    static final String DENSITY = "density";
    static final String POTENTIAL = "xc_potential";

    private final XcModel model;
    private final Grid1D grid;
    private final SameDiff graph;
    private final double[] lambdas = new double[LAMBDA_POINTS];
    private final double[] lambdaWeights = new double[LAMBDA_POINTS];

    /** Binds a potential model to a grid (checked as in {@link XcModel#requireCompatible}). */
    public PotentialXcFunctional(XcModel model, Grid1D grid, Interaction1D interaction, boolean force) {
        if (model.kind() != XcModelKind.POTENTIAL) {
            throw new IllegalArgumentException("PotentialXcFunctional needs a potential model (nn-xc-potential-1d), "
                    + "got " + model.kind().modelType());
        }
        model.requireCompatible(grid, interaction, force);
        this.model = model;
        this.grid = grid;
        this.graph = buildGraph(model, grid.size());
        GaussIntegrator rule = new GaussIntegratorFactory().legendreHighPrecision(LAMBDA_POINTS, 0.0, 1.0);
        for (int q = 0; q < LAMBDA_POINTS; q++) {
            lambdas[q] = rule.getPoint(q);
            lambdaWeights[q] = rule.getWeight(q);
        }
    }

    public XcModel model() {
        return model;
    }

    @Override
    public String name() {
        return "xc";
    }

    @Override
    public Grid grid() {
        return grid;
    }

    /** v_xc[n] at every grid point (new array). */
    public double[] potential(double[] density) {
        grid.checkField(density, "density");
        INDArray v = graph.outputSingle(Map.of(DENSITY, Nd4j.create(new double[][] {density})), POTENTIAL);
        return v.reshape(density.length).toDoubleVector();
    }

    /**
     * The line-integral energy (see the class comment) and, if asked, v_xc[n] added to {@code potential}; all
     * λ-scaled densities and n itself go through the network as one batch.
     */
    @Override
    public double energyAndPotential(RealField density, RealField potential) {
        requireGrid(density, "density");
        requireGrid(potential, "potential");
        double[] n = density.values();
        DensityChecks.requireFinite(name(), n);
        int points = n.length;
        int rows = LAMBDA_POINTS + (potential == null ? 0 : 1);
        double[][] batch = new double[rows][points];
        for (int q = 0; q < LAMBDA_POINTS; q++) {
            for (int j = 0; j < points; j++) {
                batch[q][j] = lambdas[q] * n[j];
            }
        }
        if (potential != null) {
            System.arraycopy(n, 0, batch[LAMBDA_POINTS], 0, points);
        }
        INDArray v = graph.outputSingle(Map.of(DENSITY, Nd4j.create(batch)), POTENTIAL);
        double energy = 0;
        for (int q = 0; q < LAMBDA_POINTS; q++) {
            double sum = 0;
            for (int j = 0; j < points; j++) {
                sum += v.getDouble(q, j) * n[j];
            }
            energy += lambdaWeights[q] * sum;
        }
        if (potential != null) {
            double[] out = potential.values();
            for (int j = 0; j < points; j++) {
                out[j] += v.getDouble(LAMBDA_POINTS, j);
            }
        }
        return energy * grid.spacing();
    }

    private static SameDiff buildGraph(XcModel model, int points) {
        SameDiff sd = SameDiff.create();
        SDVariable n = sd.placeHolder(DENSITY, DataType.DOUBLE, -1, points);
        XcGraphs.Network network = XcGraphs.variables(sd, model.weights());
        SDVariable features = XcGraphs.windows(sd, n, model.windowHalfWidth(), points);
        SDVariable v = XcGraphs.forward(sd, features, network).output().reshape(-1, points);
        sd.updateVariableNameAndReference(v, POTENTIAL);
        return sd;
    }
}
