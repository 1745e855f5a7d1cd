package io.beth.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page served by the example application, loaded in headless Chromium: the browser's own {@code
 * EventSource} and {@code WebSocket} against Beth's server.
 */
class ChromiumTest {

  @TempDir Path dir;

  @Test
  void thePageGetsTheWebSocketEchoAndTheServerSentEventsFromTheExample() throws Exception {
    JsonNode report;
    try (ExampleApp app = ExampleApp.start(dir)) {
      try (WebDriver browser = WebDriver.start(dir)) {
        browser.navigate(app.url("/peers.html"));
        report = new ObjectMapper().readTree(browser.awaitText("result", Duration.ofSeconds(60)));
      }
      app.stopAndAssertCleanExit();
    }
    assertEquals("[\"0\",\"1\",\"2\"]", report.get("events").toString(), report.toString());
    // The text message came back as text, the binary one as binary, byte for byte.
    assertEquals(
        "[{\"text\":\"hello from the browser\"},{\"binary\":[1,2,3,250]}]",
        report.get("websocket").toString(),
        report.toString());
  }
}
