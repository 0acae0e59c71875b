package dev.nodus.net;

import dev.nodus.NodeError;
import dev.nodus.events.Event0;
import dev.nodus.events.Event1;
import dev.nodus.events.EventEmitter;
import dev.nodus.internal.dns.Lookup;
import dev.nodus.internal.errors.Errno;
import dev.nodus.internal.loop.HandleRef;
import dev.nodus.internal.loop.Loop;
import dev.nodus.internal.loop.Transports;
import dev.nodus.internal.net.SharedPorts;
import dev.nodus.internal.net.TcpHandle;
import dev.nodus.internal.net.TcpServerHandle;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A TCP or Unix-domain server: Node's {@code net.Server}. Made by {@link Net#createServer}.
 *
 * <h2>Lifecycle</h2>
 * {@code listen()} → {@link #LISTENING} (or {@link #ERROR}, e.g. {@code EADDRINUSE}) →
 * {@link #CONNECTION} per accepted socket → {@code close()}: stops accepting at once;
 * {@link #CLOSE} follows when every accepted socket has closed. While listening the server keeps
 * the program alive, unless {@link #unref()}.
 *
 * <p>With several loops ({@code Nodus.run(n, ...)}), each loop's copy of the server listens on
 * the same port (SO_REUSEPORT on epoll; {@code listen(0)} gets one shared port), like Node's
 * cluster workers; the kernel spreads connections among them.
 *
 * <p>Threading: events fire on the server's loop; {@code listen}, {@code close}, {@code ref} and
 * {@code unref} may be called from any thread.
 */
public class Server extends EventEmitter {
  /** Node's {@code 'listening'}: the server is bound. */
  public static final Event0 LISTENING = Event0.of("listening");

  /** Node's {@code 'connection'}: a new connection; payload the socket. */
  public static final Event1<Socket> CONNECTION = Event1.of("connection");

  /** Node's {@code 'close'}: the server closed and every connection has ended. */
  public static final Event0 CLOSE = Event0.of("close");

  /** Node's {@code 'drop'}: a connection over {@link #maxConnections(int)} was closed at once. */
  public static final Event1<DropInfo> DROP = Event1.of("drop");

  private static final Map<Loop, int[]> LISTEN0_COUNT = new WeakHashMap<>();

  private final Loop loop;
  private final ServerOptions options;
  /** Volatile, as listening and maxConnections: address() and the getters read them from any thread. */
  private volatile TcpServerHandle handle;
  private volatile boolean listening;
  private int connections;
  private volatile int maxConnections;
  private final HandleRef loopRef;
  private volatile boolean wildcard;
  /** The host was an IPv4-mapped IPv6 literal: the socket is AF_INET6 whatever Netty decodes. */
  private volatile boolean mappedHost;
  /** net.js _pipeName: the last path listened on, which address() returns even after close. */
  private volatile String pipeName;

  Server(Loop loop, ServerOptions options, Consumer<Socket> connectionListener) {
    this.loop = loop;
    // Listeners added and events emitted from other threads are handed to the loop, as a stream's.
    dev.nodus.internal.loop.EventEmitterLoops.bind(this, loop);
    this.options = options;
    this.loopRef = new HandleRef(loop);
    if (connectionListener != null) {
      on(CONNECTION, connectionListener);
    }
  }

  /**
   * Creates a server on the calling loop, for a subclass such as {@code http.Server} or
   * {@code tls.Server}. Node: {@code new net.Server(options)}.
   *
   * @param options the server's options
   * @throws IllegalStateException when not called on a loop
   */
  protected Server(ServerOptions options) {
    this(Loop.require(), options, null);
  }

  /** tls: makes the accepted sockets (NetAccess), or null for plain Sockets. */
  private dev.nodus.internal.net.NetAccess.SocketFactory socketFactory;

  void socketFactory(dev.nodus.internal.net.NetAccess.SocketFactory f) {
    this.socketFactory = f;
  }

  // ---- listen -------------------------------------------------------------------------------

  /**
   * Listens on a free port on all interfaces. Node: {@code server.listen()}.
   *
   * @return this server
   * @emits {@link #LISTENING} when bound, or {@link #ERROR}
   */
  public Server listen() {
    return listen(new ListenOptions().port(0), null);
  }

  /**
   * Listens on {@code port} on all interfaces ({@code ::}, or {@code 0.0.0.0} without IPv6).
   * Node: {@code server.listen(port)}.
   *
   * @param port the port; 0 picks a free one
   * @return this server
   */
  public Server listen(int port) {
    return listen(new ListenOptions().port(port), null);
  }

  /**
   * Listens on {@code port} and calls {@code callback} once listening. Node:
   * {@code server.listen(port, callback)}.
   *
   * @param port the port
   * @param callback a one-time {@link #LISTENING} listener
   * @return this server
   */
  public Server listen(int port, Runnable callback) {
    return listen(new ListenOptions().port(port), callback);
  }

  /**
   * Listens on {@code host}:{@code port}. Node: {@code server.listen(port, host)}.
   *
   * @param port the port
   * @param host the address to bind
   * @return this server
   */
  public Server listen(int port, String host) {
    return listen(new ListenOptions().port(port).host(host), null);
  }

  /**
   * Listens on {@code host}:{@code port}. Node: {@code server.listen(port, host, callback)}.
   *
   * @param port the port
   * @param host the address to bind
   * @param callback a one-time {@link #LISTENING} listener
   * @return this server
   */
  public Server listen(int port, String host, Runnable callback) {
    return listen(new ListenOptions().port(port).host(host), callback);
  }

  /**
   * Listens with a backlog. Node: {@code server.listen(port, host, backlog)}.
   *
   * @param port the port
   * @param host the address to bind
   * @param backlog the accept queue length
   * @return this server
   */
  public Server listen(int port, String host, int backlog) {
    return listen(port, host, backlog, null);
  }

  /**
   * Listens as {@code options} say. Node: {@code server.listen(options)}.
   *
   * @param options port and host, or path; backlog, exclusive, ipv6Only
   * @return this server
   * @throws NodeError as {@link #listen(ListenOptions, Runnable)}
   */
  public Server listen(ListenOptions options) {
    return listen(options, null);
  }

  /**
   * Listens with a backlog. Node: {@code server.listen(port, host, backlog, callback)}.
   *
   * @param port the port
   * @param host the address to bind
   * @param backlog the accept queue length
   * @param callback a one-time {@link #LISTENING} listener, or null
   * @return this server
   */
  public Server listen(int port, String host, int backlog, Runnable callback) {
    return listen(new ListenOptions().port(port).host(host).backlog(backlog), callback);
  }

  /**
   * Listens on a Unix-domain socket. Node: {@code server.listen(path, callback)}. As in Node, a
   * string that is a number ({@code "8080"}) is a TCP port instead.
   *
   * @param path the socket file
   * @param callback a one-time {@link #LISTENING} listener, or null
   * @return this server
   */
  public Server listen(String path, Runnable callback) {
    double n = jsNumber(path);
    if (n >= 0) {
      // net.js normalizeArgs: a string that is a number is a port, as listen('8080').
      if (path.isBlank() || n != Math.rint(n) || n > 65535) {
        if (!loop.inLoop()) {
          loop.execute(() -> listen(path, callback));
          return this;
        }
        beginListen(callback);
        throw badPort("type string (" + dev.nodus.internal.errors.NodeInspect.string(path) + ")");
      }
      return listen(new ListenOptions().port((int) n), callback);
    }
    return listen(new ListenOptions().path(path), callback);
  }

  /**
   * What every listen does first, as net.js: refuse a second listen, then register the callback
   * before the arguments are validated, so it stays registered after a throw.
   */
  private void beginListen(Runnable callback) {
    if (handle != null) {
      throw new NodeError("ERR_SERVER_ALREADY_LISTEN",
          "Listen method has been called more than once without closing.");
    }
    if (callback != null) {
      once(LISTENING, callback);
    }
  }

  /**
   * Listens on a Unix-domain socket. Node: {@code server.listen(path)}.
   *
   * @param path the socket file
   * @return this server
   */
  public Server listen(String path) {
    return listen(path, null);
  }

  /**
   * Listens as {@code options} say. Node: {@code server.listen(options[, callback])}.
   *
   * @param options port, host, path, backlog, ipv6Only, exclusive
   * @param callback a one-time {@link #LISTENING} listener, or null
   * @return this server
   * @throws NodeError {@code ERR_SERVER_ALREADY_LISTEN}, {@code ERR_SOCKET_BAD_PORT};
   *     {@code ERR_INVALID_ARG_VALUE} without a port or path (a port wins over a path, as Node)
   */
  public Server listen(ListenOptions options, Runnable callback) {
    if (!loop.inLoop()) {
      loop.execute(() -> listen(options, callback));
      return this;
    }
    beginListen(callback);
    // net.js: a port (even with a path) means TCP; else a path that is not a number means a
    // Unix socket; anything else cannot be listened on.
    boolean unix = !options.portSet;
    mappedHost = false;
    if (options.portSet) {
      if (options.port < 0 || options.port > 65535) {
        throw badPort("type number (" + options.port + ")");
      }
    } else if (options.path == null || !isPipeName(options.path)) {
      String received = options.inspect();
      if (received.length() > 128) {
        received = received.substring(0, 128) + "...";
      }
      throw NodeError.typeError("ERR_INVALID_ARG_VALUE", "The argument 'options' "
          + (options.path == null ? "must have the property \"port\" or \"path\"" : "is invalid")
          + ". Received " + received);
    }
    handle = new TcpServerHandle(loop, unix);
    loopRef.activate();
    if (unix) {
      pipeName = options.path;
      bind(TcpHandle.unixAddress(options.path), options, false);
      return this;
    }
    // net.js: `if (options.host)`; an empty host is no host, and binds at once. A host is
    // looked up first (dns.lookup answers an IP on the next tick), so it binds later.
    wildcard = options.host == null || options.host.isEmpty();
    if (wildcard) {
      listenTcp(null, options);
      return this;
    }
    TcpServerHandle h = handle;
    if (IpAddresses.isIP(options.host) != 0) {
      loop.nextTick(() -> {
        if (handle == h) {
          try {
            listenTcp(listenAddress(options.host), options);
          } catch (UnknownHostException e) {
            failListen(Errno.lookup(Errno.of("ENOTFOUND"), options.host, e));
          }
        }
      });
      return this;
    }
    Lookup.lookup(loop, options.host, 0, (err, address, family) -> {
      if (handle != h) {
        return; // closed while looking up
      }
      if (err != null) {
        failListen(err);
        return;
      }
      listenTcp(address, options);
    });
    return this;
  }

  private void listenTcp(InetAddress host, ListenOptions options) {
    mappedHost = host instanceof Inet6Address && isMapped(host.getAddress());
    boolean shared = !options.exclusive && loop.program().loops().size() > 1 && Transports.epoll();
    if (shared && options.port == 0) {
      int[] n = LISTEN0_COUNT.computeIfAbsent(loop, l -> new int[1]);
      String key = options.host + "#" + (n[0]++);
      SharedPorts.Claim claim = SharedPorts.claim(loop.program(), key);
      if (!claim.first()) {
        claim.port().thenAccept(p -> loop.execute(() -> bind(address(host, p), options, true)));
        return;
      }
      TcpServerHandle h = handle;
      once(LISTENING, () -> claim.port().complete(TcpHandle.portOf(h.localAddress())));
      once(ERROR, e -> claim.port().completeExceptionally(e));
    }
    bind(address(host, options.port), options, shared);
  }

  private static NodeError badPort(String received) {
    return NodeError.rangeError("ERR_SOCKET_BAD_PORT",
        "options.port should be >= 0 and < 65536. Received " + received + ".");
  }

  /** net.js isPipeName: a string that JavaScript's {@code Number()} does not make a number >= 0. */
  static boolean isPipeName(String s) {
    double n = jsNumber(s);
    return !(n >= 0);
  }

  private static final java.util.regex.Pattern JS_DECIMAL =
      java.util.regex.Pattern.compile("[+-]?(?:Infinity|(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)");
  private static final java.util.regex.Pattern JS_RADIX =
      java.util.regex.Pattern.compile("0(?:[xX][0-9a-fA-F]+|[oO][0-7]+|[bB][01]+)");

  /** JavaScript's {@code Number(string)}: NaN when the text is not a number literal. */
  static double jsNumber(String s) {
    String t = s.strip();
    if (t.isEmpty()) {
      return 0;
    }
    if (JS_DECIMAL.matcher(t).matches()) {
      return Double.parseDouble(t);
    }
    if (JS_RADIX.matcher(t).matches()) {
      int radix = switch (t.charAt(1)) {
        case 'x', 'X' -> 16;
        case 'o', 'O' -> 8;
        default -> 2;
      };
      return new java.math.BigInteger(t.substring(2), radix).doubleValue();
    }
    return Double.NaN;
  }

  /**
   * The address to bind for {@code host}. An IPv4-mapped IPv6 literal ({@code ::ffff:127.0.0.1})
   * stays IPv6 as in libuv (an AF_INET6 socket); Java would make it a plain IPv4 address.
   */
  private static InetAddress listenAddress(String host) throws UnknownHostException {
    InetAddress a = InetAddress.getByName(host);
    if (a instanceof java.net.Inet4Address && IpAddresses.isIP(host) == 6) {
      byte[] v6 = new byte[16];
      v6[10] = (byte) 0xff;
      v6[11] = (byte) 0xff;
      System.arraycopy(a.getAddress(), 0, v6, 12, 4);
      return Inet6Address.getByAddress(null, v6, -1);
    }
    return a;
  }

  private static boolean isMapped(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return b.length == 16 && b[10] == (byte) 0xff && b[11] == (byte) 0xff;
  }

  private static InetSocketAddress address(InetAddress host, int port) {
    return host == null ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
  }

  private void bind(SocketAddress address, ListenOptions o, boolean reusePort) {
    TcpServerHandle h = handle;
    if (h == null) {
      return; // closed before the shared port was known
    }
    boolean ipv4Socket = address instanceof InetSocketAddress i && !wildcard
        && i.getAddress() instanceof java.net.Inet4Address;
    h.listen(address, o.backlog, reusePort, o.ipv6Only, ipv4Socket, options.highWaterMark, this::accepted,
        err -> {
          if (handle != h) {
            return;
          }
          if (err != null) {
            Errno.Code code = Errno.classify(err);
            boolean unix = !(address instanceof InetSocketAddress);
            if (unix && code != null && code.code().equals("ENOENT")) {
              // libuv's uv_pipe_bind: a missing directory is EACCES.
              code = Errno.of("EACCES");
            }
            String text = unix ? o.path
                : wildcard ? (Transports.epoll() ? "::" : "0.0.0.0")
                : Lookup.toText(((InetSocketAddress) address).getAddress());
            RuntimeException e = Errno.uvWithHostPort(code != null ? code : Errno.of("EADDRINUSE"),
                "listen", text, unix ? -1 : ((InetSocketAddress) address).getPort(), err);
            // net.js _listen2: the handle is dropped now, the error emitted on the next tick.
            handle = null;
            loopRef.deactivate();
            loop.nextTick(() -> emit(ERROR, e));
            return;
          }
          // Bound and listening now (address() answers at once); 'listening' on the next tick
          // unless closed by then, as net.js emitListeningNT.
          listening = true;
          loop.nextTick(() -> {
            if (handle == h) {
              emit(LISTENING);
            }
          });
        });
  }

  private void failListen(RuntimeException err) {
    handle = null;
    loopRef.deactivate();
    emit(ERROR, err);
  }

  private BooleanSupplier accepted(TcpHandle h) {
    Socket[] made = new Socket[1];
    loop.runCallback(() -> {
      if (maxConnections > 0 && connections >= maxConnections) {
        DropInfo info = dropInfo(h);
        h.close(() -> {});
        emit(DROP, info);
        return;
      }
      Socket socket;
      if (socketFactory == null) {
        socket = new Socket(loop, h, options.allowHalfOpen, options.highWaterMark);
      } else {
        socket = socketFactory.create(options.allowHalfOpen, options.highWaterMark);
        socket.adopt(h);
      }
      made[0] = socket;
      if (options.noDelay) {
        h.setNoDelay(true);
      }
      if (options.keepAlive) {
        h.setKeepAlive(true, options.keepAliveInitialDelay);
      }
      connections++;
      socket.server(this);
      socket.startAccepted(options.pauseOnConnect);
      emit(CONNECTION, socket);
    });
    Socket socket = made[0];
    return socket == null ? null : () -> socket.readableLength() > 0;
  }

  private static DropInfo dropInfo(TcpHandle h) {
    SocketAddress l = h.localAddress();
    SocketAddress r = h.remoteAddress();
    return new DropInfo(TcpHandle.addressText(l), port(l), TcpHandle.familyText(l),
        TcpHandle.addressText(r), port(r), TcpHandle.familyText(r));
  }

  private static Integer port(SocketAddress a) {
    int p = TcpHandle.portOf(a);
    return p < 0 ? null : p;
  }

  void connectionClosed() {
    connections--;
    emitCloseIfDrained();
  }

  // ---- close --------------------------------------------------------------------------------

  /**
   * Stops accepting connections; {@link #CLOSE} follows once every connection has ended.
   * Node: {@code server.close()}.
   *
   * @return this server
   */
  public Server close() {
    return close(null);
  }

  /**
   * Stops accepting and calls {@code callback} on {@code 'close'}: with null, or with
   * {@code ERR_SERVER_NOT_RUNNING} if the server was not listening. Node: {@code server.close(cb)}.
   *
   * @param callback the callback, or null
   * @return this server
   * @emits {@link #CLOSE} once every connection has ended
   */
  public Server close(Consumer<Throwable> callback) {
    if (!loop.inLoop()) {
      loop.execute(() -> close(callback));
      return this;
    }
    if (callback != null) {
      if (handle == null) {
        once(CLOSE, () -> callback.accept(new NodeError("ERR_SERVER_NOT_RUNNING", "Server is not running.")));
      } else {
        once(CLOSE, () -> callback.accept(null));
      }
    }
    if (handle != null) {
      TcpServerHandle h = handle;
      handle = null;
      listening = false;
      // On the loop, Netty closes the listening socket right away, as uv_close does; 'close'
      // does not wait for the close future (net.js emits it on the next tick when no
      // connection is left, else when the last one is destroyed, once).
      h.close(loopRef::deactivate);
    }
    emitCloseIfDrained();
    return this;
  }

  private void emitCloseIfDrained() {
    // net.js _emitCloseIfDrained
    if (handle != null || connections > 0) {
      return;
    }
    loop.nextTick(() -> emit(CLOSE));
  }

  // ---- properties ---------------------------------------------------------------------------

  /**
   * Returns the bound address, or null when not listening. Node: {@code server.address()}. For
   * a Unix socket, the path given to {@code listen}, from that call on and after close, as Node.
   *
   * @return the address
   */
  public AddressInfo address() {
    SocketAddress a = handle == null || !listening ? null : handle.localAddress();
    if (!(a instanceof InetSocketAddress i)) {
      // net.js: a pipe has no getsockname, so the path listened on is returned, from listen()
      // on and after close() too.
      return pipeName == null ? null : new AddressInfo(pipeName, null, -1);
    }
    if (wildcard && i.getAddress().isAnyLocalAddress() && (i.getAddress() instanceof Inet6Address || Transports.epoll())) {
      return new AddressInfo("::", "IPv6", i.getPort());
    }
    if (mappedHost && i.getAddress() instanceof java.net.Inet4Address) {
      return new AddressInfo("::ffff:" + TcpHandle.addressText(a), "IPv6", i.getPort());
    }
    return new AddressInfo(TcpHandle.addressText(a), TcpHandle.familyText(a), i.getPort());
  }

  /**
   * Returns whether the server is listening. Node: {@code server.listening}.
   *
   * @return true while listening
   */
  public boolean listening() {
    return listening;
  }

  /**
   * Calls {@code callback(null, count)} with the number of open connections, on a later tick.
   * Node: {@code server.getConnections(cb)}.
   *
   * @param callback receives the count
   * @return this server
   */
  public Server getConnections(BiConsumer<Throwable, Integer> callback) {
    loop.execute(() -> {
      int n = connections;
      loop.nextTick(() -> callback.accept(null, n));
    });
    return this;
  }

  /**
   * Sets the connection limit; connections over it are closed at once. Node:
   * {@code server.maxConnections = n}.
   *
   * @param max the limit, 0 for none
   * @return this server
   */
  public Server maxConnections(int max) {
    this.maxConnections = max;
    return this;
  }

  /**
   * Returns the connection limit. Node: {@code server.maxConnections}.
   *
   * @return the limit, 0 for none
   */
  public int maxConnections() {
    return maxConnections;
  }

  /**
   * Lets the program end while the server listens. Node: {@code server.unref()}.
   *
   * @return this server
   */
  public Server unref() {
    loop.execute(loopRef::unref);
    return this;
  }

  /**
   * Makes the listening server keep the program alive (the default). Node: {@code server.ref()}.
   *
   * @return this server
   */
  public Server ref() {
    loop.execute(loopRef::ref);
    return this;
  }

  // ---- chaining overrides -------------------------------------------------------------------

  @Override
  public Server on(Event0 event, Runnable listener) {
    super.on(event, listener);
    return this;
  }

  @Override
  public <A> Server on(Event1<A> event, Consumer<? super A> listener) {
    super.on(event, listener);
    return this;
  }

  @Override
  public Server once(Event0 event, Runnable listener) {
    super.once(event, listener);
    return this;
  }

  @Override
  public <A> Server once(Event1<A> event, Consumer<? super A> listener) {
    super.once(event, listener);
    return this;
  }
}
