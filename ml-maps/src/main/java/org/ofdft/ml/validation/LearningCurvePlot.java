package org.ofdft.ml.validation;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.ofdft.grids.io.AtomicFile;

/** The learning curve as a PNG (XChart, headless): MAE and RMSE against N on log–log axes. */
public final class LearningCurvePlot {

    private LearningCurvePlot() {
    }

    /** Writes the plot atomically; {@code unit} labels the error axis (e.g. "kcal/mol"). */
    public static void write(Path file, LearningCurve.Result curve, String title, String unit) throws IOException {
        List<LearningCurve.Point> points = curve.points();
        double[] sizes = new double[points.size()];
        double[] mae = new double[points.size()];
        double[] rmse = new double[points.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = points.get(i).trainingSize();
            // A log axis cannot show zero: floor at 1e-300 (only an exact fit reaches it).
            mae[i] = Math.max(points.get(i).meanAbsoluteError(), 1e-300);
            rmse[i] = Math.max(points.get(i).rootMeanSquaredError(), 1e-300);
        }
        XYChart chart = new XYChartBuilder().width(900).height(600).title(title)
                .xAxisTitle("training-set size N").yAxisTitle("test error (" + unit + ")").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        // No error bars: on a log axis a bar reaching below zero cannot be drawn; the table gives the spread.
        chart.addSeries("MAE", sizes, mae);
        chart.addSeries("RMSE", sizes, rmse);
        System.setProperty("java.awt.headless", "true");
        AtomicFile.write(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }
}
