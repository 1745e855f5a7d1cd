package io.beth.testing;

import io.netty.util.IllegalReferenceCountException;
import io.netty.util.internal.logging.AbstractInternalLogger;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Netty's logger factory in test JVMs: logs through SLF4J as Netty's own would, and hands every
 * warning or error that carries an {@link IllegalReferenceCountException} (a buffer released once
 * too often, which Netty only logs, for example when a flushed message is released twice) to a
 * reporter, so that a test class fails on it as on a leak.
 */
final class ReleaseWatchingLoggerFactory extends InternalLoggerFactory {

  private final Consumer<String> reporter;

  ReleaseWatchingLoggerFactory(Consumer<String> reporter) {
    this.reporter = reporter;
  }

  @Override
  protected InternalLogger newInstance(String name) {
    return new WatchingLogger(LoggerFactory.getLogger(name), reporter);
  }

  private static final class WatchingLogger extends AbstractInternalLogger {

    private static final long serialVersionUID = 1L;

    private final transient Logger log;
    private final transient Consumer<String> reporter;

    WatchingLogger(Logger log, Consumer<String> reporter) {
      super(log.getName());
      this.log = log;
      this.reporter = reporter;
    }

    /** Reports {@code message} if its last argument is or was caused by a reference count error. */
    private void watch(String message, Object... args) {
      if (args.length == 0 || !(args[args.length - 1] instanceof Throwable)) {
        return;
      }
      for (Throwable t = (Throwable) args[args.length - 1]; t != null; t = t.getCause()) {
        if (t instanceof IllegalReferenceCountException) {
          StringWriter trace = new StringWriter();
          ((Throwable) args[args.length - 1]).printStackTrace(new PrintWriter(trace));
          reporter.accept(
              "a buffer released once too often (" + name() + ": " + message + "):\n" + trace);
          return;
        }
      }
    }

    @Override
    public boolean isTraceEnabled() {
      return log.isTraceEnabled();
    }

    @Override
    public void trace(String msg) {
      log.trace(msg);
    }

    @Override
    public void trace(String format, Object arg) {
      log.trace(format, arg);
    }

    @Override
    public void trace(String format, Object argA, Object argB) {
      log.trace(format, argA, argB);
    }

    @Override
    public void trace(String format, Object... arguments) {
      log.trace(format, arguments);
    }

    @Override
    public void trace(String msg, Throwable t) {
      log.trace(msg, t);
    }

    @Override
    public boolean isDebugEnabled() {
      return log.isDebugEnabled();
    }

    @Override
    public void debug(String msg) {
      log.debug(msg);
    }

    @Override
    public void debug(String format, Object arg) {
      log.debug(format, arg);
    }

    @Override
    public void debug(String format, Object argA, Object argB) {
      log.debug(format, argA, argB);
    }

    @Override
    public void debug(String format, Object... arguments) {
      log.debug(format, arguments);
    }

    @Override
    public void debug(String msg, Throwable t) {
      log.debug(msg, t);
    }

    @Override
    public boolean isInfoEnabled() {
      return log.isInfoEnabled();
    }

    @Override
    public void info(String msg) {
      log.info(msg);
    }

    @Override
    public void info(String format, Object arg) {
      log.info(format, arg);
    }

    @Override
    public void info(String format, Object argA, Object argB) {
      log.info(format, argA, argB);
    }

    @Override
    public void info(String format, Object... arguments) {
      log.info(format, arguments);
    }

    @Override
    public void info(String msg, Throwable t) {
      log.info(msg, t);
    }

    @Override
    public boolean isWarnEnabled() {
      return log.isWarnEnabled();
    }

    @Override
    public void warn(String msg) {
      log.warn(msg);
    }

    @Override
    public void warn(String format, Object arg) {
      watch(format, arg);
      log.warn(format, arg);
    }

    @Override
    public void warn(String format, Object argA, Object argB) {
      watch(format, argA, argB);
      log.warn(format, argA, argB);
    }

    @Override
    public void warn(String format, Object... arguments) {
      watch(format, arguments);
      log.warn(format, arguments);
    }

    @Override
    public void warn(String msg, Throwable t) {
      watch(msg, t);
      log.warn(msg, t);
    }

    @Override
    public boolean isErrorEnabled() {
      return log.isErrorEnabled();
    }

    @Override
    public void error(String msg) {
      log.error(msg);
    }

    @Override
    public void error(String format, Object arg) {
      watch(format, arg);
      log.error(format, arg);
    }

    @Override
    public void error(String format, Object argA, Object argB) {
      watch(format, argA, argB);
      log.error(format, argA, argB);
    }

    @Override
    public void error(String format, Object... arguments) {
      watch(format, arguments);
      log.error(format, arguments);
    }

    @Override
    public void error(String msg, Throwable t) {
      watch(msg, t);
      log.error(msg, t);
    }
  }
}
