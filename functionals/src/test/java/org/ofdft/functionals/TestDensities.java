package org.ofdft.functionals;

import java.util.Random;
import org.ofdft.grids.BoxGrid1D;
import org.ofdft.grids.Cell;
import org.ofdft.grids.Grid;
import org.ofdft.grids.Grid1D;
import org.ofdft.grids.Grid3D;
import org.ofdft.grids.PeriodicGrid1D;
import org.ofdft.grids.RealField;

/** Smooth, positive test densities and smooth perturbations on the three kinds of grid. */
public final class TestDensities {

    private TestDensities() {
    }

    /** fcc Al primitive cell (a = 4.05 Å): a non-orthogonal cell. */
    public static Cell fccPrimitive() {
        double h = 7.65339080963956 / 2;
        return Cell.ofBohr(new double[][] {{0, h, h}, {h, 0, h}, {h, h, 0}});
    }

    public static Grid3D grid3D() {
        return new Grid3D(fccPrimitive(), 12, 15, 10);
    }

    public static BoxGrid1D box() {
        return Grid1D.box(-6.0, 6.0, 119);
    }

    public static PeriodicGrid1D ring() {
        return Grid1D.periodic(0.0, 10.0, 96);
    }

    /**
     * A smooth field: on periodic grids mean·(1 + Σ a_i cos(G_i·r + φ_i)) with a few low G and
     * Σ|a_i| &lt; 1 (so it stays positive when {@code positive}); on a box a sum of Gaussians
     * vanishing at the walls. With {@code positive} false the result has zero mean on periodic grids.
     */
    public static RealField smooth(Grid grid, long seed, double scale, boolean positive) {
        Random random = new Random(seed);
        double[] values = new double[grid.size()];
        if (grid instanceof BoxGrid1D box) {
            int bumps = 3;
            for (int b = 0; b < bumps; b++) {
                double centre = box.wallLeft() + box.length() * (0.3 + 0.4 * random.nextDouble());
                double width = box.length() * (0.05 + 0.05 * random.nextDouble());
                double height = positive ? 0.5 + random.nextDouble() : random.nextDouble() - 0.5;
                if (!positive) {
                    width *= 4; // a slowly varying signed pattern
                }
                for (int j = 0; j < values.length; j++) {
                    double u = (box.coordinate(j) - centre) / width;
                    values[j] += scale * height * Math.exp(-u * u / 2);
                }
            }
            return RealField.wrap(grid, values);
        }
        int modes = 4;
        double[][] phases = new double[modes][4];
        for (int m = 0; m < modes; m++) {
            phases[m][0] = 1 + random.nextInt(2);
            phases[m][1] = random.nextInt(3) - 1;
            phases[m][2] = random.nextInt(3) - 1;
            phases[m][3] = 2 * Math.PI * random.nextDouble();
        }
        double amplitude = positive ? 0.6 / modes : 1.0 / modes;
        for (int j = 0; j < values.length; j++) {
            double[] s = fractional(grid, j);
            double sum = 0;
            for (int m = 0; m < modes; m++) {
                sum += amplitude * Math.cos(2 * Math.PI * (phases[m][0] * s[0] + phases[m][1] * s[1]
                        + phases[m][2] * s[2]) + phases[m][3]);
            }
            values[j] = scale * (positive ? 1 + sum : sum);
        }
        return RealField.wrap(grid, values);
    }

    /** Fractional coordinates of point j (1D periodic: only the first is used). */
    private static double[] fractional(Grid grid, int j) {
        if (grid instanceof Grid3D g) {
            int i3 = j % g.n3();
            int i2 = (j / g.n3()) % g.n2();
            int i1 = j / (g.n2() * g.n3());
            return new double[] {(double) i1 / g.n1(), (double) i2 / g.n2(), (double) i3 / g.n3()};
        }
        PeriodicGrid1D ring = (PeriodicGrid1D) grid;
        return new double[] {(double) j / ring.size(), 0, 0};
    }
}
