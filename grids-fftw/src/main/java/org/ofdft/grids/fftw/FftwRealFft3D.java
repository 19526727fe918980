package org.ofdft.grids.fftw;

import static org.bytedeco.fftw.global.fftw3.FFTW_MEASURE;
import static org.bytedeco.fftw.global.fftw3.fftw_destroy_plan;
import static org.bytedeco.fftw.global.fftw3.fftw_execute;
import static org.bytedeco.fftw.global.fftw3.fftw_free;
import static org.bytedeco.fftw.global.fftw3.fftw_malloc;
import static org.bytedeco.fftw.global.fftw3.fftw_plan_dft_c2r_3d;
import static org.bytedeco.fftw.global.fftw3.fftw_plan_dft_r2c_3d;
import static org.bytedeco.fftw.global.fftw3.fftw_plan_with_nthreads;

import java.lang.ref.Cleaner;
import java.nio.DoubleBuffer;
import org.bytedeco.fftw.global.fftw3.fftw_plan;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.Pointer;
import org.ofdft.grids.fft.RealFft3D;

/**
 * A real 3D transform on FFTW. The constructor allocates two native buffers with
 * {@code fftw_malloc} (SIMD-aligned): a real one of n1·n2·n3 doubles and a half-spectrum one of
 * 2·n1·n2·(n3/2+1) doubles, and plans {@code fftw_plan_dft_r2c_3d} (real → spectrum) and
 * {@code fftw_plan_dft_c2r_3d} (spectrum → real) on them once, with {@code FFTW_MEASURE}. Every
 * transform copies the caller's array into the native input buffer, executes the plan and copies
 * the output back; the copy also keeps the caller's spectrum intact, which c2r would destroy. The
 * 1/N normalization of the inverse is applied while copying out, block by block while the block is
 * still in cache. Nothing is allocated per transform. The copies run on the calling thread: they
 * are memory-bound, and splitting them over two threads measured no faster on the 2-core
 * benchmark machine.
 *
 * <p>Planning and destruction hold {@link FftwNative#PLANNER_LOCK}; execution does not (FFTW's
 * {@code fftw_execute} is thread-safe for distinct plans). One plan serves one caller at a time.
 * {@link #close()} destroys the plans and frees the buffers; if a plan is never closed, a
 * {@link Cleaner} does it once the plan is unreachable.
 */
final class FftwRealFft3D implements RealFft3D {

    /** Doubles per direct-buffer view; a view's byte size must stay below 2^31. */
    static final int CHUNK = 1 << 27;
    /** Doubles copied out before they are scaled, sized to stay in a core's L2 cache. */
    private static final int SCALE_BLOCK = 1 << 14;
    /** Doubles of the half spectrum multiplied per block in {@link #convolve} (32 KiB, in L1). */
    private static final int PRODUCT_BLOCK = 1 << 12;

    private static final Cleaner CLEANER = Cleaner.create();

    private final int n1;
    private final int n2;
    private final int n3;
    private final int realLength;
    private final int complexLength;
    /** Doubles per buffer view: {@link #CHUNK}, smaller only in tests. */
    private final int chunk;
    private final double scale;
    private final DoubleBuffer[] realViews;
    private final DoubleBuffer[] complexViews;
    /** Scratch of {@link #convolve}: one block of the native half spectrum. */
    private final double[] productBlock = new double[PRODUCT_BLOCK];
    private final NativeState state;
    private final Cleaner.Cleanable cleanable;
    private boolean closed;

    FftwRealFft3D(int n1, int n2, int n3, int threads) {
        this(n1, n2, n3, threads, CHUNK);
    }

    /** With {@code chunk} doubles per buffer view (tests use small chunks to cover the seams). */
    FftwRealFft3D(int n1, int n2, int n3, int threads, int chunk) {
        if (chunk < 1 || chunk > CHUNK) {
            throw new IllegalArgumentException("chunk must be in [1, " + CHUNK + "], got " + chunk);
        }
        this.chunk = chunk;
        this.n1 = n1;
        this.n2 = n2;
        this.n3 = n3;
        long realCount = (long) n1 * n2 * n3;
        long complexCount = 2L * n1 * n2 * (n3 / 2 + 1);
        if (complexCount > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("FFT shape " + n1 + "x" + n2 + "x" + n3
                    + " is too large for Java arrays");
        }
        this.realLength = (int) realCount;
        this.complexLength = (int) complexCount;
        this.scale = 1.0 / realCount;
        this.state = new NativeState();
        boolean done = false;
        try {
            synchronized (FftwNative.PLANNER_LOCK) {
                state.realMemory = allocate(realLength);
                state.complexMemory = allocate(complexLength);
                DoublePointer real = new DoublePointer(state.realMemory).capacity(realLength);
                DoublePointer complex = new DoublePointer(state.complexMemory).capacity(complexLength);
                if (FftwNative.threadsAvailable()) {
                    fftw_plan_with_nthreads(threads);
                }
                state.forwardPlan = fftw_plan_dft_r2c_3d(n1, n2, n3, real, complex, FFTW_MEASURE);
                state.inversePlan = fftw_plan_dft_c2r_3d(n1, n2, n3, complex, real, FFTW_MEASURE);
                if (isNull(state.forwardPlan) || isNull(state.inversePlan)) {
                    throw new IllegalStateException("FFTW could not plan a " + n1 + "x" + n2 + "x" + n3
                            + " transform");
                }
            }
            this.realViews = views(state.realMemory, realLength, chunk);
            this.complexViews = views(state.complexMemory, complexLength, chunk);
            done = true;
        } finally {
            if (!done) {
                state.run();
            }
        }
        this.cleanable = CLEANER.register(this, state);
    }

