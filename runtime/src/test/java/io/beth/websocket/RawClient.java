package io.beth.websocket;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A hand-written WebSocket client over a plain socket, for what real clients refuse to do. */
final class RawClient {

  private RawClient() {}

  /** Connects and completes the opening handshake; the socket then never answers pings. */
  static Socket handshake(int port) throws IOException {
    return handshake(port, "");
  }

  /**
   * {@link #handshake(int)} with {@code extraHeaders} (each line ending in CRLF) in the request.
   */
  static Socket handshake(int port, String extraHeaders) throws IOException {
    Socket s = new Socket("127.0.0.1", port);
    s.setSoTimeout(5000);
    OutputStream out = s.getOutputStream();
    out.write(
        ("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + extraHeaders
                + "\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    String head = readHead(s.getInputStream());
    if (!head.startsWith("HTTP/1.1 101")) {
      throw new IOException("not switched: " + head);
    }
    return s;
  }

  /** Reads an HTTP head up to and including the empty line. */
  static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed during the handshake: " + head);
      }
      head.append((char) b);
    }
    return head.toString();
  }

  /** Sends one final, masked frame of {@code opcode}. */
  static void sendFrame(Socket s, int opcode, byte[] payload) throws IOException {
    writeFrame(s, 0x80 | opcode, payload, true);
  }

  /**
   * Writes one frame: {@code b0} is its first byte (FIN, RSV bits, opcode); the payload is masked
   * if {@code masked} (as a client must) and may have any length.
   */
  static void writeFrame(Socket s, int b0, byte[] payload, boolean masked) throws IOException {
    byte[] mask = {1, 2, 3, 4};
    java.io.ByteArrayOutputStream frame = new java.io.ByteArrayOutputStream();
    frame.write(b0);
    int maskBit = masked ? 0x80 : 0;
    if (payload.length < 126) {
      frame.write(maskBit | payload.length);
    } else if (payload.length < 65536) {
      frame.write(maskBit | 126);
      frame.write(payload.length >>> 8);
      frame.write(payload.length);
    } else {
      frame.write(maskBit | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        frame.write((int) ((long) payload.length >>> shift));
      }
    }
    if (masked) {
      frame.write(mask, 0, 4);
      for (int i = 0; i < payload.length; i++) {
        frame.write(payload[i] ^ mask[i % 4]);
      }
    } else {
      frame.write(payload, 0, payload.length);
    }
    s.getOutputStream().write(frame.toByteArray());
    s.getOutputStream().flush();
  }

  /**
   * {@code data} compressed as one {@code permessage-deflate} message: raw deflate, flushed,
   * without the trailing {@code 00 00 ff ff} (RFC 7692).
   */
  static byte[] deflate(byte[] data) {
    java.util.zip.Deflater deflater = new java.util.zip.Deflater(9, true);
    deflater.setInput(data);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    int n;
    do {
      n = deflater.deflate(chunk, 0, chunk.length, java.util.zip.Deflater.SYNC_FLUSH);
      out.write(chunk, 0, n);
    } while (n == chunk.length || !deflater.needsInput());
    deflater.end();
    byte[] flushed = out.toByteArray();
    return java.util.Arrays.copyOf(flushed, flushed.length - 4);
  }

  /** Reads frames until a close frame and returns its code. */
  static int readCloseCode(Socket s) throws IOException {
    byte[] payload = readFrame(s, 0x8);
    return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
  }

  /** Reads frames until one of {@code opcode} and returns its (unmasked) payload. */
  static byte[] readFrame(Socket s, int opcode) throws IOException {
    while (true) {
      Frame f = readFrame(s);
      if (f.opcode() == opcode) {
        return f.payload();
      }
    }
  }

  /** One frame read from the wire, its payload unmasked. */
  record Frame(int b0, byte[] payload) {
    int opcode() {
      return b0 & 0x0F;
    }
  }

  /** Reads the next frame, masked or not. */
  static Frame readFrame(Socket s) throws IOException {
    DataInputStream in = new DataInputStream(s.getInputStream());
    int b0 = in.readUnsignedByte();
    int b1 = in.readUnsignedByte();
    int len = b1 & 0x7F;
    if (len == 126) {
      len = in.readUnsignedShort();
    } else if (len == 127) {
      len = (int) in.readLong();
    }
    byte[] mask = new byte[4];
    if ((b1 & 0x80) != 0) {
      in.readFully(mask);
    }
    byte[] payload = new byte[len];
    in.readFully(payload);
    for (int i = 0; i < len; i++) {
      payload[i] ^= mask[i % 4];
    }
    return new Frame(b0, payload);
  }
}
