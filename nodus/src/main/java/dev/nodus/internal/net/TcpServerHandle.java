package dev.nodus.internal.net;

import dev.nodus.internal.loop.Loop;
import dev.nodus.internal.loop.Transports;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ReflectiveChannelFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.unix.IntegerUnixChannelOption;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.spi.SelectorProvider;
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
    ServerBootstrap b =
        new ServerBootstrap()
            .group(loop.eventLoop(), loop.eventLoop())
            .channelFactory(factory(ipv4Socket))
            .option(ChannelOption.SO_BACKLOG, backlog)
            .childOption(ChannelOption.AUTO_READ, false)
            .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, TcpHandle.waterMark(childHighWaterMark))
            .childHandler(
                new ChannelInitializer<Channel>() {
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
    if (!unix) {
      b.option(ChannelOption.SO_REUSEADDR, true);
      if (reusePort && Transports.epoll()) {
        b.option(EpollChannelOption.SO_REUSEPORT, true);
      }
      if (ipv6Only && Transports.epoll() && !ipv4Socket) {
        // libuv's UV_TCP_IPV6ONLY: IPV6_V6ONLY before bind. Netty has no named option for it.
        b.option(IPV6_V6ONLY, 1);
      }
    }
    UnixPathClaim claim = null;
    if (unix && Transports.epoll()) {
      try {
        claim = UnixPathClaim.claim(ChannelFactories.unixPath(address));
      } catch (IOException | RuntimeException e) {
        // Node reports a bind failure on a later tick, as an 'error' event.
        loop.executeLater(() -> done.accept(e));
        return;
      }
    }
    UnixPathClaim held = claim;
    ChannelFuture f = b.bind(address);
    channel = f.channel();
    f.addListener((ChannelFuture cf) -> {
      if (held != null) {
        held.release(cf.isSuccess());
      }
      loop.runCallback(() -> done.accept(cf.isSuccess() ? null : cf.cause()));
    });
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
      loop.executeLater(done);
      return;
    }
    channel.close().addListener(f -> loop.executeLater(done));
  }

  /** Whether the listening socket is open. */
  public boolean open() {
    return channel != null && channel.isOpen();
  }

}
