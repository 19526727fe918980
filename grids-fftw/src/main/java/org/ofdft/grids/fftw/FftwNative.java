package org.ofdft.grids.fftw;

import org.bytedeco.fftw.global.fftw3;
import org.bytedeco.javacpp.Loader;

/**
 * Process-wide access to the native FFTW library shipped in the JavaCPP presets.
 *
 * <p><b>Why there is static state.</b> FFTW's planner (plan creation and destruction,
 * {@code fftw_init_threads}, {@code fftw_plan_with_nthreads}) works on global state inside the one
 * native library loaded into the process and is not thread-safe; only {@code fftw_execute} of a
 * finished plan is. A lock owned by a provider or backend instance would not suffice, because
 * {@link java.util.ServiceLoader} creates a new provider on every look-up and several backends may
 * live side by side. Hence exactly two pieces of static state exist, both immutable:
 * <ul>
 *   <li>{@link #PLANNER_LOCK}, the one monitor that serializes every planner call in the process;</li>
 *   <li>{@link Threads#AVAILABLE}, the result of the single {@code fftw_init_threads()} call, computed
 *       by class initialization (run once by the JVM) and only ever triggered while holding
 *       {@link #PLANNER_LOCK}.</li>
 * </ul>
 * Loading the library is idempotent and synchronized by JavaCPP's {@link Loader} itself.
 */
final class FftwNative {

    /** Serializes all FFTW planner calls (plan, destroy, thread set-up) in this process. */
    static final Object PLANNER_LOCK = new Object();

    private FftwNative() {
    }

    /**
     * Loads the native library (idempotent).
     *
     * @throws Throwable whatever loading throws, typically {@link UnsatisfiedLinkError} on a
     *                   platform other than linux-x86_64
     */
    static void load() {
        Loader.load(fftw3.class);
    }

    /**
     * Why FFTW cannot be used here, or null if it can. Never throws.
     */
    static String unavailableReason() {
        try {
            load();
            return null;
        } catch (Throwable t) {
            String message = t.getMessage();
            return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        }
    }

    /** Version string of the loaded library, e.g. {@code fftw-3.3.10-sse2-avx}. */
    static String version() {
        load();
        return fftw3.fftw_version().getString();
    }

    /**
     * Whether FFTW's threads are usable ({@code fftw_init_threads()} succeeded). Must be called
     * while holding {@link #PLANNER_LOCK}, since its first call initializes FFTW's threads.
     */
    static boolean threadsAvailable() {
        assert Thread.holdsLock(PLANNER_LOCK);
        return Threads.AVAILABLE;
    }

    /** Lazy holder: the JVM runs {@code fftw_init_threads()} exactly once, on first access. */
    private static final class Threads {
        static final boolean AVAILABLE = init();

        private static boolean init() {
            try {
                load();
                return fftw3.fftw_init_threads() != 0;
            } catch (Throwable t) {
                // A build of the presets without threads (missing symbol) plans single-threaded.
                return false;
            }
        }
    }
}
