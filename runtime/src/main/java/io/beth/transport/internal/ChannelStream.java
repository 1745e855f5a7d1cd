package io.beth.transport.internal;

import io.beth.stream.BufferedStream;
import io.beth.stream.DuplexStream;
import io.beth.stream.Sink;
import io.beth.stream.Source;
import io.beth.stream.internal.PollableSource;
import io.beth.transport.ConnectionException;
import io.netty.channel.AddressedEnvelope;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.ssl.SslCloseCompletionEvent;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A channel as a {@link DuplexStream}, with backpressure both ways: while a message read cannot be
 * put into the inbound source at once, the channel's auto-read is off; the next outbound message is
 * taken only while the channel is writable.
 *
 * <p>Lifetimes: the peer's end of input (or the channel closing) closes the source once every
 * message read was accepted; an I/O error fails it with a {@link ConnectionException}. Closing the
 * outbound sink writes what it accepted, then shuts the output down (with half-close) or, when the
 * inbound side is finished too or the channel uses TLS, closes the channel. Closing the inbound source stops reading. A
 * closed channel closes both halves and releases every message still queued for writing.
 *
 * <p>{@link #attach} adds the bridging handler last in the pipeline; call it from the channel's
 * initializer. Shared by the TCP and UDP transports; HTTP and WebSocket may reuse it.
 *
 * @param <I> the type of the messages received
 * @param <O> the type of the messages sent
 */
public final class ChannelStream<I, O> implements DuplexStream<I, O> {

  /** The name of the bridging handler in the pipeline. */
  public static final String HANDLER_NAME = "beth-stream";

  private final Channel channel;
  private final StreamCodec<I, O> codec;
  private final boolean halfClose;
  private final BufferedStream<I> inbound;
  private final BufferedStream<Object> queue;
  private final Sink<O> outbound = new OutboundSink();

  // Confined to the event loop.
  private int pendingPuts;
  private boolean inputEnded; // we ended the inbound source (peer end, close, error)
  private boolean endWhenAccepted; // end the source once pending puts are accepted
  private boolean consumerGaveUp; // the user closed the inbound source
  private final UnnestedLoop drainLoop = new UnnestedLoop(this::drainOnce);
  private final Runnable drain = this::drainOutbound;
  private final Runnable wakeUp = () -> onLoop(drain);
  private boolean outputFinished;
  private boolean reading;
  private boolean flushNeeded;
  private ChannelFuture lastWrite;

  private ChannelStream(
      Channel channel, StreamCodec<I, O> codec, int inboundCapacity, int outboundCapacity,
      boolean halfClose) {
    this.channel = channel;
    this.codec = codec;
    this.halfClose = halfClose;
    this.inbound = BufferedStream.create(inboundCapacity);
    this.queue = BufferedStream.create(outboundCapacity);
  }

  /**
   * Bridges {@code channel} to a new stream: adds the handler last in its pipeline.
   *
   * @param inboundCapacity messages read and held before auto-read turns off
   * @param outboundCapacity messages accepted and held before puts wait
   * @param halfClose whether closing the outbound sink shuts the output down (TCP) while reading
   *     goes on
   */
  public static <I, O> ChannelStream<I, O> attach(
      Channel channel, StreamCodec<I, O> codec, int inboundCapacity, int outboundCapacity,
      boolean halfClose) {
    ChannelStream<I, O> stream =
        new ChannelStream<>(channel, codec, inboundCapacity, outboundCapacity, halfClose);
    stream.inbound.closed().whenComplete((v, e) -> stream.onLoop(stream::inboundClosed));
    channel.pipeline().addLast(HANDLER_NAME, stream.new Handler());
    return stream;
  }

  /**
   * Ends the inbound source now, without reading more: for a transport that never receives (a
   * send-only socket). Call before the channel is active.
   */
  public void endInput() {
    channel.config().setAutoRead(false);
    onLoop(() -> endInbound(null));
  }

  /** The bridged channel. */
  public Channel channel() {
    return channel;
  }

  // ---- inbound, on the loop ---------------------------------------------------------------

  private void read(Object msg) {
    if (inputEnded || consumerGaveUp) {
      ReferenceCountUtil.release(msg);
      return;
    }
    I message;
    try {
      message = codec.decode(msg);
    } catch (Exception e) {
      abort(e);
      return;
    }
    if (message == null) {
      return;
    }
    CompletableFuture<Boolean> put = inbound.put(message);
    if (put.isDone()) {
      if (!Boolean.TRUE.equals(put.getNow(false))) {
        ReferenceCountUtil.release(message);
      }
      return;
    }
    pendingPuts++;
    channel.config().setAutoRead(false);
    put.whenComplete((ok, e) -> onLoop(() -> accepted(message, Boolean.TRUE.equals(ok))));
  }

  private void accepted(I message, boolean ok) {
    if (!ok) {
      ReferenceCountUtil.release(message);
    }
    if (--pendingPuts > 0) {
      return;
    }
    if (endWhenAccepted) {
      inbound.close();
    } else if (!inputEnded && !consumerGaveUp) {
      channel.config().setAutoRead(true);
    }
  }

  /** The peer finished (cause null) or the connection broke. */
  private void endInbound(Throwable cause) {
    if (inputEnded) {
      return;
    }
    inputEnded = true;
    if (cause != null) {
      inbound.fail(cause);
    } else if (pendingPuts == 0) {
      inbound.close();
    } else {
      endWhenAccepted = true;
    }
  }

  private void inboundClosed() {
    if (inputEnded) {
      return;
    }
    consumerGaveUp = true; // the user closed the source: stop reading
    channel.config().setAutoRead(false);
    closeIfDone();
  }

  // ---- outbound, on the loop --------------------------------------------------------------

  /**
   * Writes what the outbound queue holds while the channel is writable, polling it (no future per
   * message); when it is empty, arms a wake-up that runs this again on the loop once a message or
   * the end arrives. A call from inside one of its own writes (a flush there made the channel
   * writable again) only asks the running drain to go round again.
   */
  private void drainOutbound() {
    drainLoop.run();
  }

  private void drainOnce() {
    if (outputFinished || !channel.isActive()) {
      return;
    }
    boolean wrote = false;
    while (channel.isWritable()) {
      Object m = queue.poll();
      if (m == null) {
        if (queue.whenReady(wakeUp)) {
          if (wrote) {
            flushSoon(); // empty: the next put or the end runs this again
          }
          return;
        }
        if (!queue.isDrained()) {
          continue; // a message arrived meanwhile
        }
        taken(null, endCause());
        return;
      }
      if (!taken(m, null)) {
        return;
      }
      wrote = true;
    }
    if (wrote) {
      channel.flush(); // not writable: let the buffer drain
    }
  }

  /** The queue's end: null if it was closed, the cause if it failed. */
  private Throwable endCause() {
    CompletableFuture<Object> end = queue.take(); // drained: completes at once
    try {
      end.join();
      return null;
    } catch (RuntimeException e) {
      return e.getCause() != null ? e.getCause() : e;
    }
  }

  /** Handles one taken message; false if the output is finished. */
  private boolean taken(Object message, Throwable error) {
    if (outputFinished) {
      ReferenceCountUtil.release(message);
      return false;
    }
    if (error != null) {
      abort(error); // the user failed the sink: drop the connection
      return false;
    }
    if (message == null) {
      finishOutput();
      return false;
    }
    if (!channel.isActive()) {
      ReferenceCountUtil.release(message);
      return false;
    }
    // a datagram names its own recipient; a connection's writes share one listener
    Object recipient = message instanceof AddressedEnvelope
        ? ((AddressedEnvelope<?, ?>) message).recipient() : null;
    lastWrite = channel.write(message);
    lastWrite.addListener(recipient == null ? writeListener : (ChannelFutureListener) f -> {
      if (!f.isSuccess()) {
        writeFailed(f, "send to " + recipient);
      }
    });
    return true;
  }

  private final ChannelFutureListener writeListener = f -> {
    if (!f.isSuccess()) {
      writeFailed(f, "write to " + f.channel().remoteAddress());
    }
  };

  private void writeFailed(ChannelFuture f, String what) {
    if (f.channel().isActive()) {
      abort(new ConnectionException(what + " failed: " + f.cause(), f.cause()));
    }
  }

  private void flushSoon() {
    if (reading) {
      flushNeeded = true;
    } else {
      channel.flush();
    }
  }

  private void finishOutput() {
    outputFinished = true;
    channel.flush();
    if (inputEnded || consumerGaveUp || channel.pipeline().get(SslHandler.class) != null) {
      afterWrites(channel::close); // TLS: no half-close, close_notify and close
      return;
    }
    if (halfClose && channel instanceof DuplexChannel) {
      afterWrites(((DuplexChannel) channel)::shutdownOutput);
    }
  }

  private void afterWrites(Runnable action) {
    if (lastWrite == null || lastWrite.isDone()) {
      action.run();
    } else {
      lastWrite.addListener(f -> action.run());
    }
  }

  private void closeIfDone() {
    if (outputFinished && (inputEnded || consumerGaveUp)) {
      afterWrites(channel::close);
    }
  }

  /** Fails both halves with {@code cause} and closes the channel at once. */
  private void abort(Throwable cause) {
    endInbound(cause);
    queue.fail(cause);
    releaseQueued();
    channel.close();
  }

  private void channelClosed() {
    endInbound(null);
    queue.close();
    releaseQueued();
    if (consumerGaveUp) {
      releaseInbound();
    }
  }

  private void releaseQueued() {
    outputFinished = true;
    for (Object m; (m = queue.poll()) != null; ) {
      ReferenceCountUtil.release(m);
    }
  }

  private void releaseInbound() {
    while (true) {
      CompletableFuture<I> next = inbound.take();
      if (!next.isDone() || next.isCompletedExceptionally() || next.join() == null) {
        return;
      }
      ReferenceCountUtil.release(next.join());
    }
  }

  private void onLoop(Runnable task) {
    if (channel.eventLoop().inEventLoop()) {
      task.run();
    } else {
      channel.eventLoop().execute(task);
    }
  }

  private static Throwable describe(Channel channel, Throwable cause) {
    if (cause instanceof ConnectionException) {
      return cause;
    }
    String what = String.valueOf(cause.getMessage());
    String message = what.toLowerCase(java.util.Locale.ROOT).contains("reset")
        ? "connection reset by peer " + channel.remoteAddress() + ": " + what
        : "connection to " + channel.remoteAddress() + " failed: " + cause;
    return new ConnectionException(message, cause);
  }

  private final class Handler extends ChannelInboundHandlerAdapter {

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
      if (ctx.channel().isActive()) {
        drainOutbound();
      }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      ctx.fireChannelActive();
      drainOutbound();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      reading = true;
      ChannelStream.this.read(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      reading = false;
      if (flushNeeded) {
        flushNeeded = false;
        ctx.flush();
      }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      if (ctx.channel().isWritable()) {
        drainOutbound();
      }
      ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof ChannelInputShutdownEvent
          || (evt instanceof SslCloseCompletionEvent && ((SslCloseCompletionEvent) evt).isSuccess())) {
        endInbound(null);
        closeIfDone();
      }
      ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      channelClosed();
      ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      abort(describe(ctx.channel(), cause));
    }
  }

  // ---- DuplexStream -----------------------------------------------------------------------

  @Override
  public Source<I> inbound() {
    return inbound;
  }

  @Override
  public Sink<O> outbound() {
    return outbound;
  }

  @Override
  public CompletableFuture<I> take() {
    return inbound.take();
  }

  @Override
  public CompletableFuture<I> take(Duration timeout, I timeoutValue) {
    return inbound.take(timeout, timeoutValue);
  }

  @Override
  public boolean isDrained() {
    return inbound.isDrained();
  }

  /**
   * The next message received, if there is one now (see {@link PollableSource#poll()}). Only
   * {@code UdpChannel} declares {@link PollableSource} so far: polling cut the CPU per echoed
   * packet measurably, while for TCP chunks the echo benchmark could not tell a difference from
   * its run-to-run noise.
   */
  public I poll() {
    return inbound.poll();
  }

  /** See {@link PollableSource#whenReady(Runnable)}. */
  public boolean whenReady(Runnable wakeUp) {
    return inbound.whenReady(wakeUp);
  }

  @Override
  public CompletionStage<Void> drained() {
    return inbound.drained();
  }

  @Override
  public void subscribe(Flow.Subscriber<? super I> subscriber) {
    inbound.subscribe(subscriber);
  }

  @Override
  public CompletableFuture<Boolean> put(O message) {
    return outbound.put(message);
  }

  @Override
  public CompletableFuture<Boolean> put(O message, Duration timeout) {
    return outbound.put(message, timeout);
  }

  @Override
  public void fail(Throwable cause) {
    outbound.fail(cause);
  }

  @Override
  public CompletionStage<Void> closed() {
    return outbound.closed();
  }

  /** Closes both halves: what the sink accepted is still written, then the channel closes. */
  @Override
  public void close() {
    outbound.close();
    inbound.close();
  }

  @Override
  public boolean isClosed() {
    return inbound.isClosed() && queue.isClosed();
  }

  @Override
  public String toString() {
    return "ChannelStream[" + channel + ", inbound=" + inbound + ", outbound=" + queue + "]";
  }

  /** Converts each message on the putting thread, then queues it for the writer. */
  private final class OutboundSink implements Sink<O> {

    @Override
    public CompletableFuture<Boolean> put(O message) {
      return put(message, null);
    }

    @Override
    public CompletableFuture<Boolean> put(O message, Duration timeout) {
      Objects.requireNonNull(message, "message == null");
      Object encoded;
      try {
        encoded = codec.encode(message);
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
      CompletableFuture<Boolean> put = timeout == null ? queue.put(encoded) : queue.put(encoded, timeout);
      if (encoded != message) {
        if (put.isDone()) {
          if (!Boolean.TRUE.equals(put.getNow(false))) {
            ReferenceCountUtil.release(encoded);
          }
        } else {
          put.whenComplete((ok, e) -> {
            if (!Boolean.TRUE.equals(ok)) {
              ReferenceCountUtil.release(encoded);
            }
          });
        }
      }
      return put;
    }

    @Override
    public void close() {
      queue.close();
    }

    @Override
    public void fail(Throwable cause) {
      queue.fail(cause);
    }

    @Override
    public boolean isClosed() {
      return queue.isClosed();
    }

    @Override
    public CompletionStage<Void> closed() {
      return queue.closed();
    }

    @Override
    public String toString() {
      return "outbound of " + channel;
    }
  }
}
