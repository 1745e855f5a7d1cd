package io.beth.http;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What is logged while it is open. The tests log through slf4j-simple, which writes each line to
 * whatever {@link System#err} is at that moment (its default {@code logFile}, not cached), so this
 * puts a copying stream there and restores the previous one on {@link #close()}. Lines of other
 * threads are copied too: look for what only the test logs.
 */
final class StandardErrorLog implements AutoCloseable {

  private final PrintStream previous = System.err;
  private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

  StandardErrorLog() {
    OutputStream tee =
        new OutputStream() {
          @Override
          public void write(int b) {
            synchronized (copy) {
              copy.write(b);
            }
            previous.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            synchronized (copy) {
              copy.write(b, off, len);
            }
            previous.write(b, off, len);
          }

          @Override
          public void flush() {
            previous.flush();
          }
        };
    System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
  }

  /** Everything written so far. */
  String text() {
    synchronized (copy) {
      return copy.toString(StandardCharsets.UTF_8);
    }
  }

  /** The line that contains {@code part}, or {@code null}. */
  String lineWith(String part) {
    for (String line : text().split("\n")) {
      if (line.contains(part)) {
        return line;
      }
    }
    return null;
  }

  @Override
  public void close() {
    System.setErr(previous);
  }
}
