package io.beth.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** {@link Streams#connect} over long chains of synchronous and callback-driven completions. */
class ConnectStackDepthTest {

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
