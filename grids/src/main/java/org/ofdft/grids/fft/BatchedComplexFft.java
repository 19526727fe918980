package org.ofdft.grids.fft;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Complex DFTs of length n applied to a batch of lines at once, in the layout
 * element (i, b) at {@code 2·(i·batch + b)} (re, im): the batch index runs fastest, so each butterfly
 * works on contiguous runs of memory with one twiddle factor, which the JIT compiles to tight loops.
 *
 * <p>Algorithm: Stockham autosort FFT (self-sorting, no bit reversal), decimation in frequency; a
 * stage of radix P on a sub-transform of length L = P·m with stride s computes, for p &lt; m,
 * k &lt; P and every q in the stride,
 * y[q + s(Pp + k)] = w_L^{pk} Σ_j x[q + s(p + jm)] ω_P^{jk}, then recurses on length m with stride Ps
 * (Stockham, AFIPS 1966; Van Loan, "Computational Frameworks for the FFT", SIAM 1992, §1.7).
 * Radices 4, 2, 3, 5 have hand-written butterflies; other prime factors up to {@link #MAX_GENERIC_RADIX}
 * use a direct DFT butterfly that pairs the outputs k and P − k (see {@link #oddPrime}). A length with a larger prime factor is transformed line by line with
 * JTransforms (Bluestein's algorithm).
 *
 * <p>Immutable after construction and safe to share between threads; callers pass the work buffers.
 */
final class BatchedComplexFft {

    static final int MAX_GENERIC_RADIX = 64;

    private static final double SIN_60 = Math.sqrt(3.0) / 2.0;
    private static final double COS_72 = Math.cos(2 * Math.PI / 5);
    private static final double COS_144 = Math.cos(4 * Math.PI / 5);
    private static final double SIN_72 = Math.sin(2 * Math.PI / 5);
    private static final double SIN_144 = Math.sin(4 * Math.PI / 5);

    private final int n;
    private final int[] radices;
    /** Per stage: twiddles w_L^{pk} = exp(−2πi pk/L), interleaved, index 2·(p·(P−1) + k − 1). */
    private final double[][] twiddles;
    /** Per stage with an odd prime radix P > 5: {@link #pairedRootTable}; null otherwise. */
    private final double[][] roots;
    /** For lengths with a prime factor above MAX_GENERIC_RADIX: JTransforms' Bluestein transform. */
    private final DoubleFFT_1D bluestein;
    /** Doubles per SIMD vector of the butterflies, or 0 when the scalar butterflies are used. */
    private final int vectorLanes;

    BatchedComplexFft(int n) {
        this(n, vectorApiAvailable());
    }

    /** @param vectorize use {@link VectorButterflies} if the vector API is available */
    BatchedComplexFft(int n, boolean vectorize) {
        if (n < 1) {
            throw new IllegalArgumentException("transform length must be positive, got " + n);
        }
        this.n = n;
        this.vectorLanes = vectorize && vectorApiAvailable() ? VectorButterflies.lanes() : 0;
        int[] factors = factor(n);
        if (factors == null) {
            this.radices = new int[0];
            this.twiddles = new double[0][];
            this.roots = new double[0][];
            this.bluestein = new DoubleFFT_1D(n);
            return;
        }
        this.bluestein = null;
        this.radices = factors;
        this.twiddles = new double[factors.length][];
        this.roots = new double[factors.length][];
        int length = n;
        for (int stage = 0; stage < factors.length; stage++) {
            int radix = factors[stage];
            int m = length / radix;
            double[] table = new double[2 * m * (radix - 1)];
            for (int p = 0; p < m; p++) {
                for (int k = 1; k < radix; k++) {
                    double angle = -2 * Math.PI * ((long) p * k % length) / length;
                    int at = 2 * (p * (radix - 1) + k - 1);
                    table[at] = Math.cos(angle);
                    table[at + 1] = Math.sin(angle);
                }
            }
            twiddles[stage] = table;
            if (radix > 5) {
                roots[stage] = pairedRootTable(radix);
            }
            length = m;
        }
    }

    int length() {
        return n;
    }

    /**
     * cos(2πjk/P) and sin(2πjk/P) for j, k = 1…H, H = (P − 1)/2, at index 2·((k − 1)·H + j − 1) — the
     * coefficients of the paired butterfly {@link #oddPrime}.
     */
    static double[] pairedRootTable(int radix) {
        int half = (radix - 1) / 2;
        double[] table = new double[2 * half * half];
        for (int k = 1; k <= half; k++) {
            for (int j = 1; j <= half; j++) {
                double angle = 2 * Math.PI * ((j * k) % radix) / radix;
                int at = 2 * ((k - 1) * half + j - 1);
                table[at] = Math.cos(angle);
                table[at + 1] = Math.sin(angle);
            }
        }
        return table;
    }

    /**
     * Whether the SIMD butterflies can be used: the JVM resolved {@code jdk.incubator.vector} (started with
     * {@code --add-modules jdk.incubator.vector}, as the launcher, tests and benchmarks do) and the system
     * property {@code ofdft.fft.vector} is not {@code false}.
     */
    static boolean vectorApiAvailable() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                && !"false".equals(System.getProperty("ofdft.fft.vector"));
    }

    /** Whether this instance uses the SIMD butterflies. */
    boolean vectorized() {
        return vectorLanes > 0;
    }

    /**
     * Radices in stage order (4s first, then 2, 3, 5, then other primes), or null if n has a prime
     * factor above {@link #MAX_GENERIC_RADIX}.
     */
    static int[] factor(int n) {
        int[] buffer = new int[32];
        int count = 0;
        int rest = n;
        while (rest % 4 == 0) {
            buffer[count++] = 4;
            rest /= 4;
        }
        for (int p = 2; p <= MAX_GENERIC_RADIX && rest > 1; p++) {
            while (rest % p == 0) {
                buffer[count++] = p;
                rest /= p;
            }
        }
        if (rest > 1) {
            return null;
        }
        return java.util.Arrays.copyOf(buffer, count);
    }

    /**
     * Transforms the {@code batch} lines held in {@code data} (length ≥ 2·n·batch), using
     * {@code work} (same length) as the other half of the Stockham ping-pong.
     * Forward: exp(−2πi jk/n), unnormalized; inverse: exp(+2πi jk/n), unnormalized.
     *
     * @return the array that holds the result: {@code data} or {@code work}
     */
    double[] transform(double[] data, double[] work, int batch, boolean forward, double[] line) {
        if (bluestein != null) {
            lineByLine(data, batch, forward, line);
            return data;
        }
        double sign = forward ? 1.0 : -1.0;
        double[] x = data;
        double[] y = work;
        int length = n;
        int run = batch;
        for (int stage = 0; stage < radices.length; stage++) {
            int radix = radices[stage];
            int m = length / radix;
            double[] tw = twiddles[stage];
            if (vectorLanes > 0 && (2 * run) % vectorLanes == 0) {
                switch (radix) {
                    case 2 -> VectorButterflies.radix2(x, y, m, run, tw, sign);
                    case 3 -> VectorButterflies.radix3(x, y, m, run, tw, sign);
                    case 4 -> VectorButterflies.radix4(x, y, m, run, tw, sign);
                    case 5 -> VectorButterflies.radix5(x, y, m, run, tw, sign);
                    default -> VectorButterflies.oddPrime(x, y, radix, m, run, tw, roots[stage], sign);
                }
            } else {
                switch (radix) {
                    case 2 -> radix2(x, y, m, run, tw, sign);
                    case 3 -> radix3(x, y, m, run, tw, sign);
                    case 4 -> radix4(x, y, m, run, tw, sign);
                    case 5 -> radix5(x, y, m, run, tw, sign);
                    default -> oddPrime(x, y, radix, m, run, tw, roots[stage], sign);
                }
            }
            double[] swap = x;
            x = y;
            y = swap;
            length = m;
            run *= radix;
        }
        return x;
    }

    /** Length of the per-call line buffer needed by {@link #transform} (Bluestein path only). */
    int lineBufferLength() {
        return bluestein == null ? 0 : 2 * n;
    }

    private void lineByLine(double[] data, int batch, boolean forward, double[] line) {
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < n; i++) {
                line[2 * i] = data[2 * (i * batch + b)];
                line[2 * i + 1] = data[2 * (i * batch + b) + 1];
            }
            if (forward) {
                bluestein.complexForward(line);
            } else {
                bluestein.complexInverse(line, false);
            }
            for (int i = 0; i < n; i++) {
                data[2 * (i * batch + b)] = line[2 * i];
                data[2 * (i * batch + b) + 1] = line[2 * i + 1];
            }
        }
    }

    // In the butterflies below, `sign` = +1 for the forward and −1 for the inverse transform: it
    // conjugates the twiddles and the roots of unity (the imaginary parts of exp(∓iθ)).

    private static void radix2(double[] x, double[] y, int m, int run, double[] tw, double sign) {
        for (int p = 0; p < m; p++) {
            double wr = tw[2 * p];
            double wi = sign * tw[2 * p + 1];
            int in0 = 2 * run * p;
            int in1 = 2 * run * (p + m);
            int out0 = 2 * run * (2 * p);
            int out1 = out0 + 2 * run;
            for (int q = 0; q < 2 * run; q += 2) {
                double ar = x[in0 + q], ai = x[in0 + q + 1];
                double br = x[in1 + q], bi = x[in1 + q + 1];
                y[out0 + q] = ar + br;
                y[out0 + q + 1] = ai + bi;
                double dr = ar - br, di = ai - bi;
                y[out1 + q] = dr * wr - di * wi;
                y[out1 + q + 1] = dr * wi + di * wr;
            }
        }
    }

    private static void radix3(double[] x, double[] y, int m, int run, double[] tw, double sign) {
        double s60 = sign * SIN_60;
        for (int p = 0; p < m; p++) {
            double w1r = tw[4 * p], w1i = sign * tw[4 * p + 1];
            double w2r = tw[4 * p + 2], w2i = sign * tw[4 * p + 3];
            int in0 = 2 * run * p;
            int in1 = 2 * run * (p + m);
            int in2 = 2 * run * (p + 2 * m);
            int out0 = 2 * run * (3 * p);
            int out1 = out0 + 2 * run;
            int out2 = out1 + 2 * run;
            for (int q = 0; q < 2 * run; q += 2) {
                double a0r = x[in0 + q], a0i = x[in0 + q + 1];
                double a1r = x[in1 + q], a1i = x[in1 + q + 1];
                double a2r = x[in2 + q], a2i = x[in2 + q + 1];
                double sr = a1r + a2r, si = a1i + a2i;
                double dr = a1r - a2r, di = a1i - a2i;
                double mr = a0r - 0.5 * sr, mi = a0i - 0.5 * si;
                // Y1 = a0 − s/2 − i sin60·d, Y2 = a0 − s/2 + i sin60·d (forward)
                double y1r = mr + s60 * di, y1i = mi - s60 * dr;
                double y2r = mr - s60 * di, y2i = mi + s60 * dr;
                y[out0 + q] = a0r + sr;
                y[out0 + q + 1] = a0i + si;
                y[out1 + q] = y1r * w1r - y1i * w1i;
                y[out1 + q + 1] = y1r * w1i + y1i * w1r;
                y[out2 + q] = y2r * w2r - y2i * w2i;
                y[out2 + q + 1] = y2r * w2i + y2i * w2r;
            }
        }
    }

    private static void radix4(double[] x, double[] y, int m, int run, double[] tw, double sign) {
        for (int p = 0; p < m; p++) {
            double w1r = tw[6 * p], w1i = sign * tw[6 * p + 1];
            double w2r = tw[6 * p + 2], w2i = sign * tw[6 * p + 3];
            double w3r = tw[6 * p + 4], w3i = sign * tw[6 * p + 5];
            int in0 = 2 * run * p;
            int in1 = 2 * run * (p + m);
            int in2 = 2 * run * (p + 2 * m);
            int in3 = 2 * run * (p + 3 * m);
            int out0 = 2 * run * (4 * p);
            int out1 = out0 + 2 * run;
            int out2 = out1 + 2 * run;
            int out3 = out2 + 2 * run;
            for (int q = 0; q < 2 * run; q += 2) {
                double a0r = x[in0 + q], a0i = x[in0 + q + 1];
                double a1r = x[in1 + q], a1i = x[in1 + q + 1];
                double a2r = x[in2 + q], a2i = x[in2 + q + 1];
                double a3r = x[in3 + q], a3i = x[in3 + q + 1];
                double t0r = a0r + a2r, t0i = a0i + a2i;
                double t1r = a0r - a2r, t1i = a0i - a2i;
                double t2r = a1r + a3r, t2i = a1i + a3i;
                // t3 = (a1 − a3)·(−i) forward, ·(+i) inverse
                double t3r = sign * (a1i - a3i), t3i = -sign * (a1r - a3r);
                y[out0 + q] = t0r + t2r;
                y[out0 + q + 1] = t0i + t2i;
                double y1r = t1r + t3r, y1i = t1i + t3i;
                double y2r = t0r - t2r, y2i = t0i - t2i;
                double y3r = t1r - t3r, y3i = t1i - t3i;
                y[out1 + q] = y1r * w1r - y1i * w1i;
                y[out1 + q + 1] = y1r * w1i + y1i * w1r;
                y[out2 + q] = y2r * w2r - y2i * w2i;
                y[out2 + q + 1] = y2r * w2i + y2i * w2r;
                y[out3 + q] = y3r * w3r - y3i * w3i;
                y[out3 + q + 1] = y3r * w3i + y3i * w3r;
            }
        }
    }

    private static void radix5(double[] x, double[] y, int m, int run, double[] tw, double sign) {
        double s1 = sign * SIN_72;
        double s2 = sign * SIN_144;
        for (int p = 0; p < m; p++) {
            int t = 8 * p;
            double w1r = tw[t], w1i = sign * tw[t + 1];
            double w2r = tw[t + 2], w2i = sign * tw[t + 3];
            double w3r = tw[t + 4], w3i = sign * tw[t + 5];
            double w4r = tw[t + 6], w4i = sign * tw[t + 7];
            int in0 = 2 * run * p;
            int in1 = 2 * run * (p + m);
            int in2 = 2 * run * (p + 2 * m);
            int in3 = 2 * run * (p + 3 * m);
            int in4 = 2 * run * (p + 4 * m);
            int out0 = 2 * run * (5 * p);
            int out1 = out0 + 2 * run;
            int out2 = out1 + 2 * run;
            int out3 = out2 + 2 * run;
            int out4 = out3 + 2 * run;
            for (int q = 0; q < 2 * run; q += 2) {
                double a0r = x[in0 + q], a0i = x[in0 + q + 1];
                double a1r = x[in1 + q], a1i = x[in1 + q + 1];
                double a2r = x[in2 + q], a2i = x[in2 + q + 1];
                double a3r = x[in3 + q], a3i = x[in3 + q + 1];
                double a4r = x[in4 + q], a4i = x[in4 + q + 1];
                double b1r = a1r + a4r, b1i = a1i + a4i;
                double b2r = a2r + a3r, b2i = a2i + a3i;
                double d1r = a1r - a4r, d1i = a1i - a4i;
                double d2r = a2r - a3r, d2i = a2i - a3i;
                double c1r = a0r + COS_72 * b1r + COS_144 * b2r;
                double c1i = a0i + COS_72 * b1i + COS_144 * b2i;
                double c2r = a0r + COS_144 * b1r + COS_72 * b2r;
                double c2i = a0i + COS_144 * b1i + COS_72 * b2i;
                // e1 = s1·d1 + s2·d2, e2 = s2·d1 − s1·d2; Y1,4 = c1 ∓ i e1, Y2,3 = c2 ∓ i e2 (forward)
                double e1r = s1 * d1r + s2 * d2r, e1i = s1 * d1i + s2 * d2i;
                double e2r = s2 * d1r - s1 * d2r, e2i = s2 * d1i - s1 * d2i;
                double y1r = c1r + e1i, y1i = c1i - e1r;
                double y4r = c1r - e1i, y4i = c1i + e1r;
                double y2r = c2r + e2i, y2i = c2i - e2r;
                double y3r = c2r - e2i, y3i = c2i + e2r;
                y[out0 + q] = a0r + b1r + b2r;
                y[out0 + q + 1] = a0i + b1i + b2i;
                y[out1 + q] = y1r * w1r - y1i * w1i;
                y[out1 + q + 1] = y1r * w1i + y1i * w1r;
                y[out2 + q] = y2r * w2r - y2i * w2i;
                y[out2 + q + 1] = y2r * w2i + y2i * w2r;
                y[out3 + q] = y3r * w3r - y3i * w3i;
                y[out3 + q + 1] = y3r * w3i + y3i * w3r;
                y[out4 + q] = y4r * w4r - y4i * w4i;
                y[out4 + q + 1] = y4r * w4i + y4i * w4r;
            }
        }
    }

    /**
     * Butterfly for an odd prime radix P, pairing the outputs k and P − k. With b_j = a_j + a_(P−j),
     * d_j = a_j − a_(P−j) (j = 1…H, H = (P − 1)/2) and θ = 2πjk/P,
     * Y_k = c_k − i·e_k and Y_(P−k) = c_k + i·e_k, where c_k = a_0 + Σ_j cos θ · b_j and
     * e_k = ±Σ_j sin θ · d_j (+ forward, − inverse); then the twiddles w^{pk}. Real coefficients times
     * complex data: about half the work of the direct sum over all j for every k.
     */
    static void oddPrime(double[] x, double[] y, int radix, int m, int run, double[] tw, double[] trig, double sign) {
        int half = (radix - 1) / 2;
        int width = 2 * run;
        int inStride = width * m;
        for (int p = 0; p < m; p++) {
            int in0 = width * p;
            int out0 = width * (radix * p);
            for (int q = 0; q < width; q += 2) {
                double sr = 0;
                double si = 0;
                for (int j = 0; j < radix; j++) {
                    sr += x[in0 + j * inStride + q];
                    si += x[in0 + j * inStride + q + 1];
                }
                y[out0 + q] = sr;
                y[out0 + q + 1] = si;
            }
            for (int k = 1; k <= half; k++) {
                int tk = 2 * (p * (radix - 1) + k - 1);
                int tn = 2 * (p * (radix - 1) + radix - k - 1);
                double wkr = tw[tk], wki = sign * tw[tk + 1];
                double wnr = tw[tn], wni = sign * tw[tn + 1];
                int outK = out0 + width * k;
                int outN = out0 + width * (radix - k);
                for (int q = 0; q < width; q += 2) {
                    double cr = x[in0 + q];
                    double ci = x[in0 + q + 1];
                    double er = 0;
                    double ei = 0;
                    for (int j = 1; j <= half; j++) {
                        int a = in0 + j * inStride + q;
                        int b = in0 + (radix - j) * inStride + q;
                        double cos = trig[2 * ((k - 1) * half + j - 1)];
                        double sin = sign * trig[2 * ((k - 1) * half + j - 1) + 1];
                        cr += cos * (x[a] + x[b]);
                        ci += cos * (x[a + 1] + x[b + 1]);
                        er += sin * (x[a] - x[b]);
                        ei += sin * (x[a + 1] - x[b + 1]);
                    }
                    double ykr = cr + ei, yki = ci - er;
                    double ynr = cr - ei, yni = ci + er;
                    y[outK + q] = ykr * wkr - yki * wki;
                    y[outK + q + 1] = ykr * wki + yki * wkr;
                    y[outN + q] = ynr * wnr - yni * wni;
                    y[outN + q + 1] = ynr * wni + yni * wnr;
                }
            }
        }
    }
}
