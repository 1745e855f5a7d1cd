package io.beth.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PipelinedRequestsTest {

  private final EmbeddedChannel channel = new EmbeddedChannel();
  private final ReadPauses pauses = new ReadPauses(channel);
  private final PipelinedRequests pipelining = new PipelinedRequests(pauses);

  private final java.util.ArrayDeque<Object> passed = new java.util.ArrayDeque<>();
  private java.util.function.Consumer<Object> next = passed::add;

  PipelinedRequestsTest() {
    pipelining.passTo(msg -> next.accept(msg));
    channel.pipeline().addLast(pipelining);
  }

  @AfterEach
  void tearDown() {
    channel.finishAndReleaseAll();
  }

  private static HttpRequest head(String uri) {
    return new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, uri);
  }

  private static HttpContent chunk(String text) {
    return new DefaultHttpContent(Unpooled.copiedBuffer(text.getBytes()));
  }

  private static LastHttpContent last() {
    return new DefaultLastHttpContent();
  }

  private Object passed() {
    Object msg = passed.poll();
    ReferenceCountUtil.release(msg);
    return msg;
  }

  @Test
  void theBodyOfTheCurrentRequestPassesButTheNextRequestWaitsForTheExchangeToEnd() {
    HttpRequest first = head("/1");
    HttpRequest second = head("/2");
    LastHttpContent firstEnd = last();
    channel.writeInbound(first, chunk("a"), firstEnd, second, last());

    assertSame(first, passed());
    assertTrue(passed() instanceof HttpContent);
    assertSame(firstEnd, passed());
    assertNull(passed.poll(), "the second request is held");
    assertFalse(channel.config().isAutoRead(), "and reading paused meanwhile");
    assertTrue(pipelining.isHolding());

    pipelining.exchangeDone();

    assertSame(second, passed());
    assertTrue(passed() instanceof LastHttpContent);
    assertTrue(channel.config().isAutoRead(), "nothing held: reading again");
  }

  @Test
  void aBodyStillArrivingForTheCurrentExchangeIsNeverHeld() {
    channel.writeInbound(head("/upload"));
    passed();
    channel.writeInbound(chunk("late"));
    assertTrue(passed() instanceof HttpContent);
    assertTrue(channel.config().isAutoRead());
  }

  @Test
  void anExchangeEndedFromInsideAPassIsContinuedByTheLoopAlreadyRunning() {
    channel.writeInbound(head("/1"), last(), head("/2"), last(), head("/3"), last());
    passed();
    passed();
    // an inline handler answers each request as it is passed on
    next =
        msg -> {
          ReferenceCountUtil.release(msg);
          if (msg instanceof LastHttpContent) {
            pipelining.exchangeDone();
          }
        };

    pipelining.exchangeDone();

    assertFalse(pipelining.isHolding(), "both held requests were passed on, in order");
    assertTrue(channel.config().isAutoRead());
  }

  @Test
  void stoppingReleasesWhatIsHeldAndDropsWhatComes() {
    channel.writeInbound(head("/1"), last());
    passed();
    passed();
    HttpContent held = chunk("held");
    channel.writeInbound(head("/2"), held);

    pipelining.stop();
    HttpContent late = chunk("late");
    channel.writeInbound(late);

    assertEquals(0, held.refCnt());
    assertEquals(0, late.refCnt());
    assertNull(passed.poll());
  }
}
