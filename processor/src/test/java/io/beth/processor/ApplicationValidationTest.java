package io.beth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.beth.processor.Sources.compile;
import static io.beth.processor.Sources.file;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The rules that span the application: duplicates, ambiguity, path and port clashes. */
class ApplicationValidationTest {

  @Test
  void aDuplicateRouteIsAnErrorNamingTheOtherDeclaration() {
    JavaFileObject users =
        file(
            "Users",
            "public class Users {",
            "  @HttpRoute(method = \"GET\", path = \"/users\")",
            "  public String all() { return \"\"; }",
            "}");
    JavaFileObject admin =
        file(
            "Admin",
            "@HttpRoute(path = \"/users\")",
            "public class Admin {",
            "  @HttpRoute(method = \"GET\")",
            "  public String everyone() { return \"\"; }",
            "}");
    assertThat(compile(users, admin))
        .hadErrorContaining(
            BethMessages.ROUTE_DUPLICATE
                + " Route GET /users of Admin.everyone() is also declared by Users.all()")
        .inFile(admin)
        .onLineContaining("everyone()");
  }

  @Test
  void routesWhosePlaceholdersDifferOnlyInNameAreAmbiguous() {
    JavaFileObject source =
        file(
            "Items",
            "public class Items {",
            "  @HttpRoute(method = \"GET\", path = \"/a/{x}\")",
            "  public String byX(@PathParam(\"x\") String x) { return x; }",
            "  @HttpRoute(method = \"GET\", path = \"/a/{y}\")",
            "  public String byY(@PathParam(\"y\") String y) { return y; }",
            "}");
    assertThat(compile(source))
        .hadErrorContaining(
            BethMessages.ROUTE_AMBIGUOUS
                + " Route GET /a/{y} of Items.byY() matches the same paths as GET /a/{x} of Items.byX()")
        .inFile(source)
        .onLineContaining("byY(");
  }

  @Test
  void aLiteralSegmentBesideAPlaceholderIsNotAmbiguousAndOtherMethodsDoNotClash() {
    JavaFileObject source =
        file(
            "Items",
            "public class Items {",
            "  @HttpRoute(method = \"GET\", path = \"/a/{x}\")",
            "  public String byX(@PathParam(\"x\") String x) { return x; }",
            "  @HttpRoute(method = \"GET\", path = \"/a/new\")",
            "  public String fresh() { return \"\"; }",
            "  @HttpRoute(method = \"DELETE\", path = \"/a/{y}\")",
            "  public void delete(@PathParam(\"y\") String y) {}",
            "}");
    assertThat(compile(source)).succeededWithoutWarnings();
  }

  @Test
  void aWebSocketPathMatchedByAnHttpRouteIsAnErrorOnTheEndpoint() {
    JavaFileObject routes =
        file(
            "Rooms",
            "public class Rooms {",
            "  @HttpRoute(method = \"GET\", path = \"/rooms/{room}\")",
            "  public String room(@PathParam(\"room\") String room) { return room; }",
            "}");
    JavaFileObject chat =
        file(
            "Chat",
            "@WebSocketEndpoint(path = \"/rooms/lobby\")",
            "public class Chat implements io.beth.websocket.WebSocketHandler {"
                + Sources.WEBSOCKET
                + "}");
    assertThat(compile(routes, chat))
        .hadErrorContaining(
            BethMessages.WEBSOCKET_PATH
                + " WebSocket path /rooms/lobby of Chat is also matched by the HTTP route"
                + " GET /rooms/{room} of Rooms.room()")
        .inFile(chat)
        .onLineContaining("public class Chat");
  }

