package io.beth.benchmarks.stream;

import io.beth.stream.BufferedStream;
import io.beth.stream.Streams;
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
 * Throughput of moving messages from one stream to another, one thread: {@link Streams#connect}
 * between two {@link BufferedStream}s (put into the first, taken from the second), beside two
 * {@link ArrayBlockingQueue}s with a transfer step and two chained {@link SubmissionPublisher}s
 * (the first's subscriber submits into the second; both deliver on the submitting thread). One
 * operation is one message through both.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StreamConnectBenchmark {

  static final int BURST = 256;
  private static final Long MESSAGE = 42L;

  private BufferedStream<Long> upstream;
  private BufferedStream<Long> downstream;
  private ArrayBlockingQueue<Long> first;
  private ArrayBlockingQueue<Long> second;
  private SubmissionPublisher<Long> head;
  private SubmissionPublisher<Long> tail;
  private Blackhole sink;

  @Setup(Level.Trial)
  public void setUp(Blackhole blackhole) {
    sink = blackhole;
    upstream = BufferedStream.create(BURST);
    downstream = BufferedStream.create(BURST);
    Streams.connect(upstream, downstream);
    first = new ArrayBlockingQueue<>(BURST);
    second = new ArrayBlockingQueue<>(BURST);
    head = new SubmissionPublisher<>(Runnable::run, BURST);
    tail = new SubmissionPublisher<>(Runnable::run, BURST);
    head.subscribe(new Relay<>(item -> tail.submit(item)));
    tail.subscribe(new Relay<>(item -> sink.consume(item)));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    upstream.close();
    head.close();
    tail.close();
  }

  @Benchmark
  @OperationsPerInvocation(BURST)
  public void bufferedStreamConnect(Blackhole bh) {
    for (int i = 0; i < BURST; i++) {
      bh.consume(upstream.put(MESSAGE));
    }
    for (int i = 0; i < BURST; i++) {
      bh.consume(downstream.take().join());
    }
  }

  @Benchmark
  @OperationsPerInvocation(BURST)
  public void arrayBlockingQueueTransfer(Blackhole bh) {
    for (int i = 0; i < BURST; i++) {
      first.offer(MESSAGE);
    }
    for (Long m; (m = first.poll()) != null; ) {
      second.offer(m);
    }
    for (int i = 0; i < BURST; i++) {
      bh.consume(second.poll());
    }
  }

  @Benchmark
  @OperationsPerInvocation(BURST)
  public void submissionPublisherChain(Blackhole bh) {
    for (int i = 0; i < BURST; i++) {
      bh.consume(head.submit(MESSAGE));
    }
  }

  /** Requests everything and hands each item on. */
  private static final class Relay<T> implements Flow.Subscriber<T> {
    private final java.util.function.Consumer<T> next;

    Relay(java.util.function.Consumer<T> next) {
      this.next = next;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(T item) {
      next.accept(item);
    }

    @Override
    public void onError(Throwable throwable) {}

    @Override
    public void onComplete() {}
  }
}
