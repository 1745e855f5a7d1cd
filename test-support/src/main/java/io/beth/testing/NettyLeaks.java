package io.beth.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.internal.logging.InternalLoggerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * Collects the leaks Netty's detector reports, and the buffers released once too often that Netty
 * logs, so that a test run can fail on them instead of only logging them. {@link #install()}
 * registers the listener once per JVM.
 */
public final class NettyLeaks {

  private static final ConcurrentLinkedQueue<String> REPORTED = new ConcurrentLinkedQueue<>();
  private static volatile boolean installed;

  private NettyLeaks() {}

  /**
   * Registers the leak listener and sets the detector to paranoid unless configured otherwise;
   * routes Netty's logging through {@link ReleaseWatchingLoggerFactory} (where SLF4J has a
   * provider), so that a buffer released once too often is reported as well (by the Netty classes
   * that first log after this call: it runs before any test class of the JVM).
   */
  public static synchronized void install() {
    if (installed) {
      return;
    }
    if (!(LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory)) {
      // Netty's own choice stays where SLF4J has no provider: the leak detector reports nothing
      // through a logger that is not enabled
      InternalLoggerFactory.setDefaultFactory(new ReleaseWatchingLoggerFactory(REPORTED::add));
    }
    if (System.getProperty("io.netty.leakDetection.level") == null) {
      ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }
    ByteBufUtil.setLeakListener((type, records) -> REPORTED.add(type + " leaked:\n" + records));
    installed = true;
  }

  /**
   * Collects garbage and lets the detector look at what was collected, then returns (and forgets)
   * every leak reported since the last call.
   */
  public static List<String> collect() {
    install();
    for (int i = 0; i < 3; i++) {
      System.gc();
      System.runFinalization();
      // The detector reports what the collector found when the next buffer is tracked.
      touch(ByteBufAllocator.DEFAULT);
      touch(PooledByteBufAllocator.DEFAULT);
      touch(UnpooledByteBufAllocator.DEFAULT);
    }
    List<String> leaks = new ArrayList<>();
    for (String leak; (leak = REPORTED.poll()) != null; ) {
      leaks.add(leak);
    }
    return leaks;
  }

  private static void touch(ByteBufAllocator allocator) {
    ByteBuf heap = allocator.heapBuffer(1);
    heap.release();
    ByteBuf direct = allocator.directBuffer(1);
    direct.release();
  }
}
