package org.ofdft.grids.fft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelRangeTest {

    /** Every index once, each block on the worker the contract names, for counts below and above the thread count. */
    @Test
    void everyIndexRunsExactlyOnceOnItsWorker() {
        for (int threads : new int[] {1, 2, 3}) {
            try (ParallelRange range = new ParallelRange(threads, "test")) {
                for (int count : new int[] {0, 1, 2, 3, 7, 1000}) {
                    AtomicIntegerArray hits = new AtomicIntegerArray(count);
                    int[] owner = new int[count];
                    range.forEach(count, (from, to, worker) -> {
                        for (int j = from; j < to; j++) {
                            hits.incrementAndGet(j);
                            owner[j] = worker;
                        }
                    });
                    int blocks = Math.max(1, Math.min(threads, count));
                    for (int j = 0; j < count; j++) {
                        assertEquals(1, hits.get(j), threads + " threads, count " + count + ", index " + j);
                        // worker k owns [count·k/blocks, count·(k+1)/blocks)
                        assertTrue(owner[j] < blocks, "worker index within the blocks");
                        assertTrue((long) count * owner[j] / blocks <= j && j < (long) count * (owner[j] + 1) / blocks,
                                "index " + j + " in its worker's block");
                    }
                }
            }
        }
    }

    /** Many short loops in a row: the hand-off never loses or repeats a loop, and results are visible. */
    @Test
    void consecutiveLoopsSeeEachOthersResults() {
        try (ParallelRange range = new ParallelRange(2, "test")) {
            double[] values = new double[1001];
            for (int loop = 0; loop < 20_000; loop++) {
                int count = loop % 3 == 0 ? 1 : values.length;   // also loops that leave the helper idle
                range.forEach(count, (from, to, worker) -> {
                    for (int j = from; j < to; j++) {
                        values[j] += 1.0;
                    }
                });
            }
            double[] expected = new double[values.length];
            java.util.Arrays.fill(expected, 20_000 - 6_667);
            expected[0] = 20_000;
            assertArrayEquals(expected, values);
        }
    }

    /** The blocks' results added in worker order; zero for an empty range; serial and parallel agree. */
    @Test
    void sumsAddTheBlocksResults() {
        try (ParallelRange range = new ParallelRange(3, "test")) {
            assertEquals(0.0, range.sum(0, (from, to, worker) -> 1.0));
            assertEquals(2.0, range.sum(2, (from, to, worker) -> 1.0), "two blocks for two indices");
            assertEquals(499_500.0, range.sum(1000, (from, to, worker) -> {
                double part = 0;
                for (int j = from; j < to; j++) {
                    part += j;
                }
                return part;
            }));
            assertEquals(ParallelRange.serial().sum(7, (from, to, worker) -> to - from), range.sum(7,
                    (from, to, worker) -> to - from));
        }
    }

    /** sumBlocks: every index once, in blocks of at most CACHE_BLOCK within one worker's range. */
    @Test
    void cacheBlockedSumsCoverEveryIndexInSmallBlocks() {
        int count = 5 * ParallelRange.CACHE_BLOCK + 17;
        for (int threads : new int[] {1, 2, 3}) {
            try (ParallelRange range = new ParallelRange(threads, "test")) {
                int[] visits = new int[count];
                double total = range.sumBlocks(count, (from, to, worker) -> {
                    assertTrue(to - from <= ParallelRange.CACHE_BLOCK && to > from, from + ".." + to);
                    double part = 0;
                    for (int j = from; j < to; j++) {
                        visits[j]++;
                        part += j;
                    }
                    return part;
                });
                assertEquals((double) count * (count - 1) / 2, total, threads + " threads");
                for (int j = 0; j < count; j++) {
                    assertEquals(1, visits[j], "index " + j);
                }
                assertEquals(0.0, range.sumBlocks(0, (from, to, worker) -> 1.0));
            }
        }
    }

    /** The shared serial range keeps no state in sums: threads using it at once get their own totals. */
    @Test
    void serialSumsFromManyThreadsDoNotMix() {
        double[] failures = new double[1];
        java.util.stream.IntStream.range(0, 8).parallel().forEach(t -> {
            for (int k = 0; k < 2000; k++) {
                double expected = t * 1000.0 + k;
                double got = ParallelRange.serial().sum(1, (from, to, worker) -> {
                    Thread.onSpinWait();
                    return expected;
                });
                if (got != expected) {
                    synchronized (failures) {
                        failures[0]++;
                    }
                }
            }
        });
        assertEquals(0.0, failures[0], "sums that returned another thread's value");
    }

    /** A failure in a helper's block reaches the caller after all blocks are done; the range stays usable. */
    @Test
    void exceptionsFromAnyBlockAreRethrown() {
        try (ParallelRange range = new ParallelRange(2, "test")) {
            IllegalArgumentException helper = assertThrows(IllegalArgumentException.class, () -> range.forEach(10,
                    (from, to, worker) -> {
                        if (worker == 1) {
                            throw new IllegalArgumentException("helper block " + from);
                        }
                    }));
            assertEquals("helper block 5", helper.getMessage());
            assertThrows(IllegalStateException.class, () -> range.forEach(10, (from, to, worker) -> {
                if (worker == 0) {
                    throw new IllegalStateException("caller block");
                }
            }));
            int[] sum = new int[1];
            range.forEach(2, (from, to, worker) -> {
                synchronized (sum) {
                    sum[0] += to - from;
                }
            });
            assertEquals(2, sum[0]);
        }
    }

    @Test
    void closedRangesRefuseLoopsAndTheirThreadsEnd() throws InterruptedException {
        ParallelRange range = new ParallelRange(3, "closing-test");
        range.forEach(3, (from, to, worker) -> { });
        range.close();
        assertThrows(IllegalStateException.class, () -> range.forEach(3, (from, to, worker) -> { }));
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("closing-test-")) {
                thread.join(5_000);
                assertFalse(thread.isAlive(), thread.getName() + " still running");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new ParallelRange(0, "none"));
    }
}
