package dev.nodus.internal.net;

import dev.nodus.buffer.Buffer;
import dev.nodus.internal.buffer.BufferAccess;
import dev.nodus.internal.dns.Lookup;
import dev.nodus.internal.loop.Loop;
import dev.nodus.internal.loop.ThreadCheck;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;

/**
 * One connected stream socket (TCP or Unix): Node's {@code TCPWrap}/{@code PipeWrap} on a Netty
 * channel. It is the only Netty handler in the channel's pipeline and calls its {@link Owner}
 * (the public {@code net.Socket}) on the loop, through {@link Loop#runCallback(Runnable)}.
 *
 * <p>Writes are not flushed one by one: the first write of a loop turn schedules one flush task,
 * which Netty runs after the turn's I/O, so every write made while handling a batch of reads
 * (or one callback) leaves in one syscall and a lone write is not delayed.
 */
public final class TcpHandle extends ChannelInboundHandlerAdapter implements Runnable {
  /** What the handle reports to its socket. Every call happens on the loop. */
  public interface Owner {
    /**
     * A chunk arrived. It reads Netty's buffer until this call returns, and is copied to the
     * heap then (or at its first access from Java), so the owner may keep it.
     *
     * @return true if the chunk goes to nothing but a pipe into a socket: then, once that pipe
     *     has written it, the handle frees the read buffer without making a heap copy
     */
    boolean onRead(Buffer chunk);

    /** The peer sent FIN. */
    void onEof();

    /** The outbound buffer fell below its low-water mark after being full. */
    void onWritable();

    /** A read or write failed (ECONNRESET, EPIPE...). */
    void onError(Throwable cause);

    /** The channel closed. */
    void onClose();

    /** For accepted sockets: the connection is active and may be announced. */
    default void onActive() {}
  }

  private final Loop loop;
  private Channel channel;
  private Owner owner;
  private final boolean unix;
  private boolean flushScheduled;
  /** Between channelRead and channelReadComplete, which flushes: no flush task is needed. */
  private boolean inReadBatch;
  private boolean reading;
  /** Node's kSetNoDelay, kSetKeepAlive and kSetKeepAliveInitialDelay (seconds). */
  private boolean noDelay;
  private boolean keepAlive;
  private int keepAliveDelay;
  private long bytesRead;
  private long bytesWritten;
  /** tls: handlers that go in front of this one (an SslHandler), or null for plain TCP. */
  private java.util.function.Function<Channel, ChannelHandler[]> front;
  /** tls: what a shutdown sends before the FIN (close_notify), or null for plain TCP. */
  private java.util.function.Function<Channel, ChannelFuture> beforeShutdown;

  TcpHandle(Loop loop, boolean unix) {
    this.loop = loop;
    this.unix = unix;
  }

  /** Creates the handle of a socket that will connect; {@link #connect} starts it. */
  public static TcpHandle forClient(Loop loop, boolean unix) {
    return new TcpHandle(loop, unix);
  }

  /** Sets who is told about this handle's events. */
  public void owner(Owner owner) {
    this.owner = owner;
  }

  /**
   * Adopts an accepted channel. Netty turns TCP_NODELAY on in every channel it makes; libuv
   * leaves the kernel's default (Nagle on), and so does Node unless the server's
   * {@code noDelay} option asks.
   */
  void attach(Channel ch) {
    this.channel = ch;
    if (!unix) {
      ch.config().setOption(ChannelOption.TCP_NODELAY, false);
    }
  }

  /**
   * tls: puts {@code handlers} in front of this handle in the channel's pipeline (an SslHandler
   * that decrypts what this handle reads and encrypts what it writes), now for an accepted
   * channel, or when {@link #connect} makes the channel; and makes {@link #shutdown} send what
   * {@code beforeShutdown} sends (close_notify) before the FIN.
   */
  public void front(
      java.util.function.Function<Channel, ChannelHandler[]> handlers,
      java.util.function.Function<Channel, ChannelFuture> beforeShutdown) {
    this.front = handlers;
    this.beforeShutdown = beforeShutdown;
    if (channel != null && channel.pipeline().context(this) != null) {
      String me = channel.pipeline().context(this).name();
      for (ChannelHandler h : handlers.apply(channel)) {
        channel.pipeline().addBefore(me, null, h);
      }
    }
  }

  /** The loop this handle lives on. */
  public Loop loop() {
    return loop;
  }

