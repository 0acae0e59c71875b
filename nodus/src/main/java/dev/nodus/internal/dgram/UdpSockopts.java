package dev.nodus.internal.dgram;

import dev.nodus.internal.errors.Errno;
import io.netty.channel.ChannelFuture;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.unix.Socket;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Socket options of a UDP socket, set as libuv sets them ({@code deps/uv/src/unix/udp.c}): the
 * same setsockopt calls with the same structs, so the kernel answers as it answers Node
 * (EINVAL, EADDRINUSE, ENOPROTOOPT…). With epoll they go straight to the file descriptor; the
 * NIO fallback maps what the JDK offers and reports the rest as ENOTSUP.
 *
 * <p>Failures are thrown as {@link OptException} carrying libuv's error code.
 */
abstract class UdpSockopts {
  // Linux <netinet/in.h> and <linux/in6.h> values.
  static final int IPPROTO_IP = 0;
  static final int IPPROTO_IPV6 = 41;
  static final int IP_TTL = 2;
  static final int IP_MULTICAST_IF = 32;
  static final int IP_MULTICAST_TTL = 33;
  static final int IP_MULTICAST_LOOP = 34;
  static final int IP_ADD_MEMBERSHIP = 35;
  static final int IP_DROP_MEMBERSHIP = 36;
  static final int IP_ADD_SOURCE_MEMBERSHIP = 39;
  static final int IP_DROP_SOURCE_MEMBERSHIP = 40;
  static final int IPV6_UNICAST_HOPS = 16;
  static final int IPV6_MULTICAST_IF = 17;
  static final int IPV6_MULTICAST_HOPS = 18;
  static final int IPV6_MULTICAST_LOOP = 19;
  static final int IPV6_ADD_MEMBERSHIP = 20;
  static final int IPV6_DROP_MEMBERSHIP = 21;
  static final int IPV6_V6ONLY = 26;
  static final int MCAST_JOIN_SOURCE_GROUP = 46;
  static final int MCAST_LEAVE_SOURCE_GROUP = 47;
  static final int AF_INET6 = 10;

  /** A failed option call, with libuv's code. */
  static final class OptException extends Exception {
    private static final long serialVersionUID = 1L;
    final transient Errno.Code code;

    OptException(Errno.Code code, Throwable cause) {
      super(code.code(), cause);
      this.code = code;
    }

    static OptException of(Throwable t) {
      return new OptException(DgramErrors.classify(t, "EINVAL"), t);
    }
  }

  static UdpSockopts of(DatagramChannel ch, boolean ipv6) {
    if (ch instanceof EpollDatagramChannel e) {
      return new Native(new Socket(e.fd().intValue()), ipv6);
    }
    return new Nio(ch, ipv6);
  }

  final boolean ipv6;

  UdpSockopts(boolean ipv6) {
    this.ipv6 = ipv6;
  }

  /** {@code uv__setsockopt}: the IPv4 or the IPv6 option, by the socket's family. */
  abstract void setInt(int opt4, int opt6, int value) throws OptException;

  abstract void setBroadcast(boolean on) throws OptException;

  abstract void setIpv6Only() throws OptException;

  abstract void setMulticastInterface(InetAddress iface) throws OptException;

  abstract void membership(InetAddress group, InetAddress iface, boolean join) throws OptException;

  abstract void sourceMembership(InetAddress source, InetAddress group, InetAddress iface, boolean join)
      throws OptException;

  abstract int bufferSize(boolean recv, int size) throws OptException;

  abstract InetSocketAddress localAddress() throws OptException;

  abstract InetSocketAddress remoteAddress() throws OptException;

  /** Sends a zero-length datagram, which Netty's write path skips; false if unsupported. */
  abstract boolean sendEmpty(InetSocketAddress to) throws OptException;

  /** Epoll: setsockopt on the channel's descriptor. The wrapper never closes it. */
  private static final class Native extends UdpSockopts {
    private static final ByteBuffer EMPTY = ByteBuffer.allocateDirect(1);
    private final Socket fd;

    Native(Socket fd, boolean ipv6) {
      super(ipv6);
      this.fd = fd;
    }

    @Override
    void setInt(int opt4, int opt6, int value) throws OptException {
      try {
        if (ipv6) {
          fd.setIntOpt(IPPROTO_IPV6, opt6, value);
        } else {
          fd.setIntOpt(IPPROTO_IP, opt4, value);
        }
      } catch (IOException | RuntimeException e) {
        throw OptException.of(e);
      }
    }

