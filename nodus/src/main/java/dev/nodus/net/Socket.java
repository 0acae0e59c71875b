package dev.nodus.net;

import dev.nodus.NodeError;
import dev.nodus.SystemError;
import dev.nodus.buffer.Buffer;
import dev.nodus.events.Event0;
import dev.nodus.events.Event1;
import dev.nodus.events.Event3;
import dev.nodus.events.Event4;
import dev.nodus.internal.dns.Lookup;
import dev.nodus.internal.errors.Errno;
import dev.nodus.internal.loop.HandleRef;
import dev.nodus.internal.loop.Loop;
import dev.nodus.internal.net.TcpHandle;
import dev.nodus.internal.stream.StreamAccess;
import dev.nodus.stream.Chunk;
import dev.nodus.stream.Duplex;
import dev.nodus.stream.DuplexOptions;
import dev.nodus.stream.WritableStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A TCP or Unix-domain stream socket: Node's {@code net.Socket}, a {@link Duplex} stream.
 *
 * <p>Sockets come from {@link Net#connect(ConnectOptions, Runnable)} (clients) or from a
 * {@link Server}'s {@link Server#CONNECTION} event (accepted). Bytes arrive as {@link #DATA}
 * events (or {@link #TEXT} after {@link #setEncoding(String)}); {@link #write(Object)} returns
 * false once the write buffer is above its high-water mark and {@link #DRAIN} follows;
 * {@link #pause()} stops reading from the kernel so a slow reader pushes back on its peer.
 *
 * <h2>Lifecycle</h2>
 * {@code opening} ({@link #LOOKUP}, then {@link #CONNECT} and {@link #READY}) → {@code open} →
 * half-closed ({@link #END} when the peer's FIN arrives; {@code end()} sends ours) →
 * {@link #CLOSE}{@code (hadError)}, always last. With {@code allowHalfOpen} false (the default)
 * the socket ends its side when the peer's FIN arrives. An error is emitted as
 * {@link #ERROR} and directly followed by {@code 'close'(true)}.
 *
 * <h2>Threading</h2>
 * A socket belongs to one loop; its events and callbacks run there. Every public method may be
 * called from any thread and never blocks: called off the loop, a method that acts on the socket
 * is handed to the loop and runs there in the order the calls were made (see {@link Duplex}).
 * {@code write()} off the loop counts the bytes it handed over toward the high-water mark, so it
 * returns false and {@link #DRAIN} follows exactly as on the loop: a writer thread that waits for
 * {@code 'drain'} after false keeps the socket's memory bounded: {@code once(DRAIN, ...)} called
 * off the loop after the false runs when the drain comes, or at once if it came already.
 * Calls from one thread run in the order made; nothing waits for the loop. Getters read values the loop
 * maintains (the stream's volatile state, Netty's thread-safe addresses and counters).
 */
public class Socket extends Duplex {
  /** Node's {@code 'connect'}: the connection is established. Followed by {@link #READY}. */
  public static final Event0 CONNECT = Event0.of("connect");

  /** Node's {@code 'ready'}: the socket is ready to use; right after {@link #CONNECT}. */
  public static final Event0 READY = Event0.of("ready");

  /**
   * Node's {@code 'lookup'}: the host name was resolved (or failed), before connecting. Payload:
   * error or null, the address, its family (4 or 6), the host name. Not emitted for IP literals
   * or Unix paths.
   */
  public static final Event4<Throwable, String, Integer, String> LOOKUP = Event4.of("lookup");

  /**
   * Node's {@code 'connectionAttempt'} (v20.12+): a TCP connection attempt starts. Payload: the
   * IP address, the port, its family (4 or 6). Not emitted for Unix paths.
   */
  public static final Event3<String, Integer, Integer> CONNECTION_ATTEMPT = Event3.of("connectionAttempt");

  /**
   * Node's {@code 'connectionAttemptFailed'} (v20.12+): a TCP connection attempt failed, just
   * before {@code 'error'}. Payload: the IP address, the port, its family, the error (the one
   * {@code 'error'} then carries).
   */
  public static final Event4<String, Integer, Integer, Throwable> CONNECTION_ATTEMPT_FAILED =
      Event4.of("connectionAttemptFailed");

  /** Node's {@code 'timeout'}: the socket was idle for the {@link #setTimeout} time. It stays open. */
  public static final Event0 TIMEOUT = Event0.of("timeout");

  /**
   * Node's {@code 'close'}: the socket is fully closed; always the last event. Payload: whether
   * it closed because of an error.
   */
  public static final Event1<Boolean> CLOSE = Event1.of("close");

  private final Loop loop;
  private TcpHandle handle;
  private boolean connecting;
  private boolean endedByPeer;
  private Consumer<Throwable> pendingWriteCallback;
  /** Bytes of the write whose callback is withheld: counted by writableLength too. */
  private long inFlightBytes;
  private Server server;
  private final HandleRef loopRef;
  private boolean resetAndClosing;
  private SocketAddress cachedLocal;
  private SocketAddress cachedRemote;
  private long finalBytesRead;
  private long finalBytesWritten;
  /** Made by the first setTimeout: most sockets never have one. */
  private SocketTimeout timeout;

  Socket(Loop loop, TcpHandle handle, boolean allowHalfOpen, int highWaterMark) {
    super(options(highWaterMark));
    this.loop = loop;
    this.loopRef = new HandleRef(loop);
    allowHalfOpen(allowHalfOpen);
    if (handle != null) {
      attach(handle);
    }
    loopRef.activate();
  }

  private static DuplexOptions options(int highWaterMark) {
    // lib/net.js Socket(): the stream itself is half-open and never decodes strings; the socket
    // emits its own 'close'(hadError) and ends its side itself when !allowHalfOpen.
    DuplexOptions o = new DuplexOptions().allowHalfOpen(true).emitClose(false).autoDestroy(true)
        .decodeStrings(false);
    if (highWaterMark > 0) {
      o.highWaterMark(highWaterMark);
    }
    return o;
  }

  private void attach(TcpHandle h) {
    this.handle = h;
    h.owner(new HandleEvents());
  }

  Loop loop() {
    return loop;
  }

  void server(Server s) {
    this.server = s;
  }

  // ---- connecting (Node: net.js connect, lookupAndConnect, internalConnect, afterConnect) -----

  /** Node's validatePort for connect: thrown before any socket exists. */
  static void validate(ConnectOptions o) {
    if (o.path == null && (o.port < 0 || o.port > 65535)) {
      throw new NodeError("ERR_SOCKET_BAD_PORT",
          "Port should be >= 0 and < 65536. Received type number (" + o.port + ").");
    }
  }

  void connect(ConnectOptions o) {
    connecting = true;
    if (o.timeout > 0) {
      setTimeout(o.timeout);
    }
    if (o.path != null) {
      attach(TcpHandle.forClient(loop, true));
      startConnect(TcpHandle.unixAddress(o.path), null, o, o.path, -1);
      return;
    }
    attach(TcpHandle.forClient(loop, false));
    String host = o.host == null ? "localhost" : o.host;
    if (IpAddresses.isIP(host) != 0) {
      // Node skips the lookup (and its event) for IP literals.
      InetSocketAddress remote = new InetSocketAddress(literal(host), o.port);
      loop.nextTick(() -> startConnect(remote, local(o), o, host, o.port));
      return;
    }
    Lookup.lookup(loop, host, o.family, (err, address, family) -> {
      if (!connecting) {
        return; // destroyed while resolving
      }
      // As Node: on failure the address and family are undefined (null here).
      emit(LOOKUP, err, address == null ? null : Lookup.toText(address),
          address == null ? null : Integer.valueOf(family), host);
      if (err != null) {
        connecting = false;
        destroy(err);
        return;
      }
      startConnect(new InetSocketAddress(address, o.port), local(o), o, Lookup.toText(address), o.port);
    });
  }

  private static InetAddress literal(String ip) {
    try {
      return InetAddress.getByName(ip);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(ip, e);
    }
  }

  private static SocketAddress local(ConnectOptions o) {
    if (o.localAddress == null && o.localPort == 0) {
      return null;
    }
    return o.localAddress == null
        ? new InetSocketAddress(o.localPort)
        : new InetSocketAddress(literal(o.localAddress), o.localPort);
  }

  private void startConnect(
      SocketAddress remote, SocketAddress local, ConnectOptions o, String address, int port) {
    if (destroyed()) {
      return;
    }
    // Node's addressType: 4 or 6 for TCP, none (and no attempt events) for a Unix path.
    int family = IpAddresses.isIP(address);
    if (family != 0) {
      emit(CONNECTION_ATTEMPT, address, port, family);
    }
    handle.connect(remote, local, o.noDelay, o.keepAlive, o.highWaterMark, err -> {
      if (destroyed()) {
        handle.close(() -> {});
        return;
      }
      connecting = false;
      if (err != null) {
        Errno.Code code = Errno.classify(err);
        SystemError ex = Errno.withHostPort(
            code != null ? code : Errno.of("ECONNREFUSED"), "connect", address,
            port < 0 ? null : port, err);
        if (family != 0) {
          emit(CONNECTION_ATTEMPT_FAILED, address, port, family, ex);
        }
        destroy(ex);
        return;
      }
      afterConnect();
    });
  }

  private void afterConnect() {
    touchTimeout();
    emit(CONNECT);
    emit(READY);
    // net.js afterConnect: start the first read unless paused.
    if (!isPaused()) {
      read(0);
    }
    if (pendingWriteCallback != null) {
      flushPendingAfterConnect();
    }
  }

  /** For accepted sockets: start reading now unless the server pauses on connect. */
  void startAccepted(boolean pauseOnConnect) {
    if (pauseOnConnect) {
      handle.readStop();
      pause();
    } else {
      read(0);
    }
  }

  // ---- Duplex hooks -----------------------------------------------------------------------

  @Override
  protected void _read(int size) {
    if (connecting || handle == null) {
      once(CONNECT, () -> _read(size));
      return;
    }
    handle.readStart();
  }

  /** Writes made while connecting, sent once connected; made by the first such write. */
  private List<Buffer> writesBeforeConnect;

  private List<Buffer> writesBeforeConnect() {
    if (writesBeforeConnect == null) {
      writesBeforeConnect = new ArrayList<>();
    }
    return writesBeforeConnect;
  }

  @Override
  protected void _write(Object chunk, String encoding, Consumer<Throwable> callback) {
    if (connecting) {
      Buffer b = toBuffer(chunk, encoding);
      writesBeforeConnect().add(b);
      withhold(callback, b.length());
      return;
    }
    if (handle == null || !handle.open()) {
      callback.accept(new NodeError("ERR_SOCKET_CLOSED", "Socket is closed"));
      return;
    }
    touchTimeout();
    Buffer b = toBuffer(chunk, encoding);
    finishWrite(handle.write(b), callback, b.length());
  }

  @Override
  protected void _writev(List<Chunk> chunks, Consumer<Throwable> callback) {
    if (connecting) {
      long n = 0;
      for (Chunk c : chunks) {
        Buffer b = toBuffer(c.chunk(), c.encoding());
        writesBeforeConnect().add(b);
        n += b.length();
      }
      withhold(callback, n);
      return;
    }
    if (handle == null || !handle.open()) {
      callback.accept(new NodeError("ERR_SOCKET_CLOSED", "Socket is closed"));
      return;
    }
    touchTimeout();
    List<Buffer> bufs = new ArrayList<>(chunks.size());
    long n = 0;
    for (Chunk c : chunks) {
      Buffer b = toBuffer(c.chunk(), c.encoding());
      bufs.add(b);
      n += b.length();
    }
    finishWrite(handle.writev(bufs), callback, n);
  }

  private void flushPendingAfterConnect() {
    Consumer<Throwable> cb = pendingWriteCallback;
    long n = inFlightBytes;
    pendingWriteCallback = null;
    inFlightBytes = 0;
    List<Buffer> bufs = writesBeforeConnect != null ? writesBeforeConnect : List.of();
    writesBeforeConnect = null;
    finishWrite(handle.writev(bufs), cb, n);
  }

  private void finishWrite(boolean room, Consumer<Throwable> callback, long bytes) {
    if (room) {
      // Like a libuv write that completed synchronously: the stream may go on writing.
      callback.accept(null);
    } else {
      withhold(callback, bytes);
    }
  }

  /** Holds a write's callback until Netty has room (or the connection exists). */
  private void withhold(Consumer<Throwable> callback, long bytes) {
    pendingWriteCallback = callback;
    inFlightBytes = bytes;
  }

  private static Buffer toBuffer(Object chunk, String encoding) {
    if (chunk instanceof Buffer b) {
      return b;
    }
    if (chunk instanceof String s) {
      return encoding == null || encoding.equals("buffer") ? Buffer.from(s) : Buffer.from(s, encoding);
    }
    if (chunk instanceof byte[] a) {
      return Buffer.wrap(a);
    }
    throw new NodeError("ERR_INVALID_ARG_TYPE",
        "The \"chunk\" argument must be of type string or an instance of Buffer. Received "
            + (chunk == null ? "null" : "an instance of " + chunk.getClass().getSimpleName()));
  }

  @Override
  protected void _final(Consumer<Throwable> callback) {
    if (connecting) {
      once(CONNECT, () -> _final(callback));
      return;
    }
    if (handle == null || !handle.open()) {
      callback.accept(null);
      return;
    }
    // net.js afterShutdown ignores shutdown errors: the stream still finishes.
    handle.shutdown(err -> callback.accept(null));
  }

  @Override
  protected void _destroy(Throwable err, Consumer<Throwable> callback) {
    connecting = false;
    if (timeout != null) {
      timeout.clear();
    }
    if (handle != null) {
      boolean hadError = err != null;
      TcpHandle h = handle;
      finalBytesRead = h.bytesRead();
      finalBytesWritten = h.bytesWritten();
      cachedLocal = h.localAddress();
      cachedRemote = h.remoteAddress();
      Runnable closed = () -> {
        emit(CLOSE, hadError);
        loopRef.deactivate();
      };
      if (resetAndClosing) {
        resetAndClosing = false;
        h.reset(closed);
      } else {
        h.close(closed);
      }
      callback.accept(err);
    } else {
      callback.accept(err);
      loop.nextTick(() -> {
        emit(CLOSE, err != null);
        loopRef.deactivate();
      });
    }
    if (server != null) {
      server.connectionClosed();
      server = null;
    }
  }

  // ---- events from the handle ---------------------------------------------------------------

  private final class HandleEvents implements TcpHandle.Owner {
    @Override
    public boolean onRead(Buffer chunk) {
      if (destroyed()) {
        return false;
      }
      touchTimeout();
      // A pipe into a plain Socket is the only reader: its write sends the read buffer as it
      // is, and nothing keeps the chunk afterwards (subclasses may override _write, so no).
      WritableStream dest = StreamAccess.soleDirectPipe(Socket.this);
      boolean unseen = dest != null && dest.getClass() == Socket.class;
      // net.js onStreamRead: stop reading when the stream's buffer is full.
      if (!push(chunk) && handle.reading()) {
        handle.readStop();
      }
      return unseen;
    }

    @Override
    public void onEof() {
      if (destroyed()) {
        return;
      }
      endedByPeer = true;
      handle.readStop();
      push(null);
      read(0);
    }

    @Override
    public void onWritable() {
      Consumer<Throwable> cb = pendingWriteCallback;
      if (cb != null && !connecting) {
        pendingWriteCallback = null;
        inFlightBytes = 0;
        cb.accept(null);
      }
    }

    @Override
    public void onError(Throwable cause) {
      if (destroyed()) {
        return;
      }
      Errno.Code code = Errno.classify(cause);
      String msg = String.valueOf(cause.getMessage());
      String syscall = msg.startsWith("write") || msg.startsWith("send") || msg.contains("Broken pipe")
          ? "write" : "read";
      RuntimeException err = code != null ? Errno.plain(code, syscall, cause)
          : Errno.toNodeError(cause, syscall);
      Consumer<Throwable> cb = pendingWriteCallback;
      pendingWriteCallback = null;
      inFlightBytes = 0;
      if (cb != null) {
        cb.accept(err);
      }
      destroy(err);
    }

    @Override
    public void onClose() {
      // The peer or the kernel closed the channel without an error event: treat as EOF.
      if (!destroyed() && !readableEnded()) {
        endedByPeer = true;
        push(null);
      }
    }
  }

  // ---- public API --------------------------------------------------------------------------

  /**
   * Writes data; returns false when the buffer is above the high-water mark ({@link #DRAIN}
   * follows). Node: {@code socket.write(data)}. After the peer ended a non-half-open socket,
   * fails with {@code EPIPE} as Node does.
   *
   * @param chunk a Buffer, a String (UTF-8) or a byte array
   * @return whether more may be written now
   */
  @Override
  public boolean write(Object chunk) {
    return write(chunk, (Consumer<Throwable>) null);
  }

  /**
   * Writes data and calls {@code callback} with null or the error once it is handed on.
   * Node: {@code socket.write(data, cb)}.
   *
   * @param chunk the data
   * @param callback the completion callback, or null
   * @return whether more may be written now
   */
  @Override
  public boolean write(Object chunk, Consumer<Throwable> callback) {
    if (!loop.inLoop()) {
      // Duplex validates, counts the bytes toward the mark and hands this method to the loop.
      return super.write(chunk, callback);
    }
    if (endedByPeer && !allowHalfOpen() && writableEnded()) {
      return writeAfterFin(callback);
    }
    if (chunk instanceof byte[] a) {
      return super.write(Buffer.wrap(a), callback);
    }
    return super.write(chunk, callback);
  }

  private boolean writeAfterFin(Consumer<Throwable> callback) {
    // net.js writeAfterFIN: "The standard 'write after end' is overly vague".
    NodeError er = new NodeError("EPIPE", "This socket has been ended by the other party");
    if (callback != null) {
      loop.nextTick(() -> callback.accept(er));
    }
    destroy(er);
    return false;
  }

  /**
   * Half-closes the socket: sends FIN once everything written has left. Node: {@code socket.end()}.
   *
   * @return this socket
   * @emits {@link #FINISH} once the FIN is sent
   */
  @Override
  public Socket end() {
    if (!loop.inLoop()) {
      loop.execute(this::end);
      return this;
    }
    super.end();
    return this;
  }

  /**
   * Writes {@code data}, then half-closes. Node: {@code socket.end(data)}.
   *
   * @param data the last data
   * @return this socket
   */
  @Override
  public Socket end(Object data) {
    if (!loop.inLoop()) {
      // Duplex validates the chunk on this thread and hands the end to the loop.
      super.end(data);
      return this;
    }
    super.end(data instanceof byte[] a ? Buffer.wrap(a) : data);
    return this;
  }

  /**
   * Closes the socket at once, discarding unsent data. Node: {@code socket.destroy([err])}.
   *
   * @param err the error to emit, or null
   * @return this socket
   * @emits {@link #ERROR} (if {@code err}), then {@link #CLOSE}
   */
  @Override
  public Socket destroy(Throwable err) {
    if (!loop.inLoop()) {
      loop.execute(() -> destroy(err));
      return this;
    }
    super.destroy(err);
    return this;
  }

  @Override
  public Socket destroy() {
    return destroy(null);
  }

  /**
   * Ends the socket and destroys it once the data is flushed. Node: {@code socket.destroySoon()}.
   */
  public void destroySoon() {
    if (!loop.inLoop()) {
      loop.execute(this::destroySoon);
      return;
    }
    if (writable()) {
      end();
    }
    if (writableFinished()) {
      destroy();
    } else {
      once(FINISH, this::destroy);
    }
  }

  /**
   * Closes with a TCP RST instead of a FIN. Node: {@code socket.resetAndDestroy()}.
   *
   * @return this socket
   */
  public Socket resetAndDestroy() {
    if (!loop.inLoop()) {
      loop.execute(this::resetAndDestroy);
      return this;
    }
    if (handle != null && !handle.unix()) {
      resetAndClosing = true;
      destroy();
    } else {
      destroy(new NodeError("ERR_SOCKET_CLOSED", "Socket is closed"));
    }
    return this;
  }

  /**
   * Stops emitting {@code 'data'}; once the stream's buffer reaches its high-water mark nothing
   * more is read from the kernel, so the peer is pushed back. Node: {@code socket.pause()}.
   *
   * @return this socket
   */
  @Override
  public Socket pause() {
    if (!loop.inLoop()) {
      loop.execute(this::pause);
      return this;
    }
    // As net.js: pausing the stream is enough. Reading from the kernel stops in onRead once the
    // buffer passes the high-water mark; stopping here would strand a read already requested
    // (state.reading) so that resume() never restarts it.
    super.pause();
    return this;
  }

  /**
   * Resumes reading after {@link #pause()}. Node: {@code socket.resume()}.
   *
   * @return this socket
   */
  @Override
  public Socket resume() {
    if (!loop.inLoop()) {
      loop.execute(this::resume);
      return this;
    }
    super.resume();
    return this;
  }

  @Override
  public Socket setEncoding(String encoding) {
    super.setEncoding(encoding);
    return this;
  }

  /**
   * Emits {@link #TIMEOUT} after {@code ms} of inactivity; 0 turns it off. The socket stays
   * open. Node: {@code socket.setTimeout(ms)}.
   *
   * @param ms the idle time in milliseconds
   * @return this socket
   */
  public Socket setTimeout(long ms) {
    if (!loop.inLoop()) {
      loop.execute(() -> setTimeout(ms));
      return this;
    }
    if (timeout == null) {
      if (ms <= 0) {
        return this;
      }
      timeout = new SocketTimeout(this, loop);
    }
    timeout.set(ms);
    return this;
  }

  /** Activity: restarts the idle timer, if there is one. */
  private void touchTimeout() {
    SocketTimeout t = timeout;
    if (t != null) {
      t.touch();
    }
  }

  /**
   * As {@link #setTimeout(long)}, adding {@code callback} as a one-time {@link #TIMEOUT}
   * listener. Node: {@code socket.setTimeout(ms, cb)}.
   *
   * @param ms the idle time in milliseconds
   * @param callback the listener
   * @return this socket
   */
  public Socket setTimeout(long ms, Runnable callback) {
    if (ms == 0) {
      off(TIMEOUT, callback);
    } else {
      once(TIMEOUT, callback);
    }
    return setTimeout(ms);
  }

  /**
   * Returns the idle timeout in milliseconds, 0 when none. Node: {@code socket.timeout}.
   *
   * @return the timeout
   */
  public long timeout() {
    return timeout == null ? 0 : timeout.ms();
  }

  void emitTimeout() {
    emit(TIMEOUT);
  }

  /**
   * Turns Nagle's algorithm off (true) or on. Node: {@code socket.setNoDelay([noDelay])}.
   *
   * @param noDelay whether to send small writes at once
   * @return this socket
   */
  public Socket setNoDelay(boolean noDelay) {
    if (handle != null) {
      // Handed over, it may run after a destroy; Node then does nothing (the handle is gone).
      loop.execute(() -> {
        if (!destroyed() && handle.open()) {
          handle.setNoDelay(noDelay);
        }
      });
    }
    return this;
  }

  /**
   * Same as {@code setNoDelay(true)}. Node: {@code socket.setNoDelay()}.
   *
   * @return this socket
   */
  public Socket setNoDelay() {
    return setNoDelay(true);
  }

  /**
   * Enables or disables TCP keep-alive. Node: {@code socket.setKeepAlive([enable][, initialDelay])}.
   *
   * @param enable whether to send keep-alive probes
   * @param initialDelayMs the idle time before the first probe, 0 for the system default
   * @return this socket
   */
  public Socket setKeepAlive(boolean enable, int initialDelayMs) {
    if (handle != null) {
      loop.execute(() -> {
        if (!destroyed() && handle.open()) {
          handle.setKeepAlive(enable, initialDelayMs);
        }
      });
    }
    return this;
  }

  /**
   * Lets the program end while this socket is open. Node: {@code socket.unref()}.
   *
   * @return this socket
   */
  public Socket unref() {
    loop.execute(loopRef::unref);
    return this;
  }

  /**
   * Makes the socket keep the program alive again (the default). Node: {@code socket.ref()}.
   *
   * @return this socket
   */
  public Socket ref() {
    loop.execute(loopRef::ref);
    return this;
  }

  // ---- properties ---------------------------------------------------------------------------

  private SocketAddress local() {
    return handle != null && handle.localAddress() != null ? handle.localAddress() : cachedLocal;
  }

  private SocketAddress remote() {
    return handle != null && handle.remoteAddress() != null ? handle.remoteAddress() : cachedRemote;
  }

  /**
   * Returns the peer's address. Node: {@code socket.remoteAddress}.
   *
   * @return the address, or null when not connected
   */
  public String remoteAddress() {
    SocketAddress a = remote();
    return a instanceof InetSocketAddress ? TcpHandle.addressText(a) : null;
  }

  /**
   * Returns the peer's port. Node: {@code socket.remotePort}.
   *
   * @return the port, or null when not connected
   */
  public Integer remotePort() {
    SocketAddress a = remote();
    return a instanceof InetSocketAddress i ? i.getPort() : null;
  }

  /**
   * Returns the peer's address family. Node: {@code socket.remoteFamily}.
   *
   * @return {@code "IPv4"}, {@code "IPv6"} or null
   */
  public String remoteFamily() {
    return TcpHandle.familyText(remote());
  }

  /**
   * Returns the local address. Node: {@code socket.localAddress}.
   *
   * @return the address, or null
   */
  public String localAddress() {
    SocketAddress a = local();
    return a instanceof InetSocketAddress ? TcpHandle.addressText(a) : null;
  }

  /**
   * Returns the local port. Node: {@code socket.localPort}.
   *
   * @return the port, or null
   */
  public Integer localPort() {
    SocketAddress a = local();
    return a instanceof InetSocketAddress i ? i.getPort() : null;
  }

  /**
   * Returns the local address family. Node: {@code socket.localFamily}.
   *
   * @return {@code "IPv4"}, {@code "IPv6"} or null
   */
  public String localFamily() {
    return TcpHandle.familyText(local());
  }

  /**
   * Returns the bound address. Node: {@code socket.address()}.
   *
   * @return the address, or null
   */
  public AddressInfo address() {
    SocketAddress a = local();
    if (a == null) {
      return null;
    }
    return new AddressInfo(TcpHandle.addressText(a), TcpHandle.familyText(a), TcpHandle.portOf(a));
  }

  /**
   * Returns how many bytes were received. Node: {@code socket.bytesRead}.
   *
   * @return the count
   */
  public long bytesRead() {
    return handle != null && !destroyed() ? handle.bytesRead() : finalBytesRead;
  }

  /**
   * Returns how many bytes were sent or are waiting to be sent. Node: {@code socket.bytesWritten}.
   *
   * @return the count
   */
  public long bytesWritten() {
    long handed = handle != null && !destroyed() ? handle.bytesWritten() : finalBytesWritten;
    long pending = 0;
    List<Buffer> waiting = writesBeforeConnect;
    if (waiting != null) {
      for (Buffer b : waiting) {
        pending += b.length();
      }
    }
    // Node: bytes dispatched plus what still waits in the stream's buffer.
    return handed + pending + Math.max(0, writableLength() - inFlightBytes);
  }

  /**
   * Returns whether the connection is being established. Node: {@code socket.connecting}.
   *
   * @return true while connecting
   */
  public boolean connecting() {
    return connecting;
  }

  /**
   * Returns whether the socket is not connected yet. Node: {@code socket.pending}.
   *
   * @return true before {@code 'connect'} (and after close)
   */
  public boolean pending() {
    return handle == null || connecting || destroyed();
  }

  /**
   * Returns the connection state. Node: {@code socket.readyState}.
   *
   * @return {@code opening}, {@code open}, {@code readOnly}, {@code writeOnly} or {@code closed}
   */
  public String readyState() {
    if (connecting) {
      return "opening";
    }
    boolean r = readable();
    boolean w = writable();
    if (r && w) {
      return "open";
    }
    if (r) {
      return "readOnly";
    }
    return w ? "writeOnly" : "closed";
  }

  /**
   * Returns the number of characters buffered for writing. Node: {@code socket.bufferSize}
   * (deprecated there in favour of {@code writableLength}).
   *
   * @return the buffered length
   */
  public int bufferSize() {
    return writableLength();
  }
}
