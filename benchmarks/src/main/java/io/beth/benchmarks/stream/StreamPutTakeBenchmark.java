package io.beth.benchmarks.stream;

import io.beth.stream.BufferedStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Uncontended put/take throughput, one thread: a burst of {@value #BURST} messages put into a
 * {@link BufferedStream}, then taken, beside {@link ArrayBlockingQueue} offer/poll and {@link
 * SubmissionPublisher} submit to a subscriber run on the submitting thread. One operation is one
 * message put and taken.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StreamPutTakeBenchmark {

  static final int BURST = 256;
  private static final Long MESSAGE = 42L;

  private BufferedStream<Long> stream;
  private ArrayBlockingQueue<Long> queue;
  private SubmissionPublisher<Long> publisher;
  private Blackhole sink;

  @Setup(Level.Trial)
  public void setUp(Blackhole blackhole) {
    sink = blackhole;
    stream = BufferedStream.create(BURST);
    queue = new ArrayBlockingQueue<>(BURST);
    publisher = new SubmissionPublisher<>(Runnable::run, BURST);
    publisher.subscribe(
        new Flow.Subscriber<Long>() {
          @Override
          public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
          }

          @Override
          public void onNext(Long item) {
            sink.consume(item);
          }

          @Override
          public void onError(Throwable throwable) {}

          @Override
          public void onComplete() {}
        });
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    publisher.close();
    stream.close();
  }

  @Benchmark
  @OperationsPerInvocation(BURST)
  public void bufferedStream(Blackhole bh) {
    for (int i = 0; i < BURST; i++) {
      bh.consume(stream.put(MESSAGE));
    }
    for (int i = 0; i < BURST; i++) {
      bh.consume(stream.take().join());
    }
  }

  @Benchmark
  @OperationsPerInvocation(BURST)
  public void arrayBlockingQueue(Blackhole bh) {
    for (int i = 0; i < BURST; i++) {
      bh.consume(queue.offer(MESSAGE));
    }
    for (int i = 0; i < BURST; i++) {
      bh.consume(queue.poll());
    }
  }

  @Benchmark
  @OperationsPerInvocation(BURST)
  public void submissionPublisher(Blackhole bh) {
    for (int i = 0; i < BURST; i++) {
      bh.consume(publisher.submit(MESSAGE));
    }
  }
}
