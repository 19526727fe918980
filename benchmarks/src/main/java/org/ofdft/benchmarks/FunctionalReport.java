package org.ofdft.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ofdft.benchmarks.FunctionalCase.Term;

/**
 * Writes the functional-evaluation report (Markdown) from the JMH JSON of {@link FunctionalBenchmark}
 * (run with {@code -prof gc}) and, optionally, the JFR summary of {@link FunctionalProfile}.
 *
 * <pre>java -cp benchmarks.jar org.ofdft.benchmarks.FunctionalReport --jmh jmh.json --out functionals.md
 *     [--profile profile.json] [--load load.txt] [--command "bash benchmarks/functionals.sh"]</pre>
 *
 * The report is written to a temporary file next to {@code --out} and moved into place.
 */
public final class FunctionalReport {

    /** Target: time per evaluation ≤ this many times the FFT pairs the term logically needs. */
    static final double PAIR_TARGET = 1.3;
    /** "No grid-sized allocation per call": allocated bytes per evaluation below this fraction of 8·N. */
    static final double ALLOCATION_LIMIT = 0.01;

    /** Key of one case: backend, grid size n, FFT threads. */
    record Case(String backend, int n, int threads) implements Comparable<Case> {
        @Override
        public int compareTo(Case other) {
            int byBackend = backendRank(backend) - backendRank(other.backend);
            if (byBackend != 0) {
                return byBackend;
            }
            int bySize = Integer.compare(n, other.n);
            return bySize != 0 ? bySize : Integer.compare(threads, other.threads);
        }

        private static int backendRank(String backend) {
            return switch (backend) {
                case "java" -> 0;
                case "fftw" -> 1;
                default -> 2;
            };
        }

        String label() {
            return n + "³/" + threads + "t" + (backend.equals("java") ? "" : " " + backend);
        }
    }

    /** One measured term: ms per evaluation (median, min, p90, samples) and bytes allocated per evaluation. */
    record Measurement(double median, double min, double p90, long samples, double bytesPerOp) {
    }

