package io.beth.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LingeringCloseTest {

  private final EmbeddedChannel channel = new EmbeddedChannel();

  @AfterEach
  void tearDown() {
    channel.finishAndReleaseAll();
  }

  @Test
  void theRestOfTheInputIsDroppedUntilTheLingerTimeRunsOut() {
    channel.freezeTime();
    channel.pipeline().addLast(new LingeringClose());
    ByteBuf late = Unpooled.copiedBuffer(new byte[] {1, 2, 3});

    channel.writeInbound(late);
    assertEquals(0, late.refCnt(), "dropped as it comes");
    assertNull(channel.readInbound());

    channel.advanceTimeBy(LingeringClose.LINGER_MILLIS - 1, TimeUnit.MILLISECONDS);
    channel.runScheduledPendingTasks();
    assertTrue(channel.isActive());
    channel.advanceTimeBy(1, TimeUnit.MILLISECONDS);
    channel.runScheduledPendingTasks();
    assertFalse(channel.isActive());
  }

  @Test
  void aChannelThatCannotHalfCloseIsClosedAtOnce() {
    channel.pipeline().addLast("decoder", new ChannelInboundHandlerAdapter());
    LingeringClose.start(channel, new ReadPauses(channel));
    assertFalse(channel.isActive());
  }
}
