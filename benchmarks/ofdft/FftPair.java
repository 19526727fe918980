import org.ofdft.grids.fft.FftBackend;
import org.ofdft.grids.fft.FftBackends;
import org.ofdft.grids.fft.RealFft3D;
import java.util.Arrays;
import java.util.Random;

/**
 * Times one forward + inverse real 3D FFT pair with a backend as `ofdft scf --fft BACKEND` uses it. Usage:
 * java --add-modules jdk.incubator.vector -cp JARS FftPair.java BACKEND THREADS N [N ...]. Prints
 * "n threads median_seconds min_seconds pairs" per size.
 */
public class FftPair {
    public static void main(String[] args) {
        String name = args[0];
        int threads = Integer.parseInt(args[1]);
        FftBackends.Selection selection = FftBackends.select(name, threads);
        if (!selection.backend().name().equals(name)) {
            throw new IllegalStateException("FFT backend " + name + " is not available here");
        }
        try (FftBackend backend = selection.backend()) {
            for (int a = 2; a < args.length; a++) {
                int n = Integer.parseInt(args[a]);
                try (RealFft3D plan = backend.plan(n, n, n)) {
                    double[] real = new double[plan.realLength()];
                    double[] spec = new double[plan.complexLength()];
                    Random rnd = new Random(1);
                    for (int i = 0; i < real.length; i++) real[i] = rnd.nextDouble();
                    long warmEnd = System.nanoTime() + 1_500_000_000L;
                    while (System.nanoTime() < warmEnd) { plan.forward(real, spec); plan.inverse(spec, real); }
                    double[] t = new double[400];
                    int k = 0;
                    long end = System.nanoTime() + 2_000_000_000L;
                    while (k < t.length && (k < 10 || System.nanoTime() < end)) {
                        long t0 = System.nanoTime();
                        plan.forward(real, spec);
                        plan.inverse(spec, real);
                        t[k++] = (System.nanoTime() - t0) * 1e-9;
                    }
                    double[] s = Arrays.copyOf(t, k);
                    Arrays.sort(s);
                    System.out.printf(java.util.Locale.ROOT, "%d %d %.6e %.6e %d%n", n, threads, s[k / 2], s[0], k);
                }
            }
        }
    }
}
