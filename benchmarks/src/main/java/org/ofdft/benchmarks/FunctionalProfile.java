package org.ofdft.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the time of one functional evaluation goes: runs each {@link FunctionalCase} term in a loop under a
 * JDK Flight Recorder recording of {@code jdk.ExecutionSample} and {@code jdk.NativeMethodSample} events (both
 * every 1 ms; the second catches time in JNI methods) and attributes every sample either to
 * the FFT (any frame in {@code org.ofdft.grids.fft} other than the worker pool {@code ParallelRange}, which also
 * runs the functionals' pointwise loops) or to the top frame (method, and line for project code;
 * a JDK top frame is shown with the innermost project frame that called it). Also measures the bytes the
 * calling thread allocates per evaluation, outside JMH and without JFR. Writes JSON for
 * {@link FunctionalReport}.
 *
 * <pre>java --add-modules jdk.incubator.vector -cp benchmarks.jar org.ofdft.benchmarks.FunctionalProfile
 *     --out profile.json [--n 64] [--threads 1] [--backend java] [--seconds 3] [--warmup 1.5]
 *     [--terms fft_pair,thomas_fermi,von_weizsacker,wang_teter,tf_vw_wt,pbe]</pre>
 */
public final class FunctionalProfile {

    /** Profile of one term: samples, the FFT share and the top frames outside the FFT, shares of all samples. */
    record TermProfile(String term, String backend, int n, int threads, double seconds, long evaluations,
                       long samples, double fftShare, List<Frame> frames, double bytesPerEvaluation) {
    }

    record Frame(String frame, double share) {
    }

    private static final int TOP_FRAMES = 6;
    /** Frames with a smaller share of the samples are not listed. */
    private static final double MIN_SHARE = 0.01;
    /** Sampling period of both events. */
    private static final Duration PERIOD = Duration.ofMillis(1);

