package io.beth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.beth.processor.Sources.compile;
import static io.beth.processor.Sources.file;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The rules on handler classes: Dagger must construct them, and they implement their contract. */
class HandlerValidationTest {

  @Test
  void aHandlerWithoutInjectOrPublicNoArgConstructorIsAnError() {
    JavaFileObject source =
        file(
            "Users",
            "public class Users {",
            "  public Users(String name) {}",
            "  @HttpRoute(method = \"GET\", path = \"/users\")",
            "  public String all() { return \"\"; }",
            "}");
    assertThat(compile(source))
        .hadErrorContaining(
            BethMessages.HANDLER_CONSTRUCTOR
                + " Dagger cannot construct Users: it has no @Inject constructor and no public"
                + " constructor without parameters; annotate one constructor with @jakarta.inject.Inject")
        .inFile(source)
        .onLineContaining("public class Users");
  }

  @Test
  void anAbstractHandlerIsAnError() {
    JavaFileObject source =
        file(
            "Echo",
            "@TcpHandler(port = 7000)",
            "public abstract class Echo implements io.beth.tcp.TcpConnectionHandler {"
                + Sources.TCP
                + "}");
    assertThat(compile(source))
        .hadErrorContaining(
            BethMessages.HANDLER_CONSTRUCTOR + " Dagger cannot construct Echo: it is abstract")
        .inFile(source)
        .onLineContaining("abstract class Echo");
  }

  @Test
  void aHandlerThatIsNotPublicIsAnError() {
    JavaFileObject source =
        file(
            "Users",
            "class Users {",
            "  @HttpRoute(method = \"GET\", path = \"/users\")",
            "  public String all() { return \"\"; }",
            "}");
    assertThat(compile(source))
        .hadErrorContaining(
            BethMessages.HANDLER_CONSTRUCTOR + " Dagger cannot construct Users: it is not public")
        .inFile(source)
        .onLineContaining("class Users");
  }

  @Test
  void anInnerHandlerClassIsAnError() {
    JavaFileObject source =
        file(
            "Outer",
            "public class Outer {",
            "  public class Users {",
            "    @HttpRoute(method = \"GET\", path = \"/users\")",
            "    public String all() { return \"\"; }",
            "  }",
            "}");
    assertThat(compile(source))
        .hadErrorContaining(
            BethMessages.HANDLER_CONSTRUCTOR
                + " Dagger cannot construct Users: it is an inner class; make it static or top-level")
        .inFile(source)
        .onLineContaining("public class Users");
  }

  @Test
  void aGenericHandlerIsAnError() {
    JavaFileObject source =
        file(
            "Users",
            "public class Users<T> {",
            "  @HttpRoute(method = \"GET\", path = \"/users\")",
            "  public String all() { return \"\"; }",
            "}");
    assertThat(compile(source))
        .hadErrorContaining(
            BethMessages.HANDLER_CONSTRUCTOR + " Dagger cannot construct Users: it is generic")
        .inFile(source)
        .onLineContaining("class Users<T>");
  }

  @Test
  void aPrivateInjectConstructorIsAnErrorOnTheConstructor() {
    JavaFileObject source =
        file(
            "Users",
            "public class Users {",
            "  @Inject private Users() {}",
            "  @HttpRoute(method = \"GET\", path = \"/users\")",
            "  public String all() { return \"\"; }",
            "}");
    assertThat(compile(source))
        .hadErrorContaining(
            BethMessages.HANDLER_CONSTRUCTOR
                + " Dagger cannot construct Users: its @Inject constructor is private")
        .inFile(source)
        .onLineContaining("private Users()");
  }

  @Test
  void aPackagePrivateInjectConstructorWithDependenciesIsAccepted() {
    JavaFileObject source =
        file(
            "Users",
            "public class Users {",
            "  @Inject Users(Runnable service) {}",
            "  @HttpRoute(method = \"GET\", path = \"/users\")",
            "  public String all() { return \"\"; }",
            "}");
    assertThat(compile(source)).succeededWithoutWarnings();
  }

