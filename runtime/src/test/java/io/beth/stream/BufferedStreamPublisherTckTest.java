package io.beth.stream;

import java.util.concurrent.Flow;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowPublisherVerification;

/**
 * The Reactive Streams TCK against the publisher view of {@link BufferedStream} (that is,
 * {@link SingleSubscriberPublisher}), fed lazily by a producer that waits on backpressure.
 *
 * <p>Skipped cases, each allowed by the TCK: {@code maxSupportedSubscribers() == 1} (a source has a
 * single consumer), so the optional multi-subscriber cases of §1.11 skip themselves
 * ({@code optional_spec111_*}); the cases named {@code untested_*} are ones the TCK cannot verify
 * and always skips.
 */
public class BufferedStreamPublisherTckTest extends FlowPublisherVerification<Long> {

  public BufferedStreamPublisherTckTest() {
    super(new TestEnvironment(2_000, 200), 2_000);
  }

  @Override
  public Flow.Publisher<Long> createFlowPublisher(long elements) {
    return Feeder.feed(BufferedStream.<Long>create(4), elements);
  }

  /** A stream that failed before anyone subscribed: the subscriber sees onError without request. */
  @Override
  public Flow.Publisher<Long> createFailedFlowPublisher() {
    BufferedStream<Long> stream = BufferedStream.create(4);
    stream.fail(new IllegalStateException("failed on purpose"));
    return stream;
  }
}
