package io.beth.stream;

import java.util.concurrent.Flow;
import java.util.stream.LongStream;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowPublisherVerification;

/**
 * The Reactive Streams TCK against the publisher view of a {@link BufferedStream} fed through
 * {@link Streams#connect}. Skipped, as the TCK allows: the five optional §1.11 multi-subscriber
 * cases (a source has a single consumer and refuses a second subscriber with {@code onError}) and
 * the seven cases the TCK itself marks {@code untested_}.
 */
public class BufferedStreamPublisherTckTest extends FlowPublisherVerification<Long> {

  public BufferedStreamPublisherTckTest() {
    super(new TestEnvironment(1000, 100));
  }

  @Override
  public Flow.Publisher<Long> createFlowPublisher(long elements) {
    BufferedStream<Long> stream = BufferedStream.create(16);
    Streams.connect(Streams.fromStream(LongStream.range(0, elements).boxed()), stream);
    return stream;
  }

  @Override
  public Flow.Publisher<Long> createFailedFlowPublisher() {
    BufferedStream<Long> stream = BufferedStream.create(16);
    stream.fail(new IllegalStateException("the stream failed before anyone subscribed"));
    return stream;
  }
}
