package io.beth.benchmarks.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.beth.benchmarks.PlainNetty;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.AsciiString;
import io.netty.util.CharsetUtil;
import java.util.Date;
import java.util.Map;

/**
 * The baseline: a hand-written Netty HTTP/1.1 hello-world server, the way Netty's own examples
 * write one ({@code GET /plaintext} and {@code GET /json}). Usage: {@code NettyHelloServer port
 * [ioThreads]}.
 */
public final class NettyHelloServer {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final byte[] HELLO = "Hello, World!".getBytes(CharsetUtil.US_ASCII);
  private static final AsciiString TEXT = AsciiString.cached("text/plain; charset=utf-8");
  private static final AsciiString JSON = AsciiString.cached("application/json");

  private NettyHelloServer() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    EventLoopGroup group = PlainNetty.group(threads, "baseline-io");
    Channel server =
        new ServerBootstrap()
            .group(group)
            .channel(PlainNetty.serverChannel())
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    ch.pipeline().addLast(new HttpServerCodec(), new HelloHandler());
                  }
                })
            .bind(port)
            .sync()
            .channel();
    System.err.println("baseline listening on " + server.localAddress());
    server.closeFuture().sync();
  }

  private static final class HelloHandler extends SimpleChannelInboundHandler<HttpObject> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) throws Exception {
      if (!(msg instanceof HttpRequest)) {
        return;
      }
      HttpRequest request = (HttpRequest) msg;
      ByteBuf content;
      AsciiString type;
      HttpResponseStatus status = HttpResponseStatus.OK;
      switch (request.uri()) {
        case "/plaintext":
          content = Unpooled.wrappedBuffer(HELLO);
          type = TEXT;
          break;
        case "/json":
          content =
              Unpooled.wrappedBuffer(MAPPER.writeValueAsBytes(Map.of("message", "Hello, World!")));
          type = JSON;
          break;
        default:
          content = Unpooled.EMPTY_BUFFER;
          type = TEXT;
          status = HttpResponseStatus.NOT_FOUND;
      }
      FullHttpResponse response =
          new DefaultFullHttpResponse(request.protocolVersion(), status, content);
      response
          .headers()
          .set(HttpHeaderNames.CONTENT_TYPE, type)
          .setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes())
          .set(HttpHeaderNames.DATE, DateFormatter.format(new Date()));
      boolean keepAlive = HttpUtil.isKeepAlive(request);
      if (keepAlive) {
        ctx.write(response);
      } else {
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.write(response).addListener(ChannelFutureListener.CLOSE);
      }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