  @Test
  void anotherFrameworksInjectOnTheConstructorIsAnErrorNamingJakartaInject() {
    JavaFileObject guice =
        JavaFileObjects.forSourceLines(
            "com.google.inject.Inject",
            "package com.google.inject;",
            "public @interface Inject {}");
    JavaFileObject source =
        file(
            "Users",
            "public class Users {",
            "  @com.google.inject.Inject public Users(Runnable service) {}",
            "  @HttpRoute(method = \"GET\", path = \"/users\")",
            "  public String all() { return \"\"; }",
            "}");
    assertThat(compile(guice, source))
        .hadErrorContaining(
            BethMessages.HANDLER_CONSTRUCTOR
                + " Dagger cannot construct Users through this constructor: @com.google.inject.Inject is"
                + " Guice's, which Dagger does not read; annotate it with @jakarta.inject.Inject instead.")
        .inFile(source)
        .onLineContaining("@com.google.inject.Inject public Users");
  }

  @Test
  void injectFieldsOnAHandlerTheModuleCreatesWithNewAreAnError() {
    JavaFileObject source =
        file(
            "Users",
            "public class Users {",
            "  @Inject Runnable service;",
            "  @HttpRoute(method = \"GET\", path = \"/users\")",
            "  public String all() { return \"\"; }",
            "}");
    assertThat(compile(source))
        .hadErrorContaining(
            BethMessages.HANDLER_MEMBERS
                + " @Inject field service of Users would never be set: Users has no @Inject constructor,"
                + " so Beth's module creates it with new Users() and Dagger injects nothing into it;"
                + " annotate the constructor with @jakarta.inject.Inject")
        .inFile(source)
        .onLineContaining("@Inject Runnable service");
  }