  /** Whether this is a Unix-domain socket. */
  public boolean unix() {
    return unix;
  }

  // ---- connecting ------------------------------------------------------------------------

  /**
   * Connects to {@code remote}, from {@code local} if given. {@code done} runs on the loop with
   * null on success or the failure.
   */
  public void connect(
      SocketAddress remote,
      SocketAddress local,
      int highWaterMark,
      java.util.function.Consumer<Throwable> done) {
    Bootstrap b =
        new Bootstrap()
            .group(loop.eventLoop())
            .channel(ChannelFactories.client(unix))
            .option(ChannelOption.AUTO_READ, false)
            .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
            .option(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark(highWaterMark))
            .handler(front == null ? this : new io.netty.channel.ChannelInitializer<Channel>() {
              @Override
              protected void initChannel(Channel ch) {
                ch.pipeline().addLast(front.apply(ch));
                ch.pipeline().addLast(TcpHandle.this);
              }
            });
    if (!unix) {
      // Netty turns TCP_NODELAY on in every channel it makes; Node leaves Nagle on unless asked.
      // Also what was set before the channel existed (libuv keeps such flags for its socket).
      b.option(ChannelOption.TCP_NODELAY, noDelay);
      if (keepAlive) {
        b.option(ChannelOption.SO_KEEPALIVE, true);
      }
    }
    ChannelFuture f = local == null ? b.connect(remote) : b.connect(remote, local);
    if (!unix && keepAlive) {
      applyKeepIdle(f.channel());
    }
    channel = f.channel();
    f.addListener(
        (ChannelFuture cf) -> loop.runCallback(() -> done.accept(cf.isSuccess() ? null : cf.cause())));
  }

  /**
   * Netty's outbound buffer stands in for the part of the kernel's send buffer that libuv's
   * try_write would fill at once: writes stay in it until the turn's flush or until it holds
   * this much ({@link #flushLater()}), and the socket's write callback waits only while it is
   * over the mark after a flush, i.e. while the kernel is full. The stream's own high-water mark
   * (Node's {@code writableHighWaterMark}) still decides what {@code write()} returns. 256 KiB
   * lets one flush carry several 64 KiB reads of a pipe (a quarter of Netty's read batch);
   * with 64 KiB every read needed its own send, at 30% more CPU per byte.
   */
  static WriteBufferWaterMark waterMark(int highWaterMark) {
    int high = Math.max(highWaterMark, OUTBOUND_MARK);
    return new WriteBufferWaterMark(high / 2, high);
  }

  private static final int OUTBOUND_MARK = 256 * 1024;

