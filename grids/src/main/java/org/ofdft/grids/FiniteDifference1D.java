package org.ofdft.grids;

/**
 * Central finite-difference second derivatives on a uniform 1D grid, of order 2, 4 and 6, with
 * zero values outside the grid (hard walls one spacing beyond the end points, the convention of
 * JAX-DFT's kinetic operator) or with periodic wrap-around.
 *
 * <p>Stencil coefficients c_k, f''(x_j) ≈ (1/h²) Σ_{k=−p..p} c_|k| f_{j+k} (Fornberg, Math. Comp.
 * 51, 699 (1988)): order 2: (−2, 1); order 4: (−5/2, 4/3, −1/12);
 * order 6: (−49/18, 3/2, −3/20, 1/90).
 */
public final class FiniteDifference1D {

    private final int order;
    private final double[] coefficients;

    public FiniteDifference1D(int order) {
        this.order = order;
        this.coefficients = switch (order) {
            case 2 -> new double[] {-2.0, 1.0};
            case 4 -> new double[] {-5.0 / 2.0, 4.0 / 3.0, -1.0 / 12.0};
            case 6 -> new double[] {-49.0 / 18.0, 3.0 / 2.0, -3.0 / 20.0, 1.0 / 90.0};
            default -> throw new IllegalArgumentException("finite-difference order must be 2, 4 or 6, got " + order);
        };
    }

    public int order() {
        return order;
    }

    /** Half bandwidth p: the stencil reaches p points to each side. */
    public int halfBandwidth() {
        return coefficients.length - 1;
    }

    /** Coefficient c_k for offset |k| ≤ p (not divided by h²). */
    public double coefficient(int offset) {
        int k = Math.abs(offset);
        return k < coefficients.length ? coefficients[k] : 0.0;
    }

    /** out ← f'' with f = 0 outside the grid. {@code out} must not be {@code f}. */
    public void laplacianDirichlet(double[] f, double spacing, double[] out) {
        int n = f.length;
        int p = halfBandwidth();
        double scale = 1.0 / (spacing * spacing);
        for (int j = 0; j < n; j++) {
            double sum = coefficients[0] * f[j];
            for (int k = 1; k <= p; k++) {
                double left = j - k >= 0 ? f[j - k] : 0.0;
                double right = j + k < n ? f[j + k] : 0.0;
                sum += coefficients[k] * (left + right);
            }
            out[j] = sum * scale;
        }
    }

    /** out ← f'' with periodic wrap-around. {@code out} must not be {@code f}. */
    public void laplacianPeriodic(double[] f, double spacing, double[] out) {
        int n = f.length;
        int p = halfBandwidth();
        double scale = 1.0 / (spacing * spacing);
        for (int j = 0; j < n; j++) {
            double sum = coefficients[0] * f[j];
            for (int k = 1; k <= p; k++) {
                sum += coefficients[k] * (f[Math.floorMod(j - k, n)] + f[Math.floorMod(j + k, n)]);
            }
            out[j] = sum * scale;
        }
    }

    /** The Laplacian appropriate to the grid's boundary condition. */
    public void laplacian(Grid1D grid, double[] f, double[] out) {
        grid.checkField(f, "function");
        grid.checkField(out, "output");
        if (grid instanceof PeriodicGrid1D) {
            laplacianPeriodic(f, grid.spacing(), out);
        } else {
            laplacianDirichlet(f, grid.spacing(), out);
        }
    }
}
