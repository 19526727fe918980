package org.ofdft.ml.xc;

import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
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
 * Energy-based neural XC functional on a 1D grid:
 * <pre>
 *   E_xc[n] = Σ_j n_j ε_NN(n_(j−w), …, n_(j+w)) h,        v_xc,i = (1/h) ∂E_xc/∂n_i
 * </pre>
 * with ε_NN a tanh network of the density window (values beyond the walls are zero). The discrete functional
 * derivative (1/h)∂E/∂n_i is exactly what a Kohn–Sham solver on this grid needs, and it is computed by SameDiff's
 * reverse-mode automatic differentiation of the graph n → E (the window, the network and the sum), never by
 * finite differences. The form is the "NN energy density" of e.g. Nagai, Akashi, Sugino, npj Comput. Mater. 6,
 * 43 (2020) and the local/semi-local members of Li et al., PRL 126, 036401 (2021); here the window is a few
 * grid points wide (semi-local). Double precision throughout (placeholders, variables and constants are
 * float64).
 *
 * <p>Each call allocates its input and output arrays (ND4J); not thread-safe (one graph per instance).
 */
public final class EnergyXcFunctional implements DensityFunctional {

    static final String DENSITY = "density";
    static final String ENERGY = "xc_energy";

    private final XcModel model;
    private final Grid1D grid;
    private final SameDiff graph;
    private final SDVariable densityVariable;

    /**
     * Binds the model to a grid. The model must be an energy model trained for this grid spacing and
     * interaction (see {@link XcModel#requireCompatible}); {@code force} accepts a mismatch.
     */
    public EnergyXcFunctional(XcModel model, Grid1D grid, Interaction1D interaction, boolean force) {
        if (model.kind() != XcModelKind.ENERGY) {
            throw new IllegalArgumentException("EnergyXcFunctional needs an energy model (nn-xc-energy-1d), got "
                    + model.kind().modelType());
        }
        model.requireCompatible(grid, interaction, force);
        this.model = model;
        this.grid = grid;
        this.graph = buildGraph(model, grid.size(), grid.spacing());
        this.densityVariable = graph.getVariable(DENSITY);
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

    @Override
    public double energyAndPotential(RealField density, RealField potential) {
        requireGrid(density, "density");
        requireGrid(potential, "potential");
        double[] n = density.values();
        DensityChecks.requireFinite(name(), n);
        densityVariable.getArr().assign(Nd4j.create(new double[][] {n}));
        if (potential == null) {
            return graph.outputSingle(Map.of(), ENERGY).getDouble(0);
        }
        OutAndGrad result = graph.calculateGradientsAndOutputs(Map.of(), List.of(ENERGY), List.of(DENSITY));
        INDArray gradient = result.getGradients().get(DENSITY);
        double[] v = potential.values();
        double inverseSpacing = 1.0 / grid.spacing();
        for (int j = 0; j < v.length; j++) {
            v[j] += gradient.getDouble(0, j) * inverseSpacing;
        }
        return result.getOutputs().get(ENERGY).getDouble(0);
    }

    /** ε_NN at every point (per-particle XC energy), for plots and tests. */
    public double[] energyPerParticle(double[] density) {
        grid.checkField(density, "density");
        densityVariable.getArr().assign(Nd4j.create(new double[][] {density}));
        INDArray eps = graph.outputSingle(Map.of(), "epsilon");
        return eps.reshape(density.length).toDoubleVector();
    }

    private static SameDiff buildGraph(XcModel model, int points, double spacing) {
        SameDiff sd = SameDiff.create();
        // a variable, not a placeholder: see XcGraphs on SameDiff's placeholder gradients
        SDVariable n = sd.var(DENSITY, Nd4j.zeros(DataType.DOUBLE, 1, points));
        XcGraphs.Network network = XcGraphs.variables(sd, model.weights());
        SDVariable features = XcGraphs.windows(sd, n, model.windowHalfWidth(), points);
        SDVariable epsilon = XcGraphs.forward(sd, features, network).output().reshape(1, points);
        sd.updateVariableNameAndReference(epsilon, "epsilon");
        n.mul(epsilon).sum().mul(ENERGY, spacing);
        return sd;
    }
}
