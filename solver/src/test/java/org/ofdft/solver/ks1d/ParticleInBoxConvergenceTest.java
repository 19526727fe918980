package org.ofdft.solver.ks1d;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ofdft.grids.Grid1D;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Convergence order of the lowest eigenvalues of −½ d²/dx² (+ v) under grid refinement, for the
 * finite-difference orders 2, 4, 6 of {@link FiniteDifferenceHamiltonian1D}.
 *
 * <h2>Harmonic oscillator: the clean orders</h2>
 * v = ½ω²x², E_n = (n + ½)ω, in a box [−10, 10] whose walls the eigenfunctions never feel (e^{−x²/2} ≈ 2e-22
 * there): the only error is the stencil's truncation error, O(h^order). Measured observed orders
 * log(e(2h)/e(h))/log 2 between h = 0.125 and 0.0625 for n = 0, 1, 2:
 * order 2: 2.001, 2.002, 2.003; order 4: 3.995, 3.993, 3.992; order 6: 5.988, 5.986, 5.982.
 *
 * <h2>Particle in a box: order 2, then order 1 for the wide stencils</h2>
 * E_k = k²π²/(2L²). With the 3-point stencil the zero value beyond the end point is exactly the Dirichlet
 * condition at the wall: the discrete eigenvalues are (1 − cos(kπh/L))/h², error −E_k (kπh/L)²/12, order 2.
 * The 5- and 7-point stencils at the first p−1 points reach one or two points beyond the wall, where they
 * read zeros; the odd continuation of a function vanishing at the wall would be −φ there. That is an O(1)
 * error in the stencil over a layer of width ~h next to each wall, and it shifts the eigenvalues at first
 * order in h. Matched asymptotics make it quantitative: near the wall (E h² → 0) the discrete solution of
 * L φ = 0 with φ_{−1} = … = φ_{−p} = 0 (j = −1 is the wall) is φ_j = a + b j + (decaying modes r^j, |r| &lt; 1
 * roots of Σ_k c_|k| z^k = 0); its linear part vanishes at j = −1 + δ instead of −1: the wall moves in by
 * δh on each side, L → L − 2δh, so
 * <pre>
 *   E_k(h) = E_k (1 + 4δ h/L + O(h²)),
 *   order 4: r = 7 − 4√3, δ = r/(1 − r) = 0.0773503  →  4δ = 0.309401
 *   order 6: r, r̄ = roots of z + 1/z = (23 ± i√1215)/4 inside the unit circle, δ = 0.0945180 → 4δ = 0.378072
 * </pre>
 * (for order 6 the two complex modes and a + bj satisfy the three conditions; δ from that 3×4 null space).
 * Measured: (E(h) − E)/(E h/L) = 0.3095 and 0.3783 for k = 1, 2, 3 at h = L/512, and observed orders
 * 1.000 ± 0.002 (k = 1..3, h from L/64 to L/256). This is the convention of JAX-DFT's kinetic operator
 * (zero padding beyond the end points); a higher-order scheme for the box would need one-sided stencils
 * or the odd continuation at the walls. It does not matter for the dft1d densities, which vanish long
 * before the walls (the harmonic-oscillator situation).
 */
class ParticleInBoxConvergenceTest {

    private static final double[] FOUR_DELTA = {Double.NaN, Double.NaN, 0.0, Double.NaN,
            4 * (7 - 4 * Math.sqrt(3)) / (1 - (7 - 4 * Math.sqrt(3))), Double.NaN, 4 * 0.0945180};

    static double[] lowest(Grid1D grid, int order, double[] potential, int count) {
        FiniteDifferenceHamiltonian1D hamiltonian = new FiniteDifferenceHamiltonian1D(grid, order);
        SymmetricBandMatrix matrix = hamiltonian.newMatrix();
        hamiltonian.assemble(potential, matrix);
        double[] values = new double[count];
        double[][] vectors = new double[count][grid.size()];
        new BandedSymmetricEigensolver(grid.size(), hamiltonian.halfBandwidth()).lowest(matrix, count, values, vectors);
        return values;
    }

    static double observedOrder(double coarseError, double fineError, double ratio) {
        return Math.log(Math.abs(coarseError / fineError)) / Math.log(ratio);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 6})
    void harmonicOscillatorConvergesAtTheStencilOrder(int order) {
        double omega = 1.0;
        int[] points = {159, 319}; // h = 20/160 = 0.125, 20/320 = 0.0625
        double[][] errors = new double[points.length][];
        for (int g = 0; g < points.length; g++) {
            Grid1D grid = Grid1D.box(-10, 10, points[g]);
            double[] v = new double[grid.size()];
            for (int j = 0; j < v.length; j++) {
                double x = grid.coordinate(j);
                v[j] = 0.5 * omega * omega * x * x;
            }
            double[] e = lowest(grid, order, v, 3);
            errors[g] = new double[3];
            for (int n = 0; n < 3; n++) {
                errors[g][n] = e[n] - (n + 0.5) * omega;
            }
        }
        for (int n = 0; n < 3; n++) {
            double p = observedOrder(errors[0][n], errors[1][n], 2.0);
            assertEquals(order, p, 0.03, "observed order, state " + n + ", errors " + errors[0][n] + ", " + errors[1][n]);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 6})
    void particleInBoxOrdersAreTwoThenOne(int order) {
        double length = 1.0;
        int[] points = {63, 127, 255}; // h = L/64, L/128, L/256
        double[][] relative = new double[points.length][3];
        for (int g = 0; g < points.length; g++) {
            Grid1D grid = Grid1D.box(0, length, points[g]);
            double[] e = lowest(grid, order, new double[grid.size()], 3);
            for (int k = 1; k <= 3; k++) {
                double exact = k * k * Math.PI * Math.PI / (2 * length * length);
                relative[g][k - 1] = (e[k - 1] - exact) / exact;
            }
        }
        double expectedOrder = order == 2 ? 2.0 : 1.0;
        for (int k = 1; k <= 3; k++) {
            for (int g = 1; g < points.length; g++) {
                double p = observedOrder(relative[g - 1][k - 1], relative[g][k - 1], 2.0);
                assertEquals(expectedOrder, p, 0.01, "observed order, k = " + k + ", order " + order);
            }
            double h = length / (points[2] + 1);
            if (order == 2) {
                // (1 − cos θ)/h² with θ = kπh/L: relative error (2(1 − cos θ)/θ² − 1) ≈ −θ²/12.
                double theta = k * Math.PI * h / length;
                assertEquals(2 * (1 - Math.cos(theta)) / (theta * theta) - 1, relative[2][k - 1], 1e-10);
            } else {
                // Leading coefficient 4δ of the effective wall displacement (class comment).
                assertEquals(FOUR_DELTA[order], relative[2][k - 1] / (h / length), 0.01 * FOUR_DELTA[order],
                        "(E(h) − E)/(E h/L), k = " + k);
            }
        }
    }
}
