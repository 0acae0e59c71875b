package dev.nodus.bench.dgram;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.CharsetUtil;

/**
 * Raw Netty reference for the dgram benchmark: one epoll loop, the same protocol as
 * NodusEchoServer, writes flushed once per read batch. What Nodus could reach at most.
 */
public final class NettyEchoServer {
  private NettyEchoServer() {}

  /**
   * Runs the server.
   *
   * @param args optional port (default 0); prints {@code listening <port>} when bound
   * @throws InterruptedException if interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    Channel ch = new Bootstrap()
        .group(group)
        .channel(EpollDatagramChannel.class)
        .handler(new ChannelInboundHandlerAdapter() {
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
        })
        .bind("127.0.0.1", port)
        .sync()
        .channel();
    System.out.println("listening " + ((java.net.InetSocketAddress) ch.localAddress()).getPort());
    ch.closeFuture().sync();
  }
}
