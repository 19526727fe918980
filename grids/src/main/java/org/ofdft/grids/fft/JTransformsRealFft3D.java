package org.ofdft.grids.fft;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * 3D real-to-complex transform assembled from JTransforms' 1D transforms: real transforms of the
 * contiguous n3-lines, then complex transforms along axis 2 and axis 1. Columns along the strided
 * axes are gathered a block at a time into per-worker scratch lines (so each read touches whole
 * cache lines), transformed, and scattered back. JTransforms' packed 3D real transform is avoided
 * because it accepts only powers of two.
 */
final class JTransformsRealFft3D implements RealFft3D {

    /** Complex columns gathered per block along a strided axis. */
    private static final int BLOCK = 8;

    private final int n1;
    private final int n2;
    private final int n3;
    private final int h3;
    private final ParallelRange parallel;
    private final DoubleFFT_1D fftAxis1;
    private final DoubleFFT_1D fftAxis2;
    private final DoubleFFT_1D fftAxis3;
    /** Per-worker scratch: BLOCK complex lines of the longest axis, also used for packed real lines. */
    private final double[][] scratch;
    /** Half-spectrum work array for the inverse, so that its input is left untouched. */
    private final double[] work;

    JTransformsRealFft3D(int n1, int n2, int n3, ParallelRange parallel) {
        this.n1 = n1;
        this.n2 = n2;
        this.n3 = n3;
        this.h3 = n3 / 2 + 1;
        this.parallel = parallel;
        this.fftAxis1 = n1 > 1 ? new DoubleFFT_1D(n1) : null;
        this.fftAxis2 = n2 > 1 ? new DoubleFFT_1D(n2) : null;
        this.fftAxis3 = new DoubleFFT_1D(n3);
        int longest = Math.max(Math.max(n1, n2), n3);
        this.scratch = new double[parallel.threads()][2 * BLOCK * longest + 2];
        this.work = new double[complexLength()];
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
        return JTransformsBackend.NAME;
    }

    @Override
    public void forward(double[] real, double[] spectrum) {
        checkLengths(real, spectrum);
        parallel.forEach(n1 * n2, (from, to, worker) -> realLinesForward(real, spectrum, from, to, scratch[worker]));
        if (n2 > 1) {
            parallel.forEach(n1, (from, to, worker) -> {
                for (int i1 = from; i1 < to; i1++) {
                    complexColumns(spectrum, spectrum, 2 * i1 * n2 * h3, 2 * h3, n2, fftAxis2, true, scratch[worker]);
                }
            });
        }
        if (n1 > 1) {
            parallel.forEach(n2, (from, to, worker) -> {
                for (int i2 = from; i2 < to; i2++) {
                    complexColumns(spectrum, spectrum, 2 * i2 * h3, 2 * n2 * h3, n1, fftAxis1, true, scratch[worker]);
                }
            });
        }
    }

    @Override
    public void inverse(double[] spectrum, double[] real) {
        checkLengths(real, spectrum);
        double[] source = spectrum;
        if (n1 > 1) {
            final double[] from1 = source;
            parallel.forEach(n2, (from, to, worker) -> {
                for (int i2 = from; i2 < to; i2++) {
                    complexColumns(from1, work, 2 * i2 * h3, 2 * n2 * h3, n1, fftAxis1, false, scratch[worker]);
                }
            });
            source = work;
        }
        if (n2 > 1) {
            final double[] from2 = source;
            parallel.forEach(n1, (from, to, worker) -> {
                for (int i1 = from; i1 < to; i1++) {
                    complexColumns(from2, work, 2 * i1 * n2 * h3, 2 * h3, n2, fftAxis2, false, scratch[worker]);
                }
            });
            source = work;
        }
        final double[] from3 = source;
        parallel.forEach(n1 * n2, (from, to, worker) -> realLinesInverse(from3, real, from, to, scratch[worker]));
    }

    /**
     * Real transforms of the n3-lines [from, to). JTransforms' packed layout: a[2k], a[2k+1] = Re, Im
     * of bin k; a[1] holds Re(n/2) for even n and Im((n−1)/2) for odd n (whose Re sits in a[n−1]).
     */
    private void realLinesForward(double[] real, double[] spectrum, int from, int to, double[] line) {
        final boolean even = (n3 & 1) == 0;
        for (int l = from; l < to; l++) {
            System.arraycopy(real, l * n3, line, 0, n3);
            fftAxis3.realForward(line);
            int out = 2 * l * h3;
            spectrum[out] = line[0];
            spectrum[out + 1] = 0.0;
            if (even) {
                System.arraycopy(line, 2, spectrum, out + 2, n3 - 2);
                if (n3 > 1) {
                    spectrum[out + n3] = line[1];
                    spectrum[out + n3 + 1] = 0.0;
                }
            } else if (n3 > 1) {
                System.arraycopy(line, 2, spectrum, out + 2, n3 - 3);
                spectrum[out + n3 - 1] = line[n3 - 1];
                spectrum[out + n3] = line[1];
            }
        }
    }

    /** Inverse of {@link #realLinesForward}: pack each half-spectrum line and transform it back. */
    private void realLinesInverse(double[] spectrum, double[] real, int from, int to, double[] line) {
        final boolean even = (n3 & 1) == 0;
        for (int l = from; l < to; l++) {
            int in = 2 * l * h3;
            line[0] = spectrum[in];
            if (even) {
                System.arraycopy(spectrum, in + 2, line, 2, n3 - 2);
                if (n3 > 1) {
                    line[1] = spectrum[in + n3];
                }
            } else if (n3 > 1) {
                System.arraycopy(spectrum, in + 2, line, 2, n3 - 3);
                line[n3 - 1] = spectrum[in + n3 - 1];
                line[1] = spectrum[in + n3];
            }
            fftAxis3.realInverse(line, true);
            System.arraycopy(line, 0, real, l * n3, n3);
        }
    }

    /**
     * Complex transforms of the h3 columns that start at {@code base} with {@code count} points
     * spaced {@code stride} doubles apart, read from {@code source} and written to {@code target}.
     */
    private static void complexColumns(double[] source, double[] target, int base, int stride, int count,
                                       DoubleFFT_1D fft, boolean forward, double[] lines, int columns) {
        final int lineLength = 2 * count;
        for (int c0 = 0; c0 < columns; c0 += BLOCK) {
            final int width = Math.min(BLOCK, columns - c0);
            for (int i = 0; i < count; i++) {
                int at = base + i * stride + 2 * c0;
                int into = 2 * i;
                for (int b = 0; b < width; b++, at += 2, into += lineLength) {
                    lines[into] = source[at];
                    lines[into + 1] = source[at + 1];
                }
            }
            for (int b = 0; b < width; b++) {
                if (forward) {
                    fft.complexForward(lines, b * lineLength);
                } else {
                    fft.complexInverse(lines, b * lineLength, true);
                }
            }
            for (int i = 0; i < count; i++) {
                int at = base + i * stride + 2 * c0;
                int from = 2 * i;
                for (int b = 0; b < width; b++, at += 2, from += lineLength) {
                    target[at] = lines[from];
                    target[at + 1] = lines[from + 1];
                }
            }
        }
    }

    private void complexColumns(double[] source, double[] target, int base, int stride, int count,
                                DoubleFFT_1D fft, boolean forward, double[] lines) {
        complexColumns(source, target, base, stride, count, fft, forward, lines, h3);
    }

    @Override
    public void close() {
        // The thread pool belongs to the backend; nothing native to release.
    }
}
