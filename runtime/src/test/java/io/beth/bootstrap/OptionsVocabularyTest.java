package io.beth.bootstrap;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.codec.Codecs;
import io.beth.http.HttpClientOptions;
import io.beth.http.HttpHeaders;
import io.beth.http.HttpServerOptions;
import io.beth.http.InMemoryCookieStore;
import io.beth.http.ProxyOptions;
import io.beth.http.SelfSignedTls;
import io.beth.stream.DuplexStream;
import io.beth.stream.Streams;
import io.beth.tcp.TcpClient;
import io.beth.tcp.TcpClientOptions;
import io.beth.tcp.TcpServer;
import io.beth.tcp.TcpServerOptions;
import io.beth.transport.BethResources;
import io.beth.transport.Tls;
import io.beth.transport.Transport;
import io.beth.udp.UdpChannel;
import io.beth.udp.UdpOptions;
import io.beth.websocket.WebSocketOptions;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Every options class speaks one vocabulary: a {@code DEFAULT}, {@code builder()} and {@code
 * toBuilder()} that keeps every setting; the same names for the same ideas ({@code host}, {@code
 * tls}, {@code executor}, {@code inboundBuffer}/{@code outboundBuffer}, {@code eventLoopThreads},
 * {@code transport}); and the former names still working, forwarding to the new ones.
 */
class OptionsVocabularyTest {

  private static final List<Class<?>> OPTIONS =
      List.of(
          HttpServerOptions.class,
          HttpClientOptions.class,
          TcpServerOptions.class,
          TcpClientOptions.class,
          UdpOptions.class,
          WebSocketOptions.class,
          BethOptions.class,
          BethClientOptions.class,
          Tls.class);

  private static final SelfSignedTls CERTIFICATE = SelfSignedTls.create();

  @Test
  void everyOptionsClassHasADefaultConstantABuilderAndToBuilder() throws Exception {
    List<Class<?>> types = new ArrayList<>(OPTIONS);
    types.add(ProxyOptions.class);
    for (Class<?> type : types) {
      Field defaults = type.getField("DEFAULT");
      assertTrue(
          Modifier.isStatic(defaults.getModifiers()) && Modifier.isFinal(defaults.getModifiers()),
          type + ".DEFAULT");
      assertSame(type, defaults.getType(), type + ".DEFAULT");
      assertTrue(
          type.getMethod("toBuilder").getReturnType().getSimpleName().equals("Builder"),
          type + ".toBuilder()");
      if (type != ProxyOptions.class) { // a proxy's builder starts from its kind, host and port
        Method builder = type.getMethod("builder");
        assertTrue(Modifier.isStatic(builder.getModifiers()), type + ".builder()");
      }
    }
    assertSame(HttpClientOptions.DEFAULT, HttpClientOptions.defaults());
    assertSame(BethOptions.DEFAULT, BethOptions.defaults());
    assertSame(BethClientOptions.DEFAULT, BethClientOptions.defaults());
    assertSame(UdpOptions.DEFAULT, UdpOptions.SEND_ONLY);
    assertSame(ProxyOptions.direct(), ProxyOptions.DEFAULT);
  }

