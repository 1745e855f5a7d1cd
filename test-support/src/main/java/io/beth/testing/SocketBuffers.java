package io.beth.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How much data the kernel may hold in one TCP connection's socket buffers: the bound on how far a
 * writer can run ahead of a reader that has stopped, before backpressure must reach the writer.
 */
public final class SocketBuffers {

  private static final long FALLBACK = 32L << 20;

  private SocketBuffers() {}

  /**
   * The largest receive buffer plus the largest send buffer Linux autotunes a TCP socket to ({@code
   * tcp_rmem} and {@code tcp_wmem}, their last value); 32 MiB each where they cannot be read.
   */
  public static long kernelMaximum() {
    return max("tcp_rmem") + max("tcp_wmem");
  }

  private static long max(String setting) {
    // procfs files are read as streams: Files.readString trusts their size and reads too little
    try (BufferedReader in = Files.newBufferedReader(Path.of("/proc/sys/net/ipv4", setting))) {
      String[] values = in.readLine().trim().split("\\s+");
      return Long.parseLong(values[values.length - 1]);
    } catch (IOException | RuntimeException e) {
      return FALLBACK;
    }
  }
}
