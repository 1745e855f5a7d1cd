package io.beth.stream;

import java.util.concurrent.Flow;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowSubscriberWhiteboxVerification;

/**
 * The Reactive Streams TCK (whitebox) against {@link Streams#subscriber}, observed through a thin
 * wrapper that reports each signal to the TCK's probe after the subscriber under test handled it.
 * The cases named {@code untested_*} are ones the TCK cannot verify and always skips.
 */
public class SinkSubscriberWhiteboxTckTest extends FlowSubscriberWhiteboxVerification<Long> {

  public SinkSubscriberWhiteboxTckTest() {
    super(new TestEnvironment(2_000, 200));
  }

  @Override
  public Flow.Subscriber<Long> createFlowSubscriber(WhiteboxSubscriberProbe<Long> probe) {
    BufferedStream<Long> sink = BufferedStream.create(8);
    sink.consume(message -> {});
    Flow.Subscriber<Long> subscriber = Streams.subscriber(sink, 4);
    return new Flow.Subscriber<>() {
      private boolean registered;

      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        subscriber.onSubscribe(subscription);
        if (!registered) {
          registered = true;
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
      }

      @Override
      public void onNext(Long item) {
        subscriber.onNext(item);
        probe.registerOnNext(item);
      }

      @Override
      public void onError(Throwable throwable) {
        subscriber.onError(throwable);
        probe.registerOnError(throwable);
      }

      @Override
      public void onComplete() {
        subscriber.onComplete();
        probe.registerOnComplete();
      }
    };
  }

  @Override
  public Long createElement(int element) {
    return (long) element;
  }
}
