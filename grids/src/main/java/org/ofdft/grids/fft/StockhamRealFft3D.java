package org.ofdft.grids.fft;

/**
 * 3D real-to-complex transform built on {@link BatchedComplexFft}: a batch of columns is gathered
 * into a small per-worker buffer (for the strided axes, one {@code arraycopy} of a contiguous run per
 * row), transformed together, and written back.
 *
 * <p>The real axis uses the two-for-one trick: lines f and g are transformed as z = f + ig, and
 * F(k) = [Z(k) + Z*(n−k)]/2, G(k) = [Z(k) − Z*(n−k)]/(2i) (Press et al., Numerical Recipes, §12.3).
 * The inverse builds Z(k) = F(k) + iG(k) from the Hermitian half spectra (ignoring the imaginary parts
 * of the self-conjugate bins k = 0 and k = n/2, as a real inverse transform must) and takes the real
 * and imaginary parts of its inverse transform.
 */
final class StockhamRealFft3D implements RealFft3D {

    /** Lines (complex columns, or pairs of real lines) transformed together. */
    static final int BATCH = 16;

    private final int n1;
    private final int n2;
    private final int n3;
    private final int h3;
    private final ParallelRange parallel;
    private final BatchedComplexFft fftAxis1;
    private final BatchedComplexFft fftAxis2;
    private final BatchedComplexFft fftAxis3;
    private final double[][] batchBuffer;
    private final double[][] workBuffer;
    private final double[][] lineBuffer;
    private final double[] work;
    private final double inverseScale;

    StockhamRealFft3D(int n1, int n2, int n3, ParallelRange parallel, boolean vectorize) {
        this.n1 = n1;
        this.n2 = n2;
        this.n3 = n3;
        this.h3 = n3 / 2 + 1;
        this.parallel = parallel;
        this.fftAxis1 = new BatchedComplexFft(n1, vectorize);
        this.fftAxis2 = new BatchedComplexFft(n2, vectorize);
        this.fftAxis3 = new BatchedComplexFft(n3, vectorize);
        int longest = Math.max(Math.max(n1, n2), n3);
        int workers = parallel.threads();
        this.batchBuffer = new double[workers][2 * BATCH * longest];
        this.workBuffer = new double[workers][2 * BATCH * longest];
        this.lineBuffer = new double[workers][2 * longest];
        this.work = new double[complexLength()];
        this.inverseScale = 1.0 / ((double) n1 * n2 * n3);
    }

    @Override
    public int n1() {
        return n1;
    }

    @Override
    public int n2() {
        return n2;
    }

    @Override
    public int n3() {
        return n3;
    }

    @Override
    public String backendName() {
        return JavaFftBackend.NAME;
    }

    @Override
    public void forward(double[] real, double[] spectrum) {
        checkLengths(real, spectrum);
        int lines = n1 * n2;
        int pairBlocks = (lines + 2 * BATCH - 1) / (2 * BATCH);
        parallel.forEach(pairBlocks, (from, to, worker) -> {
            for (int block = from; block < to; block++) {
                realLinesForward(real, spectrum, block * 2 * BATCH, worker);
            }
        });
        strided(spectrum, spectrum, true);
    }

    @Override
    public void inverse(double[] spectrum, double[] real) {
        checkLengths(real, spectrum);
        double[] source = strided(spectrum, work, false);
        int lines = n1 * n2;
        int pairBlocks = (lines + 2 * BATCH - 1) / (2 * BATCH);
        parallel.forEach(pairBlocks, (from, to, worker) -> {
            for (int block = from; block < to; block++) {
                realLinesInverse(source, real, block * 2 * BATCH, worker);
            }
        });
    }

    /**
     * Forward transform, the product split over the workers, inverse transform. (Fusing the product into the
     * axis-1 pass, forward and inverse back to back per batch of columns, measured 6–9 % faster in isolation;
     * it was set aside while JMH forks intermittently ran Wang–Teter at 96³ with boxed code, see docs/design.md.)
     */
    @Override
    public void convolve(double[] real, double[] kernel, double scale, double[] out, double[] spectrum) {
        checkLengths(real, spectrum);
        checkLengths(out, spectrum);
        checkKernel(kernel);
        forward(real, spectrum);
        parallel.forEach(kernel.length, (from, to, worker) -> {
            for (int e = from; e < to; e++) {
                double factor = scale * kernel[e];
                spectrum[2 * e] *= factor;
                spectrum[2 * e + 1] *= factor;
            }
        });
        inverse(spectrum, out);
    }

    /**
     * Complex transforms along axes 2 and 1 (forward: 2 then 1; inverse: 1 then 2), from
     * {@code source} into {@code target}; returns the array holding the result.
     */
    private double[] strided(double[] source, double[] target, boolean forward) {
        double[] current = source;
        for (int pass = 0; pass < 2; pass++) {
            boolean axis2 = forward == (pass == 0);
            int count = axis2 ? n2 : n1;
            if (count == 1) {
                continue;
            }
            final double[] from = current;
            if (axis2) {
                parallel.forEach(n1, (lo, hi, worker) -> {
                    for (int i1 = lo; i1 < hi; i1++) {
                        columns(from, target, 2 * i1 * n2 * h3, 2 * h3, fftAxis2, forward, worker);
                    }
                });
            } else {
                parallel.forEach(n2, (lo, hi, worker) -> {
                    for (int i2 = lo; i2 < hi; i2++) {
                        columns(from, target, 2 * i2 * h3, 2 * n2 * h3, fftAxis1, forward, worker);
                    }
                });
            }
            current = target;
        }
        return current;
    }

