package io.beth.testing;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the live heap during a transfer: a daemon thread collects garbage and records the used
 * heap after each collection, so the largest sample is what the transfer kept alive at once. It
 * samples the direct memory of Netty's default allocator too, where buffered bytes would otherwise
 * hide from a heap measurement.
 */
public final class HeapProbe implements AutoCloseable {

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final long baseline;
  private final AtomicLong max = new AtomicLong();
  private final long directBaseline;
  private final AtomicLong maxDirect = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;

  /** Starts sampling every {@code periodMillis} milliseconds. */
  public HeapProbe(long periodMillis) {
    baseline = liveHeap();
    directBaseline = nettyDirect();
    thread =
        new Thread(
            () -> {
              while (running) {
                max.accumulateAndGet(liveHeap(), Math::max);
                maxDirect.accumulateAndGet(nettyDirect(), Math::max);
                try {
                  Thread.sleep(periodMillis); // the sampling period, not synchronisation
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-probe");
    thread.setDaemon(true);
    thread.start();
  }

  private long liveHeap() {
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static long nettyDirect() {
    return ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider metrics
        ? metrics.metric().usedDirectMemory()
        : 0;
  }

  /**
   * The largest direct memory held by Netty's default allocator above the baseline, in bytes (what
   * its arenas reserved, which is at least what its buffers hold).
   */
  public long maxDirectGrowth() {
    return Math.max(0, maxDirect.get() - directBaseline);
  }

  /** The largest live heap seen above the baseline, in bytes. */
  public long maxGrowth() {
    return Math.max(0, max.get() - baseline);
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join(5000);
  }
}
