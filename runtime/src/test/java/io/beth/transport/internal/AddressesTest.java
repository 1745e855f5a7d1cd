package io.beth.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Host names are looked up on the given executor, never on the caller's thread; literals at once.
 */
class AddressesTest {

  private final AtomicInteger lookups = new AtomicInteger();
  private final Executor counting =
      task -> {
        lookups.incrementAndGet();
        new Thread(task, "lookup").start();
      };

  @Test
  void anIpLiteralResolvesAtOnceWithoutTheExecutor() throws Exception {
    InetSocketAddress v4 = Addresses.resolve("127.0.0.1", 8080, counting).getNow(null);
    InetSocketAddress v6 = Addresses.resolve("::1", 8081, counting).getNow(null);
    assertEquals(new InetSocketAddress("127.0.0.1", 8080), v4);
    assertTrue(v6.getAddress().isLoopbackAddress());
    assertEquals(0, lookups.get());
  }

  @Test
  void aNameIsLookedUpOnTheExecutor() throws Exception {
    InetSocketAddress localhost =
        Addresses.resolve("localhost", 9000, counting).get(10, TimeUnit.SECONDS);
    assertEquals(1, lookups.get());
    assertFalse(localhost.isUnresolved());
    assertTrue(localhost.getAddress().isLoopbackAddress());
    assertEquals(9000, localhost.getPort());
  }

  @Test
  void aNameWithoutAddressFailsWithUnknownHost() {
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () ->
                Addresses.resolve("no-such-host.invalid", 80, counting).get(30, TimeUnit.SECONDS));
    assertInstanceOf(UnknownHostException.class, e.getCause());
    assertTrue(e.getCause().getMessage().contains("no-such-host.invalid"));
  }

  @Test
  void anExecutorThatRefusesFailsTheLookup() {
    Executor refusing =
        task -> {
          throw new java.util.concurrent.RejectedExecutionException("shut down");
        };
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () -> Addresses.resolve("localhost", 80, refusing).get(10, TimeUnit.SECONDS));
    assertInstanceOf(java.util.concurrent.RejectedExecutionException.class, e.getCause());
  }
}
