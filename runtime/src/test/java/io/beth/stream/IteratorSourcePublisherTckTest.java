package io.beth.stream;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.stream.LongStream;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowPublisherVerification;

/**
 * The Reactive Streams TCK against the publisher view of the iterator-backed source ({@link
 * Streams#fromStream}). Skipped, as the TCK allows: the five optional §1.11 multi-subscriber cases
 * (a source has a single consumer and refuses a second subscriber with {@code onError}) and the
 * seven cases the TCK itself marks {@code untested_}.
 */
public class IteratorSourcePublisherTckTest extends FlowPublisherVerification<Long> {

  public IteratorSourcePublisherTckTest() {
    super(new TestEnvironment(1000, 100));
  }

  @Override
  public Flow.Publisher<Long> createFlowPublisher(long elements) {
    return Streams.fromStream(LongStream.range(0, elements).boxed());
  }

  @Override
  public Flow.Publisher<Long> createFailedFlowPublisher() {
    return Streams.fromFuture(
        CompletableFuture.<Long>failedFuture(new IllegalStateException("failed before subscribe")));
  }
}
