package io.beth.websocket.internal;

import io.beth.bytes.Bytes;
import io.beth.stream.BufferedStream;
import io.beth.stream.Sink;
import io.beth.stream.Source;
import io.beth.stream.internal.PollableSource;
import io.beth.transport.internal.InboundBridge;
import io.beth.transport.internal.OnLoop;
import io.beth.transport.internal.OutboundBridge;
import io.beth.transport.internal.ReadGate;
import io.beth.websocket.CloseStatus;
import io.beth.websocket.WebSocket;
import io.beth.websocket.WebSocketException;
import io.beth.websocket.WebSocketOptions;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.compression.DecompressionException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of an open WebSocket's pipeline and the {@link WebSocket} it stands for: data
 * frames (already aggregated) go into the inbound stream, with reads paused while it is full;
 * messages of the outbound stream become frames, taken only while the channel is writable. Control
 * frames, the close handshake and heartbeats are handled here. All state is touched on the
 * channel's event loop.
 */
public final class ChannelWebSocket extends ChannelInboundHandlerAdapter
    implements WebSocket, PollableSource<Object> {

  private static final Logger log = LoggerFactory.getLogger(ChannelWebSocket.class);

  private final Channel channel;
  private final WebSocketOptions options;
  private final String subprotocol;
  private final boolean compressed;
  private final InboundBridge<Object> inBridge;
  private final Source<Object> in;
  private final BufferedStream<Object> out;
  private final OutboundBridge<Object> outBridge;
  private final CompletableFuture<CloseStatus> closeStatus = new CompletableFuture<>();

  private ChannelHandlerContext ctx;
  private boolean closeSent;
  private boolean closeReceived;
  private boolean failing;
  private volatile CloseStatus closeToSend = new CloseStatus(CloseStatus.NORMAL, "");
  private ScheduledFuture<?> heartbeat;
  private long lastPingNanos;
  private long lastPongNanos;

  /** A socket over {@code channel}; add it last to the pipeline. */
  public ChannelWebSocket(
      Channel channel, WebSocketOptions options, String subprotocol, boolean compressed) {
    this.channel = channel;
    this.options = options;
    this.subprotocol = subprotocol == null || subprotocol.isEmpty() ? null : subprotocol;
    this.compressed = compressed;
    // a consumer that closed the inbound stream still gets the close handshake: reading goes on
    this.inBridge =
        InboundBridge.create(
            channel,
            options.inboundBuffer(),
            ReadGate.autoRead(channel),
            InboundBridge.WhenGone.DISCARD,
            () -> {});
    this.in = inBridge.source();
    this.out = BufferedStream.create(options.outboundBuffer());
    this.outBridge = new OutboundBridge<>(channel, out, new FrameWriter());
    out.closed().whenComplete((v, e) -> OnLoop.run(channel, this::pump));
  }

  // ---- the stream ------------------------------------------------------------------------

  @Override
  public Source<Object> inbound() {
    return in;
  }

  @Override
  public Sink<Object> outbound() {
    return out;
  }

  @Override
  public Object poll() {
    return inBridge.source().poll();
  }

  @Override
  public boolean whenReady(Runnable wakeUp) {
    return inBridge.source().whenReady(wakeUp);
  }

  @Override
  public void fail(Throwable cause) {
    closeToSend = new CloseStatus(CloseStatus.INTERNAL_ERROR, "");
    out.close();
  }

  @Override
  public void close() {
    in.close();
    out.close();
  }

  @Override
  public void close(int code, String reason) {
    if (!CloseStatus.maySend(code)) {
      throw new IllegalArgumentException(
          "close code "
              + code
              + " may not be sent (RFC 6455 7.4:"
              + " 1000-1003, 1007-1014 or 3000-4999)");
    }
    if (reason != null && reason.getBytes(StandardCharsets.UTF_8).length > 123) {
      throw new IllegalArgumentException(
          "a close reason is at most 123 bytes of UTF-8 (a control"
              + " frame holds 125), not "
              + reason.getBytes(StandardCharsets.UTF_8).length);
    }
    closeToSend = new CloseStatus(code, reason == null ? "" : reason);
    close();
  }

  @Override
  public String subprotocol() {
    return subprotocol;
  }

  @Override
  public boolean isCompressed() {
    return compressed;
  }

  @Override
  public InetSocketAddress remoteAddress() {
    return (InetSocketAddress) channel.remoteAddress();
  }

  @Override
  public CompletableFuture<CloseStatus> closeStatus() {
    return closeStatus;
  }

  // ---- the channel -----------------------------------------------------------------------

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    long interval = options.heartbeatInterval().toNanos();
    if (interval > 0) {
      heartbeat =
          ctx.executor().scheduleAtFixedRate(this::ping, interval, interval, TimeUnit.NANOSECONDS);
    }
    if (!channel.isActive()) {
      ended();
      return;
    }
    pump();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    outBridge.readStarted(); // flushes wait for the read's end: one write carries the answers
    try {
      if ((msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame)
          && ((WebSocketFrame) msg).content().readableBytes() > options.maxMessageSize()) {
        // the aggregator checks fragmented messages only: a single frame comes through whole
        tooBig(
            new TooLongFrameException(
                "a single-frame message of "
                    + ((WebSocketFrame) msg).content().readableBytes()
                    + " bytes"));
      } else if (msg instanceof TextWebSocketFrame text) {
        deliver(text.text());
      } else if (msg instanceof BinaryWebSocketFrame binary) {
        deliver(ByteBufUtil.getBytes(binary.content()));
      } else if (msg instanceof PingWebSocketFrame ping) {
        ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
      } else if (msg instanceof PongWebSocketFrame) {
        lastPongNanos = System.nanoTime();
      } else if (msg instanceof CloseWebSocketFrame close) {
        closeReceived(close);
      } else {
        log.debug("unexpected message on {}: {}", channel, msg);
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void deliver(Object message) {
    if (!closeReceived && !failing) {
      inBridge.deliver(message); // dropped if the consumer gave up
    }
  }

  private void closeReceived(CloseWebSocketFrame frame) {
    closeReceived = true;
    int code =
        frame.statusCode() < 0 ? CloseStatus.NO_STATUS : frame.statusCode(); // RFC 6455 7.1.5
    closeStatus.complete(
        new CloseStatus(code, frame.reasonText() == null ? "" : frame.reasonText()));
    inBridge.end(); // after the messages still waiting for room
    if (closeSent) {
      channel.close();
    } else {
      // answer with the same code (none for none), dropping what was not sent yet
      closeToSend = new CloseStatus(code == CloseStatus.ABNORMAL ? CloseStatus.NORMAL : code, "");
      releaseQueued();
      sendClose();
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    outBridge.readComplete();
    ctx.fireChannelReadComplete();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    outBridge.writabilityChanged();
    ctx.fireChannelWritabilityChanged();
  }

  /** Moves outbound messages to the channel while it is writable; the end sends the close. */
  private void pump() {
    if (ctx != null && !closeSent) {
      outBridge.resume();
    }
  }

  /** Turns the messages the outbound bridge takes into frames; its end sends the close. */
  private final class FrameWriter implements OutboundBridge.Writer<Object> {

    @Override
    public boolean write(Object message) {
      if (closeSent) {
        ReferenceCountUtil.release(message);
        return false;
      }
      WebSocketFrame frame = toFrame(message);
      if (frame == null) {
        log.warn("cannot send a {} on a WebSocket; closing it", message.getClass().getName());
        closeToSend = new CloseStatus(CloseStatus.INTERNAL_ERROR, "unsupported message type");
        releaseQueued();
        sendClose();
        return false;
      }
      channel.write(frame).addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
      return true;
    }

    @Override
    public void end(Throwable cause) {
      sendClose();
    }
  }

  private WebSocketFrame toFrame(Object message) {
    if (message instanceof WebSocketFrame frame) {
      return frame;
    }
    if (message instanceof CharSequence text) {
      // encoded straight into a pooled buffer of the exact size
      int length = ByteBufUtil.utf8Bytes(text);
      ByteBuf utf8 = channel.alloc().buffer(length);
      ByteBufUtil.reserveAndWriteUtf8(utf8, text, length);
      return new TextWebSocketFrame(utf8);
    }
    if (message instanceof ByteBuf buf) {
      return new BinaryWebSocketFrame(buf);
    }
    if (Bytes.isConvertible(message)) {
      return new BinaryWebSocketFrame(Bytes.toByteBuf(message, channel.alloc()));
    }
    ReferenceCountUtil.release(message);
    return null;
  }

  private void sendClose() {
    if (closeSent || !channel.isActive()) {
      return;
    }
    closeSent = true;
    CloseStatus status = closeToSend;
    CloseWebSocketFrame frame =
        status.code() == CloseStatus.NO_STATUS
            ? new CloseWebSocketFrame() // an empty close frame: 1005 is never sent on the wire
            : new CloseWebSocketFrame(status.code(), status.reason());
    channel
        .writeAndFlush(frame)
        .addListener(
            f -> {
              if (closeReceived || failing || !f.isSuccess()) {
                channel.close();
              } else {
                ctx.executor()
                    .schedule(
                        () -> {
                          if (channel.isActive()) {
                            closeStatus.complete(
                                new CloseStatus(
                                    CloseStatus.ABNORMAL,
                                    "no close frame from the peer within "
                                        + options.closeTimeout()));
                            channel.close();
                          }
                        },
                        options.closeTimeout().toNanos(),
                        TimeUnit.NANOSECONDS);
              }
            });
  }

  private void ping() {
    if (!channel.isActive()) {
      return;
    }
    long now = System.nanoTime();
    lastPingNanos = now;
    channel.writeAndFlush(new PingWebSocketFrame());
    ctx.executor()
        .schedule(
            () -> {
              if (lastPongNanos - now < 0 && channel.isActive()) {
                WebSocketException dead =
                    new WebSocketException(
                        "no pong within " + options.pongTimeout() + "; the peer is gone");
                closeStatus.complete(new CloseStatus(CloseStatus.ABNORMAL, dead.getMessage()));
                inBridge.fail(dead);
                channel.close();
              }
            },
            options.pongTimeout().toNanos(),
            TimeUnit.NANOSECONDS);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof TooLongFrameException) {
      tooBig(cause);
    } else if (cause instanceof DecompressionException) {
      // the inflater's buffer is bounded by the maximum message size (see Deflate)
      if (String.valueOf(cause.getMessage()).startsWith("Decompression buffer has reached")) {
        tooBig(cause);
      } else {
        protocolError(
            new CloseStatus(
                CloseStatus.INVALID_PAYLOAD, "a compressed message could not be inflated"),
            cause);
      }
    } else if (cause instanceof CorruptedWebSocketFrameException corrupt) {
      protocolError(new CloseStatus(corrupt.closeStatus().code(), reason(corrupt)), cause);
    } else {
      log.debug("WebSocket {} failed", channel, cause);
      inBridge.fail(new WebSocketException("WebSocket failed: " + cause.getMessage(), cause));
      channel.close();
    }
  }

  private void tooBig(Throwable cause) {
    protocolError(
        new CloseStatus(
            CloseStatus.MESSAGE_TOO_BIG,
            "message larger than " + options.maxMessageSize() + " bytes"),
        cause);
  }

  private static String reason(Throwable cause) {
    String message = String.valueOf(cause.getMessage());
    return message.length() > 120 ? message.substring(0, 120) : message;
  }

  /** Fails the connection: the close frame goes out, then the channel closes at once. */
  private void protocolError(CloseStatus status, Throwable cause) {
    failing = true;
    closeStatus.complete(status);
    closeToSend = status;
    releaseQueued();
    sendClose(); // before failing the inbound stream, whose consumer may fail the socket (1011)
    inBridge.fail(
        new WebSocketException(status.reason() + "; closed with " + status.code(), cause));
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    ended();
    ctx.fireChannelInactive();
  }

  private void ended() {
    if (heartbeat != null) {
      heartbeat.cancel(false);
    }
    if (!closeReceived) {
      WebSocketException abrupt =
          new WebSocketException("the connection closed without a WebSocket close frame");
      if (closeStatus.complete(new CloseStatus(CloseStatus.ABNORMAL, abrupt.getMessage()))) {
        inBridge.fail(abrupt);
      } else {
        inBridge.end();
      }
    }
    inBridge.releaseIfGone();
    releaseQueued();
  }

  /** Closes the outbound stream and releases the messages it accepted but never sent. */
  private void releaseQueued() {
    outBridge.cancel();
  }
}