  @Test
  void twoWebSocketEndpointsOnOnePathAreAnError() {
    JavaFileObject a =
        file(
            "ChatA",
            "@WebSocketEndpoint(path = \"/chat\")",
            "public class ChatA implements io.beth.websocket.WebSocketHandler {"
                + Sources.WEBSOCKET
                + "}");
    JavaFileObject b =
        file(
            "ChatB",
            "@WebSocketEndpoint(path = \"/chat\")",
            "public class ChatB implements io.beth.websocket.WebSocketHandler {"
                + Sources.WEBSOCKET
                + "}");
    assertThat(compile(a, b))
        .hadErrorContaining(
            BethMessages.WEBSOCKET_PATH
                + " WebSocket path /chat of ChatB is also the path of ChatA")
        .inFile(b)
        .onLineContaining("public class ChatB");
  }

  @Test
  void aWebSocketPathWithAPlaceholderIsAnError() {
    JavaFileObject chat =
        file(
            "Chat",
            "@WebSocketEndpoint(path = \"/chat/{room}\")",
            "public class Chat implements io.beth.websocket.WebSocketHandler {"
                + Sources.WEBSOCKET
                + "}");
    assertThat(compile(chat))
        .hadErrorContaining(BethMessages.ROUTE_TEMPLATE + " A WebSocket endpoint path is literal")
        .inFile(chat)
        .onLineContaining("/chat/{room}");
  }

  @Test
  void twoTcpHandlersOnOnePortAreAnError() {
    JavaFileObject a =
        file(
            "EchoA",
            "@TcpHandler(port = 7000)",
            "public class EchoA implements io.beth.tcp.TcpConnectionHandler {" + Sources.TCP + "}");
    JavaFileObject b =
        file(
            "EchoB",
            "@TcpHandler(port = 7000)",
            "public class EchoB implements io.beth.tcp.TcpConnectionHandler {" + Sources.TCP + "}");
    assertThat(compile(a, b))
        .hadErrorContaining(
            BethMessages.PORT_CLASH
                + " TCP port 7000 of EchoB is also the port of EchoA; give each handler its own port")
        .inFile(b)
        .onLineContaining("public class EchoB");
  }

  @Test
  void twoUdpSocketsOnOnePortAreAnError() {
    JavaFileObject a =
        file(
            "DnsA",
            "@UdpSocket(port = 5353)",
            "public class DnsA implements io.beth.udp.UdpSocketHandler {" + Sources.UDP + "}");
    JavaFileObject b =
        file(
            "DnsB",
            "@UdpSocket(port = 5353)",
            "public class DnsB implements io.beth.udp.UdpSocketHandler {" + Sources.UDP + "}");
    assertThat(compile(a, b))
        .hadErrorContaining(BethMessages.PORT_CLASH + " UDP port 5353")
        .inFile(b)
        .onLineContaining("public class DnsB");
  }

  @Test
  void tcpAndUdpMayShareAPortAndPortZeroNeverClashes() {
    JavaFileObject tcp =
        file(
            "Echo",
            "@TcpHandler(port = 7000)",
            "public class Echo implements io.beth.tcp.TcpConnectionHandler {" + Sources.TCP + "}");
    JavaFileObject udp =
        file(
            "Dns",
            "@UdpSocket(port = 7000)",
            "public class Dns implements io.beth.udp.UdpSocketHandler {" + Sources.UDP + "}");
    JavaFileObject free1 =
        file(
            "Free1",
            "@TcpHandler(port = 0)",
            "public class Free1 implements io.beth.tcp.TcpConnectionHandler {" + Sources.TCP + "}");
    JavaFileObject free2 =
        file(
            "Free2",
            "@TcpHandler(port = 0)",
            "public class Free2 implements io.beth.tcp.TcpConnectionHandler {" + Sources.TCP + "}");
    assertThat(compile(tcp, udp, free1, free2)).succeededWithoutWarnings();
  }

