package dev.nodus.bench.net;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;

/**
 * The reference of {@code benchmarks/net/run.sh}: a raw Netty echo server, native epoll, one
 * event loop for accepting and serving, nothing of Nodus. It is the fastest honest echo one
 * writes with Netty: write each read, flush once per read batch, and stop reading while the
 * outbound buffer is above its high-water mark (Netty's defaults, 32/64 KiB, the same marks
 * Nodus gives its sockets), so that it keeps the same backpressure as Node's {@code pipe()}.
 *
 * <pre>java ... dev.nodus.bench.net.NettyEchoServer PORT</pre>
 */
public final class NettyEchoServer {
  private NettyEchoServer() {}

  @ChannelHandler.Sharable
  static final class Echo extends ChannelInboundHandlerAdapter {
    static final Echo INSTANCE = new Echo();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ctx.write(msg, ctx.voidPromise());
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
      if (!ctx.channel().isWritable()) {
        ctx.channel().config().setAutoRead(false);
      }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      if (ctx.channel().isWritable()) {
        ctx.channel().config().setAutoRead(true);
      }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      // The peer's FIN (half-closure is allowed so that the echo in flight still leaves): once
      // everything before it is written, close, as Node's socket does after 'end' with
      // allowHalfOpen false.
      if (evt instanceof ChannelInputShutdownEvent) {
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }

  /**
   * Runs the server.
   *
   * @param args the port (127.0.0.1 only)
   * @throws InterruptedException if interrupted while serving
   */
  public static void main(String[] args) throws InterruptedException {
    int port = Integer.parseInt(args[0]);
    EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    Channel server = new ServerBootstrap()
        .group(loop, loop)
        .channel(EpollServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 511)
        .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
        .childHandler(Echo.INSTANCE)
        .bind("127.0.0.1", port)
        .sync()
        .channel();
    System.out.println("listening " + port + " (epoll)");
    server.closeFuture().sync();
  }
}
