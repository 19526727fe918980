package org.ofdft.ml.kinetic;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The local principal-component approximation of the manifold of training densities (Snyder et al.,
 * PRL 108, 253002 (2012), "projected gradient"): around a density n, the m training densities nearest to
 * n in Euclidean distance, centred on their mean n̄, span a tangent plane whose first l principal directions
 * u_1…u_l (right singular vectors of the centred m×G matrix) carry the directions in which densities
 * actually vary. A raw kernel gradient δT^ML/δn points mostly off this plane (noise the model never saw);
 * its projection P g = Σ_k u_k (u_k·g) is a usable functional derivative. Differences of densities with the
 * same electron number integrate to zero, so moves along the plane keep ∫n fixed.
 */
public final class LocalPcaProjection {

    private final double[][] trainingDensities;
    private final int neighbours;
    private final int components;
    private final int points;
    private final double[] distances;
    private final int[] nearest;
    private final DMatrixRMaj centred;
    private final SingularValueDecomposition_F64<DMatrixRMaj> svd;
    private final DMatrixRMaj rightVectors;
    private final double[] mean;
    private final double[] directions;

    /**
     * @param trainingDensities the training densities (rows, all of one length), not copied
     * @param neighbours m, the number of nearest training densities (paper: 30)
     * @param components l, the number of principal directions kept (paper: 5)
     */
    public LocalPcaProjection(double[][] trainingDensities, int neighbours, int components) {
        if (neighbours < 2 || neighbours > trainingDensities.length) {
            throw new IllegalArgumentException("local PCA needs 2 ≤ m ≤ " + trainingDensities.length
                    + " neighbours (the training-set size), got m = " + neighbours);
        }
        if (components < 1 || components >= neighbours) {
            throw new IllegalArgumentException("local PCA needs 1 ≤ l < m components, got l = " + components
                    + " with m = " + neighbours);
        }
        this.trainingDensities = trainingDensities;
        this.neighbours = neighbours;
        this.components = components;
        this.points = trainingDensities[0].length;
        for (int i = 0; i < trainingDensities.length; i++) {
            if (trainingDensities[i].length != points) {
                throw new IllegalArgumentException("training density " + i + " has " + trainingDensities[i].length
                        + " points, the first has " + points);
            }
        }
        distances = new double[trainingDensities.length];
        nearest = new int[neighbours];
        centred = new DMatrixRMaj(neighbours, points);
        svd = DecompositionFactory_DDRM.svd(neighbours, points, false, true, true);
        rightVectors = new DMatrixRMaj(1, 1);
        mean = new double[points];
        directions = new double[components * points];
    }

    public int neighbours() {
        return neighbours;
    }

    public int components() {
        return components;
    }

    /** Rebuilds the local plane around {@code density}: its neighbours, their mean and principal directions. */
    public void update(double[] density) {
        if (density.length != points) {
            throw new IllegalArgumentException("density has " + density.length + " points, the training densities "
                    + points);
        }
        findNearest(density);
        java.util.Arrays.fill(mean, 0);
        for (int j : nearest) {
            double[] row = trainingDensities[j];
            for (int p = 0; p < points; p++) {
                mean[p] += row[p] / neighbours;
            }
        }
        double[] data = centred.data;
        for (int r = 0; r < neighbours; r++) {
            double[] row = trainingDensities[nearest[r]];
            for (int p = 0; p < points; p++) {
                data[r * points + p] = row[p] - mean[p];
            }
        }
        if (!svd.decompose(centred.copy())) {
            throw new IllegalStateException("local PCA: singular value decomposition failed");
        }
        svd.getV(rightVectors, true); // rows are right singular vectors
        double[] singular = svd.getSingularValues();
        int rank = Math.min(neighbours, points);
        Integer[] order = new Integer[rank];
        for (int k = 0; k < rank; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(singular[b], singular[a]));
        for (int k = 0; k < components; k++) {
            System.arraycopy(rightVectors.data, order[k] * points, directions, k * points, points);
        }
    }

    /** Replaces {@code vector} by its projection onto the current plane's directions, P v = Σ_k u_k (u_k·v). */
    public void projectDirection(double[] vector) {
        double[] coefficients = new double[components];
        for (int k = 0; k < components; k++) {
            double dot = 0;
            for (int p = 0; p < points; p++) {
                dot += directions[k * points + p] * vector[p];
            }
            coefficients[k] = dot;
        }
        java.util.Arrays.fill(vector, 0);
        for (int k = 0; k < components; k++) {
            for (int p = 0; p < points; p++) {
                vector[p] += coefficients[k] * directions[k * points + p];
            }
        }
    }

    /** Replaces {@code density} by its projection onto the current affine plane: n̄ + P(n − n̄). */
    public void projectDensity(double[] density) {
        for (int p = 0; p < points; p++) {
            density[p] -= mean[p];
        }
        projectDirection(density);
        for (int p = 0; p < points; p++) {
            density[p] += mean[p];
        }
    }

    /** Index of the training density nearest to {@code density} (Euclidean). */
    public int nearestTrainingDensity(double[] density) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < trainingDensities.length; i++) {
            double d = squaredDistance(density, trainingDensities[i]);
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    private void findNearest(double[] density) {
        for (int i = 0; i < trainingDensities.length; i++) {
            distances[i] = squaredDistance(density, trainingDensities[i]);
        }
        // partial selection of the m smallest: m passes over the training set are cheap next to the SVD
        boolean[] taken = new boolean[trainingDensities.length];
        for (int r = 0; r < neighbours; r++) {
            int best = -1;
            for (int i = 0; i < distances.length; i++) {
                if (!taken[i] && (best < 0 || distances[i] < distances[best])) {
                    best = i;
                }
            }
            taken[best] = true;
            nearest[r] = best;
        }
    }

    private static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int p = 0; p < a.length; p++) {
            double d = a[p] - b[p];
            sum += d * d;
        }
        return sum;
    }
}