  // ---- Netty events ----------------------------------------------------------------------

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    if (owner != null) {
      loop.runCallback(owner::onActive);
    }
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    inReadBatch = true;
    ByteBuf buf = (ByteBuf) msg;
    int n = buf.readableBytes();
    bytesRead += n;
    Owner o = owner;
    if (o == null || n == 0) {
      buf.release();
      return;
    }
    // No copy up front: the Buffer lends Netty's memory for the callback (see ReadChunk).
    ReadChunk bytes = new ReadChunk(buf, o);
    try {
      loop.runCallback(bytes);
    } finally {
      bytes.end();
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    inReadBatch = false;
    if (flushScheduled) {
      flushNow();
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    Owner o = owner;
    if (evt instanceof ChannelInputShutdownEvent && o != null) {
      loop.runCallback(o::onEof);
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    Owner o = owner;
    if (ctx.channel().isWritable() && o != null) {
      loop.runCallback(o::onWritable);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Owner o = owner;
    if (o != null) {
      loop.runCallback(() -> o.onError(cause));
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    Owner o = owner;
    if (o != null) {
      loop.runCallback(o::onClose);
    }
  }

  // ---- reading ---------------------------------------------------------------------------

  /** Starts reading from the kernel. Node: {@code handle.readStart()}. */
  public void readStart() {
    if (!reading && channel != null) {
      reading = true;
      channel.config().setAutoRead(true);
    }
  }

  /** Stops reading from the kernel, so a full socket pushes back on the peer. Node: {@code readStop()}. */
  public void readStop() {
    if (reading && channel != null) {
      reading = false;
      channel.config().setAutoRead(false);
    }
  }

  /** Whether the handle is reading. */
  public boolean reading() {
    return reading;
  }

  // ---- writing ---------------------------------------------------------------------------

  /**
   * Queues {@code chunk} for writing; returns whether the outbound buffer still has room (the
   * write counts as done, as a libuv write that completed at once).
   */
  public boolean write(Buffer chunk) {
    ThreadCheck.confined(loop, "TcpHandle.write");
    bytesWritten += chunk.length();
    channel.write(outbound(chunk), channel.voidPromise());
    return flushLater();
  }

  /** The chunk as Netty's buffer: the read buffer itself while it is on loan, else the heap. */
  private static ByteBuf outbound(Buffer chunk) {
    if (BufferAccess.external(chunk) instanceof ReadChunk r) {
      ByteBuf slice = r.retainedSlice(chunk.byteOffset(), chunk.length());
      if (slice != null) {
        return slice;
      }
    }
    return Unpooled.wrappedBuffer(chunk.buffer(), chunk.byteOffset(), chunk.length());
  }

  /** Queues several chunks; returns as {@link #write(Buffer)}. */
  public boolean writev(List<Buffer> chunks) {
    ThreadCheck.confined(loop, "TcpHandle.writev");
    for (Buffer b : chunks) {
      bytesWritten += b.length();
      channel.write(outbound(b), channel.voidPromise());
    }
    return flushLater();
  }

  /**
   * Leaves the writes for the turn's one flush, unless they have filled the outbound buffer: then
   * they go to the kernel now, as libuv's try_write would, so backpressure (false) means the
   * kernel is full, not that this turn's writes are still waiting for their flush.
   */
  private boolean flushLater() {
    if (channel.isWritable()) {
      scheduleFlush();
      return true;
    }
    flushScheduled = false;
    channel.flush();
    return channel.isWritable();
  }

  private void scheduleFlush() {
    if (!flushScheduled) {
      flushScheduled = true;
      if (!inReadBatch) {
        loop.eventLoop().execute(this);
      }
    }
  }

  /** The flush task: the handle is its own, to spare an object per socket. */
  @Override
  public void run() {
    flushNow();
  }

  private void flushNow() {
    if (flushScheduled) {
      flushScheduled = false;
      channel.flush();
    }
  }

  /**
   * Sends FIN once everything written so far has left. Node: {@code handle.shutdown(req)}.
   * {@code done} runs on the loop with null or the failure, always in a later turn: libuv
   * reports a shutdown from its poll phase, so a socket destroyed in the meantime (say by a
   * write after end) never emits 'finish'.
   */
  public void shutdown(java.util.function.Consumer<Throwable> done) {
    // Netty's shutdownOutput fails writes still queued, so wait for the last one first: writes
    // complete in order, and an empty write completes after everything before it.
    flushScheduled = false;
    ChannelFuture last = beforeShutdown != null ? beforeShutdown.apply(channel)
        : channel.writeAndFlush(Unpooled.EMPTY_BUFFER);
    last.addListener(
        (ChannelFuture w) -> {
          if (!w.isSuccess()) {
            loop.executeLater(() -> done.accept(w.cause()));
            return;
          }
          ((DuplexChannel) channel).shutdownOutput().addListener(
              (ChannelFuture s) -> loop.executeLater(() -> done.accept(s.isSuccess() ? null : s.cause())));
        });
  }

  /**
   * Closes the channel, flushing nothing further. {@code done} runs on the loop, always in a
   * later turn (libuv's close callbacks run in their own phase, after the current tick queue,
   * so an 'error' queued with nextTick precedes 'close').
   */
  public void close(Runnable done) {
    if (channel == null) {
      loop.closing(done);
      return;
    }
    if (flushScheduled) {
      flushNow();
    }
    // uv_close: the callback waits for the loop's closing phase, and for the close itself, which
    // Netty completes at once on the loop (the listener is the fallback).
    ChannelFuture closed = channel.close();
    loop.closing(() -> {
      if (closed.isDone()) {
        done.run();
      } else {
        closed.addListener(f -> loop.executeLater(done));
      }
    });
  }

  /** Closes with an RST instead of FIN (SO_LINGER 0). Node: {@code socket.resetAndDestroy()}. */
  public void reset(Runnable done) {
    if (channel != null && !unix) {
      channel.config().setOption(ChannelOption.SO_LINGER, 0);
    }
    close(done);
  }

  /** Whether the channel is open. */
  public boolean open() {
    return channel != null && channel.isOpen();
  }

  // ---- options and addresses -------------------------------------------------------------

  /**
   * Node: {@code socket.setNoDelay()}, which calls the handle only when the value changes (its
   * {@code kSetNoDelay}). Before the channel exists the value is kept for it.
   */
  public void setNoDelay(boolean on) {
    if (unix || on == noDelay) {
      return;
    }
    noDelay = on;
    // A closed channel has no socket to set (a call handed over after a destroy: Node does nothing).
    if (channel != null && channel.isOpen()) {
      channel.config().setOption(ChannelOption.TCP_NODELAY, on);
    }
  }

  /**
   * Node: {@code socket.setKeepAlive(enable, initialDelay)}: the handle is called when the
   * setting changes; the delay is in whole seconds ({@code ~~(ms / 1000)}), and 0 leaves the
   * kernel's idle time (libuv's TCP_KEEPIDLE 0 fails with EINVAL, which Node ignores). Before
   * the channel exists the setting is kept for it.
   */
  public void setKeepAlive(boolean on, int initialDelayMs) {
    int delay = initialDelayMs / 1000;
    if (unix || (on == keepAlive && (!on || delay == keepAliveDelay))) {
      return;
    }
    keepAlive = on;
    keepAliveDelay = delay;
    if (channel != null && channel.isOpen()) {
      channel.config().setOption(ChannelOption.SO_KEEPALIVE, on);
      if (on) {
        applyKeepIdle(channel);
      }
    }
  }

  /** libuv's uv__tcp_keepalive: idle time, then probes every second, ten of them. */
  private void applyKeepIdle(Channel ch) {
    if (keepAliveDelay > 0 && ch instanceof io.netty.channel.epoll.EpollSocketChannel e) {
      e.config().setTcpKeepIdle(keepAliveDelay).setTcpKeepIntvl(1).setTcpKeepCnt(10);
    }
  }

  /**
   * Reads a socket option from the channel; on epoll a getsockopt, so tests see what the
   * kernel holds. Null before the channel exists.
   */
  public <T> T option(ChannelOption<T> option) {
    return channel == null ? null : channel.config().getOption(option);
  }

  /** Node's kSetNoDelay: whether TCP_NODELAY was asked for. */
  public boolean noDelay() {
    return noDelay;
  }

  /** Node's kSetKeepAlive. */
  public boolean keepAlive() {
    return keepAlive;
  }

  /** Node's kSetKeepAliveInitialDelay, in milliseconds (whole seconds). */
  public int keepAliveDelayMs() {
    return keepAliveDelay * 1000;
  }

  /** Takes the settings made on {@code other} (a handle replaced before it connected). */
  public void inheritSettings(TcpHandle other) {
    noDelay = other.noDelay;
    keepAlive = other.keepAlive;
    keepAliveDelay = other.keepAliveDelay;
  }

  /** Whether {@link #connect} was called or the channel was accepted. */
  public boolean started() {
    return channel != null;
  }

  /** Whether the channel is connected. */
  public boolean active() {
    return channel != null && channel.isActive();
  }

  /** The local address, or null. */
  public SocketAddress localAddress() {
    return channel == null ? null : channel.localAddress();
  }

  /** The remote address, or null. */
  public SocketAddress remoteAddress() {
    return channel == null ? null : channel.remoteAddress();
  }

  /** Bytes received so far. */
  public long bytesRead() {
    return bytesRead;
  }

  /** Bytes handed to the channel so far. */
  public long bytesWritten() {
    return bytesWritten;
  }

  /** Node's text form of an IP socket address, or the path of a Unix one. */
  public static String addressText(SocketAddress a) {
    if (a instanceof InetSocketAddress i) {
      return Lookup.toText(i.getAddress());
    }
    return ChannelFactories.unixPath(a);
  }

  /** {@code "IPv4"} or {@code "IPv6"}, or null. */
  public static String familyText(SocketAddress a) {
    if (a instanceof InetSocketAddress i) {
      return Lookup.familyOf(i.getAddress()) == 6 ? "IPv6" : "IPv4";
    }
    return null;
  }

  /** The port, or -1. */
  public static int portOf(SocketAddress a) {
    return a instanceof InetSocketAddress i ? i.getPort() : -1;
  }

  /** Resolves a Unix path into the transport's address type. */
  public static SocketAddress unixAddress(String path) {
    return ChannelFactories.unixAddress(path);
  }
}
