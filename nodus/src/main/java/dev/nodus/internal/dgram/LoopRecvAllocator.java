package dev.nodus.internal.dgram;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.DefaultMaxMessagesRecvByteBufAllocator;
import io.netty.util.concurrent.FastThreadLocal;
import java.nio.ByteBuffer;

/**
 * Receive memory for epoll UDP channels: one area per loop thread, reused by every read of every
 * channel on that loop, with room for {@link #SLOTS} datagrams of 64 KiB so that Netty reads
 * them with one {@code recvmmsg}.
 *
 * <p>Why it is safe: {@link DatagramChannelHandler} copies each datagram out and releases it
 * before it returns, and epoll fires a read's packets before the next read starts; reads never
 * nest. So the area is free again whenever Netty asks for it. (NIO reads a batch into a list
 * before firing, hence this is epoll only.) Without it, each read took a fresh 64 KiB direct
 * buffer, which the default allocator does not pool: an {@code allocateDirect}, zeroing and
 * free per datagram.
 */
final class LoopRecvAllocator extends DefaultMaxMessagesRecvByteBufAllocator {
  /** Datagrams per {@code recvmmsg}. */
  static final int SLOTS = 16;

  // Not leak-tracked (a wrapped JDK buffer): it lives as long as its loop thread.
  private static final FastThreadLocal<ByteBuf> AREA = new FastThreadLocal<>() {
    @Override
    protected ByteBuf initialValue() {
      return Unpooled.wrappedBuffer(ByteBuffer.allocateDirect(SLOTS * UdpHandle.MAX_DATAGRAM));
    }
  };

  LoopRecvAllocator() {
    // libuv reads up to 32 datagrams per wakeup (uv__udp_recvmsg); so do we.
    super(32);
  }

  @Override
  public Handle newHandle() {
    return new MaxMessageHandle() {
      @Override
      public ByteBuf allocate(ByteBufAllocator alloc) {
        ByteBuf area = AREA.get();
        area.retain();
        area.clear();
        return area;
      }

      @Override
      public int guess() {
        return SLOTS * UdpHandle.MAX_DATAGRAM;
      }
    };
  }
}
