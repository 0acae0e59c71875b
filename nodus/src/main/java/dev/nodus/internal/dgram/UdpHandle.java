package dev.nodus.internal.dgram;

import dev.nodus.SystemError;
import dev.nodus.buffer.Buffer;
import dev.nodus.internal.dgram.UdpSockopts.OptException;
import dev.nodus.internal.errors.Errno;
import dev.nodus.internal.loop.HandleRef;
import dev.nodus.internal.loop.Loop;
import dev.nodus.internal.loop.Transports;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPromise;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.VoidChannelPromise;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A UDP socket on a Netty datagram channel: Node's {@code UDPWrap} over libuv's {@code
 * uv_udp_t}. Like libuv's handle, it has no socket until {@link #bind}; option calls before
 * that fail with EBADF. It holds one loop ref while it receives, unless {@link #unref()}'d.
 *
 * <p>Writes made during one loop turn go out in one flush (Netty then uses {@code sendmmsg});
 * a flush is scheduled as a task, which Netty runs right after the current I/O batch, so a
 * lone send is not delayed. Everything here runs on the loop thread, except {@link
 * #sendQueueSnapshot}, which reads what the loop published.
 */
public final class UdpHandle {
  /** Node's {@code handle.onmessage}/{@code handle.onerror}. */
  public interface Listener {
    /** A datagram arrived. */
    void onMessage(Buffer msg, String address, String family, int port);

    /** A read failed, e.g. ECONNREFUSED on a connected socket. */
    void onError(RuntimeException err);
  }

  private static final System.Logger LOG = System.getLogger(UdpHandle.class.getName());

  /** Largest datagram a read accepts: libuv reads into 64 KiB. */
  static final int MAX_DATAGRAM = 64 * 1024;

  private final Loop loop;
  private final boolean ipv6;
  private final UdpAddresses.TextCache senders;
  private final Runnable flushTask = this::flushNow;
  private final Runnable deliverTask = this::deliver;
  private Listener listener;
  private DatagramChannel channel;
  private UdpSockopts opts;
  private VoidChannelPromise voidPromise;
  private GsoBatch gso;
  private boolean closed;
  /** The family of the socket, once there is one (an implicit bind may pick the other). */
  private boolean channelIpv6;
  /** uv_ref state: the loop is held while receiving and ref'd. */
  private final HandleRef loopRef;
  private boolean flushScheduled;
  private boolean queueRecheckScheduled;
  private volatile long queuedBytes;
  private volatile long queuedCount;
  private byte[] rxBytes;
  private InetSocketAddress rxFrom;

  /** Creates an unbound handle for a udp4 or udp6 socket on {@code loop}. */
  public UdpHandle(Loop loop, boolean ipv6) {
    this.loop = loop;
    this.loopRef = new HandleRef(loop);
    this.ipv6 = ipv6;
    this.senders = new UdpAddresses.TextCache(ipv6);
  }

  /** Sets who receives messages and read errors. */
  public void listener(Listener l) {
    this.listener = l;
  }

  /** Whether this is a udp6 socket. */
  public boolean ipv6() {
    return ipv6;
  }

  // ---- bind / connect ---------------------------------------------------------------------

  /**
   * {@code uv_udp_bind}: creates the socket unless it exists (a failed bind or an implicit one
   * left it), applies the flags and binds it. {@code done} receives null or the failure. As in
   * libuv, a socket whose bind failed stays open and unbound: {@code getsockname} reports the
   * any-address with port 0, and a later bind may try again on it.
   */
  public void bind(
      InetSocketAddress local, boolean reuseAddr, boolean ipv6Only, boolean reusePort,
      Consumer<Throwable> done) {
    if (channel == null) {
      Throwable err = create(ipv6);
      if (err != null) {
        done.accept(err);
        return;
      }
    }
    DatagramChannel ch = channel;
    try {
      // uv__udp_bind sets the flags on every call, before bind(2).
      if (reuseAddr) {
        ch.config().setReuseAddress(true);
      }
      if (reusePort && ch instanceof EpollDatagramChannel e) {
        e.config().setReusePort(true);
      }
      if (ipv6Only) {
        opts.setIpv6Only();
      }
    } catch (OptException | RuntimeException e) {
      done.accept(e instanceof OptException oe && oe.getCause() != null ? oe.getCause() : e);
      return;
    }
    whenDone(ch.bind(local), done);
  }

  /**
   * libuv's {@code uv__udp_maybe_deferred_bind(handle, family, UV_UDP_REUSEADDR)}, which the
   * membership calls make: without a socket yet, creates one of the group's family and binds it
   * to the any-address, port 0, with SO_REUSEADDR. It does not start receiving, and the JS side
   * still counts the socket unbound (so a later {@code bind()} fails with EINVAL, as in Node).
   *
   * @throws SystemError {@code syscall} with the code of the failure
   */
  public void ensureBound(boolean v6, String syscall) {
    if (channel != null) {
      return;
    }
    Throwable err = create(v6);
    if (err == null) {
      try {
        channel.config().setReuseAddress(true);
        ChannelFuture f = channel.bind(new InetSocketAddress(
            v6 ? UdpAddresses.literal("::") : UdpAddresses.literal("0.0.0.0"), 0));
        // On the loop a bind completes at once (Netty runs it inline there).
        err = f.isDone() ? f.cause() : new IllegalStateException("bind did not complete inline");
      } catch (RuntimeException e) {
        err = e;
      }
    }
    if (err != null) {
      throw Errno.plain(DgramErrors.classify(err, "EINVAL"), syscall, err);
    }
  }

  // uv__socket plus registration: the channel exists from here on, bound or not.
  private Throwable create(boolean v6) {
    DatagramChannel ch = Transports.epoll()
        ? new EpollDatagramChannel(v6 ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET)
        : new NioDatagramChannel(v6 ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET);
    UdpSockopts o;
    try {
      ch.config().setAutoRead(false);
      // Reads take 64 KiB per datagram like libuv's, so no datagram is ever truncated, and up
      // to 32 per wakeup as uv__udp_recvmsg loops. With epoll they go into the loop's shared
      // area, several per recvmmsg.
      if (ch instanceof EpollDatagramChannel e) {
        e.config().setRecvByteBufAllocator(new LoopRecvAllocator());
        e.config().setMaxDatagramPayloadSize(MAX_DATAGRAM);
        // No UDP_GRO: Netty honours its segment size only on single recvmsg reads; with
        // recvmmsg a coalesced burst would arrive as one message.
      } else {
        ch.config().setRecvByteBufAllocator(
            new FixedRecvByteBufAllocator(MAX_DATAGRAM).maxMessagesPerRead(32));
      }
      // Keeps the channel "active" when a disconnect() leaves it unconnected, so writes go on.
      ch.config().setOption(ChannelOption.DATAGRAM_CHANNEL_ACTIVE_ON_REGISTRATION, true);
      o = UdpSockopts.of(ch, v6);
    } catch (RuntimeException e) {
      ch.unsafe().closeForcibly();
      return e;
    }
    ch.pipeline().addLast(new DatagramChannelHandler(this));
    ChannelFuture reg = loop.eventLoop().register(ch);
    if (!reg.isDone() || reg.cause() != null) {
      // Registration from the loop completes inline; anything else is a failure to report.
      Throwable err = reg.cause() != null ? reg.cause() : new IllegalStateException("not registered");
      ch.close();
      return err;
    }
    channel = ch;
    channelIpv6 = v6;
    opts = o;
    voidPromise = new VoidChannelPromise(ch, false);
    gso = GsoBatch.SUPPORTED ? new GsoBatch(this, loop) : null;
    return null;
  }

  /** {@code uv_udp_connect}; {@code done} receives null or the failure. */
  public void connect(InetSocketAddress remote, Consumer<Throwable> done) {
    flushPending();
    whenDone(channel.connect(remote), done);
  }

  /** {@code uv_udp_connect(handle, NULL)}: dissolves the association. */
  public void disconnect() {
    flushPending();
    ChannelFuture f = channel.disconnect();
    if (f.isDone() && f.cause() != null) {
      throw Errno.plain(DgramErrors.classify(f.cause(), "EINVAL"), "connect", f.cause());
    }
  }

  private void whenDone(ChannelFuture f, Consumer<Throwable> k) {
    if (f.isDone()) {
      k.accept(f.cause());
    } else {
      f.addListener(x -> loop.runCallback(() -> k.accept(x.cause())));
    }
  }

  // ---- receive ----------------------------------------------------------------------------

  /** {@code uv_udp_recv_start}. */
  public void recvStart() {
    channel.config().setAutoRead(true);
    loopRef.activate();
  }

  /** {@code uv_udp_recv_stop}. */
  public void recvStop() {
    if (channel != null) {
      channel.config().setAutoRead(false);
    }
    loopRef.deactivate();
  }

  void onRead(byte[] bytes, InetSocketAddress from) {
    if (closed || listener == null) {
      return;
    }
    rxBytes = bytes;
    rxFrom = from;
    loop.runCallback(deliverTask);
  }

  private void deliver() {
    byte[] bytes = rxBytes;
    InetSocketAddress from = rxFrom;
    rxBytes = null;
    rxFrom = null;
    InetAddress a = from.getAddress();
    listener.onMessage(
        Buffer.wrap(bytes), senders.text(a), UdpAddresses.family(a, ipv6), from.getPort());
  }

  // Node: UDPWrap::OnRecv with nread < 0 calls onmessage, which emits 'error' (recvmsg).
  // After close libuv reads nothing more, so a late failure has nowhere to go in Node either.
  void onReadError(Throwable cause) {
    if (closed || listener == null) {
      LOG.log(System.Logger.Level.DEBUG, "UDP read error after close, dropped", cause);
      return;
    }
    SystemError err = Errno.plain(DgramErrors.classify(cause, "EIO"), "recvmsg", cause);
    loop.runCallback(() -> listener.onError(err));
  }

  // ---- send -------------------------------------------------------------------------------

  /**
   * Queues one datagram made of {@code list} ({@code uv_udp_send}, the buffers as one
   * datagram); {@code to} is null on a connected socket. {@code done}, if not null, later
   * receives null or the failure. The Buffers are wrapped, not copied.
   */
  public void send(List<Buffer> list, InetSocketAddress to, Consumer<Throwable> done) {
    ByteBuf content;
    if (list.size() == 1) {
      Buffer b = list.get(0);
      content = Unpooled.wrappedBuffer(b.buffer(), b.byteOffset(), b.length());
    } else {
      ByteBuf[] parts = new ByteBuf[list.size()];
      for (int i = 0; i < parts.length; i++) {
        Buffer b = list.get(i);
        parts[i] = Unpooled.wrappedBuffer(b.buffer(), b.byteOffset(), b.length());
      }
      content = Unpooled.wrappedBuffer(parts.length, parts);
    }
    int len = content.readableBytes();
    if (gso != null && gso.eligible(len)) {
      if (!gso.accepts(to, len)) {
        gso.emit();
      }
      gso.add(content, to, done);
      scheduleFlush();
      return;
    }
    if (gso != null) {
      gso.emit(); // keeps the order of datagrams
    }
    if (len == 0 && sendEmpty(to, done)) {
      content.release();
      return;
    }
    writeOne(content, to, done);
    scheduleFlush();
  }

  /** Writes one datagram to the channel, unflushed. */
  void writeOne(ByteBuf content, InetSocketAddress to, Consumer<Throwable> done) {
    Object msg = to == null ? content : new DatagramPacket(content, to);
    if (done == null) {
      channel.write(msg, voidPromise);
    } else {
      ChannelPromise p = channel.newPromise();
      p.addListener(f -> loop.runCallback(() -> done.accept(f.cause())));
      channel.write(msg, p);
    }
  }

  DatagramChannel channel() {
    return channel;
  }

  void scheduleFlush() {
    if (!flushScheduled) {
      flushScheduled = true;
      loop.eventLoop().execute(flushTask);
    }
  }

  // Netty skips zero-length datagrams (doWriteMessage returns early); Node sends them. With
  // epoll we send it on the descriptor ourselves, after whatever is queued before it.
  private boolean sendEmpty(InetSocketAddress to, Consumer<Throwable> done) {
    channel.flush();
    ChannelOutboundBuffer out = channel.unsafe().outboundBuffer();
    if (out != null && !out.isEmpty()) {
      return false;
    }
    Throwable err = null;
    try {
      if (!opts.sendEmpty(to)) {
        return false;
      }
    } catch (OptException e) {
      err = e.getCause() != null ? e.getCause() : e;
    }
    if (done != null) {
      Throwable e = err;
      loop.nextTick(() -> done.accept(e));
    }
    return true;
  }

  private void flushNow() {
    flushScheduled = false;
    flushPending();
    publishSendQueue();
  }

  // What other threads read through sendQueueSnapshot: refreshed after every flush, and while
  // the kernel leaves datagrams queued, again every millisecond until it has taken them all
  // (Netty writes the rest on EPOLLOUT without telling us).
  private void publishSendQueue() {
    long count = sendQueue(false);
    long bytes = count == 0 ? 0 : sendQueue(true);
    if (count != queuedCount || bytes != queuedBytes) {
      queuedCount = count;
      queuedBytes = bytes;
    }
    if (count != 0 && !queueRecheckScheduled && !closed) {
      queueRecheckScheduled = true;
      loop.eventLoop().schedule(() -> {
        queueRecheckScheduled = false;
        publishSendQueue();
      }, 1, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * The send queue as the loop last saw it, for other threads: see {@link #sendQueue}.
   *
   * @param bytes whether to return bytes (else datagrams)
   */
  public long sendQueueSnapshot(boolean bytes) {
    return bytes ? queuedBytes : queuedCount;
  }

  /** Whether the OS socket exists (after a bind, failed or not, or an implicit one). */
  public boolean hasSocket() {
    return channel != null;
  }

  // Node's sends leave synchronously (uv_udp_try_send); ours wait for the turn's flush. Where
  // that could show (the association changes, the socket closes), flush first.
  private void flushPending() {
    if (channel != null) {
      if (gso != null) {
        gso.emit();
      }
      channel.flush();
    }
  }

  /**
   * {@code uv_udp_get_send_queue_size}/{@code _count}: what was handed to the kernel but not
   * taken yet because the socket was not writable. Datagrams waiting for this turn's flush
   * are not counted: in Node they left at once ({@code uv_udp_try_send}).
   *
   * @param bytes whether to sum bytes (else count datagrams)
   */
  public long sendQueue(boolean bytes) {
    if (channel == null) {
      return 0;
    }
    ChannelOutboundBuffer out = channel.unsafe().outboundBuffer();
    if (out == null || out.size() == 0) {
      return 0;
    }
    long[] sum = new long[1];
    try {
      out.forEachFlushedMessage(msg -> {
        int len = msg instanceof io.netty.buffer.ByteBufHolder h ? h.content().readableBytes()
            : msg instanceof ByteBuf b ? b.readableBytes() : 0;
        if (bytes) {
          sum[0] += len;
        } else if (msg instanceof io.netty.channel.unix.SegmentedDatagramPacket sp
            && sp.segmentSize() > 0) {
          // One GSO write carries several datagrams.
          sum[0] += (len + sp.segmentSize() - 1) / sp.segmentSize();
        } else {
          sum[0]++;
        }
        return true;
      });
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return sum[0];
  }

  // ---- close / ref ------------------------------------------------------------------------

  /**
   * {@code uv_close}: datagrams already handed over still go out (in Node they left at once),
   * then the socket closes and its port is free.
   */
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    queuedBytes = 0;
    queuedCount = 0;
    loopRef.deactivate();
    if (channel != null) {
      flushPending();
      channel.close();
    }
  }

  /** {@code uv_ref}. */
  public void ref() {
    loopRef.ref();
  }

  /** {@code uv_unref}. */
  public void unref() {
    loopRef.unref();
  }

  /** {@code uv_has_ref}. */
  public boolean hasRef() {
    return loopRef.hasRef();
  }

  // ---- options ----------------------------------------------------------------------------

  private UdpSockopts opts(String syscall) {
    if (opts == null) {
      // libuv has no descriptor before bind: setsockopt(-1, ...) fails with EBADF.
      throw DgramErrors.errno("EBADF", syscall);
    }
    return opts;
  }

  private static SystemError fail(OptException e, String syscall) {
    return Errno.plain(e.code, syscall, e.getCause());
  }

  /** {@code uv_udp_set_broadcast}. */
  public void setBroadcast(boolean on) {
    try {
      opts("setBroadcast").setBroadcast(on);
    } catch (OptException e) {
      throw fail(e, "setBroadcast");
    }
  }

  /**
   * {@code uv_udp_set_ttl}, {@code uv_udp_set_multicast_ttl}, {@code
   * uv_udp_set_multicast_loop}: an int option, range-checked as libuv does before the call.
   */
  public void setIntOption(String syscall, int value, int min, int max) {
    if (value < min || value > max) {
      throw DgramErrors.errno("EINVAL", syscall);
    }
    int opt4;
    int opt6;
    switch (syscall) {
      case "setTTL" -> {
        opt4 = UdpSockopts.IP_TTL;
        opt6 = UdpSockopts.IPV6_UNICAST_HOPS;
      }
      case "setMulticastTTL" -> {
        opt4 = UdpSockopts.IP_MULTICAST_TTL;
        opt6 = UdpSockopts.IPV6_MULTICAST_HOPS;
      }
      case "setMulticastLoopback" -> {
        opt4 = UdpSockopts.IP_MULTICAST_LOOP;
        opt6 = UdpSockopts.IPV6_MULTICAST_LOOP;
      }
      default -> throw new IllegalArgumentException(syscall);
    }
    try {
      opts(syscall).setInt(opt4, opt6, value);
    } catch (OptException e) {
      throw fail(e, syscall);
    }
  }

  /**
   * {@code uv_udp_set_multicast_interface}: an IPv4 address, or an IPv6 one whose zone names
   * the interface; anything else is EINVAL.
   */
  public void setMulticastInterface(String interfaceAddress) {
    InetAddress iface = UdpAddresses.literal(interfaceAddress);
    if (iface == null) {
      throw DgramErrors.errno("EINVAL", "setMulticastInterface");
    }
    try {
      opts("setMulticastInterface").setMulticastInterface(iface);
    } catch (OptException e) {
      throw fail(e, "setMulticastInterface");
    }
  }

  /** {@code uv_udp_set_membership}; {@code interfaceAddress} may be null (any). */
  public void membership(String multicastAddress, String interfaceAddress, boolean join) {
    String syscall = join ? "addMembership" : "dropMembership";
    InetAddress group = UdpAddresses.literal(multicastAddress);
    if (group == null) {
      throw DgramErrors.errno("EINVAL", syscall);
    }
    ensureBound(group instanceof Inet6Address, syscall);
    InetAddress iface = iface(group, interfaceAddress, syscall);
    try {
      opts(syscall).membership(group, iface, join);
    } catch (OptException e) {
      throw fail(e, syscall);
    }
  }

  /** {@code uv_udp_set_source_membership}; {@code interfaceAddress} may be null (any). */
  public void sourceMembership(String source, String group, String interfaceAddress, boolean join) {
    String syscall = join ? "addSourceSpecificMembership" : "dropSourceSpecificMembership";
    InetAddress g = UdpAddresses.literal(group);
    InetAddress s = UdpAddresses.literal(source);
    if (g == null || s == null || UdpAddresses.isIpv4(group) != UdpAddresses.isIpv4(source)) {
      throw DgramErrors.errno("EINVAL", syscall);
    }
    ensureBound(g instanceof Inet6Address, syscall);
    InetAddress iface = iface(g, interfaceAddress, syscall);
    try {
      opts(syscall).sourceMembership(s, g, iface, join);
    } catch (OptException e) {
      throw fail(e, syscall);
    }
  }

  // libuv: an IPv4 group takes an IPv4 interface address (uv_inet_pton), an IPv6 group an IPv6
  // one whose zone names the interface (uv_ip6_addr); anything else is EINVAL.
  private static InetAddress iface(InetAddress group, String interfaceAddress, String syscall) {
    if (interfaceAddress == null) {
      return null;
    }
    InetAddress iface = UdpAddresses.literal(interfaceAddress);
    boolean v4Group = group.getAddress().length == 4;
    if (iface == null || (iface.getAddress().length == 4) != v4Group) {
      throw DgramErrors.errno("EINVAL", syscall);
    }
    return iface;
  }

  /**
   * {@code uv_recv_buffer_size}/{@code uv_send_buffer_size}: sets the size unless it is 0, and
   * returns the kernel's value (Linux reports double what was set).
   */
  public int bufferSize(boolean recv, int size) {
    if (opts == null) {
      throw DgramErrors.bufferSize(Errno.of("EBADF"), recv, null);
    }
    try {
      return opts.bufferSize(recv, size);
    } catch (OptException e) {
      throw DgramErrors.bufferSize(e.code, recv, e.getCause());
    }
  }

  /** {@code uv_udp_getsockname}; an unbound socket reports the any-address, port 0. */
  public InetSocketAddress localAddress() {
    InetSocketAddress a;
    try {
      a = opts("getsockname").localAddress();
    } catch (OptException e) {
      throw fail(e, "getsockname");
    }
    if (a == null) {
      // NIO reports an unbound socket as null; getsockname(2) reports 0.0.0.0:0 or [::]:0.
      a = new InetSocketAddress(UdpAddresses.literal(channelIpv6 ? "::" : "0.0.0.0"), 0);
    }
    return a;
  }

  /**
   * Whether the socket is IPv6: the socket type's family, except after an implicit bind by a
   * membership call, which takes the group's family as libuv does.
   */
  public boolean socketIpv6() {
    return channel != null ? channelIpv6 : ipv6;
  }

  /** {@code uv_udp_getpeername}. */
  public InetSocketAddress remoteAddress() {
    InetSocketAddress a;
    try {
      a = opts("getpeername").remoteAddress();
    } catch (OptException e) {
      throw fail(e, "getpeername");
    }
    if (a == null) {
      throw DgramErrors.errno("ENOTCONN", "getpeername");
    }
    return a;
  }
}
