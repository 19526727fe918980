package org.ofdft.ml.learn;

import org.ofdft.ml.validation.Metrics;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.ofdft.grids.io.AtomicFile;

/**
 * The outputs of a learning curve: a text table, {@code learning_curve.json} and a PNG of the test errors
 * against N on log–log axes. Errors are in the unit of the property (kcal/mol for QM7's atomization
 * energies); σ in the unit of the descriptor's distance.
 *
 * @param source       the data file
 * @param property     the property key
 * @param propertyUnit the property's unit as far as it is known (e.g. from the key), or ""
 * @param samples      the number of molecules in the data set
 * @param descriptor   the descriptor's command-line name
 * @param description  what the descriptor computed (sizes, units)
 * @param result       the curve
 */
public record LearningCurveReport(String source, String property, String propertyUnit, int samples,
                                  String descriptor, String description, LearningCurve.Result result) {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The unit a QM-style key names by its suffix ({@code _kcal_mol}, {@code _ev}, {@code _hartree}), or "". */
    public static String unitFromKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (lower.endsWith("_kcal_mol")) {
            return "kcal/mol";
        } else if (lower.endsWith("_ev")) {
            return "eV";
        } else if (lower.endsWith("_hartree") || lower.endsWith("_ha")) {
            return "Ha";
        }
        return "";
    }

    /** The learning-curve table, one line per N. */
    public String table() {
        String unit = propertyUnit.isEmpty() ? "" : " (" + propertyUnit + ")";
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%s, %s kernel, %s; %d test molecules, seed %d%n", descriptor,
                result.settings().kernel().cliName(), property + unit, result.settings().testSize(),
                result.settings().seed()));
        text.append(String.format(Locale.ROOT, "%8s %12s %10s %10s %10s %10s %10s %10s %8s%n", "N", "sigma", "lambda",
                "CV MAE", "MAE", "RMSE", "max", "R2", "time(s)"));
        for (LearningCurve.Point p : result.points()) {
            Metrics m = p.test();
            text.append(String.format(Locale.ROOT, "%8d %12.5g %10.1e %10s %10.4f %10.4f %10.4f %10.6f %8.1f%n",
                    p.trainingSize(), p.sigma(), p.lambda(), Double.isNaN(p.crossValidatedError()) ? "fixed"
                            : String.format(Locale.ROOT, "%.4f", p.crossValidatedError()),
                    m.meanAbsoluteError(), m.rootMeanSquaredError(), m.maxAbsoluteError(),
                    m.rSquared(), p.seconds()));
        }
        return text.toString();
    }

    /** The JSON record: inputs, grids and one entry per N. */
    public ObjectNode json(String programVersion) {
        LearningCurve.Settings settings = result.settings();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("program", "ofdft learn");
        root.put("version", programVersion);
        root.put("data", source);
        root.put("property", property);
        root.put("property_unit", propertyUnit);
        root.put("molecules", samples);
        ObjectNode descriptorNode = root.putObject("descriptor");
        descriptorNode.put("name", descriptor);
        descriptorNode.put("description", description);
        ObjectNode model = root.putObject("model");
        model.put("method", "kernel ridge regression on targets centred on the training mean");
        model.put("kernel", settings.kernel().cliName());
        model.put("kernel_formula", settings.kernel() == KernelFamily.LAPLACIAN ? "exp(-|x-x'|_1/sigma)"
                : "exp(-|x-x'|_2^2/(2 sigma^2))");
        model.put("linear_algebra", result.solver());
        ObjectNode selection = root.putObject("hyperparameters");
        selection.put("mode", settings.fixed() ? "fixed" : "cross-validation on the training set");
        if (!settings.fixed()) {
            selection.put("folds", settings.folds());
            selection.put("score", "mean absolute error pooled over the held-out folds");
        }
        selection.put("sigma_grid_source", settings.sigmas() != null ? "given"
                : "default: factors x the median training distance");
        selection.put("median_training_distance", result.medianDistance());
        array(selection.putArray("sigmas"), result.sigmaGrid());
        array(selection.putArray("lambdas"), settings.lambdas());
        if (!settings.fixed()) {
            selection.put("cv_mae_table", "per point: [sigma index][lambda index]; null where K + lambda I is not "
                    + "positive definite on some fold");
        }
        root.put("test_size", settings.testSize());
        root.put("seed", settings.seed());
        ArrayNode points = root.putArray("learning_curve");
        for (LearningCurve.Point p : result.points()) {
            ObjectNode point = points.addObject();
            point.put("training_size", p.trainingSize());
            point.put("sigma", p.sigma());
            point.put("lambda", p.lambda());
            if (Double.isNaN(p.crossValidatedError())) {
                point.putNull("cv_mae");
            } else {
                point.put("cv_mae", p.crossValidatedError());
            }
            point.put("mae", p.test().meanAbsoluteError());
            point.put("rmse", p.test().rootMeanSquaredError());
            point.put("max_abs_error", p.test().maxAbsoluteError());
            point.put("r2", p.test().rSquared());
            point.put("seconds", p.seconds());
            if (p.crossValidation() != null) {
                ArrayNode table = point.putArray("cv_mae_table");
                for (double[] row : p.crossValidation().meanAbsoluteError()) {
                    ArrayNode values = table.addArray();
                    for (double v : row) {
                        if (Double.isFinite(v)) {
                            values.add(v);
                        } else {
                            values.addNull();
                        }
                    }
                }
            }
        }
        array(root.putArray("test_indices"), result.testIndices());
        return root;
    }

    /** Writes the JSON record atomically. */
    public void writeJson(Path file, String programVersion) throws IOException {
        ObjectNode root = json(programVersion);
        AtomicFile.write(file, out -> MAPPER.writeValue(out, root));
    }

    /** Writes the PNG: MAE and RMSE on the test set against N, log–log, atomically. */
    public void writePlot(Path file) throws IOException {
        String unit = propertyUnit.isEmpty() ? "" : " (" + propertyUnit + ")";
        XYChart chart = new XYChartBuilder().width(900).height(600)
                .title("Learning curve: " + descriptor + ", " + result.settings().kernel().cliName() + " kernel")
                .xAxisTitle("training molecules N").yAxisTitle("test error" + unit).build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        List<LearningCurve.Point> points = result.points();
        double[] sizes = points.stream().mapToDouble(LearningCurve.Point::trainingSize).toArray();
        XYSeries mae = chart.addSeries("MAE", sizes,
                points.stream().mapToDouble(p -> p.test().meanAbsoluteError()).toArray());
        mae.setMarker(SeriesMarkers.CIRCLE);
        XYSeries rmse = chart.addSeries("RMSE", sizes,
                points.stream().mapToDouble(p -> p.test().rootMeanSquaredError()).toArray());
        rmse.setMarker(SeriesMarkers.SQUARE);
        System.setProperty("java.awt.headless", "true");
        AtomicFile.write(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }

    private static void array(ArrayNode node, double[] values) {
        for (double v : values) {
            node.add(v);
        }
    }

    private static void array(ArrayNode node, int[] values) {
        for (int v : values) {
            node.add(v);
        }
    }
}
