package io.beth.testing;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when Netty's leak detector reported a leak, or Netty logged a buffer released
 * once too often, while it ran. Registered for every test class through JUnit's extension
 * auto-detection (enabled in the parent pom's Surefire configuration); Netty's detector runs at
 * {@code paranoid} in every test JVM.
 */
public final class LeakDetectionExtension implements BeforeAllCallback, AfterAllCallback {

  @Override
  public void beforeAll(ExtensionContext context) {
    NettyLeaks.install();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    List<String> leaks = NettyLeaks.collect();
    if (!leaks.isEmpty()) {
      throw new AssertionError(
          leaks.size()
              + " Netty leak(s) or double release(s) reported during "
              + context.getDisplayName()
              + ":\n"
              + String.join("\n\n", leaks));
    }
  }
}
