package io.beth.processor.base;

/**
 * The runtime types the processor refers to, by name only: the processor never depends on the
 * runtime, so these names are the contract between the two modules.
 */
public final class RuntimeNames {

  public static final String HTTP_REQUEST = "io.beth.http.HttpRequest";
  public static final String HTTP_RESPONSE = "io.beth.http.HttpResponse";
  public static final String HTTP_RESPONSE_BUILDER = "io.beth.http.HttpResponse.Builder";
  public static final String BETH_APPLICATION = "io.beth.bootstrap.BethApplication";
  public static final String SERVER_SENT_EVENT = "io.beth.http.ServerSentEvent";
  public static final String SOURCE = "io.beth.stream.Source";
  public static final String WEBSOCKET_HANDLER = "io.beth.websocket.WebSocketHandler";
  public static final String TCP_HANDLER = "io.beth.tcp.TcpConnectionHandler";
  public static final String UDP_HANDLER = "io.beth.udp.UdpSocketHandler";

  public static final String JAKARTA_INJECT = "jakarta.inject.Inject";
  public static final String JAVAX_INJECT = "javax.inject.Inject";
  public static final String JAKARTA_PROVIDER = "jakarta.inject.Provider";
  public static final String JAVAX_PROVIDER = "javax.inject.Provider";
  public static final String JAKARTA_QUALIFIER = "jakarta.inject.Qualifier";
  public static final String JAVAX_QUALIFIER = "javax.inject.Qualifier";
  public static final String JAKARTA_SCOPE = "jakarta.inject.Scope";
  public static final String JAVAX_SCOPE = "javax.inject.Scope";

  public static final String DAGGER_COMPONENT = "dagger.Component";
  public static final String DAGGER_MODULE = "dagger.Module";
  public static final String DAGGER_LAZY = "dagger.Lazy";

  private RuntimeNames() {}
}
