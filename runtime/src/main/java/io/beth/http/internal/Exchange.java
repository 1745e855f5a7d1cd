package io.beth.http.internal;

import io.beth.http.ConnectionUpgrade;
import io.beth.http.HttpRequest;
import io.beth.transport.internal.InboundBridge;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;

/**
 * One request and its response on a connection: what the connection's handlers pass along (the
 * request reader creates it and fires it down the pipeline) and the state they share. The state is
 * one {@link State}; its transitions are the three methods {@link #requestComplete}, {@link
 * #responseStarted} and {@link #responseDone}, and nothing else changes it. Event loop only.
 */
final class Exchange {

  /** Where an exchange is: how much of the request arrived, how much of the response left. */
  enum State {
    /** The request's body is still arriving; no response yet. */
    RECEIVING,
    /** The request is complete; no response yet (the handler runs). */
    HANDLING,
    /** A response is being written while the request's body still arrives. */
    RESPONDING_EARLY,
    /** A response is being written; the request is complete. */
    RESPONDING,
    /** The response is written but the request's body still arrives: it is read and dropped. */
    ANSWERED_EARLY,
    /** The response is written and the request complete: the next exchange may begin. */
    DONE;

    boolean requestComplete() {
      return this == HANDLING || this == RESPONDING || this == DONE;
    }

    boolean responseStarted() {
      return this != RECEIVING && this != HANDLING;
    }

    boolean responseDone() {
      return this == ANSWERED_EARLY || this == DONE;
    }
  }

  final HttpRequest request;

  /** The request body as the server fills it, or null when the request has none. */
  final InboundBridge<Object> body;

  final HttpVersion version;
  final boolean head;
  final boolean keepAliveRequested;

  /** The request's {@code Expect} header, or null (nearly always). */
  final String expect;

  private State state;

  /** Body chunks are dropped: the consumer went away or the response is complete. */
  boolean discarding;

  /** Close the connection after the response whatever was asked. */
  boolean closeAfter;

  boolean keepAliveResponse;

  /** The streamed response body being written, or null. */
  BodyWriter writer;

  /** An upgrade waiting for the end of the request. */
  ConnectionUpgrade pendingUpgrade;

  Exchange(
      HttpRequest request,
      InboundBridge<Object> body,
      HttpVersion version,
      boolean head,
      boolean keepAliveRequested,
      boolean requestComplete,
      String expect) {
    this.request = request;
    this.body = body;
    this.version = version;
    this.head = head;
    this.keepAliveRequested = keepAliveRequested;
    this.expect = expect;
    this.state = requestComplete ? State.HANDLING : State.RECEIVING;
  }

  State state() {
    return state;
  }

  boolean lastReceived() {
    return state.requestComplete();
  }

  boolean isResponseStarted() {
    return state.responseStarted();
  }

  boolean isResponseDone() {
    return state.responseDone();
  }

  /** The last of the request arrived. */
  void requestComplete() {
    state =
        switch (state) {
          case RECEIVING -> State.HANDLING;
          case RESPONDING_EARLY -> State.RESPONDING;
          case ANSWERED_EARLY -> State.DONE;
          default -> throw new IllegalStateException("request complete twice: " + state);
        };
  }

  /**
   * A response (or an error status) begins: returns false, changing nothing, if one had begun
   * already, so that each exchange is answered once.
   */
  boolean responseStarted() {
    switch (state) {
      case RECEIVING -> state = State.RESPONDING_EARLY;
      case HANDLING -> state = State.RESPONDING;
      default -> {
        return false;
      }
    }
    return true;
  }

  /** The response is written (or failed): returns false if it was done already. */
  boolean responseDone() {
    switch (state) {
      case RESPONDING_EARLY -> state = State.ANSWERED_EARLY;
      case RESPONDING -> state = State.DONE;
      case RECEIVING -> state = State.ANSWERED_EARLY; // an answer written without a start
      case HANDLING -> state = State.DONE;
      default -> {
        return false;
      }
    }
    writer = null;
    return true;
  }

  /** Stops delivering the body: the consumer sees the end (or {@code cause}); buffers are freed. */
  void endBody(IOException cause) {
    discarding = true;
    if (body != null) {
      if (cause != null && !lastReceived()) {
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

  @Override
  public String toString() {
    return "Exchange[" + request.method() + " " + request.uri() + ", " + state + "]";
  }
}