    private FunctionalProfile() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = ReportSupport.options(args, "FunctionalProfile --out FILE [--n 64] "
                + "[--threads 1] [--backend java] [--seconds 3] [--warmup 1.5] [--terms a,b]");
        Path out = Path.of(ReportSupport.require(options, "out"));
        int n = Integer.parseInt(options.getOrDefault("n", "64"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "1"));
        String backend = options.getOrDefault("backend", "java");
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "3"));
        double warmup = Double.parseDouble(options.getOrDefault("warmup", "1.5"));
        String terms = options.getOrDefault("terms",
                "fft_pair,thomas_fermi,von_weizsacker,wang_teter,tf_vw_wt,pbe");

        List<TermProfile> profiles = new ArrayList<>();
        for (String term : terms.split(",")) {
            TermProfile profile = profile(term.trim(), backend, n, threads, warmup, seconds);
            System.err.printf("[profile] %s %d³/%dt: %d samples, FFT %.0f%%, top %s, %.0f B allocated per evaluation%n",
                    profile.term(), n, threads, profile.samples(), 100 * profile.fftShare(),
                    profile.frames().isEmpty() ? "-" : profile.frames().get(0), profile.bytesPerEvaluation());
            profiles.add(profile);
        }
        ReportSupport.writeAtomically(out, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(profiles));
        System.out.println("wrote " + out);
    }

    static TermProfile profile(String term, String backend, int n, int threads, double warmup, double seconds)
            throws IOException {
        try (FunctionalCase evaluation = new FunctionalCase(term, backend, n, threads)) {
            double sink = 0;
            long end = System.nanoTime() + (long) (warmup * 1e9);
            while (System.nanoTime() < end) {
                sink += evaluation.evaluate();
                evaluation.resetPotential();
            }
            double bytesPerEvaluation = allocationPerEvaluation(evaluation, warmup / 3);
            Path file = Files.createTempFile("functional-profile-", ".jfr");
            long evaluations = 0;
            try (Recording recording = new Recording()) {
                recording.enable("jdk.ExecutionSample").withPeriod(PERIOD).withStackTrace();
                // JNI methods (in JDK 17 e.g. StrictMath.log1p and expm1) are sampled by this event only
                recording.enable("jdk.NativeMethodSample").withPeriod(PERIOD).withStackTrace();
                recording.start();
                end = System.nanoTime() + (long) (seconds * 1e9);
                while (System.nanoTime() < end) {
                    sink += evaluation.evaluate();
                    evaluations++;
                }
                recording.stop();
                recording.dump(file);
                if (!Double.isFinite(sink)) {
                    throw new IllegalStateException(term + ": energy not finite");
                }
                return summarize(term, backend, n, threads, seconds, evaluations, RecordingFile.readAllEvents(file),
                        bytesPerEvaluation);
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    /**
     * Bytes the calling thread allocates per evaluation (HotSpot's per-thread allocation counter, over at
     * least {@code seconds} and 10 evaluations; without JFR running). With one FFT thread this is all the
     * evaluation allocates.
     */
    private static double allocationPerEvaluation(FunctionalCase evaluation, double seconds) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        double sink = 0;
        long count = 0;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long before = threads.getCurrentThreadAllocatedBytes();
        while (count < 10 || System.nanoTime() < end) {
            sink += evaluation.evaluate();
            count++;
        }
        long after = threads.getCurrentThreadAllocatedBytes();
        evaluation.resetPotential();
        return Double.isFinite(sink) ? (double) (after - before) / count : Double.NaN;
    }

    private static boolean isFftFrame(RecordedFrame frame) {
        String type = typeName(frame);
        return type.startsWith("org.ofdft.grids.fft.") && !type.startsWith("org.ofdft.grids.fft.ParallelRange");
    }

    private static TermProfile summarize(String term, String backend, int n, int threads, double seconds,
                                         long evaluations, List<RecordedEvent> events, double bytesPerEvaluation) {
        long samples = 0;
        long fft = 0;
        Map<String, Long> tops = new HashMap<>();
        for (RecordedEvent event : events) {
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || !involvesProject(stack.getFrames())) {
                continue; // JFR's own threads, JIT, the JMH-less driver's bookkeeping
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            if (frames.stream().anyMatch(FunctionalProfile::isFftFrame)) {
                fft++;
                continue;
            }
            tops.merge(attribute(frames), 1L, Long::sum);
        }
        long total = samples;
        List<Frame> frames = new ArrayList<>();
        tops.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .filter(e -> e.getValue() >= MIN_SHARE * total).limit(TOP_FRAMES)
                .forEach(e -> frames.add(new Frame(e.getKey(), (double) e.getValue() / total)));
        return new TermProfile(term, backend, n, threads, seconds, evaluations, samples,
                total == 0 ? Double.NaN : (double) fft / total, frames, bytesPerEvaluation);
    }

    private static boolean involvesProject(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = typeName(frame);
            if (type.startsWith("org.ofdft.functionals.") || type.startsWith("org.ofdft.grids.")) {
                return true;
            }
        }
        return false;
    }

    private static String typeName(RecordedFrame frame) {
        return frame.getMethod() == null ? "" : frame.getMethod().getType().getName();
    }

    /**
     * The top frame if it is project code; otherwise the JDK method that project code called (e.g.
     * {@code Math.cbrt}, whatever FdLibm helper was on top) with the project frame that called it.
     */
    private static String attribute(List<RecordedFrame> frames) {
        for (int k = 0; k < frames.size(); k++) {
            if (typeName(frames.get(k)).startsWith("org.ofdft.")) {
                return k == 0 ? describe(frames.get(0)) : describe(frames.get(k - 1)) + " ← " + describe(frames.get(k));
            }
        }
        return describe(frames.get(0));
    }

    /** "SimpleClass.method:line" for project code, "SimpleClass.method" for the JDK. */
    private static String describe(RecordedFrame frame) {
        if (frame.getMethod() == null) {
            return "(unknown)";
        }
        String type = frame.getMethod().getType().getName();
        String simple = type.substring(type.lastIndexOf('.') + 1);
        String name = simple + "." + frame.getMethod().getName();
        if (type.startsWith("org.ofdft.") && frame.getLineNumber() > 0) {
            name += ":" + frame.getLineNumber();
        }
        return name;
    }
}
