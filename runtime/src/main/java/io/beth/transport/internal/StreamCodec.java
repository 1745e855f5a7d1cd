package io.beth.transport.internal;

/**
 * Converts between what a channel reads and writes and what a {@link ChannelStream} hands to and
 * accepts from its user.
 *
 * @param <I> the type of the messages the stream emits
 * @param <O> the type of the messages the stream accepts
 */
public interface StreamCodec<I, O> {

  /**
   * Converts a message read from the channel, taking ownership of it (release it unless it is
   * returned as is). Returns {@code null} to drop it; throwing fails the stream and closes the
   * connection. Called on the channel's event loop.
   */
  I decode(Object message) throws Exception;

  /**
   * Converts a message put by the user into what the channel writes. Throws {@link
   * IllegalArgumentException} for a message that cannot be sent: the put then fails with it. Called
   * on the putting thread.
   */
  Object encode(O message);
}