  @Test
  void twoTcpHandlersWithOneSimpleNameAreAnError() {
    JavaFileObject a =
        JavaFileObjects.forSourceLines(
            "app.one.Echo",
            "package app.one;",
            "@io.beth.annotations.TcpHandler(port = 7001)",
            "public class Echo implements io.beth.tcp.TcpConnectionHandler {" + Sources.TCP + "}");
    JavaFileObject b =
        JavaFileObjects.forSourceLines(
            "app.two.Echo",
            "package app.two;",
            "@io.beth.annotations.TcpHandler(port = 7002)",
            "public class Echo implements io.beth.tcp.TcpConnectionHandler {" + Sources.TCP + "}");
    assertThat(compile(a, b))
        .hadErrorContaining(
            BethMessages.LISTENER_NAME
                + " TCP handler app.two.Echo has the simple name of app.one.Echo, so both would be the"
                + " listener"
                + " tcp.Echo (port property beth.tcp.Echo.port); rename one of the classes.")
        .inFile(b)
        .onLineContaining("public class Echo");
  }

  @Test
  void handlersWithoutACommonPackageAreAnErrorAndTheModuleGoesToTheFirstsPackage() {
    JavaFileObject a =
        JavaFileObjects.forSourceLines(
            "com.shop.Users",
            "package com.shop;",
            "public class Users {",
            "  @io.beth.annotations.HttpRoute(method = \"GET\", path = \"/users\")",
            "  public String users() { return \"\"; }",
            "}");
    JavaFileObject b =
        JavaFileObjects.forSourceLines(
            "org.admin.Admin",
            "package org.admin;",
            "public class Admin {",
            "  @io.beth.annotations.HttpRoute(method = \"GET\", path = \"/admin\")",
            "  public String admin() { return \"\"; }",
            "}");
    JavaFileObject app =
        JavaFileObjects.forSourceLines(
            "com.shop.App",
            "package com.shop;",
            "@dagger.Component(modules = BethModule.class)",
            "interface App { io.beth.bootstrap.BethApplication beth(); }");
    Compilation compilation = Sources.compileWithDagger(a, b, app);
    assertThat(compilation)
        .hadErrorContaining(
            BethMessages.MODULE_PACKAGE
                + " Handler"
                + " org.admin.Admin shares no package with com.shop.Users, so Beth would generate"
                + " BethModule in the unnamed package, which no component in a package can refer to;"
                + " move the handlers under one package (such as com.shop), or compile them separately.")
        .inFile(b)
        .onLineContaining("public class Admin");
    assertThat(compilation).hadErrorCount(1); // App finds com.shop.BethModule
  }

  @Test
  void aTcpHandlerAndAUdpSocketMayShareASimpleName() {
    JavaFileObject a =
        JavaFileObjects.forSourceLines(
            "app.one.Echo",
            "package app.one;",
            "@io.beth.annotations.TcpHandler(port = 7001)",
            "public class Echo implements io.beth.tcp.TcpConnectionHandler {" + Sources.TCP + "}");
    JavaFileObject b =
        JavaFileObjects.forSourceLines(
            "app.two.Echo",
            "package app.two;",
            "@io.beth.annotations.UdpSocket(port = 7001)",
            "public class Echo implements io.beth.udp.UdpSocketHandler {" + Sources.UDP + "}");
    assertThat(compile(a, b)).succeededWithoutWarnings();
  }

  @Test
  void aPortOutOfRangeIsAnErrorOnThePort() {
    JavaFileObject source =
        file(
            "Echo",
            "@TcpHandler(port = 70000)",
            "public class Echo implements io.beth.tcp.TcpConnectionHandler {" + Sources.TCP + "}");
    assertThat(compile(source))
        .hadErrorContaining(
            BethMessages.PORT_RANGE + " Port 70000 of Echo is out of range; use 1 to 65535, or 0")
        .inFile(source)
        .onLineContaining("70000");
  }

  @Test
  void aNegativePortIsAnError() {
    JavaFileObject source =
        file(
            "Dns",
            "@UdpSocket(port = -1)",
            "public class Dns implements io.beth.udp.UdpSocketHandler {" + Sources.UDP + "}");
    assertThat(compile(source))
        .hadErrorContaining(BethMessages.PORT_RANGE + " Port -1")
        .inFile(source)
        .onLineContaining("port = -1");
  }
}
