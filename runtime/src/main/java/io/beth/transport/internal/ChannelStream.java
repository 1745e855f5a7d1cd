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

/**
 * A TCP connection or UDP socket as a {@link DuplexStream}, over the two sides of the bridge: an
 * {@link InboundBridge} (auto-read off while a message read waits for room) and an {@link
 * OutboundBridge} (the next message taken only while the channel is writable).
 *
 * <p>Lifetimes: the peer's end of input (or the channel closing) closes the source once every
 * message read was accepted; an I/O error fails it with a {@link ConnectionException}. Closing the
 * outbound sink writes what it accepted, then shuts the output down (with half-close) or, when the
 * inbound side is finished too or the channel uses TLS, closes the channel. Closing the inbound
 * source stops reading. A closed channel closes both halves and releases every message still queued
 * for writing.
 *
 * <p>{@link #attach} adds the bridging handler last in the pipeline; call it from the channel's
 * initializer.
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
  private final InboundBridge<I> in;
  private final PollableSource<I> inbound;
  private final BufferedStream<Object> queue;
  private final OutboundBridge<Object> out;
  private final Sink<O> outbound = new OutboundSink();

  // Confined to the event loop.
  private boolean outputFinished;
  private ChannelFuture lastWrite;

  private ChannelStream(
      Channel channel,
      StreamCodec<I, O> codec,
      int inboundCapacity,
      int outboundCapacity,
      boolean halfClose) {
    this.channel = channel;
    this.codec = codec;
    this.halfClose = halfClose;
    this.in =
        InboundBridge.create(
            channel,
            inboundCapacity,
            ReadGate.autoRead(channel),
            InboundBridge.WhenGone.STOP_READING,
            this::closeIfDone);
    this.inbound = in.source();
    this.queue = BufferedStream.create(outboundCapacity);
    this.out = new OutboundBridge<>(channel, queue, new Writer());
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
      Channel channel,
      StreamCodec<I, O> codec,
      int inboundCapacity,
      int outboundCapacity,
      boolean halfClose) {
    ChannelStream<I, O> stream =
        new ChannelStream<>(channel, codec, inboundCapacity, outboundCapacity, halfClose);
    channel.pipeline().addLast(HANDLER_NAME, stream.new Handler());
    return stream;
  }

  /**
   * Ends the inbound source now, without reading more: for a transport that never receives (a
   * send-only socket). Call before the channel is active.
   */
  public void endInput() {
    channel.config().setAutoRead(false);
    OnLoop.run(channel, in::end);
  }

  /** The bridged channel. */
  public Channel channel() {
    return channel;
  }

  // ---- inbound, on the loop ---------------------------------------------------------------

  private void read(Object msg) {
    if (in.isEnded() || in.isGone()) {
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
    if (message != null) {
      in.deliver(message);
    }
  }

  // ---- outbound, on the loop --------------------------------------------------------------

  /** Writes the messages the outbound bridge takes; a connection's writes share one listener. */
  private final class Writer implements OutboundBridge.Writer<Object> {

    @Override
    public boolean write(Object message) {
      if (outputFinished || !channel.isActive()) {
        ReferenceCountUtil.release(message);
        return false;
      }
      // a datagram names its own recipient
      Object recipient =
          message instanceof AddressedEnvelope
              ? ((AddressedEnvelope<?, ?>) message).recipient()
              : null;
      lastWrite = channel.write(message);
      lastWrite.addListener(
          recipient == null
              ? writeListener
              : (ChannelFutureListener)
                  f -> {
                    if (!f.isSuccess()) {
                      writeFailed(f, "send to " + recipient);
                    }
                  });
      return true;
    }

    @Override
    public void end(Throwable cause) {
      if (cause != null) {
        abort(cause); // the user failed the sink: drop the connection
      } else if (!outputFinished) {
        finishOutput();
      }
    }
  }

  private final ChannelFutureListener writeListener =
      f -> {
        if (!f.isSuccess()) {
          writeFailed(f, "write to " + f.channel().remoteAddress());
        }
      };

  private void writeFailed(ChannelFuture f, String what) {
    if (f.channel().isActive()) {
      abort(new ConnectionException(what + " failed: " + f.cause(), f.cause()));
    }
  }

  private void finishOutput() {
    outputFinished = true;
    channel.flush();
    if (in.isEnded() || in.isGone() || channel.pipeline().get(SslHandler.class) != null) {
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

  /** Both halves are finished (the consumer gave up or the input ended): close. */
  private void closeIfDone() {
    if (outputFinished && (in.isEnded() || in.isGone())) {
      afterWrites(channel::close);
    }
  }

  /** Fails both halves with {@code cause} and closes the channel at once. */
  private void abort(Throwable cause) {
    in.fail(cause);
    queue.fail(cause);
    stopOutput();
    channel.close();
  }

  private void channelClosed() {
    in.end();
    queue.close();
    stopOutput();
    in.releaseIfGone();
  }

  private void stopOutput() {
    outputFinished = true;
    out.cancel();
  }

  private static Throwable describe(Channel channel, Throwable cause) {
    if (cause instanceof ConnectionException) {
      return cause;
    }
    String what = String.valueOf(cause.getMessage());
    String message =
        what.toLowerCase(java.util.Locale.ROOT).contains("reset")
            ? "connection reset by peer " + channel.remoteAddress() + ": " + what
            : "connection to " + channel.remoteAddress() + " failed: " + cause;
    return new ConnectionException(message, cause);
  }

  private final class Handler extends ChannelInboundHandlerAdapter {

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
      if (ctx.channel().isActive()) {
        out.resume();
      }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      ctx.fireChannelActive();
      out.resume();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      out.readStarted();
      ChannelStream.this.read(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      out.readComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      out.writabilityChanged();
      ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof ChannelInputShutdownEvent
          || (evt instanceof SslCloseCompletionEvent
              && ((SslCloseCompletionEvent) evt).isSuccess())) {
        in.end();
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

  /**
   * The next message received, if there is one now (see {@link PollableSource#poll()}). Only {@code
   * UdpChannel} declares {@link PollableSource} so far: polling cut the CPU per echoed packet
   * measurably, while for TCP chunks the echo benchmark could not tell a difference from its
   * run-to-run noise.
   */
  public I poll() {
    return inbound.poll();
  }

  /** See {@link PollableSource#whenReady(Runnable)}. */
  public boolean whenReady(Runnable wakeUp) {
    return inbound.whenReady(wakeUp);
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
      CompletableFuture<Boolean> put =
          timeout == null ? queue.put(encoded) : queue.put(encoded, timeout);
      if (encoded != message) {
        if (put.isDone()) {
          if (!Boolean.TRUE.equals(put.getNow(false))) {
            ReferenceCountUtil.release(encoded);
          }
        } else {
          put.whenComplete(
              (ok, e) -> {
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
