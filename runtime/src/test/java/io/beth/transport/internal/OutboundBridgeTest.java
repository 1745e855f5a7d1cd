package io.beth.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.stream.BufferedStream;
import io.beth.stream.Source;
import io.beth.stream.Streams;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutboundBridgeTest {

  private final AtomicInteger flushes = new AtomicInteger();
  private final EmbeddedChannel channel =
      new EmbeddedChannel(
          new ChannelOutboundHandlerAdapter() {
            @Override
            public void flush(ChannelHandlerContext ctx) {
              flushes.incrementAndGet();
              ctx.flush();
            }
          });
  private final List<Throwable> ends = new ArrayList<>();
  private final AtomicInteger endCalls = new AtomicInteger();

  @AfterEach
  void tearDown() {
    channel.finishAndReleaseAll();
  }

  /** Writes each string as its UTF-8 bytes. */
  private OutboundBridge.Writer<String> writer() {
    return new OutboundBridge.Writer<>() {
      @Override
      public boolean write(String message) {
        channel.write(Unpooled.copiedBuffer(message, StandardCharsets.UTF_8));
        return true;
      }

      @Override
      public void end(Throwable cause) {
        endCalls.incrementAndGet();
        ends.add(cause);
        channel.flush();
      }
    };
  }

  private List<String> written() {
    List<String> out = new ArrayList<>();
    for (ByteBuf b; (b = channel.readOutbound()) != null; ) {
      out.add(b.toString(StandardCharsets.UTF_8));
      b.release();
    }
    return out;
  }

  @Test
  void whatTheSourceHoldsIsWrittenWithOneFlushPerBatch() {
    BufferedStream<String> source = BufferedStream.create(8);
    source.put("a");
    source.put("b");
    source.put("c");
    OutboundBridge<String> out = new OutboundBridge<>(channel, source, writer());

    out.resume();

    assertEquals(List.of("a", "b", "c"), written());
    assertEquals(1, flushes.get());
  }

  @Test
  void aPutAfterTheSourceRanDryWakesTheBridgeUp() {
    BufferedStream<String> source = BufferedStream.create(8);
    OutboundBridge<String> out = new OutboundBridge<>(channel, source, writer());
    out.resume();
    assertEquals(List.of(), written());

    source.put("later");
    channel.runPendingTasks();

    assertEquals(List.of("later"), written());
  }

  @Test
  void theEndOfTheSourceIsReportedOnceAndAFailureWithItsCause() {
    BufferedStream<String> closed = BufferedStream.create(8);
    closed.put("last");
    closed.close();
    new OutboundBridge<>(channel, closed, writer()).resume();
    assertEquals(List.of("last"), written());
    assertEquals(1, endCalls.get());
    assertNull(ends.get(0));

    IllegalStateException broken = new IllegalStateException("producer failed");
    BufferedStream<String> failed = BufferedStream.create(8);
    OutboundBridge<String> out = new OutboundBridge<>(channel, failed, writer());
    out.resume();
    failed.fail(broken);
    channel.runPendingTasks();
    assertEquals(2, endCalls.get());
    assertSame(broken, ends.get(1));
    assertTrue(out.isDone());
  }

  @Test
  void nothingIsWrittenWhileTheChannelIsUnwritableNorFromInsideTheFlushThatMadeRoom() {
    channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(2, 4));
    AtomicInteger flushing = new AtomicInteger();
    channel
        .pipeline()
        .addFirst(
            new ChannelOutboundHandlerAdapter() {
              @Override
              public void flush(ChannelHandlerContext ctx) {
                flushing.incrementAndGet();
                try {
                  ctx.flush(); // makes room: the channel turns writable inside this call
                } finally {
                  flushing.decrementAndGet();
                }
              }
            });
    BufferedStream<String> source = BufferedStream.create(8);
    source.put("12345"); // past the high-water mark once written
    source.put("6");
    List<Boolean> writableAtWrite = new ArrayList<>();
    OutboundBridge<String> out =
        new OutboundBridge<>(
            channel,
            source,
            new OutboundBridge.Writer<>() {
              @Override
              public boolean write(String message) {
                assertEquals(0, flushing.get(), "a write from inside a flush");
                writableAtWrite.add(channel.isWritable());
                channel.write(Unpooled.copiedBuffer(message, StandardCharsets.UTF_8));
                return true;
              }

              @Override
              public void end(Throwable cause) {}
            });
    channel
        .pipeline()
        .addLast(
            new io.netty.channel.ChannelInboundHandlerAdapter() {
              @Override
              public void channelWritabilityChanged(ChannelHandlerContext ctx) {
                out.writabilityChanged();
              }
            });

    out.resume();
    channel.runPendingTasks();

    assertEquals(List.of(true, true), writableAtWrite, "each message taken only while writable");
    assertEquals(List.of("12345", "6"), written());
  }

  @Test
  void insideAReadTheFlushWaitsForTheEndOfTheRead() {
    BufferedStream<String> source = BufferedStream.create(8);
    OutboundBridge<String> out = new OutboundBridge<>(channel, source, writer());
    out.resume();

    out.readStarted();
    source.put("x");
    source.put("y");
    channel.runPendingTasks();
    assertEquals(0, flushes.get(), "no flush during the read");

    out.readComplete();
    assertEquals(1, flushes.get());
    assertEquals(List.of("x", "y"), written());
  }

  @Test
  void aSourceThatIsNotPollableIsTakenFrom() {
    Source<String> source = Streams.fromIterable(List.of("p", "q"));
    assertFalse(source instanceof io.beth.stream.internal.PollableSource);

    new OutboundBridge<>(channel, source, writer()).resume();
    channel.runPendingTasks();

    assertEquals(List.of("p", "q"), written());
    assertEquals(1, endCalls.get());
  }

  @Test
  void cancellingClosesTheSourceAndReleasesWhatItHolds() {
    BufferedStream<ByteBuf> source = BufferedStream.create(8);
    ByteBuf queued = Unpooled.copiedBuffer(new byte[] {1});
    OutboundBridge<ByteBuf> out =
        new OutboundBridge<>(
            channel,
            source,
            new OutboundBridge.Writer<>() {
              @Override
              public boolean write(ByteBuf message) {
                message.release();
                return true;
              }

              @Override
              public void end(Throwable cause) {
                endCalls.incrementAndGet();
              }
            });
    source.put(queued);

    out.cancel();
    out.resume();

    assertEquals(0, queued.refCnt());
    assertTrue(source.isClosed());
    assertEquals(0, endCalls.get(), "a cancelled bridge reports no end");
  }

  @Test
  void aWriterThatStopsTheBridgeGetsNothingMore() {
    BufferedStream<String> source = BufferedStream.create(8);
    source.put("stop");
    source.put("never");
    AtomicReference<String> seen = new AtomicReference<>();
    OutboundBridge<String> out =
        new OutboundBridge<>(
            channel,
            source,
            new OutboundBridge.Writer<>() {
              @Override
              public boolean write(String message) {
                assertNull(seen.getAndSet(message), "one message only");
                return false;
              }

              @Override
              public void end(Throwable cause) {
                endCalls.incrementAndGet();
              }
            });

    out.resume();
    source.close();
    channel.runPendingTasks();

    assertEquals("stop", seen.get());
    assertTrue(out.isDone());
    assertEquals(0, endCalls.get());
  }

  @Test
  void theBridgeNeverRunsInsideItself() {
    BufferedStream<String> source = BufferedStream.create(8);
    AtomicInteger depth = new AtomicInteger();
    AtomicInteger deepest = new AtomicInteger();
    AtomicReference<OutboundBridge<String>> self = new AtomicReference<>();
    OutboundBridge<String> out =
        new OutboundBridge<>(
            channel,
            source,
            new OutboundBridge.Writer<>() {
              @Override
              public boolean write(String message) {
                deepest.accumulateAndGet(depth.incrementAndGet(), Math::max);
                self.get().resume(); // as a writability event inside a write would
                depth.decrementAndGet();
                return true;
              }

              @Override
              public void end(Throwable cause) {}
            });
    self.set(out);
    source.put("a");
    source.put("b");

    out.resume();

    assertEquals(1, deepest.get());
    assertEquals(0, source.size());
    written();
  }
}
