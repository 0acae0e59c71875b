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
import java.io.FileNotFoundException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A TCP or Unix-domain stream socket: Node's {@code net.Socket}, a {@link Duplex} stream.
 *
 * <p>Sockets come from {@link Net#connect(ConnectOptions, Runnable)} (clients), from
 * {@link #Socket()} and then {@link #connect(ConnectOptions, Runnable)} (a client whose listeners
 * and settings are set before it connects, as Node's {@code new net.Socket()}), or from a
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
   * Node's {@code 'connectionAttemptFailed'} (v20.12+): a connection attempt failed, just
   * before {@code 'error'}. Payload: the IP address, the port, its family, the error (the one
   * {@code 'error'} then carries). For a Unix path, as in Node v20.20 (which emits no
   * {@link #CONNECTION_ATTEMPT} for it): the path, and null port and family.
   */
  public static final Event4<String, Integer, Integer, Throwable> CONNECTION_ATTEMPT_FAILED =
      Event4.of("connectionAttemptFailed");

  /**
   * Node's {@code 'connectionAttemptTimeout'} (v20.12+): with {@code autoSelectFamily}, an
   * attempt took longer than {@code autoSelectFamilyAttemptTimeout} and the next address is tried.
   * Payload: the IP address, the port, its family.
   */
  public static final Event3<String, Integer, Integer> CONNECTION_ATTEMPT_TIMEOUT =
      Event3.of("connectionAttemptTimeout");

  /** Node's {@code 'timeout'}: the socket was idle for the {@link #setTimeout} time. It stays open. */
  public static final Event0 TIMEOUT = Event0.of("timeout");

  /**
   * Node's {@code 'close'}: the socket is fully closed; always the last event. Payload: whether
   * it closed because of an error.
   */
  public static final Event1<Boolean> CLOSE = Event1.of("close");

  private final Loop loop;
  private TcpHandle handle;
  /** Volatile: connecting(), pending() and readyState() read it from any thread. */
  private volatile boolean connecting;
  private boolean endedByPeer;
  private Consumer<Throwable> pendingWriteCallback;
  /** Bytes of the write whose callback is withheld: counted by writableLength too. */
  private long inFlightBytes;
  private Server server;
  private final HandleRef loopRef;
  private boolean resetAndClosing;
  private SocketAddress cachedRemote;
  private long finalBytesRead;
  private long finalBytesWritten;
  /** Made by the first setTimeout: most sockets never have one. */
  private SocketTimeout timeout;

  /**
   * Node's {@code kSetNoDelay}, {@code kSetKeepAlive}, {@code kSetKeepAliveInitialDelay} while
   * the socket has no handle (before {@code connect}, after a close); the handle made by
   * {@code connect} starts from them and keeps its own from then on.
   */
  private boolean noDelay;
  private boolean keepAlive;
  private int keepAliveInitialDelayMs;
  /**
   * Made by {@link Net#connect}: its first {@code connect(options)} also takes the options'
   * socket settings ({@code noDelay}, {@code keepAlive}, {@code timeout}), as net.connect passes
   * them to {@code new Socket(options)} and {@code setTimeout}; a plain {@code socket.connect}
   * ignores them, as Node's does.
   */
  private boolean fromNetConnect;

  Socket(Loop loop, TcpHandle handle, boolean allowHalfOpen, int highWaterMark) {
    super(options(highWaterMark));
    this.loop = loop;
    this.loopRef = new HandleRef(loop);
    allowHalfOpen(allowHalfOpen);
    if (handle != null) {
      attach(handle);
      loopRef.activate();
    } else {
      fromNetConnect = true;
    }
  }

  /**
   * Creates a socket that is not connected yet; {@link #connect(ConnectOptions, Runnable)} (or
   * another {@code connect} overload) connects it. Node: {@code new net.Socket()}. Listeners and
   * settings ({@link #setNoDelay(boolean)}, {@link #setKeepAlive(boolean, int)},
   * {@link #setTimeout(long)}, {@link #pause()}, {@link #unref()}) may be set before connecting;
   * they apply once connected. Until it connects the socket does not keep the program alive.
   *
   * <p>Call it on a loop (the program's code or a callback), like every constructor and
   * factory of this package: the socket belongs to the calling loop.
   *
   * @throws IllegalStateException when not called on a loop
   */
  public Socket() {
    this(new SocketOptions());
  }

  /**
   * Creates a socket that is not connected yet, with options. Node:
   * {@code new net.Socket(options)}. See {@link #Socket()}.
   *
   * @param options allowHalfOpen, noDelay, keepAlive, keepAliveInitialDelay, highWaterMark
   * @throws IllegalStateException when not called on a loop
   */
  public Socket(SocketOptions options) {
    this(Loop.require(), null, options.allowHalfOpen, options.highWaterMark);
    fromNetConnect = false;
    noDelay = options.noDelay;
    keepAlive = options.keepAlive;
    keepAliveInitialDelayMs = options.keepAliveInitialDelay;
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
    if (handleHook != null) {
      handleHook.accept(h);
    }
  }

  /** tls: sees each handle this socket takes (NetAccess). */
  private Consumer<TcpHandle> handleHook;

  /** An accepted connection's handle, taken by a socket a server's factory made (NetAccess). */
  void adopt(TcpHandle h) {
    attach(h);
    loopRef.activate();
    fromNetConnect = false;
  }

  static {
    dev.nodus.internal.net.NetAccess.install(new dev.nodus.internal.net.NetAccess.Bridge() {
      @Override
      public void handleHook(Socket socket, Consumer<TcpHandle> hook) {
        socket.handleHook = hook;
      }

      @Override
      public void socketFactory(Server server, dev.nodus.internal.net.NetAccess.SocketFactory f) {
        server.socketFactory(f);
      }

      @Override
      public TcpHandle handle(Socket socket) {
        return socket.handle;
      }
    });
  }

  Loop loop() {
    return loop;
  }

  /** The handle, for tests that read socket options back from the kernel. */
  TcpHandle handle() {
    return handle;
  }

  void server(Server s) {
    this.server = s;
  }

  // ---- connecting (Node: net.js connect, lookupAndConnect, internalConnect, afterConnect) -----

  /**
   * What net.js checks synchronously before a connect, in its order, thrown at once on the
   * calling thread: a port or a path (Socket.prototype.connect), then for TCP the local
   * address, the port, the family (dns.lookup, only for a host that is not an IP) and the
   * happy-eyeballs attempt timeout.
   */
  static void validate(ConnectOptions o) {
    if (o.path == null && !o.portSet) {
      throw NodeError.typeError("ERR_MISSING_ARGS",
          "The \"options\" or \"port\" or \"path\" argument must be specified");
    }
    if (o.path != null) {
      return;
    }
    if (o.localAddress != null && !o.localAddress.isEmpty() && IpAddresses.isIP(o.localAddress) == 0) {
      throw NodeError.typeError("ERR_INVALID_IP_ADDRESS", "Invalid IP address: " + o.localAddress);
    }
    if (o.port < 0 || o.port > 65535) {
      throw NodeError.rangeError("ERR_SOCKET_BAD_PORT",
          "Port should be >= 0 and < 65536. Received type number (" + o.port + ").");
    }
    String host = o.host == null || o.host.isEmpty() ? "localhost" : o.host;
    if (IpAddresses.isIP(host) == 0 && o.family != 0 && o.family != 4 && o.family != 6) {
      throw NodeError.typeError("ERR_INVALID_ARG_VALUE",
          "The property 'options.family' must be one of: 0, 4, 6. Received " + o.family);
    }
    if (o.autoSelectFamilyAttemptTimeout != null && o.autoSelectFamilyAttemptTimeout < 1) {
      throw dev.nodus.internal.errors.NodeErrors.outOfRange("options.autoSelectFamilyAttemptTimeout",
          ">= 1 && <= 2147483647", String.valueOf(o.autoSelectFamilyAttemptTimeout));
    }
  }


  /**
   * Connects as {@code options} say. Node: {@code socket.connect(options)}. As in Node, the
   * options' socket settings ({@code noDelay}, {@code keepAlive}, {@code allowHalfOpen},
   * {@code highWaterMark}, {@code timeout}) are not read here: they belong to
   * {@link #Socket(SocketOptions)} and the setters ({@link Net#connect(ConnectOptions)} reads
   * them).
   *
   * @param options host and port, or path; localAddress, localPort, family
   * @return this socket, connecting
   * @throws NodeError {@code ERR_MISSING_ARGS} without port and path, {@code ERR_SOCKET_BAD_PORT}
   * @emits {@link #LOOKUP}, {@link #CONNECTION_ATTEMPT}, then {@link #CONNECT} and
   *     {@link #READY}, or {@link #CONNECTION_ATTEMPT_FAILED}, {@link #ERROR} and {@link #CLOSE}.
   *     A destroyed socket connects again, as in Node, with both sides open again and new
   *     counters.
   */
  public Socket connect(ConnectOptions options) {
    return connect(options, null);
  }

  /**
   * Connects as {@code options} say and adds {@code connectListener} as a one-time
   * {@link #CONNECT} listener. Node: {@code socket.connect(options, connectListener)}.
   *
   * @param options host and port, or path; localAddress, localPort, family
   * @param connectListener called once connected, or null
   * @return this socket, connecting
   * @throws NodeError {@code ERR_MISSING_ARGS} without port and path, {@code ERR_SOCKET_BAD_PORT}
   */
  public Socket connect(ConnectOptions options, Runnable connectListener) {
    validate(options);
    if (!loop.inLoop()) {
      loop.execute(() -> connect(options, connectListener));
      return this;
    }
    if (connectListener != null) {
      once(CONNECT, connectListener);
    }
    if (fromNetConnect) {
      fromNetConnect = false;
      noDelay = options.noDelay;
      keepAlive = options.keepAlive;
      keepAliveInitialDelayMs = options.keepAliveInitialDelay;
      if (options.timeout > 0) {
        setTimeout(options.timeout);
      }
    }
    startConnecting(options);
    return this;
  }

  /**
   * Connects to {@code localhost:port}. Node: {@code socket.connect(port)}.
   *
   * @param port the port
   * @return this socket, connecting
   */
  public Socket connect(int port) {
    return connect(new ConnectOptions().port(port), null);
  }

  /**
   * Connects to {@code localhost:port}. Node: {@code socket.connect(port, connectListener)}.
   *
   * @param port the port
   * @param connectListener called once connected, or null
   * @return this socket, connecting
   */
  public Socket connect(int port, Runnable connectListener) {
    return connect(new ConnectOptions().port(port), connectListener);
  }

  /**
   * Connects to {@code host:port}. Node: {@code socket.connect(port, host)}.
   *
   * @param port the port
   * @param host the host name or address
   * @return this socket, connecting
   */
  public Socket connect(int port, String host) {
    return connect(new ConnectOptions().port(port).host(host), null);
  }

  /**
   * Connects to {@code host:port}. Node: {@code socket.connect(port, host, connectListener)}.
   *
   * @param port the port
   * @param host the host name or address
   * @param connectListener called once connected, or null
   * @return this socket, connecting
   */
  public Socket connect(int port, String host, Runnable connectListener) {
    return connect(new ConnectOptions().port(port).host(host), connectListener);
  }

  /**
   * Connects to a Unix-domain socket. Node: {@code socket.connect(path)}.
   *
   * @param path the socket file
   * @return this socket, connecting
   */
  public Socket connect(String path) {
    return connect(new ConnectOptions().path(path), null);
  }

  /**
   * Connects to a Unix-domain socket. Node: {@code socket.connect(path, connectListener)}.
   *
   * @param path the socket file
   * @param connectListener called once connected, or null
   * @return this socket, connecting
   */
  public Socket connect(String path, Runnable connectListener) {
    return connect(new ConnectOptions().path(path), connectListener);
  }

  private void startConnecting(ConnectOptions o) {
    boolean unix = o.path != null;
    if (handle == null || destroyed()) {
      if (destroyed()) {
        // net.js connect on a destroyed socket: a new handle, and initSocketHandle's _undestroy.
        _undestroy();
        cachedRemote = null;
        endedByPeer = false;
        resetAndClosing = false;
        pendingWriteCallback = null;
        inFlightBytes = 0;
        writesBeforeConnect = null;
        bytesBeforeConnect = 0;
        server = null;
      }
      TcpHandle h = TcpHandle.forClient(loop, unix);
      // The settings made before the handle existed (Node: kSetNoDelay, kSetKeepAlive).
      h.setNoDelay(noDelay);
      h.setKeepAlive(keepAlive, keepAliveInitialDelayMs);
      attach(h);
    }
    loopRef.activate();
    touchTimeout();
    connecting = true;
    if (unix) {
      startConnect(TcpHandle.unixAddress(o.path), null, o, o.path, -1);
      return;
    }
    String host = o.host == null ? "localhost" : o.host;
    if (IpAddresses.isIP(host) != 0) {
      // Node skips the lookup (and its event) for IP literals.
      InetSocketAddress remote = new InetSocketAddress(literal(host), o.port);
      loop.nextTick(() -> startConnect(remote, local(o), o, host, o.port));
      return;
    }
    boolean auto = o.autoSelectFamily != null ? o.autoSelectFamily : AUTO_SELECT_FAMILY_DEFAULT;
    if (o.family != 4 && o.family != 6 && o.localAddress == null && auto) {
      int timeout = o.autoSelectFamilyAttemptTimeout == null ? ATTEMPT_TIMEOUT_DEFAULT
          : Math.max(10, o.autoSelectFamilyAttemptTimeout);
      resolve(o, host, true, (err, addresses) -> lookupAndConnectMultiple(o, host, timeout, err, addresses));
      return;
    }
    resolve(o, host, false, (err, addresses) -> {
      ConnectOptions.LookupAddress first = err == null && !addresses.isEmpty() ? addresses.get(0) : null;
      // As Node: on failure the address and family are undefined (null here).
      emit(LOOKUP, err, first == null ? null : first.address(), first == null ? null : first.family(), host);
      if (!connecting) {
        return; // destroyed while resolving
      }
      if (err != null || first == null) {
        connecting = false;
        destroy(err != null ? err : Errno.lookup(Errno.of("ENOTFOUND"), host, null));
        return;
      }
      startConnect(new InetSocketAddress(literal(first.address()), o.port), local(o), o, first.address(), o.port);
    });
  }

  /** Node v20's defaults: {@code net.getDefaultAutoSelectFamily()}, ...AttemptTimeout(). */
  private static final boolean AUTO_SELECT_FAMILY_DEFAULT = true;
  private static final int ATTEMPT_TIMEOUT_DEFAULT = 250;

  /** What {@link #resolve} delivers, on the loop. */
  private interface Resolved {
    void done(Throwable err, List<ConnectOptions.LookupAddress> addresses);
  }

  /** Node: {@code (options.lookup || dns.lookup)(host, {family, hints, all}, cb)}. */
  private void resolve(ConnectOptions o, String host, boolean all, Resolved cb) {
    if (o.lookup != null) {
      o.lookup.lookup(host, o.family, all, (err, addresses) -> loop.execute(
          () -> cb.done(err, addresses == null ? List.of() : addresses)));
      return;
    }
    Lookup.lookupAll(loop, host, o.family, (err, found) -> {
      List<ConnectOptions.LookupAddress> list = new ArrayList<>(found.size());
      for (InetAddress a : found) {
        list.add(new ConnectOptions.LookupAddress(Lookup.toText(a), Lookup.familyOf(a)));
      }
      cb.done(err, list);
    });
  }

  // ---- happy eyeballs (Node: lookupAndConnectMultiple, internalConnectMultiple) -------------

  /**
   * The addresses a connect with autoSelectFamily tried, once it has tried several; replaced,
   * never changed, so that other threads read a consistent list.
   */
  private volatile List<String> attemptedAddresses;

  /** Node's context of internalConnectMultiple. */
  private static final class Attempts {
    final List<ConnectOptions.LookupAddress> addresses;
    final int port;
    final int localPort;
    final int timeout;
    final List<Throwable> errors = new ArrayList<>();
    int current;
    dev.nodus.internal.loop.LoopTimer timer;

    Attempts(List<ConnectOptions.LookupAddress> addresses, int port, int localPort, int timeout) {
      this.addresses = addresses;
      this.port = port;
      this.localPort = localPort;
      this.timeout = timeout;
    }
  }

  private void lookupAndConnectMultiple(
      ConnectOptions o, String host, int timeout, Throwable err, List<ConnectOptions.LookupAddress> addresses) {
    if (!connecting) {
      return; // destroyed while resolving
    }
    if (err != null || addresses.isEmpty()) {
      emit(LOOKUP, err, null, null, host);
      connecting = false;
      destroy(err != null ? err : Errno.lookup(Errno.of("ENOTFOUND"), host, null));
      return;
    }
    // Two groups, the first address's family first; each address once; then alternate.
    List<List<ConnectOptions.LookupAddress>> groups = List.of(new ArrayList<>(), new ArrayList<>());
    int firstFamily = 0;
    for (ConnectOptions.LookupAddress a : addresses) {
      emit(LOOKUP, null, a.address(), a.family(), host);
      if (!connecting) {
        return;
      }
      if (IpAddresses.isIP(a.address()) != 0 && (a.family() == 4 || a.family() == 6)) {
        if (firstFamily == 0) {
          firstFamily = a.family();
        }
        List<ConnectOptions.LookupAddress> group = groups.get(a.family() == firstFamily ? 0 : 1);
        if (group.stream().noneMatch(g -> g.address().equals(a.address()))) {
          group.add(a);
        }
      }
    }
    if (firstFamily == 0) {
      connecting = false;
      destroy(NodeError.typeError("ERR_INVALID_IP_ADDRESS", "Invalid IP address: " + addresses.get(0).address()));
      return;
    }
    List<ConnectOptions.LookupAddress> toAttempt = new ArrayList<>();
    for (int i = 0; i < Math.max(groups.get(0).size(), groups.get(1).size()); i++) {
      if (i < groups.get(0).size()) {
        toAttempt.add(groups.get(0).get(i));
      }
      if (i < groups.get(1).size()) {
        toAttempt.add(groups.get(1).get(i));
      }
    }
    if (toAttempt.size() == 1) {
      ConnectOptions.LookupAddress a = toAttempt.get(0);
      touchTimeout();
      startConnect(new InetSocketAddress(literal(a.address()), o.port), local(o), o, a.address(), o.port);
      return;
    }
    attemptedAddresses = List.of();
    touchTimeout();
    connectMultiple(new Attempts(toAttempt, o.port, o.localPort, timeout), false);
  }

  private void connectMultiple(Attempts ctx, boolean canceled) {
    if (ctx.timer != null) {
      ctx.timer.cancel();
      ctx.timer = null;
    }
    if (destroyed()) {
      return;
    }
    if (canceled || ctx.current == ctx.addresses.size()) {
      if (ctx.errors.isEmpty()) {
        destroy(new NodeError("ERR_SOCKET_CONNECTION_TIMEOUT", "Socket connection timeout"));
      } else {
        destroy(new dev.nodus.AggregateError(ctx.errors));
      }
      return;
    }
    int current = ctx.current++;
    if (current > 0) {
      // Node: kReinitializeHandle, a new TCP handle per attempt, with the settings made so far.
      TcpHandle previous = handle;
      previous.owner(null);
      previous.close(() -> {});
      TcpHandle h = TcpHandle.forClient(loop, false);
      h.inheritSettings(previous);
      attach(h);
    }
    ConnectOptions.LookupAddress a = ctx.addresses.get(current);
    int family = a.family();
    SocketAddress local = ctx.localPort == 0 ? null
        : new InetSocketAddress(literal(family == 4 ? "0.0.0.0" : "::"), ctx.localPort);
    emit(CONNECTION_ATTEMPT, a.address(), ctx.port, family);
    List<String> tried = new ArrayList<>(attemptedAddresses);
    tried.add(a.address() + ":" + ctx.port);
    attemptedAddresses = List.copyOf(tried);
    TcpHandle h = handle;
    boolean[] abandoned = {false};
    h.connect(new InetSocketAddress(literal(a.address()), ctx.port), local, writableHighWaterMark(), err -> {
      if (abandoned[0]) {
        h.close(() -> {});
        return;
      }
      // Node: afterConnectMultiple clears the attempt's timer first (also when the socket was
      // destroyed, which cancels the attempt).
      if (ctx.timer != null) {
        ctx.timer.cancel();
        ctx.timer = null;
      }
      if (destroyed() || h != handle) {
        h.close(() -> {});
        return;
      }
      if (err != null) {
        SystemError ex = connectError(err, a.address(), ctx.port);
        ctx.errors.add(ex);
        emit(CONNECTION_ATTEMPT_FAILED, a.address(), ctx.port, family, ex);
        if (connecting) {
          connectMultiple(ctx, false);
        }
        return;
      }
      connecting = false;
      afterConnect();
    });
    if (current < ctx.addresses.size() - 1) {
      ctx.timer = loop.setTimer(() -> {
        ctx.timer = null;
        emit(CONNECTION_ATTEMPT_TIMEOUT, a.address(), ctx.port, family);
        abandoned[0] = true;
        ctx.errors.add(Errno.withHostPort(Errno.of("ETIMEDOUT"), "connect", a.address(), ctx.port, null));
        h.owner(null);
        h.close(() -> {});
        if (connecting) {
          connectMultiple(ctx, false);
        }
      }, ctx.timeout, false);
    }
  }

  private static SystemError connectError(Throwable err, String address, int port) {
    // Netty's epoll transport reports a Unix connect's ENOENT as a bare FileNotFoundException.
    Errno.Code code = err instanceof FileNotFoundException ? Errno.of("ENOENT") : Errno.classify(err);
    return Errno.withHostPort(code != null ? code : Errno.of("ECONNREFUSED"), "connect", address,
        port < 0 ? null : port, err);
  }

  /**
   * Returns the {@code address:port} of every address tried by the last connect that had
   * several to try ({@code autoSelectFamily}). Node: {@code socket.autoSelectFamilyAttemptedAddresses}.
   *
   * @return the addresses tried, in order, or null when the connect had a single address
   */
  public List<String> autoSelectFamilyAttemptedAddresses() {
    return attemptedAddresses;
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
    if (handle.started()) {
      // A second connect on a live handle: the kernel's answer, as Node gets it from libuv
      // (whose message adds " - Local (address:port)", which Netty does not know while connecting).
      Errno.Code code = Errno.of(handle.active() ? "EISCONN" : "EALREADY");
      destroy(Errno.withHostPort(code, "connect", address, port < 0 ? null : port, null));
      return;
    }
    handle.connect(remote, local, writableHighWaterMark(), err -> {
      if (destroyed()) {
        handle.close(() -> {});
        return;
      }
      connecting = false;
      if (err != null) {
        SystemError ex = connectError(err, address, port);
        // net.js afterConnect emits it for a path too, with undefined port and family.
        emit(CONNECTION_ATTEMPT_FAILED, address, port < 0 ? null : port, family == 0 ? null : family, ex);
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
  /** Their bytes, for bytesWritten() from any thread (the list is the loop's alone). */
  private volatile long bytesBeforeConnect;

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
      bytesBeforeConnect += b.length();
      writeOnConnect(callback, b.length());
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
      bytesBeforeConnect += n;
      writeOnConnect(callback, n);
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

  /**
   * net.js _writeGeneric while connecting: the write goes out from a {@code 'connect'} listener
   * added now, so its callback runs among the 'connect' listeners (before 'ready'), and a close
   * before the connection fails it with ERR_SOCKET_CLOSED_BEFORE_CONNECTION.
   */
  private void writeOnConnect(Consumer<Throwable> callback, long bytes) {
    withhold(callback, bytes);
    Consumer<Boolean> onClose = hadError -> {
      if (pendingWriteCallback == callback) {
        pendingWriteCallback = null;
        inFlightBytes = 0;
        callback.accept(new NodeError("ERR_SOCKET_CLOSED_BEFORE_CONNECTION",
            "Socket closed before the connection was established"));
      }
    };
    once(CLOSE, onClose);
    once(CONNECT, () -> {
      off(CLOSE, onClose);
      flushPendingAfterConnect();
    });
  }

  private void flushPendingAfterConnect() {
    Consumer<Throwable> cb = pendingWriteCallback;
    long n = inFlightBytes;
    pendingWriteCallback = null;
    inFlightBytes = 0;
    List<Buffer> bufs = writesBeforeConnect != null ? writesBeforeConnect : List.of();
    writesBeforeConnect = null;
    bytesBeforeConnect = 0;
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
    // net.js: `if (this.pending)`: an unconnected socket finishes once connected.
    if (connecting || handle == null) {
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
      // The settings go back to the socket, for a connect() that reuses it (Node keeps them there).
      noDelay = h.noDelay();
      keepAlive = h.keepAlive();
      keepAliveInitialDelayMs = h.keepAliveDelayMs();
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
   * Closes with a TCP RST instead of a FIN, so the peer sees {@code ECONNRESET}. Node:
   * {@code socket.resetAndDestroy()}. While connecting, it waits for the connection and resets
   * it then (from a {@code 'connect'} listener added now, as Node). Without a handle (closed)
   * it destroys with {@code ERR_SOCKET_CLOSED}.
   *
   * @return this socket
   * @throws NodeError {@code ERR_INVALID_HANDLE_TYPE} (a TypeError) on a Unix-domain socket,
   *     which stays open, as Node
   */
  public Socket resetAndDestroy() {
    if (!loop.inLoop()) {
      loop.execute(this::resetAndDestroy);
      return this;
    }
    if (handle != null && !destroyed()) {
      if (handle.unix()) {
        throw NodeError.typeError("ERR_INVALID_HANDLE_TYPE", "This handle type cannot be sent");
      }
      if (connecting) {
        once(CONNECT, this::reset);
      } else {
        reset();
      }
    } else {
      destroy(new NodeError("ERR_SOCKET_CLOSED", "Socket is closed"));
    }
    return this;
  }

  /** net.js _reset. */
  private void reset() {
    resetAndClosing = true;
    destroy();
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
    if (!loop.inLoop()) {
      loop.execute(() -> setNoDelay(noDelay));
      return this;
    }
    if (handle == null || destroyed()) {
      // Remembered for the handle connect() makes (Node: kSetNoDelay without a handle).
      this.noDelay = noDelay;
    } else {
      handle.setNoDelay(noDelay);
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
    if (!loop.inLoop()) {
      loop.execute(() -> setKeepAlive(enable, initialDelayMs));
      return this;
    }
    if (handle == null || destroyed()) {
      // Remembered for the handle connect() makes (Node: kSetKeepAlive without a handle).
      keepAlive = enable;
      keepAliveInitialDelayMs = initialDelayMs;
    } else {
      handle.setKeepAlive(enable, initialDelayMs);
    }
    return this;
  }

  /**
   * Same as {@code setKeepAlive(enable, 0)}. Node: {@code socket.setKeepAlive([enable])}.
   *
   * @param enable whether to send keep-alive probes
   * @return this socket
   */
  public Socket setKeepAlive(boolean enable) {
    return setKeepAlive(enable, 0);
  }

  /**
   * Lets the program end while this socket is open. Node: {@code socket.unref()}. Before the
   * socket has a handle, it applies once connected (Node adds it as a {@code 'connect'} listener).
   *
   * @return this socket
   */
  public Socket unref() {
    if (!loop.inLoop()) {
      loop.execute(this::unref);
      return this;
    }
    if (handle == null) {
      once(CONNECT, this::unref);
    } else {
      loopRef.unref();
    }
    return this;
  }

  /**
   * Makes the socket keep the program alive again (the default). Node: {@code socket.ref()}.
   * Before the socket has a handle, it applies once connected, as {@link #unref()}.
   *
   * @return this socket
   */
  public Socket ref() {
    if (!loop.inLoop()) {
      loop.execute(this::ref);
      return this;
    }
    if (handle == null) {
      once(CONNECT, this::ref);
    } else {
      loopRef.ref();
    }
    return this;
  }

  // ---- properties ---------------------------------------------------------------------------

  /** net.js _getsockname: nothing once destroyed (the handle is gone), never cached. */
  private SocketAddress local() {
    return handle != null && !destroyed() ? handle.localAddress() : null;
  }

  /**
   * net.js _getpeername: read from the connected handle and kept from then on, so an address
   * read before the close is still there after it, and one never read is not.
   */
  private SocketAddress remote() {
    if (cachedRemote == null && handle != null && !connecting && !destroyed()) {
      cachedRemote = handle.remoteAddress();
    }
    return cachedRemote;
  }

  /**
   * Returns the peer's address. Node: {@code socket.remoteAddress}. As in Node, the peer's
   * address is kept once read, so it is still there after the close if it was read while
   * connected.
   *
   * @return the address, or null (Node's undefined) when not connected, for a Unix-domain
   *     socket, and after the close when it was not read before
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
   * @return the address, or null (Node's undefined) before the connection, once destroyed, and
   *     for a Unix-domain socket
   */
  public String localAddress() {
    SocketAddress a = local();
    return a instanceof InetSocketAddress ? TcpHandle.addressText(a) : null;
  }

  /**
   * Returns the local port. Node: {@code socket.localPort}.
   *
   * @return the port, or null as {@link #localAddress()}
   */
  public Integer localPort() {
    SocketAddress a = local();
    return a instanceof InetSocketAddress i ? i.getPort() : null;
  }

  /**
   * Returns the local address family. Node: {@code socket.localFamily}.
   *
   * @return {@code "IPv4"}, {@code "IPv6"}, or null as {@link #localAddress()}
   */
  public String localFamily() {
    return TcpHandle.familyText(local());
  }

  /**
   * Returns the bound address. Node: {@code socket.address()}.
   *
   * <p>Where Node returns an empty object {@code {}} (before the connection exists, once the
   * socket is destroyed, and always for a Unix-domain socket, whose handle has no
   * {@code getsockname}), this returns null.
   *
   * @return the address of a connected TCP socket, else null (Node's {@code {}})
   */
  public AddressInfo address() {
    SocketAddress a = local();
    if (!(a instanceof InetSocketAddress i)) {
      return null;
    }
    return new AddressInfo(TcpHandle.addressText(a), TcpHandle.familyText(a), i.getPort());
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
    // Node: bytes dispatched plus what still waits in the stream's buffer.
    return handed + bytesBeforeConnect + Math.max(0, writableLength() - inFlightBytes);
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
   * Returns the number of bytes buffered for writing. Node: {@code socket.bufferSize}
   * (deprecated there in favour of {@code writableLength}), which is undefined while the socket
   * has no handle.
   *
   * @return {@link #writableLength()}, or null before {@code connect} and once destroyed
   */
  public Integer bufferSize() {
    return handle != null && !destroyed() ? writableLength() : null;
  }
}
