package io.beth.http;

import java.time.Duration;

/**
 * One Server-Sent Event: data with an optional id, event type, reconnection delay and comment.
 * Immutable; {@link #of(String)} or {@link #builder()}. See {@link ServerSentEvents}.
 */
public final class ServerSentEvent {

  private final String id;
  private final String event;
  private final String data;
  private final Duration retry;
  private final String comment;

  private ServerSentEvent(Builder b) {
    this.id = b.id;
    this.event = b.event;
    this.data = b.data;
    this.retry = b.retry;
    this.comment = b.comment;
  }

  /** An event of type {@code message} carrying {@code data} (which may span lines). */
  public static ServerSentEvent of(String data) {
    return builder().data(data).build();
  }

  /** An event of type {@code event} carrying {@code data}. */
  public static ServerSentEvent of(String event, String data) {
    return builder().event(event).data(data).build();
  }

  /** A comment only, which clients ignore. */
  public static ServerSentEvent comment(String comment) {
    return builder().comment(comment).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The id, or {@code null}. */
  public String id() {
    return id;
  }

  /** The event type, or {@code null} for the default {@code message}. */
  public String event() {
    return event;
  }

  /** The data, or {@code null}. */
  public String data() {
    return data;
  }

  /** The reconnection delay to advise, or {@code null}. */
  public Duration retry() {
    return retry;
  }

  /** The comment, or {@code null}. */
  public String comment() {
    return comment;
  }

  /** The event in the {@code text/event-stream} format, ending with its blank line. */
  public String encode() {
    StringBuilder sb = new StringBuilder();
    if (comment != null) {
      for (String line : comment.split("\r\n|\r|\n", -1)) {
        sb.append(':').append(line.isEmpty() ? "" : " " + line).append('\n');
      }
    }
    if (id != null) {
      sb.append("id: ").append(id).append('\n');
    }
    if (event != null) {
      sb.append("event: ").append(event).append('\n');
    }
    if (retry != null) {
      sb.append("retry: ").append(retry.toMillis()).append('\n');
    }
    if (data != null) {
      for (String line : data.split("\r\n|\r|\n", -1)) {
        sb.append("data: ").append(line).append('\n');
      }
    }
    return sb.append('\n').toString();
  }

  @Override
  public String toString() {
    return "ServerSentEvent[" + encode().trim().replace('\n', ' ') + "]";
  }

  /** Builds a {@link ServerSentEvent}. */
  public static final class Builder {
    private String id;
    private String event;
    private String data;
    private Duration retry;
    private String comment;

    Builder() {}

    /** The id; no line breaks or NUL. */
    public Builder id(String id) {
      this.id = singleLine(id, "id");
      if (id != null && id.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("id contains NUL");
      }
      return this;
    }

    /** The event type; no line breaks. */
    public Builder event(String event) {
      this.event = singleLine(event, "event");
      return this;
    }

    public Builder data(String data) {
      this.data = data;
      return this;
    }

    public Builder retry(Duration retry) {
      if (retry != null && retry.isNegative()) {
        throw new IllegalArgumentException("retry < 0: " + retry);
      }
      this.retry = retry;
      return this;
    }

    public Builder comment(String comment) {
      this.comment = comment;
      return this;
    }

    public ServerSentEvent build() {
      if (id == null && event == null && data == null && retry == null && comment == null) {
        throw new IllegalStateException("an event needs at least one field");
      }
      return new ServerSentEvent(this);
    }

    private static String singleLine(String value, String name) {
      if (value != null && (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0)) {
        throw new IllegalArgumentException(name + " contains a line break");
      }
      return value;
    }
  }
}
