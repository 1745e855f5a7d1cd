package io.beth.stream;

import java.util.concurrent.Flow;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowSubscriberBlackboxVerification;

/**
 * The Reactive Streams TCK, black-box, against a {@link Sink} adapted by {@link
 * Streams#subscriber}. *
 *
 * <p>Skipped: only the fifteen cases the TCK itself marks {@code untested_}.
 */
public class SinkSubscriberBlackboxTckTest extends FlowSubscriberBlackboxVerification<Integer> {

  public SinkSubscriberBlackboxTckTest() {
    super(new TestEnvironment(1000, 100));
  }

  @Override
  public Flow.Subscriber<Integer> createFlowSubscriber() {
    return Streams.subscriber(BufferedStream.create(4096), 4);
  }

  @Override
  public Integer createElement(int element) {
    return element;
  }
}
