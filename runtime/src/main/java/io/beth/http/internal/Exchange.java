package io.beth.http.internal;

import io.beth.http.HttpRequest;
import io.beth.transport.internal.InboundBridge;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;

/** One request and its response on a connection: the state the connection handler tracks. */
final class Exchange {

  final HttpRequest request;
  /** The request body as the server fills it, or null when the request has none. */
  final InboundBridge<Object> body;
  final HttpVersion version;
  final boolean head;
  final boolean keepAliveRequested;

  /** The last body chunk was decoded. */
  boolean lastReceived;
  /** Body chunks are dropped: the consumer went away or the response is complete. */
  boolean discarding;
  /** Close the connection after the response whatever was asked. */
  boolean closeAfter;
  boolean responseStarted;
  boolean responseDone;
  boolean keepAliveResponse;
  /** The streamed response body being written, or null. */
  BodyWriter writer;
  /** An upgrade waiting for the end of the request. */
  io.beth.http.ConnectionUpgrade pendingUpgrade;

  Exchange(
      HttpRequest request,
      InboundBridge<Object> body,
      HttpVersion version,
      boolean head,
      boolean keepAliveRequested) {
    this.request = request;
    this.body = body;
    this.version = version;
    this.head = head;
    this.keepAliveRequested = keepAliveRequested;
  }

  /** Stops delivering the body: the consumer sees the end (or {@code cause}); buffers are freed. */
  void endBody(IOException cause) {
    discarding = true;
    if (body != null) {
      if (cause != null && !lastReceived) {
        body.fail(cause);
      }
      body.discard();
    }
  }

  /** Writes that continue after the response head: streamed bodies. */
  interface BodyWriter {
    /** The channel's writability changed. */
    void writabilityChanged();

    /** The connection closed: stop producing and free what is held. */
    void abort();
  }
}
