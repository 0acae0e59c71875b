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
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;

/**
 * The reference of {@code benchmarks/net/run.sh}: a raw Netty echo server, native epoll, one
 * event loop for accepting and serving, nothing of Nodus. It is the fastest honest echo one
 * writes with Netty under the same rules as the Nodus server:
 *
 * <ul>
 *   <li>the same socket options as a Nodus server socket: backlog 511, SO_REUSEADDR on the
 *       listening socket, half-closure allowed, TCP_NODELAY as given on the command line (set
 *       explicitly, as run.sh sets it on every server; Netty's own default is on, Node's off);
 *   <li>the same outbound marks as Nodus's {@code TcpHandle} (128 KiB low, 256 KiB high; Netty's
 *       defaults are 32/64 KiB) with the same meaning: writes wait for the read batch's one
 *       flush unless they fill the outbound buffer to the high mark, which flushes at once (as
 *       Nodus does, and libuv's try_write); reading stops while the buffer stays above the
 *       high mark after that flush and resumes below the low mark, the backpressure of Node's
 *       {@code pipe()}.
 * </ul>
 *
 * <pre>java ... dev.nodus.bench.net.NettyEchoServer PORT NODELAY</pre>
 */
public final class NettyEchoServer {
  private NettyEchoServer() {}

  /** Nodus's outbound marks ({@code TcpHandle.waterMark} for Node's default highWaterMark). */
  static final WriteBufferWaterMark NODUS_MARKS = new WriteBufferWaterMark(128 * 1024, 256 * 1024);

  /** Node's listen() backlog, which Nodus uses too. */
  static final int BACKLOG = 511;

  @ChannelHandler.Sharable
  static final class Echo extends ChannelInboundHandlerAdapter {
    static final Echo INSTANCE = new Echo();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ctx.write(msg, ctx.voidPromise());
      Channel ch = ctx.channel();
      if (!ch.isWritable()) {
        ctx.flush();
        if (!ch.isWritable()) {
          ch.config().setAutoRead(false);
        }
      }
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

  /** The NODELAY argument (args[1], "0" or "1"): required, so that no default decides it. */
  static boolean flag(String[] args) {
    if (args.length < 2 || !(args[1].equals("0") || args[1].equals("1"))) {
      throw new IllegalArgumentException("usage: PORT NODELAY (0 or 1)");
    }
    return args[1].equals("1");
  }

  /**
   * Runs the server.
   *
   * @param args the port (127.0.0.1 only) and NODELAY (0 or 1)
   * @throws InterruptedException if interrupted while serving
   */
  public static void main(String[] args) throws InterruptedException {
    int port = Integer.parseInt(args[0]);
    boolean noDelay = flag(args);
    EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    Channel server = new ServerBootstrap()
        .group(loop, loop)
        .channel(EpollServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, BACKLOG)
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
        .childOption(ChannelOption.TCP_NODELAY, noDelay)
        .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, NODUS_MARKS)
        .childHandler(Echo.INSTANCE)
        .bind("127.0.0.1", port)
        .sync()
        .channel();
    System.out.println("listening " + port + " (epoll, nodelay " + noDelay + ")");
    server.closeFuture().sync();
  }
}
