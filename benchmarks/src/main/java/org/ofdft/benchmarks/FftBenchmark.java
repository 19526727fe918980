package org.ofdft.benchmarks;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ofdft.grids.fft.FftBackend;
import org.ofdft.grids.fft.FftBackends;
import org.ofdft.grids.fft.RealFft3D;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One forward + inverse real 3D transform pair of size n³ on a planned {@link RealFft3D}. Sample
 * time mode records every invocation, so the JSON result holds the median (percentile 50.0) per
 * pair in ms. Plans are made once per trial (FFTW_MEASURE planning is not timed); each of the two
 * forks plans afresh, so the pooled samples also cover FFTW_MEASURE's run-to-run choice of plan.
 * The forks get {@code --add-modules jdk.incubator.vector} so that the java backend runs its SIMD
 * butterflies.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar FftBenchmark -p n=96 -p threads=1</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-modules=jdk.incubator.vector",
        "-XX:CompileCommand=quiet", "-XX:CompileCommand=dontinline,org.ofdft.functionals.xc.VectorXcKernels::*"})
public class FftBenchmark {

    @Param({"java", "jtransforms", "fftw"})
    public String backend;

    @Param({"48", "64", "96", "100", "128"})
    public int n;

    @Param({"1", "2"})
    public int threads;

    private FftBackend fft;
    private RealFft3D plan;
    private double[] real;
    private double[] spectrum;
    private double[] back;

    @Setup(Level.Trial)
    public void setUp() {
        FftBackends.Selection selection = FftBackends.select(backend, threads);
        if (selection.fellBack()) {
            selection.backend().close();
            throw new IllegalStateException(selection.fallbackWarning());
        }
        fft = selection.backend();
        plan = fft.plan(n, n, n);
        real = new double[plan.realLength()];
        spectrum = new double[plan.complexLength()];
        back = new double[plan.realLength()];
        Random random = new Random(42);
        for (int i = 0; i < real.length; i++) {
            real[i] = random.nextDouble() - 0.5;
        }
    }

    @Benchmark
    public double[] forwardInverse() {
        plan.forward(real, spectrum);
        plan.inverse(spectrum, back);
        return back;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        plan.close();
        fft.close();
    }
}
