package org.ofdft.grids.fft;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Splits an index range [0, count) into contiguous blocks run on a fixed set of daemon threads (daemon, so
 * that a finished program never waits on idle workers). Worker k always receives worker index k, so callers
 * can keep per-worker scratch buffers; the calling thread is worker 0.
 *
 * <p>Hand-off is a generation counter that idle workers spin on for {@link #SPIN_NANOS} before they park.
 * An executor's submit/get round trip, which wakes a parked thread every time, was measured here at 25–45 µs
 * per loop, longer than a pass over a 64³ grid (20 µs serial): a 3D FFT and a functional's pointwise passes
 * make a dozen such loops per evaluation, so the two threads were no faster than one at 64³. With the
 * workers spinning between the loops of one evaluation, a loop costs about a microsecond to start.
 */
public final class ParallelRange implements AutoCloseable {

    /** Body of a parallel loop over [from, to) executed by worker {@code worker}. */
    @FunctionalInterface
    public interface Body {
        void run(int from, int to, int worker);
    }

    /** Body of a parallel sum: the contribution of the block [from, to) handled by {@code worker}. */
    @FunctionalInterface
    public interface SumBody {
        double run(int from, int to, int worker);
    }

    /** How long an idle worker (or the waiting caller) spins before parking. */
    static final long SPIN_NANOS = 200_000;

    /** One thread, no pool: loops run on the caller. Shared; holds no state. */
    private static final ParallelRange SERIAL = new ParallelRange(1, "serial");

    private final int threads;
    private final Thread[] helpers;
    /** Per helper: true while it is parked (or about to park) waiting for a new loop. */
    private final AtomicFlags helperParked;
    private final AtomicInteger remaining = new AtomicInteger();
    /** The current loop, published whole: helpers never see one loop's body with another's bounds. */
    private volatile Task task = new Task(0, null, 0, 0);
    private volatile boolean closed;
    private volatile boolean callerParked;
    private volatile Thread caller;
    private volatile Throwable failure;
    /** The blocks' results of {@link #sum}, by worker. */
    private final double[] partialSums;

    /** One loop: its number, body, index count and number of blocks. */
    private record Task(int generation, Body body, int count, int workers) {
    }

    public ParallelRange(int threads, String threadNamePrefix) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.helpers = new Thread[threads - 1];
        this.helperParked = new AtomicFlags(threads);
        this.partialSums = new double[threads];
        for (int h = 1; h < threads; h++) {
            final int worker = h;
            Thread thread = new Thread(() -> helperLoop(worker), threadNamePrefix + "-" + h);
            thread.setDaemon(true);
            helpers[h - 1] = thread;
            thread.start();
        }
    }

    /** A range that runs every loop on the calling thread. */
    public static ParallelRange serial() {
        return SERIAL;
    }

    public int threads() {
        return threads;
    }

    /**
     * Runs {@code body} over [0, count) split into at most {@code threads} blocks; the calling thread does
     * the first block. Not re-entrant: one loop at a time per instance. An exception thrown by any block is
     * rethrown here after every block has finished.
     */
    public void forEach(int count, Body body) {
        int active = Math.min(threads, count);
        if (active <= 1) {
            if (count > 0) {
                body.run(0, count, 0);
            }
            return;
        }
        if (closed) {
            throw new IllegalStateException("parallel range is closed");
        }
        this.failure = null;
        this.caller = Thread.currentThread();
        remaining.set(active - 1);
        task = new Task(task.generation() + 1, body, count, active);
        for (int h = 1; h < active; h++) {
            if (helperParked.get(h)) {
                LockSupport.unpark(helpers[h - 1]);
            }
        }
        try {
            body.run(0, count / active, 0);
        } finally {
            awaitHelpers();
        }
        Throwable thrown = failure;
        if (thrown != null) {
            failure = null;
            if (thrown instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (thrown instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(thrown);
        }
    }

    /**
     * Runs {@code body} as {@link #forEach} does and returns the sum of the blocks' results, added in worker
     * order: the same for the same thread count, and only the order of that addition depends on it.
     */
    public double sum(int count, SumBody body) {
        if (Math.min(threads, count) <= 1) {
            // one block on the caller: no shared partials, so the shared serial range stays stateless and
            // may be used from several threads at once
            return count > 0 ? 0.0 + body.run(0, count, 0) : 0.0;
        }
        java.util.Arrays.fill(partialSums, 0.0);
        forEach(count, (from, to, worker) -> partialSums[worker] = body.run(from, to, worker));
        double total = 0;
        for (double part : partialSums) {
            total += part;
        }
        return total;
    }

    /**
     * Points per block of {@link #sumBlocks}: 2048 doubles are 16 KiB per array, so
     * the several passes a body makes over its block (a power, then a product, then a sum) find the block's
     * arrays in the L1/L2 cache instead of streaming whole grids from memory once per pass.
     */
    public static final int CACHE_BLOCK = 2048;

    /**
     * {@link #sum}, with each worker's range handed to {@code body} in consecutive blocks of at most
     * {@link #CACHE_BLOCK} points (for pointwise bodies that make several passes over their range); each
     * worker adds its blocks' results in order, then the workers' totals are added in worker order.
     */
    public double sumBlocks(int count, SumBody body) {
        return sum(count, (from, to, worker) -> {
            double total = 0;
            for (int start = from; start < to; start += CACHE_BLOCK) {
                total += body.run(start, Math.min(to, start + CACHE_BLOCK), worker);
            }
            return total;
        });
    }

    private void awaitHelpers() {
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        int spins = 0;
        while (remaining.get() > 0) {
            if (++spins % 64 != 0 || System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
                continue;
            }
            callerParked = true;
            if (remaining.get() > 0) {
                LockSupport.park(this);
            }
            callerParked = false;
            // an interrupt makes park return at once: the caller then keeps waiting by spinning, since
            // the helpers write into its arrays until they are done, and the interrupt stays set
        }
    }

    private void helperLoop(int worker) {
        int seen = 0;
        while (true) {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            int spins = 0;
            Task current;
            while ((current = task).generation() == seen) {
                if (closed) {
                    return;
                }
                if (++spins % 64 != 0 || System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                    continue;
                }
                helperParked.set(worker, true);
                if (task.generation() == seen && !closed) {
                    LockSupport.park(this);
                }
                helperParked.set(worker, false);
            }
            seen = current.generation();
            if (worker >= current.workers()) {
                continue;                                  // a loop with fewer blocks than threads
            }
            try {
                int from = (int) ((long) current.count() * worker / current.workers());
                int to = (int) ((long) current.count() * (worker + 1) / current.workers());
                current.body().run(from, to, worker);
            } catch (Throwable thrown) {
                if (failure == null) {
                    failure = thrown;
                }
            } finally {
                if (remaining.decrementAndGet() == 0 && callerParked) {
                    LockSupport.unpark(caller);
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread helper : helpers) {
            LockSupport.unpark(helper);
        }
    }

    /** Volatile booleans by index. */
    private static final class AtomicFlags {
        private final java.util.concurrent.atomic.AtomicIntegerArray flags;

        AtomicFlags(int size) {
            flags = new java.util.concurrent.atomic.AtomicIntegerArray(size);
        }

        boolean get(int index) {
            return flags.get(index) != 0;
        }

        void set(int index, boolean value) {
            flags.set(index, value ? 1 : 0);
        }
    }
}
