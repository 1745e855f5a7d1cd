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
    Socket s = new Socket("127.0.0.1", port);
    s.setSoTimeout(5000);
    OutputStream out = s.getOutputStream();
    out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
        + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    InputStream in = s.getInputStream();
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed during the handshake: " + head);
      }
      head.append((char) b);
    }
    if (!head.toString().startsWith("HTTP/1.1 101")) {
      throw new IOException("not switched: " + head);
    }
    return s;
  }

  /** Sends one final, masked frame of {@code opcode} with a payload under 126 bytes. */
  static void sendFrame(Socket s, int opcode, byte[] payload) throws IOException {
    byte[] mask = {1, 2, 3, 4};
    byte[] frame = new byte[6 + payload.length];
    frame[0] = (byte) (0x80 | opcode);
    frame[1] = (byte) (0x80 | payload.length);
    System.arraycopy(mask, 0, frame, 2, 4);
    for (int i = 0; i < payload.length; i++) {
      frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
    }
    s.getOutputStream().write(frame);
    s.getOutputStream().flush();
  }

  /** Reads frames until a close frame and returns its code. */
  static int readCloseCode(Socket s) throws IOException {
    byte[] payload = readFrame(s, 0x8);
    return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
  }

  /** Reads frames until one of {@code opcode} and returns its (unmasked) payload. */
  static byte[] readFrame(Socket s, int opcode) throws IOException {
    DataInputStream in = new DataInputStream(s.getInputStream());
    while (true) {
      int b0 = in.readUnsignedByte();
      int len = in.readUnsignedByte() & 0x7F;
      if (len == 126) {
        len = in.readUnsignedShort();
      } else if (len == 127) {
        len = (int) in.readLong();
      }
      byte[] payload = new byte[len];
      in.readFully(payload);
      if ((b0 & 0x0F) == opcode) {
        return payload;
      }
    }
  }
}
