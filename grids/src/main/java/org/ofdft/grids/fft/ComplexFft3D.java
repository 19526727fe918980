package org.ofdft.grids.fft;

/**
 * In-place complex 3D discrete Fourier transform of fixed shape n1 × n2 × n3 on one thread, built on the
 * batched Stockham kernel {@link BatchedComplexFft} (the {@code java} backend's): lines along each axis are
 * gathered {@link #BATCH} at a time into a scratch buffer, transformed together and written back.
 *
 * <p>Layout: C order, element (i1, i2, i3) at {@code 2·((i1·n2 + i2)·n3 + i3)} (re, im). Conventions, both
 * unnormalized:
 * <pre>
 *   forward:  F(k) = Σ_r f(r) exp(−2πi k·r/n),      backward: f(r) = Σ_k F(k) exp(+2πi k·r/n),
 * </pre>
 * so {@code backward(forward(f)) = N f}, N = n1·n2·n3. Plane-wave codes use it for wavefunctions, whose
 * coefficients c(G) are not Hermitian (a real-to-complex transform does not apply).
 *
 * <p>Holds its scratch buffers: one caller at a time (a multi-threaded caller makes one per thread);
 * nothing is allocated per transform.
 */
public final class ComplexFft3D {

    /** Lines transformed together. */
    static final int BATCH = 16;

    private final int n1;
    private final int n2;
    private final int n3;
    private final BatchedComplexFft fftAxis1;
    private final BatchedComplexFft fftAxis2;
    private final BatchedComplexFft fftAxis3;
    private final double[] batch;
    private final double[] work;
    private final double[] line;

    public ComplexFft3D(int n1, int n2, int n3) {
        FftBackend.checkShape(n1, n2, n3);
        this.n1 = n1;
        this.n2 = n2;
        this.n3 = n3;
        this.fftAxis1 = new BatchedComplexFft(n1);
        this.fftAxis2 = new BatchedComplexFft(n2);
        this.fftAxis3 = new BatchedComplexFft(n3);
        int longest = Math.max(n1, Math.max(n2, n3));
        this.batch = new double[2 * BATCH * longest];
        this.work = new double[2 * BATCH * longest];
        this.line = new double[2 * longest];
    }

    public int n1() {
        return n1;
    }

    public int n2() {
        return n2;
    }

    public int n3() {
        return n3;
    }

    /** Number of complex points, n1·n2·n3. */
    public int size() {
        return n1 * n2 * n3;
    }

    /** F(k) = Σ_r f(r) e^{−2πi k·r/n}, in place on the interleaved array of 2·n1·n2·n3 doubles. */
    public void forward(double[] data) {
        transform(data, true);
    }

    /** f(r) = Σ_k F(k) e^{+2πi k·r/n} (no 1/N), in place. */
    public void backward(double[] data) {
        transform(data, false);
    }

    private void transform(double[] data, boolean forward) {
        if (data.length != 2 * size()) {
            throw new IllegalArgumentException("complex array has " + data.length + " doubles, the " + n1 + "x" + n2
                    + "x" + n3 + " transform needs " + 2 * size());
        }
        if (n3 > 1) {
            contiguousLines(data, forward);
        }
        if (n2 > 1) {
            for (int i1 = 0; i1 < n1; i1++) {
                stridedLines(data, fftAxis2, i1 * n2 * n3, n3, n3, forward);
            }
        }
        if (n1 > 1) {
            stridedLines(data, fftAxis1, 0, n2 * n3, n2 * n3, forward);
        }
    }

    /** Axis 3: n1·n2 contiguous lines, transposed into the batch layout (point i of line b at i·width + b). */
    private void contiguousLines(double[] data, boolean forward) {
        int lines = n1 * n2;
        for (int first = 0; first < lines; first += BATCH) {
            int width = Math.min(BATCH, lines - first);
            for (int b = 0; b < width; b++) {
                int from = 2 * (first + b) * n3;
                for (int i = 0; i < n3; i++) {
                    batch[2 * (i * width + b)] = data[from + 2 * i];
                    batch[2 * (i * width + b) + 1] = data[from + 2 * i + 1];
                }
            }
            double[] result = fftAxis3.transform(batch, work, width, forward, line);
            for (int b = 0; b < width; b++) {
                int to = 2 * (first + b) * n3;
                for (int i = 0; i < n3; i++) {
                    data[to + 2 * i] = result[2 * (i * width + b)];
                    data[to + 2 * i + 1] = result[2 * (i * width + b) + 1];
                }
            }
        }
    }

    /**
     * Lines of length fft.length() with points {@code stride} complex elements apart, starting at
     * {@code base + c} for c in [0, count): neighbouring lines are contiguous, so one arraycopy per point
     * gathers a batch.
     */
    private void stridedLines(double[] data, BatchedComplexFft fft, int base, int stride, int count,
                              boolean forward) {
        int length = fft.length();
        for (int c0 = 0; c0 < count; c0 += BATCH) {
            int width = Math.min(BATCH, count - c0);
            for (int i = 0; i < length; i++) {
                System.arraycopy(data, 2 * (base + i * stride + c0), batch, 2 * i * width, 2 * width);
            }
            double[] result = fft.transform(batch, work, width, forward, line);
            for (int i = 0; i < length; i++) {
                System.arraycopy(result, 2 * i * width, data, 2 * (base + i * stride + c0), 2 * width);
            }
        }
    }
}