  @Test
  void toBuilderKeepsEverySetting() throws Exception {
    Executor executor = Runnable::run;
    BethResources resources = BethResources.builder().name("beth-vocabulary-test").build();
    try {
      Tls serverTls = CERTIFICATE.serverTls().toBuilder().alpn("http/1.1").build();
      List<Object> changed =
          List.of(
              HttpServerOptions.builder()
                  .host("127.0.0.1")
                  .port(8443)
                  .executor(executor)
                  .eventLoopThreads(3)
                  .transport(Transport.NIO)
                  .inboundBuffer(5)
                  .maxBodySize(7)
                  .idleTimeout(Duration.ofSeconds(3))
                  .compression(true)
                  .tls(serverTls)
                  .pipelineHook(p -> {})
                  .bootstrapHook(b -> {})
                  .rawBodies(true)
                  .build(),
              HttpClientOptions.builder()
                  .connectTimeout(Duration.ofSeconds(3))
                  .eventLoopThreads(2)
                  .tls(CERTIFICATE.clientTls())
                  .maxConnections(3)
                  .followRedirects(false)
                  .cookieStore(InMemoryCookieStore.create())
                  .codecs(Codecs.defaults())
                  .proxy(ProxyOptions.http("proxy.test", 3128).build())
                  .build(),
              TcpServerOptions.builder()
                  .host("127.0.0.1")
                  .port(7001)
                  .tls(CERTIFICATE.serverTls())
                  .executor(executor)
                  .resources(resources)
                  .inboundBuffer(3)
                  .outboundBuffer(4)
                  .pipelineHook(p -> {})
                  .build(),
              TcpClientOptions.builder()
                  .tls(CERTIFICATE.clientTls())
                  .serverName("beth.test")
                  .connectTimeout(Duration.ofSeconds(2))
                  .inboundBuffer(3)
                  .outboundBuffer(4)
                  .resources(resources)
                  .build(),
              UdpOptions.builder()
                  .host("127.0.0.1")
                  .port(7002)
                  .broadcast(true)
                  .maxPacketSize(512)
                  .inboundBuffer(3)
                  .outboundBuffer(4)
                  .multicastTtl(3)
                  .resources(resources)
                  .build(),
              WebSocketOptions.builder()
                  .tls(CERTIFICATE.clientTls())
                  .inboundBuffer(3)
                  .outboundBuffer(4)
                  .maxFrameSize(1000)
                  .compression(true)
                  .subprotocols("chat")
                  .headers(HttpHeaders.of("X-Test", "1"))
                  .connectTimeout(Duration.ofSeconds(2))
                  .resources(resources)
                  .build(),
              BethOptions.builder().port("tcp.Echo", 7003).freePorts().resources(resources).build(),
              serverTls.toBuilder()
                  .clientAuth(Tls.ClientAuth.REQUIRE)
                  .protocols("TLSv1.3")
                  .build());
      for (Object options : changed) {
        Object builder = options.getClass().getMethod("toBuilder").invoke(options);
        Object copy = builder.getClass().getMethod("build").invoke(builder);
        for (Method accessor : accessors(options.getClass())) {
          assertEquals(
              accessor.invoke(options),
              accessor.invoke(copy),
              options.getClass().getSimpleName() + "." + accessor.getName() + "()");
        }
        Object defaults = options.getClass().getField("DEFAULT").get(null);
        assertNotEquals(
            List.of(),
            differences(options, defaults),
            options.getClass().getSimpleName() + ": nothing was changed from the defaults");
      }
      BethClientOptions clients =
          BethClientOptions.builder()
              .baseUri(URI.create("http://localhost:1/"))
              .baseUri(String.class, URI.create("http://localhost:2/"))
              .build();
      BethClientOptions copy = clients.toBuilder().build();
      assertEquals(URI.create("http://localhost:1/"), copy.baseUri(Object.class));
      assertEquals(URI.create("http://localhost:2/"), copy.baseUri(String.class));
    } finally {
      resources.close();
    }
  }

  /** The public no-argument accessors of {@code type} whose values compare by equality. */
  private static List<Method> accessors(Class<?> type) {
    List<Method> found = new ArrayList<>();
    for (Method m : type.getMethods()) {
      if (m.getParameterCount() == 0
          && !Modifier.isStatic(m.getModifiers())
          && m.getReturnType() != void.class
          && m.getDeclaringClass() == type
          && !List.of("toBuilder", "newBuilder", "hashCode", "toString", "httpOptions")
              .contains(m.getName())) {
        found.add(m);
      }
    }
    assertTrue(found.size() > 1, "no accessors on " + type);
    return found;
  }

  private static List<String> differences(Object a, Object b) throws Exception {
    List<String> names = new ArrayList<>();
    for (Method accessor : accessors(a.getClass())) {
      if (!java.util.Objects.equals(accessor.invoke(a), accessor.invoke(b))) {
        names.add(accessor.getName());
      }
    }
    return names;
  }

