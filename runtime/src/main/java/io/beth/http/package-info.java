/**
 * HTTP/1.1 on Netty: the request/response model ({@link io.beth.http.HttpRequest}, {@link
 * io.beth.http.HttpResponse}, {@link io.beth.http.HttpHeaders}, {@link io.beth.http.Cookie}), the
 * handler contract ({@link io.beth.http.HttpHandler}) and the server ({@link
 * io.beth.http.HttpServer} with {@link io.beth.http.HttpServerOptions}).
 *
 * <pre>{@code
 * HttpServer server = HttpServer.start(
 *     HttpHandler.sync(request -> HttpResponse.ok("Hello, " + request.queryParam("name"))),
 *     HttpServerOptions.builder().port(8080).build()).join();
 * }</pre>
 *
 * <p>The client: {@link io.beth.http.HttpClient} with {@link io.beth.http.HttpClientOptions} sends
 * a {@link io.beth.http.ClientRequest} (bodies, forms, JSON, {@link io.beth.http.Multipart}) and
 * completes with a {@link io.beth.http.ClientResponse}; connections are pooled, cookies kept by a
 * {@link io.beth.http.CookieStore} when one is set. Its Netty machinery lives in {@code
 * io.beth.http.client.internal}.
 *
 * <p>Request and response bodies are {@link io.beth.stream.Source streams} with backpressure; a
 * server's exchanges on one connection are answered in order. The Netty machinery lives in {@code
 * io.beth.http.internal}.
 */
package io.beth.http;
