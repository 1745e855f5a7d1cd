package io.beth.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicallyTest {

  private static final Duration PERIOD = Duration.ofMillis(5);

  /** Lets at least {@code n} periods pass by taking ticks from a second periodic source. */
  private static void waitTicks(int n) {
    Source<String> clock = Streams.periodically(PERIOD, () -> "tick");
    for (int i = 0; i < n; i++) {
      Await.result(clock.take());
    }
    clock.close();
  }

  @Test
  void emitsTheSuppliersValuesPeriodically() {
    AtomicInteger calls = new AtomicInteger();
    Source<Integer> ticks = Streams.periodically(PERIOD, calls::incrementAndGet);
    assertEquals(1, Await.result(ticks.take()));
    assertEquals(2, Await.result(ticks.take()));
    assertEquals(3, Await.result(ticks.take()));
    ticks.close();
  }

  @Test
  void ticksAreSkippedWhileTheLastValueWasNotTaken() {
    AtomicInteger calls = new AtomicInteger();
    Source<Integer> ticks = Streams.periodically(PERIOD, calls::incrementAndGet);
    waitTicks(10);
    assertEquals(1, calls.get(), "skipped ticks do not call the supplier");
    assertEquals(1, Await.result(ticks.take()));
    assertEquals(2, Await.result(ticks.take()), "skipped ticks were not queued");
    ticks.close();
  }

  @Test
  void closingStopsTheTimer() {
    AtomicInteger calls = new AtomicInteger();
    Source<Integer> ticks = Streams.periodically(PERIOD, calls::incrementAndGet);
    Await.result(ticks.take());
    ticks.close();
    waitTicks(1); // a tick already running when close was called has finished by now
    int afterClose = calls.get();
    waitTicks(10);
    assertEquals(afterClose, calls.get());
    assertTrue(ticks.isClosed());
  }

  @Test
  void aThrowingSupplierFailsTheSource() {
    IllegalStateException boom = new IllegalStateException("no value");
    Source<Integer> ticks =
        Streams.periodically(
            PERIOD,
            () -> {
              throw boom;
            });
    assertSame(boom, Await.failure(ticks.take()));
  }

  @Test
  void thePeriodMustBePositive() {
    assertThrows(
        IllegalArgumentException.class, () -> Streams.periodically(Duration.ZERO, () -> 1));
  }
}
