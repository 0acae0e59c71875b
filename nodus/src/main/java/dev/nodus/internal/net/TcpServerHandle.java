package dev.nodus.internal.net;

import dev.nodus.internal.loop.Loop;
import dev.nodus.internal.loop.Transports;
import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ReflectiveChannelFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.unix.IntegerUnixChannelOption;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.spi.SelectorProvider;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A listening socket: Node's server-side {@code TCPWrap}/{@code PipeWrap}. Accepted channels
 * stay on the server's loop, as in Node, each wrapped in a {@link TcpHandle} that is handed to
 * the server once active.
 */
public final class TcpServerHandle {
  /** Linux {@code setsockopt(IPPROTO_IPV6 = 41, IPV6_V6ONLY = 26)}. */
  private static final IntegerUnixChannelOption IPV6_V6ONLY =
      new IntegerUnixChannelOption("IPV6_V6ONLY", 41, 26);

  private final Loop loop;
  private final boolean unix;
  private Channel channel;

  /** Creates a handle that will listen on {@code loop}. */
  public TcpServerHandle(Loop loop, boolean unix) {
    this.loop = loop;
    this.unix = unix;
  }

  /**
   * Binds and listens. {@code onConnection} receives each accepted handle, before it reads, and
   * answers whether the socket made of it holds data its user has not read (see
   * {@link UnreadDataReset}), or null; {@code done} runs on the loop with null or the bind
   * failure.
   *
   * @param reusePort share the port with other loops (SO_REUSEPORT, epoll only)
   * @param ipv6Only set IPV6_V6ONLY before binding (epoll; the NIO fallback cannot and stays
   *     dual-stack)
   * @param ipv4Socket the host was an IPv4 address: bind an AF_INET socket, as libuv's
   *     uv_tcp_bind makes one of the address's family (the transports' default AF_INET6 socket
   *     turns 0.0.0.0 into a dual-stack {@code ::} that takes IPv6 connections too); false for
   *     no host, where Node listens on {@code ::}
   */
  public void listen(
      SocketAddress address,
      int backlog,
      boolean reusePort,
      boolean ipv6Only,
      boolean ipv4Socket,
      int childHighWaterMark,
      Function<TcpHandle, BooleanSupplier> onConnection,
      Consumer<Throwable> done) {
    UnixPathClaim claim = null;
    if (unix && Transports.epoll()) {
      try {
        claim = UnixPathClaim.claim(ChannelFactories.unixPath(address));
      } catch (IOException | RuntimeException e) {
        done.accept(e);
        return;
      }
    }
    // Not ServerBootstrap: it binds in a later task. On the loop, registering and binding here
    // complete before listen() returns, as libuv's bind and listen do, so address() answers
    // at once, as in node.
    ServerChannel ch = factory(ipv4Socket).newChannel();
    channel = ch;
    ch.config().setOption(ChannelOption.SO_BACKLOG, backlog);
    if (!unix) {
      ch.config().setOption(ChannelOption.SO_REUSEADDR, true);
      if (reusePort && Transports.epoll()) {
        ch.config().setOption(EpollChannelOption.SO_REUSEPORT, true);
      }
      if (ipv6Only && Transports.epoll() && !ipv4Socket) {
        // libuv's UV_TCP_IPV6ONLY: IPV6_V6ONLY before bind. Netty has no named option for it.
        ch.config().setOption(IPV6_V6ONLY, 1);
      }
    }
    ch.pipeline().addLast(new Acceptor(childHighWaterMark, onConnection));
    UnixPathClaim held = claim;
    loop.eventLoop().register(ch).addListener((ChannelFuture reg) -> {
      if (!reg.isSuccess()) {
        finish(held, reg, done);
        return;
      }
      ch.bind(address).addListener((ChannelFuture b) -> finish(held, b, done));
    });
  }

  private void finish(UnixPathClaim claim, ChannelFuture f, Consumer<Throwable> done) {
    if (claim != null) {
      claim.release(f.isSuccess());
    }
    if (!f.isSuccess()) {
      if (f.channel().isRegistered()) {
        f.channel().close();
      } else {
        f.channel().unsafe().closeForcibly();
      }
    }
    loop.runCallback(() -> done.accept(f.isSuccess() ? null : f.cause()));
  }

  /**
   * Registers each accepted channel on the server's loop with a {@link TcpHandle}: what
   * ServerBootstrap's acceptor does, with the child options Nodus always uses.
   */
  private final class Acceptor extends ChannelInboundHandlerAdapter {
    private final WriteBufferWaterMark waterMark;
    private final Function<TcpHandle, BooleanSupplier> onConnection;

    Acceptor(int childHighWaterMark, Function<TcpHandle, BooleanSupplier> onConnection) {
      this.waterMark = TcpHandle.waterMark(childHighWaterMark);
      this.onConnection = onConnection;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      Channel child = (Channel) msg;
      child.config().setOption(ChannelOption.AUTO_READ, false);
      child.config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
      child.config().setOption(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark);
      child.pipeline().addLast(new ChannelInitializer<Channel>() {
        @Override
        protected void initChannel(Channel ch) {
          TcpHandle h = new TcpHandle(loop, unix);
          h.attach(ch);
          UnreadDataReset reset = unix ? null : new UnreadDataReset();
          if (reset != null) {
            ch.pipeline().addLast(reset);
          }
          ch.pipeline().addLast(h);
          BooleanSupplier unconsumed = onConnection.apply(h);
          if (reset != null) {
            reset.unconsumed(unconsumed);
          }
        }
      });
      try {
        loop.eventLoop().register(child).addListener((ChannelFuture f) -> {
          if (!f.isSuccess()) {
            child.unsafe().closeForcibly();
          }
        });
      } catch (RuntimeException e) {
        child.unsafe().closeForcibly();
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      // As ServerBootstrap: an accept failure (EMFILE...) stops accepting for a second rather
      // than spinning on it; the pending connections wait in the backlog.
      ChannelConfig config = ctx.channel().config();
      if (config.isAutoRead()) {
        config.setAutoRead(false);
        ctx.channel().eventLoop().schedule(() -> config.setAutoRead(true), 1, TimeUnit.SECONDS);
      }
    }
  }

  private ChannelFactory<ServerChannel> factory(boolean ipv4Socket) {
    if (ipv4Socket) {
      if (Transports.epoll()) {
        return () -> new EpollServerSocketChannel(SocketProtocolFamily.INET);
      }
      return () -> new NioServerSocketChannel(SelectorProvider.provider(), SocketProtocolFamily.INET);
    }
    return new ReflectiveChannelFactory<>(ChannelFactories.server(unix));
  }

  /** The bound address, or null. */
  public SocketAddress localAddress() {
    return channel == null ? null : channel.localAddress();
  }

  /** Stops accepting; {@code done} runs on the loop once the socket is closed. */
  public void close(Runnable done) {
    if (channel == null) {
      loop.closing(done);
      return;
    }
    // uv_close: the callback waits for the loop's closing phase, and for the close itself, which
    // Netty completes at once on the loop (the listener is the fallback).
    io.netty.channel.ChannelFuture closed = channel.close();
    loop.closing(() -> {
      if (closed.isDone()) {
        done.run();
      } else {
        closed.addListener(f -> loop.executeLater(done));
      }
    });
  }

  /** Whether the listening socket is open. */
  public boolean open() {
    return channel != null && channel.isOpen();
  }

}
