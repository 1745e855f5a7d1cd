package io.beth.udp.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.DefaultMaxMessagesRecvByteBufAllocator;

/**
 * Receives every datagram of one channel into one buffer of the largest packet's size, allocated
 * once, instead of a new buffer of that size per datagram (64 KiB when any packet size is allowed,
 * which the pooled allocator may not pool: a zeroed direct allocation per packet).
 *
 * <p>The buffer is handed out again only when nobody else holds it (its reference count is back to
 * the one this allocator keeps): {@link PacketCodec} copies each datagram out and releases it at
 * once, so that is the rule; anyone who keeps a packet gets a fresh buffer for the next read. (The
 * NIO transport reads a batch before passing any on, so there only the first read of a batch reuses
 * it.) For one channel only; {@link #release()} once the channel is closed.
 */
public final class ReusedReceiveBuffer extends DefaultMaxMessagesRecvByteBufAllocator {

  private final int size;
  private ByteBuf buffer; // on the channel's event loop
  private boolean released;

  /** Datagrams of up to {@code size} bytes, up to {@code maxMessagesPerRead} per read. */
  public ReusedReceiveBuffer(int size, int maxMessagesPerRead) {
    super(maxMessagesPerRead);
    this.size = size;
    // A datagram smaller than the buffer says nothing about whether another one is waiting.
    respectMaybeMoreData(false);
  }

  @Override
  public Handle newHandle() {
    return new MaxMessageHandle() {
      @Override
      public ByteBuf allocate(ByteBufAllocator alloc) {
        return next(alloc);
      }

      @Override
      public int guess() {
        return size;
      }
    };
  }

  private ByteBuf next(ByteBufAllocator alloc) {
    if (released) {
      // the channel closed inside a read loop that still asks for a buffer: nothing to keep
      return alloc.ioBuffer(size, size);
    }
    if (buffer != null && buffer.refCnt() == 1) {
      return buffer.retain().clear();
    }
    if (buffer != null) {
      buffer.release(); // still held by whoever kept a packet: theirs to free
    }
    buffer = alloc.ioBuffer(size, size);
    return buffer.retain();
  }

  /** Frees the buffer (or leaves it to whoever still holds it); on the channel's event loop. */
  public void release() {
    released = true;
    if (buffer != null) {
      buffer.release();
      buffer = null;
    }
  }
}