    @Override
    void setBroadcast(boolean on) throws OptException {
      try {
        fd.setBroadcast(on);
      } catch (IOException | RuntimeException e) {
        throw OptException.of(e);
      }
    }

    @Override
    void setIpv6Only() throws OptException {
      try {
        fd.setIntOpt(IPPROTO_IPV6, IPV6_V6ONLY, 1);
      } catch (IOException | RuntimeException e) {
        throw OptException.of(e);
      }
    }

    @Override
    void setMulticastInterface(InetAddress iface) throws OptException {
      try {
        if (iface instanceof Inet4Address) {
          fd.setRawOpt(IPPROTO_IP, IP_MULTICAST_IF, ByteBuffer.wrap(iface.getAddress()));
        } else {
          fd.setIntOpt(IPPROTO_IPV6, IPV6_MULTICAST_IF, UdpAddresses.scopeIdOf(iface));
        }
      } catch (IOException | RuntimeException e) {
        throw OptException.of(e);
      }
    }

    @Override
    void membership(InetAddress group, InetAddress iface, boolean join) throws OptException {
      try {
        if (group instanceof Inet4Address) {
          // struct ip_mreq { imr_multiaddr; imr_interface; }
          ByteBuffer mreq = ByteBuffer.allocate(8);
          mreq.put(group.getAddress()).put(iface == null ? new byte[4] : iface.getAddress()).flip();
          fd.setRawOpt(IPPROTO_IP, join ? IP_ADD_MEMBERSHIP : IP_DROP_MEMBERSHIP, mreq);
        } else {
          // struct ipv6_mreq { in6_addr ipv6mr_multiaddr; unsigned ipv6mr_interface; }
          ByteBuffer mreq = ByteBuffer.allocate(20).order(ByteOrder.nativeOrder());
          mreq.put(group.getAddress()).putInt(UdpAddresses.scopeIdOf(iface)).flip();
          fd.setRawOpt(IPPROTO_IPV6, join ? IPV6_ADD_MEMBERSHIP : IPV6_DROP_MEMBERSHIP, mreq);
        }
      } catch (IOException | RuntimeException e) {
        throw enxioIsEnodev(e);
      }
    }

    @Override
    void sourceMembership(InetAddress source, InetAddress group, InetAddress iface, boolean join)
        throws OptException {
      try {
        if (group instanceof Inet4Address) {
          // struct ip_mreq_source { imr_multiaddr; imr_interface; imr_sourceaddr; }
          ByteBuffer mreq = ByteBuffer.allocate(12);
          mreq.put(group.getAddress())
              .put(iface == null ? new byte[4] : iface.getAddress())
              .put(source.getAddress())
              .flip();
          fd.setRawOpt(IPPROTO_IP, join ? IP_ADD_SOURCE_MEMBERSHIP : IP_DROP_SOURCE_MEMBERSHIP, mreq);
        } else {
          // struct group_source_req { uint32 gsr_interface; (pad 4); sockaddr_storage gsr_group;
          // sockaddr_storage gsr_source; } on LP64: 264 bytes.
          ByteBuffer req = ByteBuffer.allocate(264).order(ByteOrder.nativeOrder());
          req.putInt(0, UdpAddresses.scopeIdOf(iface));
          putSockaddrIn6(req, 8, group);
          putSockaddrIn6(req, 8 + 128, source);
          fd.setRawOpt(IPPROTO_IPV6, join ? MCAST_JOIN_SOURCE_GROUP : MCAST_LEAVE_SOURCE_GROUP, req);
        }
      } catch (IOException | RuntimeException e) {
        throw enxioIsEnodev(e);
      }
    }

    private static void putSockaddrIn6(ByteBuffer b, int at, InetAddress a) {
      // struct sockaddr_in6 { sa_family_t family; in_port_t port; uint32 flowinfo; in6_addr addr; uint32 scope_id; }
      b.putShort(at, (short) AF_INET6);
      byte[] addr = a.getAddress();
      for (int i = 0; i < 16; i++) {
        b.put(at + 8 + i, addr[i]);
      }
      b.putInt(at + 24, UdpAddresses.scopeIdOf(a));
    }

    // libuv: "if (errno == ENXIO) return UV_ENODEV;" in uv__udp_set_membership4/6.
    private static OptException enxioIsEnodev(Exception e) {
      for (Throwable c = e; c != null; c = c.getCause()) {
        if (c instanceof io.netty.channel.unix.Errors.NativeIoException ne && ne.expectedErr() == -6) {
          return new OptException(Errno.of("ENODEV"), e);
        }
      }
      return OptException.of(e);
    }

