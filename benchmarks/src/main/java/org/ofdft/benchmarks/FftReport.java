package org.ofdft.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes the FFT benchmark report (Markdown) from the JMH JSON of {@link FftBenchmark} and the
 * output of the native FFTW baseline {@code benchmarks/native/fft_native.c}.
 *
 * <pre>java -cp benchmarks.jar org.ofdft.benchmarks.FftReport --jmh jmh.json --native native.txt
 *     --out fft.md [--command "bash benchmarks/fft.sh"] [--native-build "gcc ..."]</pre>
 *
 * The report is written to a temporary file next to {@code --out} and moved into place.
 */
public final class FftReport {

    static final double JTRANSFORMS_TARGET = 2.5;
    static final double FFTW_TARGET = 1.2;

    /** Key of one case: size n and thread count. */
    record Case(int n, int threads) implements Comparable<Case> {
        @Override
        public int compareTo(Case other) {
            int bySize = Integer.compare(n, other.n);
            return bySize != 0 ? bySize : Integer.compare(threads, other.threads);
        }
    }

    /** One measured distribution (milliseconds per forward+inverse pair). */
    record Timing(double median, double min, double p90, long samples, String rounds) {
    }

    /** Backends in table order, with the target ratio to native FFTW each should meet. */
    static final Map<String, Double> TARGETS = new java.util.LinkedHashMap<>();

    static {
        TARGETS.put("fftw", FFTW_TARGET);
        TARGETS.put("java", JTRANSFORMS_TARGET);
        TARGETS.put("jtransforms", JTRANSFORMS_TARGET);
    }

    private FftReport() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = ReportSupport.options(args, "FftReport --jmh FILE --native FILE --out FILE"
                + " [--command TEXT] [--native-build TEXT] [--load FILE]");
        Path jmh = Path.of(require(options, "jmh"));
        Path nativeResults = Path.of(require(options, "native"));
        Path out = Path.of(require(options, "out"));

        Map<String, Map<Case, Timing>> java = readJmh(jmh);
        List<String> nativeComments = new ArrayList<>();
        Map<Case, Timing> nativeTimings = readNative(nativeResults, nativeComments);
        List<String> load = ReportSupport.lines(options.get("load"));
        String report = render(java, jmhSettings(jmh), nativeTimings, nativeComments,
                options.getOrDefault("command", "bash benchmarks/fft.sh"),
                options.getOrDefault("native-build", ""), load);

