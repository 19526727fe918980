package org.ofdft.benchmarks.snyder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

/** Command-line options and atomic PNG output shared by the ML benchmarks. */
final class Reports {

    private Reports() {
    }

    /** Writes the chart to a temporary PNG beside {@code file}, then moves it into place. */
    static void savePng(Path file, XYChart chart) throws IOException {
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".plot", ".png");
        BitmapEncoder.saveBitmap(chart, temporary.toString(), BitmapEncoder.BitmapFormat.PNG);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The value after {@code key} in {@code args}, or {@code fallback}. */
    static String option(String[] args, String key, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(key)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
