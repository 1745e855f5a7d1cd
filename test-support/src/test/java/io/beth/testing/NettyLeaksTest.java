package io.beth.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ReferenceCountUtil;
import java.util.List;
import org.junit.jupiter.api.Test;

class NettyLeaksTest {

  @Test
  void aBufferDroppedWithoutReleaseIsReportedAndThenForgotten() {
    NettyLeaks.collect(); // start from a clean slate
    leakOne();
    List<String> leaks = List.of();
    for (int attempt = 0; attempt < 20 && leaks.isEmpty(); attempt++) {
      leaks = NettyLeaks.collect();
    }
    assertFalse(leaks.isEmpty(), "a dropped buffer must be reported");
    assertTrue(leaks.get(0).contains("ByteBuf"), leaks.get(0));
    assertEquals(List.of(), NettyLeaks.collect(), "reported leaks are handed out once");
  }

  @Test
  void releasedBuffersAreNotReported() {
    NettyLeaks.collect();
    ByteBuf buf = ByteBufAllocator.DEFAULT.directBuffer(64);
    buf.writeLong(42);
    buf.release();
    assertEquals(List.of(), NettyLeaks.collect());
  }

  /** Netty logs a message released twice (as a flush that fails after a write did) and goes on. */
  @Test
  void aBufferReleasedOnceTooOftenIsReportedAndThenForgotten() {
    NettyLeaks.collect();
    ByteBuf buf = ByteBufAllocator.DEFAULT.directBuffer(64);
    buf.release();
    ReferenceCountUtil.safeRelease(buf);
    List<String> reports = NettyLeaks.collect();
    assertEquals(1, reports.size(), String.valueOf(reports));
    assertTrue(reports.get(0).contains("released once too often"), reports.get(0));
    assertTrue(reports.get(0).contains("IllegalReferenceCountException"), reports.get(0));
    assertEquals(List.of(), NettyLeaks.collect(), "reports are handed out once");
  }

  private static void leakOne() {
    ByteBuf buf = ByteBufAllocator.DEFAULT.directBuffer(64);
    buf.writeLong(7);
    // dropped without release
  }
}
