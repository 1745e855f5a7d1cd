package io.beth.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.stream.Source;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InboundBridgeTest {

  private final EmbeddedChannel channel = new EmbeddedChannel();
  private final AtomicInteger gone = new AtomicInteger();

  @AfterEach
  void tearDown() {
    channel.finishAndReleaseAll();
  }

  private <T> InboundBridge<T> bridge(int capacity, InboundBridge.WhenGone whenGone) {
    return InboundBridge.create(
        channel, capacity, ReadGate.autoRead(channel), whenGone, gone::incrementAndGet);
  }

  private static <T> T take(Source<T> source) throws Exception {
    return source.take().get(5, TimeUnit.SECONDS);
  }

  @Test
  void readsPauseWhileAMessageWaitsForRoomAndResumeOnceItIsTaken() throws Exception {
    InboundBridge<String> in = bridge(1, InboundBridge.WhenGone.STOP_READING);

    assertTrue(in.deliver("a"));
    assertTrue(channel.config().isAutoRead(), "room for the first message");
    assertTrue(in.deliver("b"));
    assertFalse(channel.config().isAutoRead(), "the second waits: reads pause");
    assertTrue(in.isPaused());

    assertEquals("a", take(in.source()));
    channel.runPendingTasks();
    assertTrue(channel.config().isAutoRead(), "every message accepted: reads resume");
    assertFalse(in.isPaused());
    assertEquals("b", take(in.source()));
  }

  @Test
  void theEndWaitsForTheMessagesStillWaitingForRoom() throws Exception {
    InboundBridge<String> in = bridge(1, InboundBridge.WhenGone.STOP_READING);
    in.deliver("a");
    in.deliver("b");

    in.end();

    assertFalse(in.source().isClosed(), "closing now would refuse b");
    assertEquals("a", take(in.source()));
    channel.runPendingTasks();
    assertEquals("b", take(in.source()));
    assertNull(take(in.source()), "then the end");
    assertEquals(0, gone.get(), "an end is not the consumer giving up");
  }

  @Test
  void aFailureReachesTheConsumerAtOnce() {
    InboundBridge<String> in = bridge(4, InboundBridge.WhenGone.STOP_READING);
    IOException broken = new IOException("reset");

    in.fail(broken);
    in.end(); // the first end wins

    CompletionException e =
        assertThrows(CompletionException.class, () -> in.source().take().join());
    assertSame(broken, e.getCause());
  }

  @Test
  void aConsumerThatGivesUpStopsTheReadsAndTheMessagesAreReleased() {
    InboundBridge<ByteBuf> in = bridge(1, InboundBridge.WhenGone.STOP_READING);
    ByteBuf first = Unpooled.copiedBuffer(new byte[] {1});
    ByteBuf waiting = Unpooled.copiedBuffer(new byte[] {2});
    ByteBuf late = Unpooled.copiedBuffer(new byte[] {3});
    in.deliver(first);
    in.deliver(waiting);

    in.source().close();
    channel.runPendingTasks();

    assertEquals(0, waiting.refCnt(), "the refused message is released");
    assertTrue(in.isGone());
    assertEquals(1, gone.get());
    assertFalse(channel.config().isAutoRead(), "nothing more is read for it");
    assertFalse(in.deliver(late));
    assertEquals(0, late.refCnt());

    in.releaseIfGone(); // the connection's end
    assertEquals(0, first.refCnt(), "what it left buffered is released");
  }

  @Test
  void aDiscardingBridgeKeepsReadingOnceItsConsumerIsGone() {
    InboundBridge<ByteBuf> in = bridge(1, InboundBridge.WhenGone.DISCARD);
    in.deliver(Unpooled.copiedBuffer(new byte[] {1}));
    ByteBuf waiting = Unpooled.copiedBuffer(new byte[] {2});
    in.deliver(waiting);
    assertFalse(channel.config().isAutoRead());

    in.source().close();
    channel.runPendingTasks();

    assertEquals(1, gone.get());
    assertTrue(channel.config().isAutoRead(), "the rest is read, and dropped");
    ByteBuf late = Unpooled.copiedBuffer(new byte[] {3});
    assertFalse(in.deliver(late));
    assertEquals(0, late.refCnt());
    assertEquals(0, waiting.refCnt());
    in.discard();
  }

  @Test
  void discardReleasesEverythingBufferedWithoutCountingAsTheConsumerGivingUp() throws Exception {
    InboundBridge<ByteBuf> in = bridge(2, InboundBridge.WhenGone.DISCARD);
    ByteBuf a = Unpooled.copiedBuffer(new byte[] {1});
    ByteBuf b = Unpooled.copiedBuffer(new byte[] {2});
    ByteBuf c = Unpooled.copiedBuffer(new byte[] {3});
    in.deliver(a);
    in.deliver(b);
    in.deliver(c); // waits

    in.discard();
    channel.runPendingTasks();

    assertEquals(0, a.refCnt());
    assertEquals(0, b.refCnt());
    assertEquals(0, c.refCnt());
    assertEquals(0, gone.get());
    assertNull(take(in.source()), "the consumer sees the end");
  }

  @Test
  void aPutCompletedOffTheLoopIsHandledOnTheLoop() throws Exception {
    InboundBridge<String> in = bridge(1, InboundBridge.WhenGone.STOP_READING);
    in.deliver("a");
    in.deliver("b");

    Thread consumer = new Thread(() -> in.source().take().join());
    consumer.start();
    consumer.join(5_000);

    channel.runPendingTasks(); // the acceptance hops onto the loop
    assertTrue(channel.config().isAutoRead());
    assertEquals("b", take(in.source()));
  }
}
