package org.ofdft.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.ofdft.grids.fft.FftBackend;
import org.ofdft.grids.fft.FftBackends;

/**
 * What the benchmark report generators ({@link FftReport}, {@link FunctionalReport}) share: option
 * parsing, atomic writing, number formatting, histogram medians and the machine description.
 */
final class ReportSupport {

    private ReportSupport() {
    }

    /** "--key value" pairs; anything else is an error showing {@code usage}. */
    static Map<String, String> options(String[] args, String usage) {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: " + usage);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    static String require(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + key);
        }
        return value;
    }

    /** Lines of an optional text file (empty if {@code file} is null). */
    static List<String> lines(String file) throws IOException {
        return file == null ? List.of() : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
    }

    /** Writes {@code text} to a temporary file next to {@code out} and moves it into place. */
    static void writeAtomically(Path out, String text) throws IOException {
        Path directory = out.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = directory.resolve("." + out.getFileName() + ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** "yyyy-MM-dd HH:mm UTC" now. */
    static String timestamp() {
        return ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
    }

    /** Median of a histogram given as (value, count) bins (sorts {@code bins}). */
    static double median(List<double[]> bins, long total) {
        if (total == 0) {
            return Double.NaN;
        }
        bins.sort((a, b) -> Double.compare(a[0], b[0]));
        double half = total / 2.0;
        double seen = 0;
        for (double[] bin : bins) {
            seen += bin[1];
            if (seen >= half) {
                return bin[0];
            }
        }
        return bins.get(bins.size() - 1)[0];
    }

    /** Four significant-ish digits: 3 decimals below 10, 2 below 100, 1 above. */
    static String fmt(double value) {
        if (Double.isNaN(value)) {
            return "?";
        }
        if (value >= 100) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (value >= 10) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** Machine table rows CPU, cores, memory, OS and JDK (the table header is the caller's). */
    static void appendMachineRows(StringBuilder md) {
        md.append("| CPU | ").append(cpuModel()).append(" |\n");
        md.append("| Cores available to the JVM | ").append(Runtime.getRuntime().availableProcessors()).append(" |\n");
        md.append("| Memory | ").append(memory()).append(" |\n");
        md.append("| OS | ").append(System.getProperty("os.name")).append(' ')
                .append(System.getProperty("os.version")).append(' ').append(System.getProperty("os.arch")).append(" |\n");
        md.append("| JDK | ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" (").append(System.getProperty("java.vendor"))
                .append(") |\n");
    }

    /** One row per "label: 1 5 15" line of a load-average file. */
    static void appendLoadRows(StringBuilder md, List<String> load) {
        for (String line : load) {
            if (!line.isBlank()) {
                md.append("| Load average (1, 5, 15 min) ").append(line.trim().replaceFirst(":", " |")).append(" |\n");
            }
        }
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return System.getProperty("os.arch") + " (model unknown)";
    }

    static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return String.format(Locale.ROOT, "%.1f GiB", os.getTotalMemorySize() / 1024.0 / 1024.0 / 1024.0);
    }

    /** SIMD lanes of the java backend in this JVM, if it reports them. */
    static String javaBackendDescription() {
        try (FftBackend backend = FftBackends.select("java", 1).backend()) {
            Object lanes = backend.getClass().getMethod("simdLanes").invoke(backend);
            return " (in the report JVM: " + (Integer.valueOf(0).equals(lanes) ? "scalar butterflies"
                    : lanes + " SIMD lanes") + "; JMH forks run with --add-modules jdk.incubator.vector)";
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "";
        }
    }

    /** Library version of the fftw backend if it is on the class path (optional module). */
    static String fftwBackendDescription() {
        for (FftBackends.Info info : FftBackends.list()) {
            if (!info.name().equals("fftw")) {
                continue;
            }
            if (!info.available()) {
                return "unavailable: " + info.unavailableReason();
            }
            String version = "FFTW";
            try (FftBackend backend = FftBackends.select("fftw", 1).backend()) {
                Object v = backend.getClass().getMethod("libraryVersion").invoke(backend);
                version = String.valueOf(v);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // keep the generic name
            }
            return version + " through JavaCPP presets 1.5.7 (" + info.licence() + ")";
        }
        return "not built (-Dnofftw)";
    }
}
