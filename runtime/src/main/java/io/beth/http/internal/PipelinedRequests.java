package io.beth.http.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Keeps HTTP/1.1 pipelining in order: once a request has arrived whole, what the client sent after
 * it (the next requests) is held, with reads paused, until that request's exchange is over; then it
 * is passed on, one exchange at a time. The connection's inbound entry, right after the HTTP
 * decoder (and the decompressor): it hands what it passes on to the request reader by a call, not a
 * pipeline hop. One per connection; event loop only.
 */
final class PipelinedRequests extends ChannelInboundHandlerAdapter {

  private final ReadPauses pauses;
  private final ArrayDeque<Object> held = new ArrayDeque<>();
  private Consumer<Object> next;
  private boolean exchangeOpen; // a request was passed on and its exchange is not over
  private boolean requestOpen; // a request's head was passed on, its last content not yet
  private boolean replaying;
  private boolean stopped;

  PipelinedRequests(ReadPauses pauses) {
    this.pauses = pauses;
  }

  /** Where messages passed on go, taking ownership of them; set before the channel reads. */
  void passTo(Consumer<Object> next) {
    this.next = next;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (stopped) {
      ReferenceCountUtil.release(msg);
    } else if (!held.isEmpty() || (exchangeOpen && !requestOpen)) {
      held.add(msg); // a later request: passed on once the current exchange is over
      pauses.pause(ReadPauses.PIPELINED);
    } else {
      pass(msg);
    }
  }

  private void pass(Object msg) {
    if (msg instanceof HttpRequest) {
      exchangeOpen = true;
      requestOpen = true;
    }
    if (msg instanceof LastHttpContent) {
      requestOpen = false;
    }
    next.accept(msg);
  }

  /** Whether a held message is being passed on now (its request arrived earlier). */
  boolean isReplaying() {
    return replaying;
  }

  /** Whether messages of later requests are held. */
  boolean isHolding() {
    return !held.isEmpty();
  }

  /**
   * The current exchange is over: passes on what is held up to the end of the next whole request,
   * and resumes reading once nothing is held. Called from inside a pass (an inline handler answered
   * at once), it leaves the passing to the loop further up the stack.
   */
  void exchangeDone() {
    exchangeOpen = false;
    if (replaying) {
      return;
    }
    replaying = true;
    try {
      while (!held.isEmpty() && !stopped && !(exchangeOpen && !requestOpen)) {
        pass(held.poll());
      }
    } finally {
      replaying = false;
    }
    if (held.isEmpty()) {
      pauses.resume(ReadPauses.PIPELINED);
    }
  }

  /** Nothing more is passed on (the connection is failing or leaves HTTP): held messages go. */
  void stop() {
    stopped = true;
    releaseHeld();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    stop();
    ctx.fireChannelInactive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    releaseHeld();
  }

  private void releaseHeld() {
    for (Object msg; (msg = held.poll()) != null; ) {
      ReferenceCountUtil.release(msg);
    }
  }
}