    private static Pointer allocate(int doubles) {
        Pointer memory = fftw_malloc((long) Double.BYTES * doubles);
        if (memory == null || memory.isNull()) {
            throw new OutOfMemoryError("fftw_malloc failed for " + doubles + " doubles");
        }
        return memory;
    }

    private static boolean isNull(Pointer pointer) {
        return pointer == null || pointer.isNull();
    }

    /** Direct-buffer views of [0, length) doubles at {@code memory}, {@code chunk} doubles each. */
    private static DoubleBuffer[] views(Pointer memory, int length, int chunk) {
        int count = (int) (((long) length + chunk - 1) / chunk);
        DoubleBuffer[] views = new DoubleBuffer[count];
        for (int c = 0; c < count; c++) {
            long from = (long) c * chunk;
            long to = Math.min(length, from + chunk);
            views[c] = new DoublePointer(memory).position(from).limit(to).asBuffer();
        }
        return views;
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
        return FftwBackend.NAME;
    }

    @Override
    public void forward(double[] real, double[] spectrum) {
        checkLengths(real, spectrum);
        checkOpen();
        copyIn(real, realViews, 0, realLength);
        fftw_execute(state.forwardPlan);
        copyOut(complexViews, spectrum, 0, complexLength, 1.0);
    }

    @Override
    public void inverse(double[] spectrum, double[] real) {
        checkLengths(real, spectrum);
        checkOpen();
        copyIn(spectrum, complexViews, 0, complexLength);
        fftw_execute(state.inversePlan);
        copyOut(realViews, real, 0, realLength, scale);
    }

    /**
     * out = IFFT(scale·K·FFT(real)) without leaving native memory between the transforms: copy in, r2c, the
     * product on the native half spectrum block by block (each block fetched into a small Java buffer,
     * multiplied and put back), c2r, copy out with 1/N. Two copies of the spectrum and a pass over a Java
     * spectrum fewer than forward + product + inverse; {@code spectrum} is not used.
     */
    @Override
    public void convolve(double[] real, double[] kernel, double scale, double[] out, double[] spectrum) {
        checkLengths(real, spectrum);
        checkLengths(out, spectrum);
        checkKernel(kernel);
        checkOpen();
        copyIn(real, realViews, 0, realLength);
        fftw_execute(state.forwardPlan);
        double[] block = productBlock;
        for (int at = 0; at < complexLength; ) {
            int c = at / chunk;
            int offset = at - c * chunk;
            int length = Math.min(Math.min(complexLength - at, complexViews[c].capacity() - offset), block.length);
            complexViews[c].get(offset, block, 0, length);
            for (int j = 0; j < length; j++) {
                block[j] *= scale * kernel[(at + j) >> 1];     // (re, im) of entry e at 2e, 2e + 1
            }
            complexViews[c].put(offset, block, 0, length);
            at += length;
        }
        fftw_execute(state.inversePlan);
        copyOut(realViews, out, 0, realLength, this.scale);
    }

    /** Copies source[from, to) into the native buffer behind {@code views}. */
    private void copyIn(double[] source, DoubleBuffer[] views, int from, int to) {
        for (int at = from; at < to; ) {
            int c = at / chunk;
            int offset = at - c * chunk;
            int length = Math.min(to - at, views[c].capacity() - offset);
            views[c].put(offset, source, at, length);
            at += length;
        }
    }

    /** Copies the native buffer's [from, to) into target, multiplied by {@code factor} unless it is 1. */
    private void copyOut(DoubleBuffer[] views, double[] target, int from, int to, double factor) {
        final int block = factor == 1.0 ? Integer.MAX_VALUE : SCALE_BLOCK;
        for (int at = from; at < to; ) {
            int c = at / chunk;
            int offset = at - c * chunk;
            int length = Math.min(Math.min(to - at, views[c].capacity() - offset), block);
            views[c].get(offset, target, at, length);
            if (factor != 1.0) {
                for (int i = at, end = at + length; i < end; i++) {
                    target[i] *= factor;
                }
            }
            at += length;
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("FFTW plan " + n1 + "x" + n2 + "x" + n3 + " is closed");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            cleanable.clean();
        }
    }

    /** The native resources of one plan; {@link #run()} releases them (once). Holds no plan reference. */
    private static final class NativeState implements Runnable {
        Pointer realMemory;
        Pointer complexMemory;
        fftw_plan forwardPlan;
        fftw_plan inversePlan;

        @Override
        public void run() {
            synchronized (FftwNative.PLANNER_LOCK) {
                if (!isNull(forwardPlan)) {
                    fftw_destroy_plan(forwardPlan);
                }
                if (!isNull(inversePlan)) {
                    fftw_destroy_plan(inversePlan);
                }
                if (!isNull(realMemory)) {
                    fftw_free(realMemory);
                }
                if (!isNull(complexMemory)) {
                    fftw_free(complexMemory);
                }
                forwardPlan = null;
                inversePlan = null;
                realMemory = null;
                complexMemory = null;
            }
        }
    }
}
