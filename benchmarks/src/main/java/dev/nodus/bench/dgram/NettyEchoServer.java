package dev.nodus.bench.dgram;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.DefaultMaxMessagesRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.unix.SegmentedDatagramPacket;
import io.netty.util.CharsetUtil;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * Raw Netty references for the dgram benchmark: one epoll loop, the same protocol as
 * NodusEchoServer ('P' echoed, 'O' counted, 'Q' answered with the count), writes flushed once
 * per read batch. Two modes:
 *
 * <ul>
 *   <li>{@code defaults}: Netty's datagram defaults: one {@code recvmsg} per datagram into a
 *       2 KiB buffer, at most 16 per wake-up, one {@code sendmmsg} entry per reply.
 *   <li>{@code mmsg}: the batching Nodus does (internal/dgram UdpHandle, LoopRecvAllocator,
 *       GsoBatch), in plain Netty: {@code recvmmsg} into one reused area of 16 slots of 64 KiB
 *       ({@link EpollChannelOption#MAX_DATAGRAM_PAYLOAD_SIZE}), up to 32 reads per wake-up, and
 *       the replies of a read batch to the same address, of the same size (the last may be
 *       shorter), at most 64 and 65,000 bytes, each at most 1232 bytes, sent as one UDP GSO
 *       {@link SegmentedDatagramPacket}. An echo is copied once out of the area into a pooled
 *       direct buffer (Nodus copies each datagram to the heap, and Netty copies a heap buffer
 *       back to direct memory to send it); no events, no Buffer, no address strings: what Nodus
 *       could reach at most. (With a fresh pooled 1 MiB buffer per {@code recvmmsg}, Netty's
 *       plain way, it used 2.5x the CPU per datagram of the defaults when the reads were small,
 *       as Nodus did before its LoopRecvAllocator.)
 * </ul>
 *
 * <pre>java ... dev.nodus.bench.dgram.NettyEchoServer PORT defaults|mmsg</pre>
 */
public final class NettyEchoServer {
  private NettyEchoServer() {}

  /** GsoBatch's limits. */
  static final int MAX_SEGMENT = 1232;
  static final int MAX_SEGMENTS = 64;
  static final int MAX_BYTES = 65000;

  /** Nodus's receive set-up: LoopRecvAllocator.SLOTS datagrams of UdpHandle.MAX_DATAGRAM. */
  static final int SLOTS = 16;
  static final int MAX_DATAGRAM = 64 * 1024;
  static final int MAX_READS = 32;

  /**
   * Nodus's LoopRecvAllocator: one receive area of {@link #SLOTS} x {@link #MAX_DATAGRAM} for the
   * loop, reused by every read, so a read allocates nothing. Safe because the handler copies
   * what it keeps (the echo) before it returns, as Nodus copies every datagram to the heap.
   */
  static final class AreaAllocator extends DefaultMaxMessagesRecvByteBufAllocator {
    private final ByteBuf area = Unpooled.wrappedBuffer(ByteBuffer.allocateDirect(SLOTS * MAX_DATAGRAM));

    AreaAllocator() {
      super(MAX_READS);
    }

    @Override
    public Handle newHandle() {
      return new MaxMessageHandle() {
        @Override
        public ByteBuf allocate(ByteBufAllocator alloc) {
          area.retain();
          area.clear();
          return area;
        }

        @Override
        public int guess() {
          return SLOTS * MAX_DATAGRAM;
        }
      };
    }
  }

  /** The benchmark's protocol with Netty's defaults: each reply its own packet. */
  static final class Plain extends ChannelInboundHandlerAdapter {
    private long count;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object m) {
      DatagramPacket p = (DatagramPacket) m;
      ByteBuf c = p.content();
      byte t = c.getByte(c.readerIndex());
      if (t == 'P') {
        ctx.write(new DatagramPacket(c, p.sender()));
        return;
      }
      if (t == 'O') {
        count++;
      } else if (t == 'Q') {
        ctx.write(new DatagramPacket(
            Unpooled.copiedBuffer(Long.toString(count), CharsetUtil.US_ASCII), p.sender()));
        count = 0;
      }
      p.release();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }
  }

  /** The same protocol, replies to one address coalesced into GSO sends as Nodus's GsoBatch. */
  static final class Batching extends ChannelInboundHandlerAdapter {
    private final boolean gso = EpollDatagramChannel.isSegmentedDatagramPacketSupported();
    private long count;
    private CompositeByteBuf batch;
    private InetSocketAddress to;
    private int segment;
    private int parts;
    private int bytes;
    private boolean closed;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object m) {
      DatagramPacket p = (DatagramPacket) m;
      ByteBuf c = p.content();
      byte t = c.getByte(c.readerIndex());
      if (t == 'P') {
        int len = c.readableBytes();
        // The read lent the loop's receive area: keep a copy (Nodus copies to the heap).
        ByteBuf copy = ctx.alloc().directBuffer(len).writeBytes(c, c.readerIndex(), len);
        p.release();
        if (!gso || len > MAX_SEGMENT) {
          emit(ctx);
          ctx.write(new DatagramPacket(copy, p.sender()));
          return;
        }
        InetSocketAddress from = p.sender();
        if (parts > 0 && (closed || len > segment || parts == MAX_SEGMENTS
            || bytes + len > MAX_BYTES || !from.equals(to))) {
          emit(ctx);
        }
        if (parts == 0) {
          batch = ctx.alloc().compositeDirectBuffer(MAX_SEGMENTS);
          to = from;
          segment = len;
        } else if (len < segment) {
          closed = true; // a short datagram can only be a batch's last
        }
        batch.addComponent(true, copy);
        parts++;
        bytes += len;
        return;
      }
      if (t == 'O') {
        count++;
      } else if (t == 'Q') {
        emit(ctx);
        ctx.write(new DatagramPacket(
            Unpooled.copiedBuffer(Long.toString(count), CharsetUtil.US_ASCII), p.sender()));
        count = 0;
      }
      p.release();
    }

    private void emit(ChannelHandlerContext ctx) {
      if (parts == 0) {
        return;
      }
      ctx.write(parts == 1
          ? new DatagramPacket(batch, to)
          : new SegmentedDatagramPacket(batch, segment, to, null));
      batch = null;
      to = null;
      parts = 0;
      bytes = 0;
      closed = false;
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      emit(ctx);
      ctx.flush();
    }
  }

  /**
   * Runs the server.
   *
   * @param args port (0: any) and mode ({@code defaults} or {@code mmsg}); prints
   *     {@code listening <port>} when bound
   * @throws InterruptedException if interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    boolean mmsg = args.length > 1 && args[1].equals("mmsg");
    if (args.length > 1 && !mmsg && !args[1].equals("defaults")) {
      throw new IllegalArgumentException("usage: PORT defaults|mmsg");
    }
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    Bootstrap b = new Bootstrap()
        .group(group)
        .channel(EpollDatagramChannel.class)
        .handler(mmsg ? new Batching() : new Plain());
    if (mmsg) {
      b.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, MAX_DATAGRAM)
          .option(ChannelOption.RCVBUF_ALLOCATOR, new AreaAllocator());
    }
    Channel ch = b.bind("127.0.0.1", port).sync().channel();
    System.out.println("listening " + ((InetSocketAddress) ch.localAddress()).getPort());
    System.err.println("mode " + (mmsg ? "mmsg" : "defaults"));
    ch.closeFuture().sync();
  }
}
