package org.ofdft.ml.kinetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ofdft.solver.ConvergenceCriteria;

/**
 * On a flat manifold — training densities n̄ + Σ_k c_k b_k with three zero-integral directions b_k — local
 * PCA with l = 3 recovers the plane exactly, so projections and the projected minimum are known.
 */
class ProjectedGradientDescentTest {

    private static final int POINTS = 60;

    private static double[] direction(int k) {
        double[] b = new double[POINTS];
        for (int p = 0; p < POINTS; p++) {
            b[p] = Math.sin((k + 1) * 2 * Math.PI * (p + 0.5) / POINTS); // Σ_p b_p = 0
        }
        return b;
    }

    private static double[] base() {
        double[] n = new double[POINTS];
        for (int p = 0; p < POINTS; p++) {
            n[p] = 2 + Math.cos(Math.PI * p / POINTS);
        }
        return n;
    }

    private static double[][] flatManifold(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] densities = new double[count][];
        double[] n0 = base();
        for (int i = 0; i < count; i++) {
            double[] n = n0.clone();
            for (int k = 0; k < 3; k++) {
                double c = random.nextDouble(-0.3, 0.3);
                double[] b = direction(k);
                for (int p = 0; p < POINTS; p++) {
                    n[p] += c * b[p];
                }
            }
            densities[i] = n;
        }
        return densities;
    }

    @Test
    void projectionKeepsInPlaneVectorsAndRemovesOthers() {
        LocalPcaProjection projection = new LocalPcaProjection(flatManifold(40, 1), 12, 3);
        projection.update(base());
        double[] inPlane = direction(1);
        double[] projected = inPlane.clone();
        projection.projectDirection(projected);
        for (int p = 0; p < POINTS; p++) {
            assertEquals(inPlane[p], projected[p], 1e-12);
        }
        double[] offPlane = direction(7);
        projection.projectDirection(offPlane);
        for (double v : offPlane) {
            assertEquals(0, v, 1e-12);
        }
    }

    /** E = ½|n − t|² with t = (point of the plane) + (off-plane part): the minimum is the in-plane point. */
    @Test
    void findsTheMinimumOnTheManifoldAndKeepsTheElectronNumber() {
        double[][] training = flatManifold(50, 2);
        double[] onPlane = base();
        double[] offPlane = direction(9);
        for (int p = 0; p < POINTS; p++) {
            onPlane[p] += 0.2 * direction(0)[p] - 0.1 * direction(2)[p];
        }
        double[] target = onPlane.clone();
        for (int p = 0; p < POINTS; p++) {
            target[p] += 0.5 * offPlane[p];
        }
        ProjectedGradientDescent.Objective objective = (n, gradient) -> {
            double e = 0;
            for (int p = 0; p < POINTS; p++) {
                gradient[p] = n[p] - target[p];
                e += 0.5 * gradient[p] * gradient[p];
            }
            return e;
        };
        LocalPcaProjection projection = new LocalPcaProjection(training, 20, 3);
        double[] start = training[projection.nearestTrainingDensity(base())];
        ProjectedGradientDescent.Result result = new ProjectedGradientDescent(projection)
                .minimize(objective, start, new ConvergenceCriteria(1e-14, 1e-8, 200));
        assertTrue(result.converged(), "iterations " + result.history().size());
        double electrons = 0;
        double startElectrons = 0;
        for (int p = 0; p < POINTS; p++) {
            assertEquals(onPlane[p], result.density()[p], 1e-7);
            electrons += result.density()[p];
            startElectrons += start[p];
        }
        assertEquals(startElectrons, electrons, 1e-10);
    }

    @Test
    void rejectsImpossibleSizes() {
        double[][] training = flatManifold(10, 3);
        assertThrows(IllegalArgumentException.class, () -> new LocalPcaProjection(training, 11, 3));
        assertThrows(IllegalArgumentException.class, () -> new LocalPcaProjection(training, 5, 5));
    }
}
