package org.ofdft.functionals.xc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;

/**
 * Bytes the calling thread allocates in one run of a task, once the JIT has compiled it: the smallest count
 * over repeated runs. The SIMD math of the kernels only stops allocating once C2 has compiled it (interpreted
 * code may box), so a single cold run says nothing about the hot path. Runs stop once
 * a run allocates at most {@code enough} bytes, or after three seconds.
 */
final class AllocationProbe {

    private AllocationProbe() {
    }

    static long compiledAllocation(Runnable task, long enough) {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "allocation counter not available");
        com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(counter.isThreadAllocatedMemorySupported() && counter.isThreadAllocatedMemoryEnabled());
        long thread = Thread.currentThread().getId();
        long smallest = Long.MAX_VALUE;
        long deadline = System.nanoTime() + 3_000_000_000L;   // C2 compiles in the background
        while (smallest > enough && System.nanoTime() < deadline) {
            long before = counter.getThreadAllocatedBytes(thread);
            task.run();
            smallest = Math.min(smallest, counter.getThreadAllocatedBytes(thread) - before);
        }
        return smallest;
    }
}
