package org.ofdft.cli.output;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.ofdft.grids.Grid1D;
import org.ofdft.grids.Grid3D;
import org.ofdft.grids.RealField;
import org.ofdft.grids.io.AtomicFile;
import org.ofdft.solver.ConvergenceStep;

/** PNG plots of results (XChart, rendered headless), each written atomically. */
public final class Plots {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 600;

    private Plots() {
    }

    /** n(x) of a 1D density, with an optional second curve (e.g. a reference density). */
    public static void density1D(Path file, RealField density, String title, RealField reference, String referenceLabel)
            throws IOException {
        Grid1D grid = (Grid1D) density.grid();
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("x (bohr)").yAxisTitle("n(x) (electrons/bohr)").build();
        XYSeries series = chart.addSeries("n(x)", grid.coordinates(), density.values());
        series.setMarker(SeriesMarkers.NONE);
        if (reference != null) {
            XYSeries other = chart.addSeries(referenceLabel, grid.coordinates(), reference.values());
            other.setMarker(SeriesMarkers.NONE);
        }
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisDecimalPattern("0.##");
        save(file, chart);
    }

    /** Energy change and residual per iteration on a logarithmic axis. */
    public static void convergence(Path file, List<ConvergenceStep> history, String title) throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("iteration").yAxisTitle("|ΔE| (Ha), residual").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        List<Double> iterations = new ArrayList<>();
        List<Double> energyChanges = new ArrayList<>();
        List<Double> residuals = new ArrayList<>();
        for (ConvergenceStep step : history) {
            iterations.add((double) step.iteration());
            // A log axis cannot show zero: floor at 1e-16 (below double precision of any energy here).
            energyChanges.add(Math.max(Math.abs(step.energyChange()), 1e-16));
            residuals.add(Math.max(step.residual(), 1e-16));
        }
        if (!iterations.isEmpty()) {
            chart.addSeries("|ΔE|", iterations, energyChanges);
            chart.addSeries("residual", iterations, residuals);
        }
        save(file, chart);
    }

    /** A slice of a 3D field through the plane of lattice vectors a2, a3 at i1 = 0. */
    public static void densitySlice(Path file, RealField density, String title) throws IOException {
        Grid3D grid = (Grid3D) density.grid();
        int n2 = grid.n2();
        int n3 = grid.n3();
        List<Integer> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        for (int i = 0; i < n3; i++) {
            xs.add(i);
        }
        for (int i = 0; i < n2; i++) {
            ys.add(i);
        }
        List<Number[]> values = new ArrayList<>();
        for (int i2 = 0; i2 < n2; i2++) {
            for (int i3 = 0; i3 < n3; i3++) {
                values.add(new Number[] {i3, i2, density.get(grid.index(0, i2, i3))});
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("i3 (along a3)").yAxisTitle("i2 (along a2)").build();
        chart.getStyler().setShowValue(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setRangeColors(new Color[] {new Color(13, 8, 135), new Color(204, 71, 120),
            new Color(240, 249, 33)});
        chart.addSeries("n (electrons/bohr³)", xs, ys, values);
        save(file, chart);
    }

    private static void save(Path file, Chart<?, ?> chart) throws IOException {
        System.setProperty("java.awt.headless", "true");
        AtomicFile.write(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }
}
