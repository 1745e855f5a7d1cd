package io.beth.tcp;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.stream.DuplexStream;
import io.beth.stream.Streams;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.LineBasedFrameDecoder;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Raw mode hands the received {@code ByteBuf}s over without copying (the taker releases them, and
 * the leak detector checks that nothing is lost); the bootstrap and pipeline hooks reach Netty.
 */
class TcpRawModeAndHooksTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aRawServerEchoesBuffersWithoutCopying() throws Exception {
    // a buffer taken from the source and put into the sink is written, and released, by Netty
    try (TcpServer server =
            TcpServer.startRaw(
                    (stream, info) -> Streams.connect(stream, stream), TcpServerOptions.DEFAULT)
                .get(10, SECONDS);
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
      socket.setSoTimeout(10_000);
      byte[] payload = TcpHalfCloseEchoTest.random(1 << 20, 3);
      CompletableFuture<byte[]> echoed =
          CompletableFuture.supplyAsync(() -> TcpHalfCloseEchoTest.readAll(socket));
      socket.getOutputStream().write(payload);
      socket.shutdownOutput();
      assertTrue(java.util.Arrays.equals(payload, echoed.get(10, SECONDS)));
    }
  }

  @Test
  void aPipelineHookDecoderFramesWhatARawHandlerReceives() throws Exception {
    CompletableFuture<String> lines = new CompletableFuture<>();
    RawTcpConnectionHandler handler =
        (stream, info) ->
            stream
                .take()
                .thenCombine(
                    stream.take(),
                    (first, second) -> {
                      try {
                        return first.toString(StandardCharsets.UTF_8)
                            + "|"
                            + second.toString(StandardCharsets.UTF_8);
                      } finally {
                        first.release();
                        second.release();
                      }
                    })
                .whenComplete(
                    (s, e) -> {
                      lines.complete(s);
                      stream.close();
                    });
    TcpServerOptions options =
        TcpServerOptions.builder()
            .pipelineHook(p -> p.addLast(new LineBasedFrameDecoder(64)))
            .build();
    try (TcpServer server = TcpServer.startRaw(handler, options).get(10, SECONDS);
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
      socket.getOutputStream().write(utf8("one\ntwo\nthree"));
      assertEquals("one|two", lines.get(10, SECONDS));
    }
  }

  @Test
  void theServersBootstrapHookSetsChildOptionsThePipelineHookSees() throws Exception {
    CompletableFuture<Boolean> keepAlive = new CompletableFuture<>();
    TcpServerOptions options =
        TcpServerOptions.builder()
            .bootstrapHook(b -> ((ServerBootstrap) b).childOption(ChannelOption.SO_KEEPALIVE, true))
            .pipelineHook(
                p -> keepAlive.complete(p.channel().config().getOption(ChannelOption.SO_KEEPALIVE)))
            .build();
    try (TcpServer server =
            TcpServer.start((stream, info) -> stream.close(), options).get(10, SECONDS);
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
      assertTrue(keepAlive.get(10, SECONDS));
    }
  }

  @Test
  void aRawClientReceivesBuffersAndItsHooksReachNetty() throws Exception {
    CompletableFuture<Boolean> keepAlive = new CompletableFuture<>();
    TcpClientOptions options =
        TcpClientOptions.builder()
            .bootstrapHook(b -> b.option(ChannelOption.SO_KEEPALIVE, true))
            .pipelineHook(
                p -> keepAlive.complete(p.channel().config().getOption(ChannelOption.SO_KEEPALIVE)))
            .build();
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<DuplexStream<ByteBuf, Object>> connecting =
          TcpClient.connectRaw("127.0.0.1", listener.getLocalPort(), options);
      try (Socket peer = listener.accept()) {
        DuplexStream<ByteBuf, Object> client = connecting.get(10, SECONDS);
        assertTrue(keepAlive.get(10, SECONDS));
        peer.getOutputStream().write(utf8("raw bytes"));
        peer.shutdownOutput();
        StringBuilder all = new StringBuilder();
        for (ByteBuf buf; (buf = client.take().get(10, SECONDS)) != null; ) {
          all.append(buf.toString(StandardCharsets.UTF_8));
          buf.release();
        }
        assertEquals("raw bytes", all.toString());
        client.close();
      }
    }
  }
}
