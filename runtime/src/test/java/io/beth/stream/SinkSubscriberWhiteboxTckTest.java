package io.beth.stream;

import java.util.concurrent.Flow;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowSubscriberWhiteboxVerification;

/**
 * The Reactive Streams TCK, white-box, against a {@link Sink} adapted by {@link
 * Streams#subscriber}: a thin probe around the adapter reports every signal it receives to the TCK.
 *
 * <p>Skipped: only the thirteen cases the TCK itself marks {@code untested_}.
 */
public class SinkSubscriberWhiteboxTckTest extends FlowSubscriberWhiteboxVerification<Integer> {

  public SinkSubscriberWhiteboxTckTest() {
    super(new TestEnvironment(1000, 100));
  }

  @Override
  public Flow.Subscriber<Integer> createFlowSubscriber(WhiteboxSubscriberProbe<Integer> probe) {
    Flow.Subscriber<Integer> adapter = Streams.subscriber(BufferedStream.create(4096), 1);
    return new Flow.Subscriber<>() {
      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        adapter.onSubscribe(subscription);
        probe.registerOnSubscribe(
            new SubscriberPuppet() {
              @Override
              public void triggerRequest(long elements) {
                subscription.request(elements);
              }

              @Override
              public void signalCancel() {
                subscription.cancel();
              }
            });
      }

      @Override
      public void onNext(Integer item) {
        adapter.onNext(item);
        probe.registerOnNext(item);
      }

      @Override
      public void onError(Throwable throwable) {
        adapter.onError(throwable);
        probe.registerOnError(throwable);
      }

      @Override
      public void onComplete() {
        adapter.onComplete();
        probe.registerOnComplete();
      }
    };
  }

  @Override
  public Integer createElement(int element) {
    return element;
  }
}