    private FunctionalReport() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = ReportSupport.options(args, "FunctionalReport --jmh FILE --out FILE"
                + " [--profile FILE] [--load FILE] [--command TEXT]");
        Path jmh = Path.of(ReportSupport.require(options, "jmh"));
        Path out = Path.of(ReportSupport.require(options, "out"));
        JsonNode root = new ObjectMapper().readTree(jmh.toFile());
        JsonNode profile = options.containsKey("profile") && Files.exists(Path.of(options.get("profile")))
                ? new ObjectMapper().readTree(Path.of(options.get("profile")).toFile()) : null;
        String report = render(readJmh(root), jmhSettings(root), profile,
                options.getOrDefault("command", "bash benchmarks/functionals.sh"),
                ReportSupport.lines(options.get("load")));
        ReportSupport.writeAtomically(out, report);
        System.out.println("wrote " + out);
    }

    /** case → term → measurement, from JMH's JSON (sample-time mode, GC profiler secondary metrics). */
    static Map<Case, Map<Term, Measurement>> readJmh(JsonNode root) {
        Map<Case, Map<Term, Measurement>> result = new TreeMap<>();
        for (JsonNode run : root) {
            if (!run.path("benchmark").asText().endsWith("FunctionalBenchmark.evaluate")) {
                continue;
            }
            JsonNode params = run.path("params");
            Case key = new Case(params.path("backend").asText(), params.path("n").asInt(), params.path("threads").asInt());
            Term term = Term.of(params.path("term").asText());
            JsonNode metric = run.path("primaryMetric");
            String unit = metric.path("scoreUnit").asText();
            if (!unit.equals("ms/op")) {
                throw new IllegalStateException("expected ms/op, got " + unit);
            }
            JsonNode percentiles = metric.path("scorePercentiles");
            long samples = 0;
            for (JsonNode fork : metric.path("rawDataHistogram")) {
                for (JsonNode iteration : fork) {
                    for (JsonNode bin : iteration) {
                        samples += bin.path(1).asLong();
                    }
                }
            }
            JsonNode allocation = run.path("secondaryMetrics").path("gc.alloc.rate.norm");
            double bytes = allocation.isMissingNode() ? Double.NaN : allocation.path("score").asDouble(Double.NaN);
            result.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(term, new Measurement(
                    percentiles.path("50.0").asDouble(), percentiles.path("0.0").asDouble(Double.NaN),
                    percentiles.path("90.0").asDouble(), samples, bytes));
        }
        return result;
    }

    /** JMH settings of the first functional run: forks, warm-up, measurement, JVM arguments, profilers. */
    static String jmhSettings(JsonNode root) {
        for (JsonNode run : root) {
            if (!run.path("benchmark").asText().endsWith("FunctionalBenchmark.evaluate")) {
                continue;
            }
            List<String> jvmArgs = new ArrayList<>();
            run.path("jvmArgs").forEach(a -> jvmArgs.add(a.asText()));
            boolean gc = run.path("secondaryMetrics").has("gc.alloc.rate.norm");
            return "JMH " + run.path("jmhVersion").asText() + ", " + run.path("forks").asInt()
                    + " fork(s) per case, warm-up " + run.path("warmupIterations").asInt() + " × "
                    + run.path("warmupTime").asText() + ", measurement " + run.path("measurementIterations").asInt()
                    + " × " + run.path("measurementTime").asText() + ", JVM arguments `" + String.join(" ", jvmArgs)
                    + "`" + (gc ? ", GC profiler (`-prof gc`)" : ", without the GC profiler (no allocation data)");
        }
        return "no JMH functional results";
    }

    static String render(Map<Case, Map<Term, Measurement>> results, String jmhSettings, JsonNode profile,
                         String command, List<String> load) {
        StringBuilder md = new StringBuilder();
        md.append("# Functional evaluation cost in FFT pairs\n\n");
        md.append("Generated by `org.ofdft.benchmarks.FunctionalReport` on ").append(ReportSupport.timestamp())
                .append(". Reproduce from the repository root with:\n\n```\n").append(command).append("\n```\n\n");

        md.append("## Machine\n\n| | |\n|---|---|\n");
        ReportSupport.appendMachineRows(md);
        TreeSet<String> backends = new TreeSet<>();
        TreeSet<Integer> sizes = new TreeSet<>();
        for (Case c : results.keySet()) {
            backends.add(c.backend());
            sizes.add(c.n());
        }
        if (backends.contains("java")) {
            md.append("| java backend | `org.ofdft.grids.fft.JavaFftBackend`").append(ReportSupport.javaBackendDescription())
                    .append(" |\n");
        }
        if (backends.contains("fftw")) {
            md.append("| fftw backend | ").append(ReportSupport.fftwBackendDescription()).append(" |\n");
        }
        ReportSupport.appendLoadRows(md, load);
        md.append('\n');
        double loadBefore = firstLoad(load);
        if (loadBefore >= 1.0) {
            md.append(String.format(Locale.ROOT, "**Note:** the 1-minute load average was already %.2f on %d cores "
                    + "before JMH started: other work shared the machine, and the 2-thread cases, which need both "
                    + "cores, are the most affected (compare each case's min and median under Spread).%n%n",
                    loadBefore, Runtime.getRuntime().availableProcessors()));
        }

        md.append("## Method\n\n");
        md.append("One evaluation is `DensityFunctional.energyAndPotential(density, potential)`: the energy, with "
                + "δE/δn added to a preallocated potential field (zeroed between iterations, outside the timed "
                + "region). Terms: Thomas–Fermi (TF, spin-unpolarized), von Weizsäcker (vW, λ = 1, spectral "
                + "Laplacian of √n), the nonlocal Wang–Teter term alone (WT, α = β = 5/6, fixed n₀ = mean density, "
                + "kernel built once), the Wang–Teter kinetic functional `WangTeter.total` (TF+vW+WT) and PBE "
                + "exchange–correlation (`GgaFunctional.pbe`). The unit of cost is one forward+inverse real FFT pair "
                + "(`plan.forward` then `plan.inverse`) on the functionals' own `SpectralOperators` plan, measured "
                + "in the same JMH run with the same backend and FFT thread count (the functionals' pointwise "
                + "loops run on one thread whatever the FFT thread count).\n\n");
        md.append("FFT pairs each term logically needs: ");
        List<String> needs = new ArrayList<>();
        for (Term term : Term.values()) {
            if (term != Term.FFT_PAIR) {
                needs.add(term.label + " " + term.pairs);
            }
        }
        md.append(String.join(", ", needs)).append(" (vW: ∇²√n; WT: one convolution, α = β; PBE: ∇n by 1 forward "
                + "+ 3 inverse and ∇·(2 ∂e/∂σ ∇n) by 3 forward + 1 inverse). Ratio = median time per evaluation / "
                + "(pairs × median FFT pair); target ≤ ").append(PAIR_TARGET).append("× for vW, WT and PBE. TF needs no "
                + "FFT and is given as ns per grid point; the TF+vW+WT ratio (2 pairs) is shown for information.\n\n");
        md.append("Grid and density (`FunctionalCase`): conventional cubic cell of fcc Al, a = ")
                .append(FunctionalCase.LATTICE_CONSTANT).append(" bohr, repeated n/").append(FunctionalCase.POINTS_PER_CELL)
                .append(" times per axis (spacing a/").append(FunctionalCase.POINTS_PER_CELL).append(String.format(Locale.ROOT,
                        " = %.3f bohr); 3 valence electrons per atom, n(r) = n̄[%.1f + %.1f·P(r)/⟨P⟩] with P a sum of "
                                + "Gaussians (σ = %.1f bohr) on the fcc sites: smooth and strictly positive.",
                        FunctionalCase.LATTICE_CONSTANT / FunctionalCase.POINTS_PER_CELL, 1 - FunctionalCase.PEAK_WEIGHT,
                        FunctionalCase.PEAK_WEIGHT, FunctionalCase.GAUSSIAN_WIDTH)).append('\n');
        for (int n : sizes) {
            md.append("- ").append(FunctionalCase.describeDensity(n)).append('\n');
        }
        md.append('\n');
        md.append("Timing: ").append(jmhSettings).append("; sample-time mode (every invocation timed), median over "
                + "all samples. Allocation: `gc.alloc.rate.norm` of JMH's GC profiler, the bytes allocated by all "
                + "threads of the fork during the measurement iterations divided by the number of evaluations; it "
                + "includes what the harness itself allocates in an iteration, so it is an upper bound on what one "
                + "call allocates (the JFR section below also gives the calling thread's own count, measured "
                + "outside JMH). One grid-sized array is 8·N bytes (");
        List<String> arrays = new ArrayList<>();
        for (int n : sizes) {
            arrays.add(n + "³: " + String.format(Locale.ROOT, "%,d", 8L * n * n * n) + " B");
        }
        md.append(String.join(", ", arrays)).append("); the check passes when every case allocates less than ")
                .append(fmtPercent(ALLOCATION_LIMIT)).append(" of that per evaluation.\n\n");

        // ---- results -------------------------------------------------------------------------
        md.append("## Results\n\n");
        md.append("| n³ | threads | backend | term | FFT pairs needed | median ms | FFT pair ms | ratio to needed pairs "
                + "| time beyond the pairs, ms | ns / grid point | allocated B / evaluation | of 8·N |\n");
        md.append("|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        Map<Term, List<String>> misses = new LinkedHashMap<>();
        Map<Term, Integer> compared = new LinkedHashMap<>();
        for (Term term : List.of(Term.VON_WEIZSACKER, Term.WANG_TETER, Term.PBE)) {
            misses.put(term, new ArrayList<>());
            compared.put(term, 0);
        }
        List<String> allocationMisses = new ArrayList<>();
        int allocationCases = 0;
        double worstAllocation = 0;
        String worstAllocationCase = "";
        for (Map.Entry<Case, Map<Term, Measurement>> entry : results.entrySet()) {
            Case c = entry.getKey();
            Measurement pair = entry.getValue().get(Term.FFT_PAIR);
            long points = (long) c.n() * c.n() * c.n();
            for (Term term : Term.values()) {
                Measurement m = entry.getValue().get(term);
                if (m == null) {
                    continue;
                }
                md.append("| ").append(c.n()).append("³ | ").append(c.threads()).append(" | ").append(c.backend())
                        .append(" | ").append(term.label).append(" | ").append(term == Term.FFT_PAIR ? "–" : term.pairs)
                        .append(" | ").append(ReportSupport.fmt(m.median())).append(" | ")
                        .append(pair == null ? "–" : ReportSupport.fmt(pair.median())).append(" | ");
                boolean targeted = misses.containsKey(term);
                if (term.pairs > 0 && term != Term.FFT_PAIR && pair != null) {
                    double ratio = m.median() / (term.pairs * pair.median());
                    md.append(ReportSupport.fmt(ratio)).append('×');
                    if (targeted) {
                        compared.merge(term, 1, Integer::sum);
                        if (ratio > PAIR_TARGET) {
                            md.append(" ✗");
                            misses.get(term).add(c.label() + " " + ReportSupport.fmt(ratio) + "×");
                        } else {
                            md.append(" ✓");
                        }
                    }
                    md.append(" | ").append(ReportSupport.fmt(m.median() - term.pairs * pair.median()));
                } else {
                    md.append("– | ").append(term == Term.THOMAS_FERMI ? ReportSupport.fmt(m.median()) : "–");
                }
                md.append(" | ").append(ReportSupport.fmt(m.median() * 1e6 / points)).append(" | ");
                if (Double.isNaN(m.bytesPerOp())) {
                    md.append("? | ? |\n");
                } else {
                    allocationCases++;
                    double fraction = m.bytesPerOp() / (8.0 * points);
                    md.append(String.format(Locale.ROOT, "%,.0f", m.bytesPerOp())).append(" | ")
                            .append(fmtPercent(fraction)).append(fraction < ALLOCATION_LIMIT ? "" : " ✗").append(" |\n");
                    if (fraction >= ALLOCATION_LIMIT) {
                        allocationMisses.add(c.label() + " " + term.label + " " + fmtPercent(fraction));
                    }
                    if (m.bytesPerOp() > worstAllocation) {
                        worstAllocation = m.bytesPerOp();
                        worstAllocationCase = c.label() + " " + term.label;
                    }
                }
            }
        }
        md.append("\n✓/✗: meets / misses the ").append(PAIR_TARGET).append("× target. \"Time beyond the pairs\" is "
                + "the median minus the needed pairs' FFT time: the pointwise work (and, for TF, the whole "
                + "evaluation).\n\n");

        md.append("## Targets\n\n| target | cases | status |\n|---|---:|---|\n");
        for (Map.Entry<Term, List<String>> entry : misses.entrySet()) {
            Term term = entry.getKey();
            md.append("| ").append(term.label).append(" ≤ ").append(PAIR_TARGET).append(" × ").append(term.pairs)
                    .append(term.pairs == 1 ? " FFT pair" : " FFT pairs").append(" | ").append(compared.get(term))
                    .append(" | ").append(status(compared.get(term), entry.getValue())).append(" |\n");
        }
        md.append("| no grid-sized allocation per evaluation (< ").append(fmtPercent(ALLOCATION_LIMIT))
                .append(" of 8·N bytes) | ").append(allocationCases).append(" | ")
                .append(status(allocationCases, allocationMisses))
                .append(allocationCases > 0 ? "; largest " + String.format(Locale.ROOT, "%,.0f", worstAllocation)
                        + " B per evaluation (" + worstAllocationCase + ")" : "").append(" |\n\n");

        // ---- profile -------------------------------------------------------------------------
        if (profile != null && profile.size() > 0) {
            JsonNode first = profile.get(0);
            md.append("## Where the time goes (JFR)\n\n");
            md.append("`FunctionalProfile`: each term evaluated in a loop for ")
                    .append(ReportSupport.fmt(first.path("seconds").asDouble())).append(" s on ")
                    .append(first.path("n").asInt()).append("³, ").append(first.path("threads").asInt())
                    .append(" FFT thread(s), backend ").append(first.path("backend").asText())
                    .append(", under a JDK Flight Recorder recording of `jdk.ExecutionSample` and "
                            + "`jdk.NativeMethodSample` (every 1 ms; the latter catches JNI methods such as JDK 17's "
                            + "`StrictMath.log1p` and `expm1`). A sample counts as FFT if any frame is in "
                            + "`org.ofdft.grids.fft`; the others are listed by top frame (a JDK frame with the "
                            + "project frame that called it; line numbers of JIT-compiled loops are approximate). "
                            + "Shares are of all samples of the term (frames under 1% not listed); ms per evaluation "
                            + "is under JFR and without JMH's care, so only indicative. Allocated: bytes the "
                            + "calling thread allocates per evaluation (HotSpot's per-thread counter, outside JMH, "
                            + "without JFR): with one FFT thread, everything the evaluation allocates.\n\n");
            md.append("| term | ms / evaluation | allocated B / evaluation | samples | FFT | largest non-FFT top frames |\n"
                    + "|---|---:|---:|---:|---:|---|\n");
            for (JsonNode p : profile) {
                Term term = Term.of(p.path("term").asText());
                long evaluations = p.path("evaluations").asLong();
                List<String> frames = new ArrayList<>();
                for (JsonNode f : p.path("frames")) {
                    frames.add(fmtPercent(f.path("share").asDouble()) + " `" + f.path("frame").asText() + "`");
                }
                md.append("| ").append(term.label).append(" | ")
                        .append(evaluations == 0 ? "?" : ReportSupport.fmt(p.path("seconds").asDouble() * 1e3 / evaluations))
                        .append(" | ").append(String.format(Locale.ROOT, "%,.0f", p.path("bytesPerEvaluation").asDouble(Double.NaN)))
                        .append(" | ").append(p.path("samples").asLong()).append(" | ")
                        .append(fmtPercent(p.path("fftShare").asDouble())).append(" | ")
                        .append(String.join("<br>", frames)).append(" |\n");
            }
            md.append('\n');
        }

        // ---- spread --------------------------------------------------------------------------
        md.append("## Spread\n\nms per evaluation as min / median / p90 (samples).\n\n");
        md.append("| n³ | threads | backend |");
        StringBuilder rule = new StringBuilder("|---:|---:|---|");
        for (Term term : Term.values()) {
            md.append(' ').append(term.label).append(" |");
            rule.append("---|");
        }
        md.append('\n').append(rule).append('\n');
        for (Map.Entry<Case, Map<Term, Measurement>> entry : results.entrySet()) {
            Case c = entry.getKey();
            md.append("| ").append(c.n()).append("³ | ").append(c.threads()).append(" | ").append(c.backend()).append(" |");
            for (Term term : Term.values()) {
                Measurement m = entry.getValue().get(term);
                md.append(' ').append(m == null ? "–" : ReportSupport.fmt(m.min()) + " / " + ReportSupport.fmt(m.median())
                        + " / " + ReportSupport.fmt(m.p90()) + " (" + m.samples() + ")").append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
        return md.toString();
    }

    /** The 1-minute value of the first "label: 1 5 15" load line, NaN if none. */
    private static double firstLoad(List<String> load) {
        for (String line : load) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String[] fields = line.substring(colon + 1).trim().split("\\s+");
            try {
                return Double.parseDouble(fields[0]);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    private static String status(int compared, List<String> misses) {
        if (compared == 0) {
            return "not measured";
        }
        return misses.isEmpty() ? "**met**" : "**not met** (" + misses.size() + " of " + compared + "): "
                + String.join(", ", misses);
    }

    private static String fmtPercent(double fraction) {
        if (Double.isNaN(fraction)) {
            return "?";
        }
        double percent = 100 * fraction;
        if (percent >= 10 || percent == 0) {
            return String.format(Locale.ROOT, "%.0f%%", percent);
        }
        if (percent >= 0.1) {
            return String.format(Locale.ROOT, "%.1f%%", percent);
        }
        return String.format(Locale.ROOT, "%.3f%%", percent);
    }
}
