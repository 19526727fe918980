package org.ofdft.grids.fft;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Splits an index range [0, count) into contiguous blocks run on a fixed pool of daemon threads
 * (daemon, so that a finished program never waits on idle workers). Worker k always receives
 * worker index k, so callers can keep per-worker scratch buffers.
 */
public final class ParallelRange implements AutoCloseable {

    /** Body of a parallel loop over [from, to) executed by worker {@code worker}. */
    @FunctionalInterface
    public interface Body {
        void run(int from, int to, int worker);
    }

    /** One thread, no pool: loops run on the caller. Shared; holds no state. */
    private static final ParallelRange SERIAL = new ParallelRange(1, "serial");

    private final int threads;
    private final ExecutorService pool;
    private final Future<?>[] pending;

    public ParallelRange(int threads, String threadNamePrefix) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.pending = new Future<?>[threads];
        if (threads == 1) {
            this.pool = null;
        } else {
            AtomicInteger counter = new AtomicInteger();
            ThreadFactory factory = runnable -> {
                Thread thread = new Thread(runnable, threadNamePrefix + "-" + counter.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
            this.pool = Executors.newFixedThreadPool(threads - 1, factory);
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
     * Runs {@code body} over [0, count) split into at most {@code threads} blocks; the calling
     * thread does the first block. Not re-entrant: one loop at a time per instance.
     */
    public void forEach(int count, Body body) {
        int workers = Math.min(threads, count);
        if (workers <= 1) {
            if (count > 0) {
                body.run(0, count, 0);
            }
            return;
        }
        for (int w = 1; w < workers; w++) {
            final int from = (int) ((long) count * w / workers);
            final int to = (int) ((long) count * (w + 1) / workers);
            final int worker = w;
            pending[w] = pool.submit(() -> body.run(from, to, worker));
        }
        body.run(0, count / workers, 0);
        for (int w = 1; w < workers; w++) {
            try {
                pending[w].get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for FFT workers", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(cause);
            } finally {
                pending[w] = null;
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