  @Test
  void aRecordWithAnInjectConstructorIsAHandlerTheModuleBuilds() {
    JavaFileObject source =
        file(
            "Users",
            "public record Users(Runnable service, @jakarta.inject.Named(\"x\") String name) {",
            "  @Inject public Users {}",
            "  @HttpRoute(method = \"GET\", path = \"/users\")",
            "  public String all() { return name; }",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("test.BethModule")
        .contentsAsUtf8String()
        .contains(
            "static Users handler0(Runnable service, @Named(\"x\") String name) {\n"
                + "    return new Users(service, name);");
  }

  @Test
  void aRecordWhoseInjectConstructorThrowsACheckedExceptionIsAnError() {
    JavaFileObject source =
        file(
            "Users",
            "public record Users(Runnable service) {",
            "  @Inject public Users(Runnable service) throws java.io.IOException {",
            "    this.service = service;",
            "  }",
            "  @HttpRoute(method = \"GET\", path = \"/users\")",
            "  public String all() { return \"\"; }",
            "}");
    assertThat(compile(source))
        .hadErrorContaining(
            BethMessages.HANDLER_CONSTRUCTOR
                + " Dagger cannot construct Users: its @Inject constructor throws java.io.IOException, a"
                + " checked exception, which a Dagger provider may not throw; catch it in the"
                + " constructor.")
        .inFile(source)
        .onLineContaining("throws java.io.IOException");
  }

  @Test
  void aWebSocketEndpointNotImplementingItsHandlerInterfaceIsAnError() {
    JavaFileObject source =
        file("Chat", "@WebSocketEndpoint(path = \"/chat\")", "public class Chat {}");
    assertThat(compile(source))
        .hadErrorContaining(
            BethMessages.HANDLER_INTERFACE
                + " Chat is annotated @WebSocketEndpoint but does not implement"
                + " io.beth.websocket.WebSocketHandler; add \"implements WebSocketHandler\"")
        .inFile(source)
        .onLineContaining("@WebSocketEndpoint");
  }

  @Test
  void aTcpHandlerNotImplementingItsHandlerInterfaceIsAnError() {
    JavaFileObject source =
        file(
            "Echo",
            "@TcpHandler(port = 7000)",
            "public class Echo implements io.beth.udp.UdpSocketHandler {" + Sources.UDP + "}");
    assertThat(compile(source))
        .hadErrorContaining(
            BethMessages.HANDLER_INTERFACE
                + " Echo is annotated @TcpHandler but does not implement io.beth.tcp.TcpConnectionHandler")
        .inFile(source)
        .onLineContaining("@TcpHandler");
  }

  @Test
  void aUdpSocketNotImplementingItsHandlerInterfaceIsAnError() {
    JavaFileObject source = file("Dns", "@UdpSocket(port = 53)", "public class Dns {}");
    assertThat(compile(source))
        .hadErrorContaining(
            BethMessages.HANDLER_INTERFACE
                + " Dns is annotated @UdpSocket but does not implement io.beth.udp.UdpSocketHandler")
        .inFile(source)
        .onLineContaining("@UdpSocket");
  }

  @Test
  void aClassWithTwoKindsOfHandlerAnnotationIsAnError() {
    JavaFileObject source =
        file(
            "Both",
            "@TcpHandler(port = 7000)",
            "@UdpSocket(port = 7000)",
            "public class Both implements io.beth.tcp.TcpConnectionHandler,"
                + " io.beth.udp.UdpSocketHandler {"
                + Sources.TCP
                + Sources.UDP
                + "}");
    assertThat(compile(source))
        .hadErrorContaining(
            BethMessages.HANDLER_KIND
                + " Both carries @TcpHandler and @UdpSocket, but a class handles one protocol; give each"
                + " its own class.")
        .inFile(source)
        .onLineContaining("public class Both");
  }

  @Test
  void twoHandlerAnnotationsAreOneKindErrorEvenWhenOnlyOneInterfaceIsImplemented() {
    JavaFileObject source =
        file(
            "Both",
            "@TcpHandler(port = 7000)",
            "@UdpSocket(port = 7001)",
            "public class Both implements io.beth.tcp.TcpConnectionHandler {" + Sources.TCP + "}");
    Compilation compilation = Sources.compileWithDagger(source, Sources.APP);
    assertThat(compilation)
        .hadErrorContaining(BethMessages.HANDLER_KIND + " Both carries @TcpHandler and @UdpSocket")
        .inFile(source)
        .onLineContaining("public class Both");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void aRouteClassThatIsAlsoAWebSocketEndpointIsAKindError() {
    JavaFileObject source =
        file(
            "Chat",
            "@WebSocketEndpoint(path = \"/chat\")",
            "public class Chat implements io.beth.websocket.WebSocketHandler {" + Sources.WEBSOCKET,
            "  @HttpRoute(method = \"GET\", path = \"/history\")",
            "  public String history() { return \"\"; }",
            "}");
    Compilation compilation = Sources.compileWithDagger(source, Sources.APP);
    assertThat(compilation)
        .hadErrorContaining(
            BethMessages.HANDLER_KIND
                + " Chat carries @WebSocketEndpoint and @HttpRoute, but a class handles one protocol")
        .inFile(source)
        .onLineContaining("public class Chat");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void aUdpSocketDaggerCannotConstructIsAnError() {
    JavaFileObject source =
        file(
            "Dns",
            "@UdpSocket(port = 5353)",
            "public class Dns implements io.beth.udp.UdpSocketHandler {",
            "  public Dns(String zone) {}",
            Sources.UDP,
            "}");
    assertThat(compile(source))
        .hadErrorContaining(
            BethMessages.HANDLER_CONSTRUCTOR
                + " Dagger cannot construct Dns: it has no @Inject constructor and no public"
                + " constructor without parameters")
        .inFile(source)
        .onLineContaining("public class Dns");
  }

  @Test
  void aWebSocketEndpointThatIsNotPublicIsAnError() {
    JavaFileObject source =
        file(
            "Chat",
            "@WebSocketEndpoint(path = \"/chat\")",
            "class Chat implements io.beth.websocket.WebSocketHandler {" + Sources.WEBSOCKET + "}");
    assertThat(compile(source))
        .hadErrorContaining(
            BethMessages.HANDLER_CONSTRUCTOR + " Dagger cannot construct Chat: it is not public")
        .inFile(source)
        .onLineContaining("class Chat");
  }
}
