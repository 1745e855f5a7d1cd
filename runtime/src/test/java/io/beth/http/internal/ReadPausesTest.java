package io.beth.http.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.transport.internal.ReadGate;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadPausesTest {

  private final EmbeddedChannel channel = new EmbeddedChannel();
  private final ReadPauses pauses = new ReadPauses(channel);

  @AfterEach
  void tearDown() {
    channel.finishAndReleaseAll();
  }

  @Test
  void readingResumesOnlyOnceEveryReasonIsLifted() {
    pauses.pause(ReadPauses.BODY);
    pauses.pause(ReadPauses.PIPELINED);
    assertFalse(channel.config().isAutoRead());

    pauses.resume(ReadPauses.BODY);
    assertFalse(channel.config().isAutoRead(), "pipelined requests still held");
    pauses.resume(ReadPauses.PIPELINED);
    assertTrue(channel.config().isAutoRead());
  }

  @Test
  void aBodyGateResumesOnlyWhileItsExchangeIsTheCurrentOne() {
    AtomicBoolean current = new AtomicBoolean(true);
    ReadGate gate = pauses.bodyGate(current::get);
    gate.pause();
    assertTrue(pauses.isPaused(ReadPauses.BODY));

    current.set(false); // the exchange ended; a later one may have paused reading itself
    gate.resume();
    assertTrue(pauses.isPaused(ReadPauses.BODY));

    current.set(true);
    gate.resume();
    assertTrue(channel.config().isAutoRead());
  }

  @Test
  void resumeAllLiftsEveryReason() {
    pauses.pause(ReadPauses.BODY);
    pauses.pause(ReadPauses.PIPELINED);
    pauses.resumeAll();
    assertTrue(channel.config().isAutoRead());
  }
}
