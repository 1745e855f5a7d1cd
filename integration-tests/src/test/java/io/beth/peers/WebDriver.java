package io.beth.peers;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Headless Chromium driven through chromedriver with plain W3C WebDriver calls over the JDK's HTTP
 * client (no Selenium): one browser session, closed with chromedriver by {@link #close()}.
 */
final class WebDriver implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

  private final PeerProcess chromedriver;
  private final HttpClient http;
  private String session;

  private WebDriver(PeerProcess chromedriver) {
    this.chromedriver = chromedriver;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /**
   * Starts chromedriver on a free port and opens a headless Chromium session with a fresh profile.
   */
  static WebDriver start(Path dir) throws Exception {
    String chromium = Peer.CHROMIUM.path();
    String driverPath = Peer.CHROMEDRIVER.path();
    PeerProcess chromedriver =
        PeerProcess.start(
            dir,
            Pattern.compile("started successfully"),
            Duration.ofSeconds(30),
            port -> List.of(driverPath, "--port=" + port, "--allowed-ips=127.0.0.1"));
    WebDriver driver = new WebDriver(chromedriver);
    try {
      ObjectNode options = JSON.createObjectNode();
      options.put("binary", chromium);
      options
          .putArray("args")
          .add("--headless")
          .add("--no-sandbox")
          .add("--disable-gpu")
          .add("--disable-quic")
          .add("--no-first-run")
          .add("--disable-background-networking")
          .add("--disable-component-update")
          .add("--disable-sync")
          .add("--user-data-dir=" + dir.resolve("chromium-profile"));
      ObjectNode body = JSON.createObjectNode();
      ObjectNode alwaysMatch = body.putObject("capabilities").putObject("alwaysMatch");
      alwaysMatch.put("browserName", "chrome");
      alwaysMatch.set("goog:chromeOptions", options);
      driver.session = driver.call("POST", "/session", body).get("sessionId").asText();
      return driver;
    } catch (Exception | AssertionError e) {
      driver.close();
      throw e;
    }
  }

  /** Loads {@code url} and waits until the page's load event. */
  void navigate(String url) throws Exception {
    ObjectNode body = JSON.createObjectNode();
    body.put("url", url);
    call("POST", "/session/" + session + "/url", body);
  }

  /**
   * The text of element {@code id} once it is not empty: an asynchronous script that answers as
   * soon as the element changes (a MutationObserver), within {@code timeout}.
   */
  String awaitText(String id, Duration timeout) throws Exception {
    ObjectNode timeouts = JSON.createObjectNode();
    timeouts.put("script", timeout.toMillis());
    call("POST", "/session/" + session + "/timeouts", timeouts);
    ObjectNode script = JSON.createObjectNode();
    script.put(
        "script",
        String.join(
            "\n",
            "const answer = arguments[arguments.length - 1];",
            "const element = document.getElementById(arguments[0]);",
            "if (element.textContent) { answer(element.textContent); return; }",
            "new MutationObserver(() => { if (element.textContent) answer(element.textContent); })",
            "    .observe(element, {childList: true, characterData: true, subtree: true});"));
    script.putArray("args").add(id);
    return call("POST", "/session/" + session + "/execute/async", script).asText();
  }

  private JsonNode call(String method, String path, JsonNode body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + chromedriver.port() + path))
            .timeout(CALL_TIMEOUT)
            .header("Content-Type", "application/json; charset=utf-8");
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      fail(
          method
              + " "
              + path
              + " answered "
              + response.statusCode()
              + ": "
              + response.body()
              + "\nchromedriver:\n"
              + chromedriver.output());
    }
    return JSON.readTree(response.body()).get("value");
  }

  /** Ends the browser session and kills chromedriver and the browser processes it left. */
  @Override
  public void close() {
    try {
      if (session != null) {
        call("DELETE", "/session/" + session, null);
      }
    } catch (Exception e) {
      throw new IllegalStateException("could not end the browser session", e);
    } finally {
      chromedriver.close();
    }
  }
}
