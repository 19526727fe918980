package org.ofdft.ml.xc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training graph of {@link XcTrainer}: a batch of densities [S, N] → predicted v_xc [S, N] (and E_xc [S]
 * for energy models) → the loss of {@link XcTrainingConfig}. For an energy model the potential is written
 * out as v_i = ε_i + Σ_k (n ∂ε/∂F)_(i−k+w, k) with ∂ε/∂F from {@link XcGraphs#inputDerivative}, the same
 * quantity {@link EnergyXcFunctional} obtains by automatic differentiation (the tests compare the two), so
 * that the loss's gradient with respect to the weights needs first derivatives only.
 */
final class XcLossGraph {

    static final String DENSITY = "density";
    static final String TARGET_POTENTIAL = "target_potential";
    static final String WEIGHT = "point_weight";
    static final String TARGET_ENERGY = "target_energy";
    static final String POTENTIAL = "potential";
    static final String ENERGY = "energy";
    static final String LOSS = "loss";

    /** Placeholder arrays of a batch of samples. */
    record Batch(INDArray density, INDArray targetPotential, INDArray weight, INDArray targetEnergy, int size) {
        static Batch of(List<XcSample> samples) {
            int count = samples.size();
            double[][] n = new double[count][];
            double[][] v = new double[count][];
            double[][] w = new double[count][];
            double[] e = new double[count];
            for (int s = 0; s < count; s++) {
                XcSample sample = samples.get(s);
                n[s] = sample.density();
                v[s] = sample.xcPotential();
                w[s] = sample.pointWeights();
                e[s] = sample.xcEnergy();
            }
            return new Batch(Nd4j.create(n), Nd4j.create(v), Nd4j.create(w), Nd4j.create(e, new long[] {count}, 'c'),
                    count);
        }

        Map<String, INDArray> placeholders() {
            Map<String, INDArray> map = new HashMap<>();
            map.put(DENSITY, density);
            map.put(TARGET_POTENTIAL, targetPotential);
            map.put(WEIGHT, weight);
            map.put(TARGET_ENERGY, targetEnergy);
            return map;
        }
    }

    private final SameDiff graph;
    private final MlpWeights shapes;
    private final List<String> variableNames;
    private final XcModelKind kind;

    XcLossGraph(XcModelKind kind, int halfWidth, MlpWeights initial, int points, double spacing, double energyWeight,
                double potentialWeight) {
        if (initial.layers() < 2) {
            throw new IllegalArgumentException("training needs at least one hidden layer");
        }
        this.kind = kind;
        this.shapes = initial;
        this.variableNames = XcGraphs.variableNames(initial.layers());
        SameDiff sd = SameDiff.create();
        SDVariable n = sd.placeHolder(DENSITY, DataType.DOUBLE, -1, points);
        SDVariable targetV = sd.placeHolder(TARGET_POTENTIAL, DataType.DOUBLE, -1, points);
        SDVariable weight = sd.placeHolder(WEIGHT, DataType.DOUBLE, -1, points);
        SDVariable targetE = sd.placeHolder(TARGET_ENERGY, DataType.DOUBLE, -1);
        XcGraphs.Network network = XcGraphs.variables(sd, initial);
        SDVariable features = XcGraphs.windows(sd, n, halfWidth, points);
        XcGraphs.Forward forward = XcGraphs.forward(sd, features, network);
        SDVariable output = forward.output().reshape(-1, points);
        SDVariable potential;
        SDVariable loss;
        if (kind == XcModelKind.ENERGY) {
            SDVariable derivative = XcGraphs.inputDerivative(sd, forward, network); // ∂ε/∂F [S·N, K]
            SDVariable scaled = derivative.mul(n.reshape(-1, 1));
            potential = output.add(XcGraphs.windowTranspose(sd, scaled, halfWidth, points));
            SDVariable energy = n.mul(output).sum(1).mul(ENERGY, spacing);
            SDVariable energyError = energy.sub(targetE);
            loss = energyError.mul(energyError).mean().mul(energyWeight)
                    .add(potentialLoss(potential, targetV, weight).mul(potentialWeight));
        } else {
            potential = output;
            loss = potentialLoss(potential, targetV, weight).mul(potentialWeight);
        }
        sd.updateVariableNameAndReference(potential, POTENTIAL);
        sd.updateVariableNameAndReference(loss, LOSS);
        sd.setLossVariables(LOSS);
        this.graph = sd;
    }

    /**
     * mean_s Σ_j ω_sj (Δv_sj − ⟨Δv⟩_s)², ⟨Δv⟩_s = Σ_j ω_sj Δv_sj / Σ_j ω_sj: the potential error up to one
     * constant per system. The density does not depend on that constant, and a continuous (semi-)local
     * functional cannot have the constant of the exact v_xc (which vanishes far away while E_xc follows from the
     * whole curve E(N) with its derivative discontinuity: Perdew, Parr, Levy, Balduz, PRL 49, 1691 (1982)).
     */
    private static SDVariable potentialLoss(SDVariable potential, SDVariable target, SDVariable weight) {
        SDVariable error = potential.sub(target);
        SDVariable shift = weight.mul(error).sum(true, 1).div(weight.sum(true, 1));
        SDVariable centred = error.sub(shift);
        return weight.mul(centred.mul(centred)).sum(1).mean();
    }

    /** Copies the parameters (in {@link MlpWeights#flatten()} order) into the graph's variables. */
    void setParameters(double[] flat) {
        int k = 0;
        for (int l = 0; l < shapes.layers(); l++) {
            int rows = shapes.weights().get(l).length;
            int columns = shapes.biases().get(l).length;
            k = copyInto(graph.getVariable("W" + l).getArr(), flat, k, rows, columns);
            k = copyInto(graph.getVariable("b" + l).getArr(), flat, k, 1, columns);
        }
    }

    /** Loss and its gradient with respect to the parameters (flattened into {@code gradient}). */
    double lossAndGradient(Batch batch, double[] gradient) {
        OutAndGrad result = graph.calculateGradientsAndOutputs(batch.placeholders(), List.of(LOSS), variableNames);
        int k = 0;
        for (String name : variableNames) {
            double[] part = Nd4j.toFlattened('c', result.getGradients().get(name)).toDoubleVector();
            System.arraycopy(part, 0, gradient, k, part.length);
            k += part.length;
        }
        return result.getOutputs().get(LOSS).getDouble(0);
    }

    double loss(Batch batch) {
        return graph.outputSingle(batch.placeholders(), LOSS).getDouble(0);
    }

    /** Predicted v_xc [S][N] of the batch's densities (the targets are not used). */
    double[][] potentials(Batch batch) {
        return graph.outputSingle(batch.placeholders(), POTENTIAL).toDoubleMatrix();
    }

    XcModelKind kind() {
        return kind;
    }

    private static int copyInto(INDArray target, double[] flat, int offset, int rows, int columns) {
        double[] part = java.util.Arrays.copyOfRange(flat, offset, offset + rows * columns);
        target.assign(Nd4j.create(part, new long[] {rows, columns}, 'c'));
        return offset + rows * columns;
    }
}
