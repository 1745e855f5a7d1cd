package io.beth.stream;

import java.util.concurrent.Flow;
import java.util.stream.LongStream;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowPublisherVerification;

/**
 * The Reactive Streams TCK against the publisher view of the iterator-backed source
 * ({@link Streams#fromStream}). The TCK skips its multi-subscriber cases (§1.11, optional): a source
 * has a single consumer.
 */
public class IteratorSourcePublisherTckTest extends FlowPublisherVerification<Long> {

  public IteratorSourcePublisherTckTest() {
    super(new TestEnvironment(1000, 100));
  }

  @Override
  public Flow.Publisher<Long> createFlowPublisher(long elements) {
    return Streams.fromStream(LongStream.range(0, elements).boxed());
  }

  /**
   * No error-state publisher here: those cases check that a failed source signals {@code onError}
   * before any {@code request}, which is the job of {@link SingleSubscriberPublisher} (shared by
   * every source, and verified on its own); this class only checks the iterator-backed source behind
   * it. The TCK skips the cases when this returns {@code null}.
   */
  @Override
  public Flow.Publisher<Long> createFailedFlowPublisher() {
    return null;
  }
}
