package io.beth.stream;

import java.util.concurrent.Flow;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowSubscriberBlackboxVerification;

/**
 * The Reactive Streams TCK (blackbox) against {@link Streams#subscriber}: a buffered stream whose
 * messages a consumer takes as they come. The cases named {@code untested_*} are ones the TCK cannot
 * verify and always skips.
 */
public class SinkSubscriberBlackboxTckTest extends FlowSubscriberBlackboxVerification<Long> {

  public SinkSubscriberBlackboxTckTest() {
    super(new TestEnvironment(2_000, 200));
  }

  @Override
  public Flow.Subscriber<Long> createFlowSubscriber() {
    BufferedStream<Long> sink = BufferedStream.create(8);
    sink.consume(message -> {});
    return Streams.subscriber(sink, 4);
  }

  @Override
  public Long createElement(int element) {
    return (long) element;
  }
}