  @Test
  @SuppressWarnings("deprecation")
  void theFormerNamesForwardToTheNewOnes() throws Exception {
    Executor executor = Runnable::run;
    InetAddress loopback = InetAddress.getLoopbackAddress();

    HttpServerOptions http =
        HttpServerOptions.builder()
            .ioThreads(3)
            .nativeTransport(false)
            .bodyBufferChunks(5)
            .sslContext(CERTIFICATE.serverContext())
            .build();
    assertEquals(3, http.eventLoopThreads());
    assertEquals(3, http.ioThreads());
    assertEquals(Transport.NIO, http.transport());
    assertEquals(false, http.nativeTransport());
    assertEquals(5, http.inboundBuffer());
    assertEquals(5, http.bodyBufferChunks());
    assertSame(CERTIFICATE.serverContext(), http.tls().sslContext());
    assertSame(CERTIFICATE.serverContext(), http.sslContext());
    assertEquals(null, http.toBuilder().nativeTransport(true).build().transport());
    assertEquals(3, http.newBuilder().build().eventLoopThreads());

    HttpClientOptions client =
        HttpClientOptions.builder()
            .ioThreads(2)
            .trustCertificates(CERTIFICATE.certificate())
            .insecure(true)
            .build();
    assertEquals(2, client.eventLoopThreads());
    assertEquals(List.of(CERTIFICATE.certificate()), client.tls().trustCertificates());
    assertTrue(client.insecure() && client.tls().insecure());
    assertEquals(false, client.toBuilder().insecure(false).build().tls().insecure());

    TcpServerOptions tcpServer =
        TcpServerOptions.builder()
            .bindAddress(loopback)
            .handlerExecutor(executor)
            .tls(CERTIFICATE.serverContext())
            .build();
    assertEquals(loopback.getHostAddress(), tcpServer.host());
    assertEquals(loopback, tcpServer.bindAddress());
    assertSame(executor, tcpServer.executor());
    assertSame(executor, tcpServer.handlerExecutor());
    assertSame(CERTIFICATE.serverContext(), tcpServer.tls().sslContext());

    TcpClientOptions tcpClient =
        TcpClientOptions.builder()
            .hostnameVerification(false)
            .tls(CERTIFICATE.nettyClientContext())
            .build();
    assertEquals(false, tcpClient.tls().hostnameVerification());
    assertEquals(false, tcpClient.hostnameVerification());
    assertEquals(
        true,
        TcpClientOptions.builder().tls(CERTIFICATE.clientTls()).build().hostnameVerification());

    UdpOptions udp = UdpOptions.builder().bindAddress(loopback).build();
    assertEquals(loopback.getHostAddress(), udp.host());
    assertEquals(loopback, udp.bindAddress());

    WebSocketOptions ws =
        WebSocketOptions.builder()
            .bufferSize(7)
            .sslContext(CERTIFICATE.nettyClientContext())
            .build();
    assertEquals(7, ws.inboundBuffer());
    assertEquals(7, ws.outboundBuffer());
    assertEquals(7, ws.bufferSize());
    assertSame(ws.tls().sslContext(), ws.sslContext());
    assertSame(Tls.DEFAULT, ws.toBuilder().sslContext(null).build().tls());
  }

  @Test
  void hostBindsTcpAndUdpToThatAddressAndExecutorRunsTcpHandlers() throws Exception {
    AtomicInteger dispatched = new AtomicInteger();
    Executor counting =
        task -> {
          dispatched.incrementAndGet();
          task.run();
        };
    try (TcpServer server =
        TcpServer.start(
                (stream, info) -> Streams.connect(stream, stream),
                TcpServerOptions.builder().host("127.0.0.1").executor(counting).build())
            .get(10, SECONDS)) {
      assertEquals(InetAddress.getByName("127.0.0.1"), server.address().getAddress());
      DuplexStream<byte[], Object> client =
          TcpClient.connect("127.0.0.1", server.address().getPort(), TcpClientOptions.DEFAULT)
              .get(10, SECONDS);
      client.put("x");
      assertEquals("x", new String(client.take().get(10, SECONDS)));
      assertEquals(1, dispatched.get());
      client.close();
    }
    UdpChannel socket =
        UdpChannel.open(UdpOptions.builder().host("127.0.0.1").port(0).build()).get(10, SECONDS);
    try {
      assertEquals(InetAddress.getByName("127.0.0.1"), socket.localAddress().getAddress());
    } finally {
      socket.close();
    }
  }
}