        ReportSupport.writeAtomically(out, report);
        System.out.println("wrote " + out);
    }

    private static String require(Map<String, String> options, String key) {
        return ReportSupport.require(options, key);
    }

    /** backend → case → timing, from JMH's JSON (sample-time mode: percentiles over all invocations). */
    static Map<String, Map<Case, Timing>> readJmh(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        Map<String, Map<Case, Timing>> result = new TreeMap<>();
        for (JsonNode run : root) {
            if (!run.path("benchmark").asText().endsWith("FftBenchmark.forwardInverse")) {
                continue;
            }
            JsonNode params = run.path("params");
            String backend = params.path("backend").asText();
            Case key = new Case(params.path("n").asInt(), params.path("threads").asInt());
            JsonNode metric = run.path("primaryMetric");
            String unit = metric.path("scoreUnit").asText();
            if (!unit.equals("ms/op")) {
                throw new IllegalStateException("expected ms/op, got " + unit);
            }
            JsonNode percentiles = metric.path("scorePercentiles");
            long samples = 0;
            List<String> forkMedians = new ArrayList<>();
            for (JsonNode fork : metric.path("rawDataHistogram")) {
                List<double[]> bins = new ArrayList<>();
                long forkSamples = 0;
                for (JsonNode iteration : fork) {
                    for (JsonNode bin : iteration) {
                        bins.add(new double[] {bin.path(0).asDouble(), bin.path(1).asDouble()});
                        forkSamples += bin.path(1).asLong();
                    }
                }
                samples += forkSamples;
                forkMedians.add(fmt(median(bins, forkSamples)));
            }
            result.computeIfAbsent(backend, b -> new TreeMap<>()).put(key, new Timing(
                    percentiles.path("50.0").asDouble(), percentiles.path("0.0").asDouble(Double.NaN),
                    percentiles.path("90.0").asDouble(), samples, String.join(", ", forkMedians)));
        }
        return result;
    }

    /** JMH settings of the first FFT run: forks, warm-up and measurement, JVM arguments. */
    static String jmhSettings(Path file) throws IOException {
        for (JsonNode run : new ObjectMapper().readTree(file.toFile())) {
            if (!run.path("benchmark").asText().endsWith("FftBenchmark.forwardInverse")) {
                continue;
            }
            List<String> jvmArgs = new ArrayList<>();
            run.path("jvmArgs").forEach(a -> jvmArgs.add(a.asText()));
            return "JMH " + run.path("jmhVersion").asText() + ", " + run.path("forks").asInt() + " fork(s) per case (each plans afresh), warm-up "
                    + run.path("warmupIterations").asInt() + " × " + run.path("warmupTime").asText()
                    + ", measurement " + run.path("measurementIterations").asInt() + " × "
                    + run.path("measurementTime").asText() + ", JVM arguments `" + String.join(" ", jvmArgs) + "`";
        }
        return "no JMH FFT results";
    }

    /** Median of a histogram given as (value, count) bins. */
    private static double median(List<double[]> bins, long total) {
        return ReportSupport.median(bins, total);
    }

    /**
     * Lines "n threads median min p90 repetitions plan_seconds [round medians]"; '#' lines are kept
     * as comments.
     */
    static Map<Case, Timing> readNative(Path file, List<String> comments) throws IOException {
        Map<Case, Timing> result = new TreeMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String trimmed = line.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.startsWith("#")) {
                comments.add(trimmed.substring(1).trim());
                continue;
            }
            String[] f = trimmed.split("\\s+");
            String rounds = "";
            if (f.length > 7) {
                List<String> medians = new ArrayList<>();
                for (String m : f[7].split(",")) {
                    medians.add(fmt(Double.parseDouble(m)));
                }
                rounds = String.join(", ", medians);
            }
            result.put(new Case(Integer.parseInt(f[0]), Integer.parseInt(f[1])), new Timing(
                    Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                    Long.parseLong(f[5]), rounds));
        }
        return result;
    }

    static String render(Map<String, Map<Case, Timing>> java, String jmhSettings, Map<Case, Timing> nativeTimings,
                         List<String> nativeComments, String command, String nativeBuild, List<String> load) {
        List<String> backends = new ArrayList<>();
        for (String name : TARGETS.keySet()) {
            if (java.containsKey(name)) {
                backends.add(name);
            }
        }
        for (String name : java.keySet()) {
            if (!backends.contains(name)) {
                backends.add(name);
            }
        }
        TreeSet<Case> cases = new TreeSet<>(nativeTimings.keySet());
        for (String name : backends) {
            cases.addAll(java.get(name).keySet());
        }

        StringBuilder md = new StringBuilder();
        md.append("# FFT benchmark: 3D real forward + inverse pair\n\n");
        md.append("Generated by `org.ofdft.benchmarks.FftReport` on ")
                .append(ReportSupport.timestamp())
                .append(". Reproduce from the repository root with:\n\n```\n").append(command).append("\n```\n\n");

        md.append("## Machine\n\n");
        md.append("| | |\n|---|---|\n");
        ReportSupport.appendMachineRows(md);
        for (String comment : nativeComments) {
            if (comment.startsWith("library ")) {
                md.append("| Native baseline | ").append(comment.substring(8)).append(" (Debian libfftw3-dev) |\n");
            }
        }
        if (!nativeBuild.isEmpty()) {
            md.append("| Native build | `").append(nativeBuild).append("` |\n");
        }
        md.append("| fftw backend | ").append(ReportSupport.fftwBackendDescription()).append(" |\n");
        md.append("| java backend | `org.ofdft.grids.fft.JavaFftBackend`").append(ReportSupport.javaBackendDescription())
                .append(" |\n");
        md.append("| jtransforms backend | JTransforms 3.1 1D transforms, `org.ofdft.grids.fft.JTransformsRealFft3D` |\n");
        ReportSupport.appendLoadRows(md, load);
        md.append('\n');

        String nativeSettings = nativeComments.stream().filter(c -> c.startsWith("rounds "))
                .findFirst().orElse("1 round");
        md.append("## Method\n\n");
        md.append("One operation is `forward(real, spectrum)` followed by `inverse(spectrum, back)` on an n×n×n plan "
                + "(r2c + c2r, inverse normalized by 1/N). Java: JMH `FftBenchmark`, sample-time mode (every "
                + "invocation timed), plans made once per trial (FFTW_MEASURE for fftw), median over the pooled "
                + "samples of all forks; ").append(jmhSettings).append(". Native: `benchmarks/native/fft_native.c`, "
                + "FFTW_MEASURE r2c/c2r plans with `fftw_plan_with_nthreads`, wisdom forgotten and plans remade "
                + "in each round (").append(nativeSettings).append("), then the median of all timed pairs, each "
                + "including the 1/N scaling loop. "
                + "The native program does no copies; the fftw backend copies between the Java arrays and its "
                + "native buffers (four copies per pair), which is the main part of its overhead. Ratios are "
                + "backend median / native median; targets: pure-Java backends ≤ ")
                .append(JTRANSFORMS_TARGET).append("×, fftw ≤ ").append(FFTW_TARGET).append("× native at every size and thread count.\n\n");

        md.append("## Median ms per forward+inverse pair\n\n");
        md.append("| n³ | threads | native FFTW |");
        StringBuilder rule = new StringBuilder("|---:|---:|---:|");
        for (String name : backends) {
            md.append(' ').append(name).append(" | ").append(name).append(" / native |");
            rule.append("---:|---:|");
        }
        md.append('\n').append(rule).append('\n');
        Map<String, List<String>> misses = new java.util.LinkedHashMap<>();
        Map<String, Integer> compared = new java.util.LinkedHashMap<>();
        for (String name : backends) {
            misses.put(name, new ArrayList<>());
            compared.put(name, 0);
        }
        for (Case c : cases) {
            Timing nat = nativeTimings.get(c);
            md.append("| ").append(c.n()).append("³ | ").append(c.threads()).append(" | ").append(ms(nat)).append(" |");
            for (String name : backends) {
                Timing t = java.get(name).get(c);
                double target = TARGETS.getOrDefault(name, JTRANSFORMS_TARGET);
                md.append(' ').append(ms(t)).append(" | ").append(ratio(t, nat, target)).append(" |");
                if (t != null && nat != null) {
                    compared.merge(name, 1, Integer::sum);
                    double r = t.median() / nat.median();
                    if (r > target) {
                        misses.get(name).add(c.n() + "³/" + c.threads() + "t (" + fmt(r) + "×)");
                    }
                }
            }
            md.append('\n');
        }
        md.append("\nA ratio marked ✗ misses its target.\n\n");

        md.append("## Targets\n\n");
        md.append("| target | cases | status |\n|---|---:|---|\n");
        for (String name : backends) {
            md.append("| ").append(name).append(" backend ≤ ").append(TARGETS.getOrDefault(name, JTRANSFORMS_TARGET))
                    .append("× native FFTW at every size | ").append(compared.get(name)).append(" | ")
                    .append(status(compared.get(name), misses.get(name))).append(" |\n");
        }
        md.append('\n');

        md.append("## Spread\n\n");
        md.append("ms per pair as min / median / p90 (samples); then the medians of the single native rounds "
                + "and JMH forks, each with its own FFTW_MEASURE plan.\n\n");
        md.append("| n³ | threads | native FFTW |");
        rule = new StringBuilder("|---:|---:|---|");
        for (String name : backends) {
            md.append(' ').append(name).append(" |");
            rule.append("---|");
        }
        md.append(" native rounds |");
        rule.append("---|");
        for (String name : backends) {
            md.append(' ').append(name).append(" forks |");
            rule.append("---|");
        }
        md.append('\n').append(rule).append('\n');
        for (Case c : cases) {
            Timing nat = nativeTimings.get(c);
            md.append("| ").append(c.n()).append("³ | ").append(c.threads()).append(" | ").append(spread(nat)).append(" |");
            for (String name : backends) {
                md.append(' ').append(spread(java.get(name).get(c))).append(" |");
            }
            md.append(' ').append(nat == null ? "–" : nat.rounds()).append(" |");
            for (String name : backends) {
                Timing t = java.get(name).get(c);
                md.append(' ').append(t == null ? "–" : t.rounds()).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
        return md.toString();
    }

    private static String status(int compared, List<String> misses) {
        if (compared == 0) {
            return "not measured";
        }
        return misses.isEmpty() ? "**met**" : "**not met**: " + String.join(", ", misses);
    }

    private static String ms(Timing timing) {
        return timing == null ? "–" : fmt(timing.median());
    }

    private static String ratio(Timing timing, Timing baseline, double target) {
        if (timing == null || baseline == null) {
            return "–";
        }
        double r = timing.median() / baseline.median();
        return fmt(r) + "×" + (r <= target ? "" : " ✗");
    }

    private static String spread(Timing t) {
        if (t == null) {
            return "–";
        }
        return fmt(t.min()) + " / " + fmt(t.median()) + " / " + fmt(t.p90()) + " (" + t.samples() + ")";
    }

    static String fmt(double value) {
        return ReportSupport.fmt(value);
    }
}