    @Override
    int bufferSize(boolean recv, int size) throws OptException {
      try {
        if (size != 0) {
          if (recv) {
            fd.setReceiveBufferSize(size);
          } else {
            fd.setSendBufferSize(size);
          }
        }
        return recv ? fd.getReceiveBufferSize() : fd.getSendBufferSize();
      } catch (IOException | RuntimeException e) {
        throw OptException.of(e);
      }
    }

    @Override
    InetSocketAddress localAddress() {
      return fd.localAddress();
    }

    @Override
    InetSocketAddress remoteAddress() {
      return fd.remoteAddress();
    }

    @Override
    boolean sendEmpty(InetSocketAddress to) throws OptException {
      try {
        if (to == null) {
          fd.send(EMPTY.duplicate(), 0, 0);
        } else {
          fd.sendTo(EMPTY.duplicate(), 0, 0, to.getAddress(), to.getPort());
        }
        return true;
      } catch (IOException | RuntimeException e) {
        throw OptException.of(e);
      }
    }
  }

  /** NIO fallback: what Netty's DatagramChannel API offers. */
  private static final class Nio extends UdpSockopts {
    private final DatagramChannel ch;

    Nio(DatagramChannel ch, boolean ipv6) {
      super(ipv6);
      this.ch = ch;
    }

    private static OptException unsupported() {
      return new OptException(Errno.of("ENOTSUP"), null);
    }

    @Override
    void setInt(int opt4, int opt6, int value) throws OptException {
      try {
        switch (opt4) {
          case IP_MULTICAST_TTL -> ch.config().setTimeToLive(value);
          case IP_MULTICAST_LOOP -> ch.config().setLoopbackModeDisabled(value == 0);
          default -> throw unsupported();
        }
      } catch (RuntimeException e) {
        throw OptException.of(e);
      }
    }

    @Override
    void setBroadcast(boolean on) throws OptException {
      try {
        ch.config().setBroadcast(on);
      } catch (RuntimeException e) {
        throw OptException.of(e);
      }
    }

    @Override
    void setIpv6Only() throws OptException {
      throw unsupported();
    }

    @Override
    void setMulticastInterface(InetAddress iface) throws OptException {
      try {
        if (iface instanceof Inet6Address) {
          ch.config().setNetworkInterface(NetworkInterface.getByIndex(UdpAddresses.scopeIdOf(iface)));
        } else {
          ch.config().setInterface(iface);
        }
      } catch (IOException | RuntimeException e) {
        throw OptException.of(e);
      }
    }

    private NetworkInterface nif(InetAddress iface) throws IOException {
      if (iface == null) {
        return ch.config().getNetworkInterface() != null
            ? ch.config().getNetworkInterface()
            : NetworkInterface.getByInetAddress(ch.localAddress().getAddress());
      }
      return iface instanceof Inet6Address
          ? NetworkInterface.getByIndex(UdpAddresses.scopeIdOf(iface))
          : NetworkInterface.getByInetAddress(iface);
    }

    @Override
    void membership(InetAddress group, InetAddress iface, boolean join) throws OptException {
      sourceMembership(null, group, iface, join);
    }

    @Override
    void sourceMembership(InetAddress source, InetAddress group, InetAddress iface, boolean join)
        throws OptException {
      try {
        NetworkInterface ni = nif(iface);
        if (ni == null) {
          throw new OptException(Errno.of("EADDRNOTAVAIL"), null);
        }
        ChannelFuture f = join ? ch.joinGroup(group, ni, source) : ch.leaveGroup(group, ni, source);
        if (f.cause() != null) {
          throw OptException.of(f.cause());
        }
      } catch (IOException | RuntimeException e) {
        throw OptException.of(e);
      }
    }

    @Override
    int bufferSize(boolean recv, int size) throws OptException {
      try {
        if (size != 0) {
          if (recv) {
            ch.config().setReceiveBufferSize(size);
          } else {
            ch.config().setSendBufferSize(size);
          }
        }
        // The JDK halves what Linux's getsockopt reports (it undoes the kernel's doubling);
        // Node reports the kernel's value.
        return 2 * (recv ? ch.config().getReceiveBufferSize() : ch.config().getSendBufferSize());
      } catch (RuntimeException e) {
        throw OptException.of(e);
      }
    }

    @Override
    InetSocketAddress localAddress() {
      return ch.localAddress();
    }

    @Override
    InetSocketAddress remoteAddress() {
      return ch.remoteAddress();
    }

    @Override
    boolean sendEmpty(InetSocketAddress to) {
      return false;
    }
  }
}
