package dev.nodus.internal.net;

import dev.nodus.internal.loop.Transports;
import io.netty.channel.Channel;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.nio.NioDomainSocketChannel;
import io.netty.channel.socket.nio.NioServerDomainSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;

/** The channel classes and addresses of the chosen transport, for TCP and Unix sockets. */
final class ChannelFactories {
  private ChannelFactories() {}

  static Class<? extends Channel> client(boolean unix) {
    if (Transports.epoll()) {
      return unix ? EpollDomainSocketChannel.class : EpollSocketChannel.class;
    }
    return unix ? NioDomainSocketChannel.class : NioSocketChannel.class;
  }

  static Class<? extends ServerChannel> server(boolean unix) {
    if (Transports.epoll()) {
      return unix ? EpollServerDomainSocketChannel.class : EpollServerSocketChannel.class;
    }
    return unix ? NioServerDomainSocketChannel.class : NioServerSocketChannel.class;
  }

  static SocketAddress unixAddress(String path) {
    return Transports.epoll() ? new DomainSocketAddress(path) : UnixDomainSocketAddress.of(path);
  }

  static String unixPath(SocketAddress a) {
    if (a instanceof DomainSocketAddress d) {
      return d.path();
    }
    if (a instanceof UnixDomainSocketAddress u) {
      return u.getPath().toString();
    }
    return null;
  }
}
