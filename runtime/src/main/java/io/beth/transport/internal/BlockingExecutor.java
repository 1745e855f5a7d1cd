package io.beth.transport.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the executor a {@code BethResources} owns for handlers that may block: a virtual thread per
 * task on Java 21+ (found reflectively, as Beth is compiled for Java 17), else a pool of 200 daemon
 * threads that end after a minute unused.
 */
public final class BlockingExecutor {

  private static final Logger log = LoggerFactory.getLogger(BlockingExecutor.class);

  private BlockingExecutor() {}

  /** A new executor; before Java 21 its threads are named {@code <threadName>-<n>}. */
  public static ExecutorService create(String threadName) {
    try {
      MethodHandle virtual =
          MethodHandles.publicLookup()
              .findStatic(
                  Executors.class,
                  "newVirtualThreadPerTaskExecutor",
                  MethodType.methodType(ExecutorService.class));
      ExecutorService executor = (ExecutorService) virtual.invokeExact();
      log.debug("blocking handlers run on virtual threads");
      return executor;
    } catch (NoSuchMethodException | IllegalAccessException e) {
      log.debug("no virtual threads on this JVM; blocking handlers run on a thread pool");
    } catch (Throwable e) {
      log.warn("virtual threads unavailable; blocking handlers run on a thread pool", e);
    }
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            200,
            200,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, threadName + "-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
