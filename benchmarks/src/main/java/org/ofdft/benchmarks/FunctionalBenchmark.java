package org.ofdft.benchmarks;

import java.util.concurrent.TimeUnit;
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
 * One energy+potential evaluation ({@code DensityFunctional.energyAndPotential}, potential added to a
 * preallocated field) of a functional term on the fcc-Al-like density of {@link FunctionalCase}, and, as
 * the unit of cost, one forward+inverse FFT pair ({@code term=fft_pair}) on the same plan, backend and
 * thread count. Sample-time mode records every invocation (median = percentile 50.0, ms). Run with
 * {@code -prof gc} to get {@code gc.alloc.rate.norm}, the bytes allocated per evaluation. The forks get
 * {@code --add-modules jdk.incubator.vector} so that the java backend runs its SIMD butterflies.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar FunctionalBenchmark -p n=64 -p threads=1 -prof gc</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 4, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-modules=jdk.incubator.vector",
        "-XX:CompileCommand=quiet", "-XX:CompileCommand=dontinline,org.ofdft.functionals.xc.VectorXcKernels::*"})
public class FunctionalBenchmark {

    @Param({"java"})
    public String backend;

    @Param({"64", "96"})
    public int n;

    @Param({"1", "2"})
    public int threads;

    @Param({"fft_pair", "thomas_fermi", "von_weizsacker", "wang_teter", "tf_vw_wt", "pbe"})
    public String term;

    private FunctionalCase evaluation;

    @Setup(Level.Trial)
    public void setUp() {
        evaluation = new FunctionalCase(term, backend, n, threads);
    }

    /** Keeps the accumulated potential bounded; outside the timed region. */
    @Setup(Level.Iteration)
    public void resetPotential() {
        evaluation.resetPotential();
    }

    @Benchmark
    public double evaluate() {
        return evaluation.evaluate();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        evaluation.close();
    }
}
