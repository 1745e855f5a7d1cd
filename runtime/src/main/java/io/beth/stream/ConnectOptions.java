package io.beth.stream;

/**
 * How {@link Streams#connect(Source, Sink, ConnectOptions)} ties the lifetimes of its two ends.
 *
 * @param downstream close (or fail) the sink when the source is drained (or failed)
 * @param upstream close the source when the sink is closed
 */
public record ConnectOptions(boolean downstream, boolean upstream) {

  /** Both directions: the default of {@link Streams#connect(Source, Sink)}. */
  public static final ConnectOptions DEFAULT = new ConnectOptions(true, true);

  /** Neither end is closed by the other; only messages move. */
  public static final ConnectOptions NONE = new ConnectOptions(false, false);
}