    /** Transforms the h3 complex columns starting at {@code base}, points {@code stride} doubles apart. */
    private void columns(double[] source, double[] target, int base, int stride, BatchedComplexFft fft,
                         boolean forward, int worker) {
        double[] batch = batchBuffer[worker];
        double[] spare = workBuffer[worker];
        int count = fft.length();
        for (int c0 = 0; c0 < h3; c0 += BATCH) {
            int width = Math.min(BATCH, h3 - c0);
            for (int i = 0; i < count; i++) {
                System.arraycopy(source, base + i * stride + 2 * c0, batch, 2 * i * width, 2 * width);
            }
            double[] result = fft.transform(batch, spare, width, forward, lineBuffer[worker]);
            for (int i = 0; i < count; i++) {
                System.arraycopy(result, 2 * i * width, target, base + i * stride + 2 * c0, 2 * width);
            }
        }
    }

    private void realLinesForward(double[] real, double[] spectrum, int firstLine, int worker) {
        int lines = n1 * n2;
        int pairs = Math.min(BATCH, (lines - firstLine + 1) / 2);
        double[] batch = batchBuffer[worker];
        for (int b = 0; b < pairs; b++) {
            int lineF = firstLine + 2 * b;
            int lineG = lineF + 1;
            boolean hasG = lineG < lines;
            for (int i = 0; i < n3; i++) {
                batch[2 * (i * pairs + b)] = real[lineF * n3 + i];
                batch[2 * (i * pairs + b) + 1] = hasG ? real[lineG * n3 + i] : 0.0;
            }
        }
        double[] z = fftAxis3.transform(batch, workBuffer[worker], pairs, true, lineBuffer[worker]);
        for (int b = 0; b < pairs; b++) {
            int lineF = firstLine + 2 * b;
            int lineG = lineF + 1;
            boolean hasG = lineG < lines;
            for (int k = 0; k < h3; k++) {
                int mirror = k == 0 ? 0 : n3 - k;
                double zr = z[2 * (k * pairs + b)];
                double zi = z[2 * (k * pairs + b) + 1];
                double mr = z[2 * (mirror * pairs + b)];
                double mi = z[2 * (mirror * pairs + b) + 1];
                int f = 2 * (lineF * h3 + k);
                spectrum[f] = 0.5 * (zr + mr);
                spectrum[f + 1] = 0.5 * (zi - mi);
                if (hasG) {
                    int g = 2 * (lineG * h3 + k);
                    spectrum[g] = 0.5 * (zi + mi);
                    spectrum[g + 1] = -0.5 * (zr - mr);
                }
            }
        }
    }

    private void realLinesInverse(double[] spectrum, double[] real, int firstLine, int worker) {
        int lines = n1 * n2;
        int pairs = Math.min(BATCH, (lines - firstLine + 1) / 2);
        double[] batch = batchBuffer[worker];
        for (int b = 0; b < pairs; b++) {
            int lineF = firstLine + 2 * b;
            int lineG = lineF + 1;
            boolean hasG = lineG < lines;
            for (int k = 0; k < n3; k++) {
                boolean upper = k >= h3;
                int bin = upper ? n3 - k : k;
                boolean selfConjugate = bin == 0 || 2 * bin == n3;
                int f = 2 * (lineF * h3 + bin);
                double fr = spectrum[f];
                double fi = selfConjugate ? 0.0 : (upper ? -spectrum[f + 1] : spectrum[f + 1]);
                double gr = 0.0;
                double gi = 0.0;
                if (hasG) {
                    int g = 2 * (lineG * h3 + bin);
                    gr = spectrum[g];
                    gi = selfConjugate ? 0.0 : (upper ? -spectrum[g + 1] : spectrum[g + 1]);
                }
                // Z = F + iG
                batch[2 * (k * pairs + b)] = fr - gi;
                batch[2 * (k * pairs + b) + 1] = fi + gr;
            }
        }
        double[] z = fftAxis3.transform(batch, workBuffer[worker], pairs, false, lineBuffer[worker]);
        for (int b = 0; b < pairs; b++) {
            int lineF = firstLine + 2 * b;
            int lineG = lineF + 1;
            boolean hasG = lineG < lines;
            for (int i = 0; i < n3; i++) {
                real[lineF * n3 + i] = inverseScale * z[2 * (i * pairs + b)];
                if (hasG) {
                    real[lineG * n3 + i] = inverseScale * z[2 * (i * pairs + b) + 1];
                }
            }
        }
    }

    @Override
    public void close() {
        // Threads belong to the backend; no native resources.
    }
}
