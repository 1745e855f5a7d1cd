package io.beth.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** {@link Streams#connect} moves messages and ties the two ends' lifetimes as told. */
class ConnectTest {

  @Test
  void closesDownstreamWhenTheSourceIsDrained() {
    BufferedStream<String> up = BufferedStream.create(4);
    BufferedStream<String> down = BufferedStream.create(4);
    up.put("a");
    up.put("b");
    up.close();
    CompletableFuture<Void> done = Streams.connect(up, down);
    assertNull(Await.result(done));
    assertEquals("a", Await.result(down.take()));
    assertEquals("b", Await.result(down.take()));
    assertNull(Await.result(down.take()));
  }

  @Test
  void failsDownstreamWithTheSourceError() {
    BufferedStream<String> up = BufferedStream.create(4);
    BufferedStream<String> down = BufferedStream.create(4);
    Streams.connect(up, down);
    IllegalStateException boom = new IllegalStateException("boom");
    up.fail(boom);
    assertSame(boom, Await.failure(down.take()));
  }

  @Test
  void closesUpstreamWhenTheSinkIsClosed() {
    BufferedStream<String> up = BufferedStream.create(1);
    BufferedStream<String> down = BufferedStream.create(1);
    CompletableFuture<Void> done = Streams.connect(up, down);
    down.close();
    assertTrue(up.isClosed());
    assertFalse(Await.result(up.put("late")));
    Await.result(done);
  }

  @Test
  void optionsNoneClosesNeitherEnd() {
    BufferedStream<String> up = BufferedStream.create(1);
    BufferedStream<String> down = BufferedStream.create(1);
    CompletableFuture<Void> done = Streams.connect(up, down, ConnectOptions.NONE);
    up.put("a");
    up.close();
    Await.result(done);
    assertFalse(down.isClosed(), "the sink stays open");
    assertEquals("a", Await.result(down.take()));

    BufferedStream<String> up2 = BufferedStream.create(1);
    BufferedStream<String> down2 = BufferedStream.create(1);
    Streams.connect(up2, down2, ConnectOptions.NONE);
    down2.close();
    assertFalse(up2.isClosed(), "the source stays open");
    assertTrue(Await.result(up2.put("b")));
  }

  @Test
  void aMillionSynchronousHandOversDoNotOverflowTheStack() {
    int n = 1_000_000;
    BufferedStream<Long> first = BufferedStream.create(n);
    for (long i = 0; i < n; i++) {
      assertSame(CompletedPut.TRUE, first.put(i));
    }
    first.close();
    BufferedStream<Long> second = BufferedStream.create(0);
    BufferedStream<Long> third = BufferedStream.create(0);
    Streams.connect(first, second);
    // every completion below happens synchronously on this thread
    Streams.connect(second, third);
    long total = 0;
    long expected = 0;
    for (Long m; (m = third.take().join()) != null; ) {
      assertEquals(expected++, m);
      total += m;
    }
    assertEquals(n, expected);
    assertEquals((long) n * (n - 1) / 2, total);
  }

  @Test
  void aMillionCallbackDrivenTransfersDoNotOverflowTheStack() {
    int n = 1_000_000;
    BufferedStream<Long> first = Feeder.feed(BufferedStream.create(1), n);
    BufferedStream<Long> second = BufferedStream.create(1);
    Streams.connect(first, second);
    CompletableFuture<Long> count = second.reduce(0L, (c, m) -> c + 1);
    assertEquals(n, Await.result(count));
  }
}
