package dev.nodus.dgram;

import dev.nodus.buffer.Buffer;
import dev.nodus.events.Event0;
import dev.nodus.events.Event1;
import dev.nodus.events.Event2;
import dev.nodus.events.EventEmitter;
import dev.nodus.internal.dgram.DgramErrors;
import dev.nodus.internal.dgram.UdpAddresses;
import dev.nodus.internal.dgram.UdpHandle;
import dev.nodus.internal.errors.Errno;
import dev.nodus.internal.loop.Loop;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A UDP socket. Node: {@code dgram.Socket}, created by {@link Dgram#createSocket(String)}.
 *
 * <pre>{@code
 * DatagramSocket server = Dgram.createSocket("udp4");
 * server.on(DatagramSocket.MESSAGE, (msg, rinfo) ->
 *     System.out.println("server got: " + msg + " from " + rinfo.address() + ":" + rinfo.port()));
 * server.bind(41234);
 * }</pre>
 *
 * <p>Lifecycle, as in Node's lib/dgram.js: a new socket is unbound and has no operating-system
 * socket yet. {@link #bind} (or the first {@link #send} or {@link #connect}, which bind to a
 * random port) resolves the address, binds, starts receiving and emits {@link #LISTENING}.
 * Sends and connects made while binding wait in a queue and run after {@code 'listening'}.
 * {@link #connect} associates the socket with one peer until {@link #disconnect()}. {@link
 * #close} stops receiving, frees the port at once and emits {@link #CLOSE} on the next tick;
 * after that every call throws {@code ERR_SOCKET_DGRAM_NOT_RUNNING}. A bound socket keeps its
 * program alive until it is closed or {@link #unref()}'d.
 *
 * <p>Errors follow Node: bad arguments and calls in the wrong state throw at once ({@code
 * ERR_SOCKET_BAD_PORT}, {@code ERR_SOCKET_ALREADY_BOUND}, {@code ERR_SOCKET_DGRAM_IS_CONNECTED},
 * {@code ERR_SOCKET_DGRAM_NOT_CONNECTED}, {@code ERR_SOCKET_DGRAM_NOT_RUNNING}, and the option
 * setters' system errors such as {@code setTTL EINVAL}); a failed bind ({@code EADDRINUSE}) or
 * lookup is emitted as {@link #ERROR}; a failed send ({@code EMSGSIZE}) goes to the send's
 * callback, or, with none, is dropped as Node drops it (a failed lookup is emitted instead).
 *
 * <p>Sending: a Buffer is handed to the kernel without a copy at the end of the loop turn (the
 * datagrams of one turn go out together); as in Node, do not modify it until the send's
 * callback has run.
 *
 * <p>Threading: events and callbacks run on the loop that created the socket. Every method may
 * be called from any thread and never blocks. From outside the loop, a call is handed to the
 * loop in order and returns at once; what Node would throw synchronously because of the
 * socket's state or the arguments ({@code ERR_SOCKET_DGRAM_NOT_RUNNING}, {@code
 * ERR_SOCKET_ALREADY_BOUND}, {@code ERR_SOCKET_BAD_PORT}, {@code setTTL EINVAL}, {@code EBADF}
 * before bind…) is thrown at once, judged from a snapshot of the state the loop keeps; getters
 * ({@link #address()}, {@link #remoteAddress()}, {@link #getRecvBufferSize()}…) read that
 * snapshot. A failure only the kernel can report (a membership call's {@code EADDRINUSE}) then
 * happens on the loop and goes to its uncaught-exception handler, as a throw in a callback
 * does.
 */
public class DatagramSocket extends EventEmitter {
  /**
   * Emitted once the socket is bound and receiving, before any {@link #MESSAGE}. Node:
   * {@code 'listening'}.
   */
  public static final Event0 LISTENING = Event0.of("listening");

  /**
   * Emitted for each datagram received, with the message and where it came from. Node: {@code
   * 'message'}, payload {@code (msg, rinfo)}.
   */
  public static final Event2<Buffer, RemoteInfo> MESSAGE = Event2.of("message");

  /**
   * Emitted on the tick after {@link #close} was called; no {@link #MESSAGE} follows. Node:
   * {@code 'close'}.
   */
  public static final Event0 CLOSE = Event0.of("close");

  /**
   * Emitted when {@link #connect} succeeded (on a later tick). Node: {@code 'connect'}.
   */
  public static final Event0 CONNECT = Event0.of("connect");

  private enum BindState { UNBOUND, BINDING, BOUND }

  private enum ConnectState { DISCONNECTED, CONNECTING, CONNECTED }

  private final Loop loop;
  private final String type;
  private final boolean ipv6;
  private final boolean reuseAddr;
  private final boolean ipv6Only;
  private final long recvBufferSize;
  private final long sendBufferSize;
  private final Resolver resolver;
  private final Runnable onListenSuccess = this::onListenSuccess;
  /** The handle while open; null once closed (Node: {@code state.handle}). Loop only. */
  private UdpHandle handle;
  /** The same handle, for the send-queue counters other threads read. */
  private final UdpHandle udp;
  private boolean receiving;
  // Written on the loop only; volatile so that other threads judge calls by them (DESIGN.md 4).
  private volatile BindState bindState = BindState.UNBOUND;
  private volatile ConnectState connectState = ConnectState.DISCONNECTED;
  private volatile boolean closed;
  // The snapshot other threads read, refreshed by publish() whenever the loop changes it.
  /** getsockname of the OS socket; null while there is none (then EBADF). */
  private volatile AddressInfo localSnapshot;
  private volatile AddressInfo remoteSnapshot;
  private volatile int recvBufferSnapshot;
  private volatile int sendBufferSnapshot;
  private List<Runnable> queue;

  DatagramSocket(Loop loop, SocketOptions options, BiConsumer<Buffer, RemoteInfo> messageListener) {
    // Listeners added and events emitted from other threads are handed to the loop.
    dev.nodus.internal.loop.EventEmitterLoops.bind(this, loop);
    // Node's Socket constructor: buffer sizes are validated first, then the type.
    validateUint32(options.recvBufferSize(), "options.recvBufferSize");
    validateUint32(options.sendBufferSize(), "options.sendBufferSize");
    String t = options.type();
    if (!"udp4".equals(t) && !"udp6".equals(t)) {
      throw DgramErrors.badType();
    }
    this.loop = loop;
    this.type = t;
    this.ipv6 = t.equals("udp6");
    this.reuseAddr = options.reuseAddr();
    this.ipv6Only = options.ipv6Only();
    this.recvBufferSize = options.recvBufferSize();
    this.sendBufferSize = options.sendBufferSize();
    this.resolver = new Resolver(loop, ipv6, options.lookup());
    this.handle = new UdpHandle(loop, ipv6);
    this.udp = handle;
    handle.listener(new UdpHandle.Listener() {
      @Override
      public void onMessage(Buffer msg, String address, String family, int port) {
        emit(MESSAGE, msg, new RemoteInfo(address, family, port, msg.length()));
      }

      @Override
      public void onError(RuntimeException err) {
        emit(ERROR, err);
      }
    });
    if (messageListener != null) {
      on(MESSAGE, messageListener);
    }
  }

  private static void validateUint32(long value, String name) {
    if (value < 0 || value > 0xFFFF_FFFFL) {
      throw DgramErrors.notUint32(name, value);
    }
  }

  /**
   * Returns the socket type. Node: {@code socket.type}.
   *
   * @return {@code "udp4"} or {@code "udp6"}
   */
  public String type() {
    return type;
  }

  // ---- bind ---------------------------------------------------------------------------------

  /**
   * Binds to a random port on every interface. Node: {@code socket.bind()}.
   *
   * @return this socket
   * @emits {@link #LISTENING} once bound, or {@link #ERROR} if binding failed
   */
  public DatagramSocket bind() {
    return bind(0, null, null);
  }

  /**
   * Binds to a random port on every interface, then calls {@code callback}. Node: {@code
   * socket.bind(callback)}.
   *
   * @param callback added as a one-time {@link #LISTENING} listener (removed on error)
   * @return this socket
   * @emits {@link #LISTENING} once bound, or {@link #ERROR} if binding failed
   */
  public DatagramSocket bind(Runnable callback) {
    return bind(0, null, callback);
  }

  /**
   * Binds to {@code port} on every interface. Node: {@code socket.bind(port)}.
   *
   * @param port the port, 0 for a random one
   * @return this socket
   * @emits {@link #LISTENING} once bound, or {@link #ERROR} if binding failed
   */
  public DatagramSocket bind(int port) {
    return bind(port, null, null);
  }

  /**
   * Binds to {@code port} on every interface, then calls {@code callback}. Node: {@code
   * socket.bind(port, callback)}.
   *
   * @param port the port, 0 for a random one
   * @param callback added as a one-time {@link #LISTENING} listener (removed on error)
   * @return this socket
   * @emits {@link #LISTENING} once bound, or {@link #ERROR} if binding failed
   */
  public DatagramSocket bind(int port, Runnable callback) {
    return bind(port, null, callback);
  }

  /**
   * Binds to {@code port} on {@code address}. Node: {@code socket.bind(port, address)}.
   *
   * @param port the port, 0 for a random one
   * @param address an address or host name; null or empty for every interface
   * @return this socket
   * @emits {@link #LISTENING} once bound, or {@link #ERROR} if binding failed
   */
  public DatagramSocket bind(int port, String address) {
    return bind(port, address, null);
  }

  /**
   * Binds to {@code port} on {@code address}, then calls {@code callback}. Node: {@code
   * socket.bind(port, address, callback)}. The address is resolved first (host names off the
   * loop); errors of the lookup or the bind ({@code bind EADDRINUSE 0.0.0.0:41234}) are emitted
   * as {@link #ERROR}, after which the socket may be bound again.
   *
   * @param port the port, 0 for a random one; as in Node, only its low 16 bits count (70000
   *     binds port 4464), and errors name it as given
   * @param address an address or host name; null or empty for every interface
   * @param callback added as a one-time {@link #LISTENING} listener (removed on error), or null
   * @return this socket
   * @throws dev.nodus.NodeError {@code ERR_SOCKET_ALREADY_BOUND} if bound or binding, {@code
   *     ERR_SOCKET_DGRAM_NOT_RUNNING} if closed
   * @emits {@link #LISTENING} once bound, or {@link #ERROR} if binding failed
   */
  public DatagramSocket bind(int port, String address, Runnable callback) {
    bind0(port, address, false, callback);
    return this;
  }

  /**
   * Binds as {@code options} say. Node: {@code socket.bind(options)}.
   *
   * @param options port, address, exclusive
   * @return this socket
   * @emits {@link #LISTENING} once bound, or {@link #ERROR} if binding failed
   */
  public DatagramSocket bind(BindOptions options) {
    return bind(options, null);
  }

  /**
   * Binds as {@code options} say, then calls {@code callback}. Node: {@code
   * socket.bind(options, callback)}.
   *
   * @param options port, address, exclusive
   * @param callback added as a one-time {@link #LISTENING} listener (removed on error), or null
   * @return this socket
   * @emits {@link #LISTENING} once bound, or {@link #ERROR} if binding failed
   */
  public DatagramSocket bind(BindOptions options, Runnable callback) {
    bind0(options.port(), options.address(), options.exclusive(), callback);
    return this;
  }

  // Node: Socket.prototype.bind.
  private void bind0(int port, String address, boolean exclusive, Runnable callback) {
    if (!loop.inLoop()) {
      checkOpen();
      if (bindState != BindState.UNBOUND) {
        throw DgramErrors.alreadyBound();
      }
      loop.executeLater(() -> bind0(port, address, exclusive, callback));
      return;
    }
    healthCheck();
    if (bindState != BindState.UNBOUND) {
      throw DgramErrors.alreadyBound();
    }
    bindState = BindState.BINDING;
    if (callback != null) {
      // Node: onListening/removeListeners. The 'error' half is an error listener of its own,
      // so a bind with a callback and no other 'error' listener does not throw.
      Runnable[] onListening = new Runnable[1];
      Consumer<Throwable> removeListeners = new Consumer<>() {
        @Override
        public void accept(Throwable err) {
          off(ERROR, this);
          off(LISTENING, onListening[0]);
        }
      };
      onListening[0] = () -> {
        removeListeners.accept(null);
        callback.run();
      };
      on(ERROR, removeListeners);
      on(LISTENING, onListening[0]);
    }
    String addr = address == null || address.isEmpty() ? (ipv6 ? "::" : "0.0.0.0") : address;
    boolean reusePort = !exclusive && loop.program().loops().size() > 1;
    resolver.lookup(addr, (err, ip, ipText) -> {
      if (handle == null) {
        return; // closed in the meantime
      }
      if (err != null) {
        bindFailed(err);
        return;
      }
      if (!resolver.fits(ip)) {
        bindFailed(DgramErrors.withHostPort(Errno.of("EINVAL"), "bind", ipText, port, null));
        return;
      }
      // Node checks no bind port: UDPWrap takes it as a uint32 and uv_ip4_addr keeps its low
      // 16 bits (70000 binds 4464, -1 binds 65535); errors name the port as given.
      handle.bind(new InetSocketAddress(ip, port & 0xFFFF), reuseAddr, ipv6Only, reusePort, cause -> {
        if (handle == null) {
          return;
        }
        if (cause != null) {
          bindFailed(DgramErrors.withHostPort(
              DgramErrors.classify(cause, "EINVAL"), "bind", ipText, port, cause));
        } else {
          startListening();
        }
      });
    });
  }

  private void bindFailed(Throwable err) {
    bindState = BindState.UNBOUND;
    publish(); // libuv keeps the socket of a failed bind
    // Node's onListenError, an errorMonitor listener: runs before the 'error' listeners.
    if (queue != null) {
      off(LISTENING, onListenSuccess);
      queue = null;
    }
    emit(ERROR, err);
  }

  // Node: startListening.
  private void startListening() {
    handle.recvStart();
    receiving = true;
    bindState = BindState.BOUND;
    if (recvBufferSize != 0) {
      handle.bufferSize(true, (int) Math.min(recvBufferSize, Integer.MAX_VALUE));
    }
    if (sendBufferSize != 0) {
      handle.bufferSize(false, (int) Math.min(sendBufferSize, Integer.MAX_VALUE));
    }
    publish();
    emit(LISTENING);
  }

  // Node: enqueue / onListenSuccess / clearQueue.
  private void enqueue(Runnable r) {
    if (queue == null) {
      queue = new ArrayList<>();
      once(LISTENING, onListenSuccess);
    }
    queue.add(r);
  }

  private void onListenSuccess() {
    List<Runnable> q = queue;
    queue = null;
    for (Runnable r : q) {
      r.run();
    }
  }

  // ---- connect ------------------------------------------------------------------------------

  /**
   * Associates the socket with {@code port} on localhost ({@code 127.0.0.1} for udp4, {@code
   * ::1} for udp6). Node: {@code socket.connect(port)}.
   *
   * @param port the remote port, 1 to 65535
   * @emits {@link #CONNECT} on success, {@link #ERROR} on failure
   */
  public void connect(int port) {
    connect(port, null, null);
  }

  /**
   * Associates the socket with {@code port} on localhost, then calls {@code callback}. Node:
   * {@code socket.connect(port, callback)}.
   *
   * @param port the remote port, 1 to 65535
   * @param callback called with null once connected, or with the error instead of {@link #ERROR}
   * @emits {@link #CONNECT} on success
   */
  public void connect(int port, Consumer<Throwable> callback) {
    connect(port, null, callback);
  }

  /**
   * Associates the socket with {@code address}:{@code port}. Node: {@code socket.connect(port,
   * address)}.
   *
   * @param port the remote port, 1 to 65535
   * @param address an address or host name; null or empty for localhost
   * @emits {@link #CONNECT} on success, {@link #ERROR} on failure
   */
  public void connect(int port, String address) {
    connect(port, address, null);
  }

  /**
   * Associates the socket with {@code address}:{@code port}: afterwards it receives only from
   * that peer, and sends go there without naming it. Binds first if unbound. Node: {@code
   * socket.connect(port, address, callback)}.
   *
   * @param port the remote port, 1 to 65535
   * @param address an address or host name; null or empty for localhost
   * @param callback called with null once connected, or with the error instead of {@link
   *     #ERROR}; may be null
   * @throws dev.nodus.NodeError {@code ERR_SOCKET_BAD_PORT}, or {@code
   *     ERR_SOCKET_DGRAM_IS_CONNECTED} if connected or connecting
   * @emits {@link #CONNECT} on success (on a later tick), or {@link #ERROR} on failure if there
   *     is no callback
   */
  public void connect(int port, String address, Consumer<Throwable> callback) {
    if (port <= 0 || port > 65535) {
      throw DgramErrors.badPort(port, false);
    }
    if (!loop.inLoop()) {
      if (connectState != ConnectState.DISCONNECTED) {
        throw DgramErrors.isConnected();
      }
      checkOpen(); // Node: the implicit bind's healthCheck
      loop.executeLater(() -> connect(port, address, callback));
      return;
    }
    String addr = address == null ? "" : address;
    if (connectState != ConnectState.DISCONNECTED) {
      throw DgramErrors.isConnected();
    }
    connectState = ConnectState.CONNECTING;
    if (bindState == BindState.UNBOUND) {
      bind0(0, null, true, null);
    }
    if (bindState != BindState.BOUND) {
      enqueue(() -> connect0(port, addr, callback));
      return;
    }
    connect0(port, addr, callback);
  }

  // Node: _connect.
  private void connect0(int port, String address, Consumer<Throwable> callback) {
    requireHandle();
    Runnable onConnect = callback == null ? null : () -> callback.accept(null);
    if (onConnect != null) {
      once(CONNECT, onConnect);
    }
    resolver.lookup(address, (ex, ip, ipText) -> {
      if (handle == null) {
        return;
      }
      if (ex == null && !resolver.fits(ip)) {
        ex = DgramErrors.withHostPort(Errno.of("EINVAL"), "connect", address, port, null);
      }
      if (ex != null) {
        connectDone(ex, callback, onConnect);
        return;
      }
      handle.connect(new InetSocketAddress(ip, port), cause -> {
        if (handle == null) {
          return;
        }
        connectDone(cause == null ? null : DgramErrors.withHostPort(
            DgramErrors.classify(cause, "EINVAL"), "connect", address, port, cause),
            callback, onConnect);
      });
    });
  }

  // Node: doConnect.
  private void connectDone(Throwable ex, Consumer<Throwable> callback, Runnable onConnect) {
    if (ex != null) {
      connectState = ConnectState.DISCONNECTED;
      publish();
      loop.nextTick(() -> {
        if (callback != null) {
          off(CONNECT, onConnect);
          callback.accept(ex);
        } else {
          emit(ERROR, ex);
        }
      });
      return;
    }
    connectState = ConnectState.CONNECTED;
    publish();
    loop.nextTick(() -> emit(CONNECT));
  }

  /**
   * Dissolves the association made by {@link #connect}. Node: {@code socket.disconnect()}.
   *
   * @throws dev.nodus.NodeError {@code ERR_SOCKET_DGRAM_NOT_CONNECTED} if not connected
   */
  public void disconnect() {
    if (connectState != ConnectState.CONNECTED) {
      throw DgramErrors.notConnected();
    }
    if (!loop.inLoop()) {
      loop.executeLater(this::disconnect);
      return;
    }
    requireHandle().disconnect();
    connectState = ConnectState.DISCONNECTED;
    publish();
  }

  // ---- send ---------------------------------------------------------------------------------
  // Node's valid combinations (lib/dgram.js), each an overload below:
  //   unconnected: send(buffer, offset, length, port[, address][, callback])
  //                send(bufferOrList, port[, address][, callback])
  //   connected:   send(buffer, offset, length[, callback])
  //                send(bufferOrList[, callback])

  /**
   * Sends {@code length} bytes of {@code msg} from {@code offset} to {@code address}:{@code
   * port}. Node: {@code socket.send(msg, offset, length, port, address, callback)}.
   *
   * @param msg the message
   * @param offset where the datagram starts in {@code msg}
   * @param length the datagram's length
   * @param port the destination port, 1 to 65535
   * @param address the destination address or host name; null for localhost
   * @param callback called with (null, bytes sent) or (error, null); may be null
   * @throws dev.nodus.NodeError {@code ERR_BUFFER_OUT_OF_BOUNDS}, {@code ERR_SOCKET_BAD_PORT},
   *     {@code ERR_SOCKET_DGRAM_IS_CONNECTED}, {@code ERR_SOCKET_DGRAM_NOT_RUNNING}
   */
  public void send(Buffer msg, int offset, int length, int port, String address,
      BiConsumer<Throwable, Integer> callback) {
    send0(List.of(slice(msg, offset, length)), port, address, callback, SLICE_ADDRESS_FORM);
  }

  /**
   * Sends part of {@code msg} to {@code address}:{@code port}. Node: {@code socket.send(msg,
   * offset, length, port, address)}.
   *
   * @param msg the message
   * @param offset where the datagram starts in {@code msg}
   * @param length the datagram's length
   * @param port the destination port, 1 to 65535
   * @param address the destination address or host name; null for localhost
   */
  public void send(Buffer msg, int offset, int length, int port, String address) {
    send(msg, offset, length, port, address, null);
  }

  /**
   * Sends part of {@code msg} to localhost:{@code port}. Node: {@code socket.send(msg, offset,
   * length, port, callback)}.
   *
   * @param msg the message
   * @param offset where the datagram starts in {@code msg}
   * @param length the datagram's length
   * @param port the destination port, 1 to 65535
   * @param callback called with (null, bytes sent) or (error, null); may be null
   */
  public void send(Buffer msg, int offset, int length, int port, BiConsumer<Throwable, Integer> callback) {
    send0(List.of(slice(msg, offset, length)), port, null, callback, SLICE_FORM);
  }

  /**
   * Sends part of {@code msg} to localhost:{@code port}. Node: {@code socket.send(msg, offset,
   * length, port)}.
   *
   * @param msg the message
   * @param offset where the datagram starts in {@code msg}
   * @param length the datagram's length
   * @param port the destination port, 1 to 65535
   */
  public void send(Buffer msg, int offset, int length, int port) {
    send(msg, offset, length, port, null, null);
  }

  /**
   * Sends {@code msg} to {@code address}:{@code port}. Node: {@code socket.send(msg, port,
   * address, callback)}.
   *
   * @param msg the message
   * @param port the destination port, 1 to 65535
   * @param address the destination address or host name; null for localhost
   * @param callback called with (null, bytes sent) or (error, null); may be null
   */
  public void send(Buffer msg, int port, String address, BiConsumer<Throwable, Integer> callback) {
    send0(List.of(msg), port, address, callback, PORT_ADDRESS_FORM);
  }

  /**
   * Sends {@code msg} to {@code address}:{@code port}. Node: {@code socket.send(msg, port,
   * address)}.
   *
   * @param msg the message
   * @param port the destination port, 1 to 65535
   * @param address the destination address or host name; null for localhost
   */
  public void send(Buffer msg, int port, String address) {
    send0(List.of(msg), port, address, null, PORT_ADDRESS_FORM);
  }

  /**
   * Sends {@code msg} to localhost:{@code port}. Node: {@code socket.send(msg, port, callback)}.
   *
   * @param msg the message
   * @param port the destination port, 1 to 65535
   * @param callback called with (null, bytes sent) or (error, null); may be null
   */
  public void send(Buffer msg, int port, BiConsumer<Throwable, Integer> callback) {
    send0(List.of(msg), port, null, callback, PORT_FORM);
  }

  /**
   * Sends {@code msg} to localhost:{@code port}. Node: {@code socket.send(msg, port)}.
   *
   * @param msg the message
   * @param port the destination port, 1 to 65535
   */
  public void send(Buffer msg, int port) {
    send0(List.of(msg), port, null, null, PORT_FORM);
  }

  /**
   * Sends {@code msg}, UTF-8 encoded, to {@code address}:{@code port}. Node: {@code
   * socket.send(string, port, address, callback)}.
   *
   * @param msg the message
   * @param port the destination port, 1 to 65535
   * @param address the destination address or host name; null for localhost
   * @param callback called with (null, bytes sent) or (error, null); may be null
   */
  public void send(String msg, int port, String address, BiConsumer<Throwable, Integer> callback) {
    send0(List.of(Buffer.from(msg)), port, address, callback, PORT_ADDRESS_FORM);
  }

  /**
   * Sends {@code msg}, UTF-8 encoded, to {@code address}:{@code port}. Node: {@code
   * socket.send(string, port, address)}.
   *
   * @param msg the message
   * @param port the destination port, 1 to 65535
   * @param address the destination address or host name; null for localhost
   */
  public void send(String msg, int port, String address) {
    send0(List.of(Buffer.from(msg)), port, address, null, PORT_ADDRESS_FORM);
  }

  /**
   * Sends {@code msg}, UTF-8 encoded, to localhost:{@code port}. Node: {@code
   * socket.send(string, port, callback)}.
   *
   * @param msg the message
   * @param port the destination port, 1 to 65535
   * @param callback called with (null, bytes sent) or (error, null); may be null
   */
  public void send(String msg, int port, BiConsumer<Throwable, Integer> callback) {
    send0(List.of(Buffer.from(msg)), port, null, callback, PORT_FORM);
  }

  /**
   * Sends {@code msg}, UTF-8 encoded, to localhost:{@code port}. Node: {@code
   * socket.send(string, port)}.
   *
   * @param msg the message
   * @param port the destination port, 1 to 65535
   */
  public void send(String msg, int port) {
    send0(List.of(Buffer.from(msg)), port, null, null, PORT_FORM);
  }

  /**
   * Sends the Buffers of {@code list} as one datagram to {@code address}:{@code port}. Node:
   * {@code socket.send([buf1, buf2], port, address, callback)}.
   *
   * @param list the parts of the datagram, in order
   * @param port the destination port, 1 to 65535
   * @param address the destination address or host name; null for localhost
   * @param callback called with (null, bytes sent) or (error, null); may be null
   */
  public void send(List<Buffer> list, int port, String address, BiConsumer<Throwable, Integer> callback) {
    send0(List.copyOf(list), port, address, callback, PORT_ADDRESS_FORM);
  }

  /**
   * Sends the Buffers of {@code list} as one datagram to {@code address}:{@code port}. Node:
   * {@code socket.send(list, port, address)}.
   *
   * @param list the parts of the datagram, in order
   * @param port the destination port, 1 to 65535
   * @param address the destination address or host name; null for localhost
   */
  public void send(List<Buffer> list, int port, String address) {
    send0(List.copyOf(list), port, address, null, PORT_ADDRESS_FORM);
  }

  /**
   * Sends the Buffers of {@code list} as one datagram to localhost:{@code port}. Node: {@code
   * socket.send(list, port, callback)}.
   *
   * @param list the parts of the datagram, in order
   * @param port the destination port, 1 to 65535
   * @param callback called with (null, bytes sent) or (error, null); may be null
   */
  public void send(List<Buffer> list, int port, BiConsumer<Throwable, Integer> callback) {
    send0(List.copyOf(list), port, null, callback, PORT_FORM);
  }

  /**
   * Sends the Buffers of {@code list} as one datagram to localhost:{@code port}. Node: {@code
   * socket.send(list, port)}.
   *
   * @param list the parts of the datagram, in order
   * @param port the destination port, 1 to 65535
   */
  public void send(List<Buffer> list, int port) {
    send0(List.copyOf(list), port, null, null, PORT_FORM);
  }

  /**
   * Sends part of {@code msg} to the connected peer. Node: {@code socket.send(msg, offset,
   * length, callback)}.
   *
   * @param msg the message
   * @param offset where the datagram starts in {@code msg}
   * @param length the datagram's length
   * @param callback called with (null, bytes sent) or (error, null); may be null
   * @throws dev.nodus.NodeError {@code ERR_SOCKET_BAD_PORT} if the socket is not connected
   */
  public void send(Buffer msg, int offset, int length, BiConsumer<Throwable, Integer> callback) {
    send0(List.of(slice(msg, offset, length)), null, null, callback, CONNECTED_FORM);
  }

  /**
   * Sends part of {@code msg} to the connected peer. Node: {@code socket.send(msg, offset,
   * length)}.
   *
   * @param msg the message
   * @param offset where the datagram starts in {@code msg}
   * @param length the datagram's length
   */
  public void send(Buffer msg, int offset, int length) {
    send0(List.of(slice(msg, offset, length)), null, null, null, CONNECTED_FORM);
  }

  /**
   * Sends {@code msg} to the connected peer. Node: {@code socket.send(msg, callback)}.
   *
   * @param msg the message
   * @param callback called with (null, bytes sent) or (error, null); may be null
   * @throws dev.nodus.NodeError {@code ERR_SOCKET_BAD_PORT} if the socket is not connected
   */
  public void send(Buffer msg, BiConsumer<Throwable, Integer> callback) {
    send0(List.of(msg), null, null, callback, CONNECTED_FORM);
  }

  /**
   * Sends {@code msg} to the connected peer. Node: {@code socket.send(msg)}.
   *
   * @param msg the message
   */
  public void send(Buffer msg) {
    send0(List.of(msg), null, null, null, CONNECTED_FORM);
  }

  /**
   * Sends {@code msg}, UTF-8 encoded, to the connected peer. Node: {@code socket.send(string,
   * callback)}.
   *
   * @param msg the message
   * @param callback called with (null, bytes sent) or (error, null); may be null
   */
  public void send(String msg, BiConsumer<Throwable, Integer> callback) {
    send0(List.of(Buffer.from(msg)), null, null, callback, CONNECTED_FORM);
  }

  /**
   * Sends {@code msg}, UTF-8 encoded, to the connected peer. Node: {@code socket.send(string)}.
   *
   * @param msg the message
   */
  public void send(String msg) {
    send0(List.of(Buffer.from(msg)), null, null, null, CONNECTED_FORM);
  }

  /**
   * Sends the Buffers of {@code list} as one datagram to the connected peer. Node: {@code
   * socket.send(list, callback)}.
   *
   * @param list the parts of the datagram, in order
   * @param callback called with (null, bytes sent) or (error, null); may be null
   */
  public void send(List<Buffer> list, BiConsumer<Throwable, Integer> callback) {
    send0(List.copyOf(list), null, null, callback, CONNECTED_FORM);
  }

  /**
   * Sends the Buffers of {@code list} as one datagram to the connected peer. Node: {@code
   * socket.send(list)}.
   *
   * @param list the parts of the datagram, in order
   */
  public void send(List<Buffer> list) {
    send0(List.copyOf(list), null, null, null, CONNECTED_FORM);
  }

  // Node: sliceBuffer, with offset and length taken as unsigned (`offset >>> 0`).
  private static Buffer slice(Buffer msg, int offset, int length) {
    long off = Integer.toUnsignedLong(offset);
    long len = Integer.toUnsignedLong(length);
    if (off > msg.length()) {
      throw DgramErrors.outOfBounds("offset");
    }
    if (off + len > msg.length()) {
      throw DgramErrors.outOfBounds("length");
    }
    return msg.subarray((int) off, (int) (off + len));
  }

  // Where a Java overload's arguments sit in Node's send(buffer, offset, length, port, address,
  // callback): a connected socket takes its forms by position, so a port or callback given to
  // another form is ignored, dropped or refused exactly as Node's shuffling does (checked with
  // node v20).
  /** (msg[, cb]) and (msg, offset, length[, cb]): the connected forms. */
  private static final int CONNECTED_FORM = 0;
  /** (msg, port[, cb]): port and cb land in offset and length; Node ignores both. */
  private static final int PORT_FORM = 1;
  /** (msg, port, address[, cb]): cb lands in port, so a callback means IS_CONNECTED. */
  private static final int PORT_ADDRESS_FORM = 2;
  /** (msg, offset, length, port[, cb]): cb lands in address; a port or cb means IS_CONNECTED. */
  private static final int SLICE_FORM = 3;
  /** (msg, offset, length, port, address[, cb]): a port or an address means IS_CONNECTED. */
  private static final int SLICE_ADDRESS_FORM = 4;

  // Node: Socket.prototype.send after its argument shuffling; port null = none given.
  private void send0(List<Buffer> list, Integer port, String address,
      BiConsumer<Throwable, Integer> cb, int form) {
    boolean connected = connectState == ConnectState.CONNECTED;
    if (connected) {
      boolean refused = switch (form) {
        case PORT_ADDRESS_FORM -> cb != null;
        case SLICE_FORM -> port != 0 || cb != null;
        case SLICE_ADDRESS_FORM -> port != 0 || (address != null && !address.isEmpty());
        default -> false;
      };
      if (refused) {
        throw DgramErrors.isConnected();
      }
      // The forms that name a peer send to the connected one; PORT_FORM's callback was taken
      // for `offset`, a number, which Node then drops.
      sendTo(list, null, null, form == PORT_FORM ? null : cb, form);
      return;
    }
    if (port == null || port <= 0 || port > 65535) {
      throw DgramErrors.badPort(port, false);
    }
    sendTo(list, port, address, cb, form);
  }

  private void sendTo(List<Buffer> list, Integer port, String address,
      BiConsumer<Throwable, Integer> cb, int form) {
    if (!loop.inLoop()) {
      // Judged by the snapshot above; the loop judges again when it runs the send, in order.
      checkOpen();
      Integer p = port;
      loop.executeLater(() -> send0(list, p, address, cb, p == null ? CONNECTED_FORM : form));
      return;
    }
    healthCheck();
    if (bindState == BindState.UNBOUND) {
      bind0(0, null, true, null);
    }
    List<Buffer> datagram = list.isEmpty() ? List.of(Buffer.alloc(0)) : list;
    if (bindState != BindState.BOUND) {
      // Node replays this.send(list, port, address, callback) after 'listening'.
      enqueue(() -> send0(datagram, port, address, cb, PORT_ADDRESS_FORM));
      return;
    }
    if (port == null) {
      doSend(null, null, datagram, null, null, cb);
    } else {
      resolver.lookup(address, (ex, ip, ipText) -> doSend(ex, ip, datagram, address, port, cb));
    }
  }

  // Node: doSend.
  private void doSend(Throwable ex, InetAddress ip, List<Buffer> list, String address, Integer port,
      BiConsumer<Throwable, Integer> cb) {
    if (ex != null) {
      if (cb != null) {
        loop.nextTick(() -> cb.accept(ex, null));
      } else {
        loop.nextTick(() -> emit(ERROR, ex));
      }
      return;
    }
    if (handle == null) {
      return;
    }
    InetSocketAddress to = null;
    if (port != null) {
      if (!resolver.fits(ip)) {
        // uv_ip4_addr/uv_ip6_addr failed: EINVAL, reported to the callback only.
        if (cb != null) {
          Throwable e = DgramErrors.withHostPort(Errno.of("EINVAL"), "send", address, port, null);
          loop.nextTick(() -> cb.accept(e, null));
        }
        return;
      }
      to = resolver.target(ip, port);
    }
    if (cb == null) {
      handle.send(list, to, null);
      return;
    }
    int bytes = 0;
    for (Buffer b : list) {
      bytes += b.length();
    }
    int sent = bytes;
    handle.send(list, to, err -> {
      if (err == null) {
        cb.accept(null, sent);
      } else {
        // Node: afterSend, ExceptionWithHostPort(err, 'send', address, port).
        cb.accept(DgramErrors.withHostPort(
            DgramErrors.classify(err, "EIO"), "send", address, port, err), null);
      }
    });
  }

  // ---- close / addresses --------------------------------------------------------------------

  /**
   * Closes the socket: stops receiving and frees the port at once. Node: {@code
   * socket.close()}.
   *
   * @return this socket
   * @throws dev.nodus.NodeError {@code ERR_SOCKET_DGRAM_NOT_RUNNING} if already closed
   * @emits {@link #CLOSE} on the next tick
   */
  public DatagramSocket close() {
    return close(null);
  }

  /**
   * Closes the socket, then calls {@code callback}. If the socket is still binding with sends
   * queued, the close waits behind them, as in Node. Node: {@code socket.close(callback)}.
   *
   * @param callback added as a {@link #CLOSE} listener, or null
   * @return this socket
   * @throws dev.nodus.NodeError {@code ERR_SOCKET_DGRAM_NOT_RUNNING} if already closed
   * @emits {@link #CLOSE} on the next tick
   */
  public DatagramSocket close(Runnable callback) {
    if (!loop.inLoop()) {
      if (bindState != BindState.BINDING) {
        checkOpen();
        // Nothing can stop this close now (no queue waits for a bind): later calls from any
        // thread see the socket closed, as they would in Node.
        closed = true;
      }
      loop.executeLater(() -> close(callback));
      return this;
    }
    if (callback != null) {
      on(CLOSE, callback);
    }
    if (queue != null) {
      queue.add(() -> close(null));
      return this;
    }
    healthCheck();
    if (receiving) {
      handle.recvStop();
      receiving = false;
    }
    handle.close();
    handle = null;
    closed = true;
    publish();
    loop.nextTick(() -> emit(CLOSE));
    return this;
  }

  /**
   * Returns the socket's local address. Node: {@code socket.address()}.
   *
   * @return address, family and port
   * @throws dev.nodus.SystemError {@code getsockname EBADF} if not bound yet
   * @throws dev.nodus.NodeError {@code ERR_SOCKET_DGRAM_NOT_RUNNING} if closed
   */
  public AddressInfo address() {
    if (!loop.inLoop()) {
      return snapshot("getsockname");
    }
    healthCheck();
    return info(handle.localAddress());
  }

  /**
   * Returns the connected peer's address. Node: {@code socket.remoteAddress()}.
   *
   * @return address, family and port
   * @throws dev.nodus.NodeError {@code ERR_SOCKET_DGRAM_NOT_CONNECTED} if not connected
   */
  public AddressInfo remoteAddress() {
    if (!loop.inLoop()) {
      checkOpen();
      AddressInfo remote = remoteSnapshot;
      if (connectState != ConnectState.CONNECTED || remote == null) {
        throw DgramErrors.notConnected();
      }
      return remote;
    }
    healthCheck();
    if (connectState != ConnectState.CONNECTED) {
      throw DgramErrors.notConnected();
    }
    return info(handle.remoteAddress());
  }

  private AddressInfo info(InetSocketAddress a) {
    InetAddress ip = a.getAddress();
    boolean v6 = handle.socketIpv6();
    return new AddressInfo(UdpAddresses.text(ip, v6), UdpAddresses.family(ip, v6), a.getPort());
  }

  // ---- options ------------------------------------------------------------------------------

  /**
   * Turns {@code SO_BROADCAST} on or off. Node: {@code socket.setBroadcast(flag)}.
   *
   * @param flag whether broadcasts may be sent
   * @throws dev.nodus.SystemError {@code setBroadcast EBADF} if not bound
   */
  public void setBroadcast(boolean flag) {
    if (!loop.inLoop()) {
      snapshot("setBroadcast");
      loop.executeLater(() -> setBroadcast(flag));
      return;
    }
    requireHandle().setBroadcast(flag);
  }

  /**
   * Sets the unicast time-to-live ({@code IP_TTL}, or {@code IPV6_UNICAST_HOPS} for udp6).
   * Node: {@code socket.setTTL(ttl)}.
   *
   * @param ttl 1 to 255
   * @return {@code ttl}
   * @throws dev.nodus.SystemError {@code setTTL EINVAL} out of range, {@code setTTL EBADF} if
   *     not bound
   */
  public int setTTL(int ttl) {
    return intOption("setTTL", ttl, 1, 255);
  }

  /**
   * Sets the multicast time-to-live ({@code IP_MULTICAST_TTL} / {@code IPV6_MULTICAST_HOPS}).
   * Node: {@code socket.setMulticastTTL(ttl)}.
   *
   * @param ttl 0 to 255
   * @return {@code ttl}
   * @throws dev.nodus.SystemError {@code setMulticastTTL EINVAL} out of range, {@code EBADF} if
   *     not bound
   */
  public int setMulticastTTL(int ttl) {
    return intOption("setMulticastTTL", ttl, 0, 255);
  }

  /**
   * Sets whether multicast datagrams loop back to local sockets ({@code IP_MULTICAST_LOOP}).
   * Node: {@code socket.setMulticastLoopback(flag)}.
   *
   * @param flag whether to loop back
   * @return {@code flag}
   * @throws dev.nodus.SystemError {@code setMulticastLoopback EBADF} if not bound
   */
  public boolean setMulticastLoopback(boolean flag) {
    intOption("setMulticastLoopback", flag ? 1 : 0, 0, 255);
    return flag;
  }

  // libuv checks the range first (EINVAL), then setsockopt fails EBADF without a socket.
  private int intOption(String syscall, int value, int min, int max) {
    if (!loop.inLoop()) {
      checkOpen();
      if (value < min || value > max) {
        throw DgramErrors.errno("EINVAL", syscall);
      }
      snapshot(syscall);
      loop.executeLater(() -> intOption(syscall, value, min, max));
      return value;
    }
    requireHandle().setIntOption(syscall, value, min, max);
    return value;
  }

  /**
   * Chooses the interface multicast datagrams leave by: an IPv4 address of the interface for
   * udp4, {@code ::%name} (the zone names the interface) for udp6. Node: {@code
   * socket.setMulticastInterface(interfaceAddress)}.
   *
   * @param interfaceAddress the interface's address
   * @throws dev.nodus.SystemError {@code setMulticastInterface EINVAL} for no IP, {@code
   *     EADDRNOTAVAIL} for no local interface, {@code ENOPROTOOPT} for the wrong family
   */
  public void setMulticastInterface(String interfaceAddress) {
    if (!loop.inLoop()) {
      checkOpen();
      requireString(interfaceAddress, "interfaceAddress");
      if (UdpAddresses.literal(interfaceAddress) == null) {
        throw DgramErrors.errno("EINVAL", "setMulticastInterface");
      }
      snapshot("setMulticastInterface");
      loop.executeLater(() -> setMulticastInterface(interfaceAddress));
      return;
    }
    healthCheck();
    requireString(interfaceAddress, "interfaceAddress");
    handle.setMulticastInterface(interfaceAddress);
  }

  /**
   * Joins a multicast group on any interface. Node: {@code socket.addMembership(group)}.
   *
   * @param multicastAddress the group
   * @throws dev.nodus.SystemError {@code addMembership EINVAL} if no multicast IP, {@code
   *     EADDRINUSE} if already joined
   */
  public void addMembership(String multicastAddress) {
    addMembership(multicastAddress, null);
  }

  /**
   * Joins a multicast group on one interface ({@code IP_ADD_MEMBERSHIP}/{@code
   * IPV6_JOIN_GROUP}). Node: {@code socket.addMembership(multicastAddress, interfaceAddress)}.
   * On a socket not bound yet, this (like the other membership calls) first binds it as libuv
   * does: to the any-address of the group's family, a random port, with SO_REUSEADDR, without
   * {@link #LISTENING} and without receiving; a later {@link #bind} then fails with {@code bind
   * EINVAL}, as in Node.
   *
   * @param multicastAddress the group
   * @param interfaceAddress the interface's address (udp6: {@code ::%name}), or null for any
   * @throws dev.nodus.NodeError {@code ERR_MISSING_ARGS} without a group; {@code
   *     addMembership EINVAL} if no multicast IP, {@code EADDRINUSE} if already joined
   */
  public void addMembership(String multicastAddress, String interfaceAddress) {
    membership(multicastAddress, interfaceAddress, true);
  }

  /**
   * Leaves a multicast group on any interface. Node: {@code socket.dropMembership(group)}.
   *
   * @param multicastAddress the group
   * @throws dev.nodus.SystemError {@code dropMembership EADDRNOTAVAIL} if not joined
   */
  public void dropMembership(String multicastAddress) {
    dropMembership(multicastAddress, null);
  }

  /**
   * Leaves a multicast group on one interface. Node: {@code
   * socket.dropMembership(multicastAddress, interfaceAddress)}.
   *
   * @param multicastAddress the group
   * @param interfaceAddress the interface's address, or null for any
   * @throws dev.nodus.SystemError {@code dropMembership EADDRNOTAVAIL} if not joined
   */
  public void dropMembership(String multicastAddress, String interfaceAddress) {
    membership(multicastAddress, interfaceAddress, false);
  }

  // Node: addMembership/dropMembership.
  private void membership(String multicastAddress, String interfaceAddress, boolean join) {
    if (!loop.inLoop()) {
      checkOpen();
      if (multicastAddress == null || multicastAddress.isEmpty()) {
        throw DgramErrors.missingArgs("multicastAddress");
      }
      if (UdpAddresses.literal(multicastAddress) == null) {
        throw DgramErrors.errno("EINVAL", join ? "addMembership" : "dropMembership");
      }
      loop.executeLater(() -> membership(multicastAddress, interfaceAddress, join));
      return;
    }
    healthCheck();
    if (multicastAddress == null || multicastAddress.isEmpty()) {
      throw DgramErrors.missingArgs("multicastAddress");
    }
    try {
      handle.membership(multicastAddress, interfaceAddress, join);
    } finally {
      publish(); // the call may have bound the socket
    }
  }

  /**
   * Joins a source-specific multicast channel on any interface. Node: {@code
   * socket.addSourceSpecificMembership(sourceAddress, groupAddress)}.
   *
   * @param sourceAddress the source
   * @param groupAddress the group (232.0.0.0/8 or ff3x::/32 by convention)
   */
  public void addSourceSpecificMembership(String sourceAddress, String groupAddress) {
    addSourceSpecificMembership(sourceAddress, groupAddress, null);
  }

  /**
   * Joins a source-specific multicast channel ({@code IP_ADD_SOURCE_MEMBERSHIP}/{@code
   * MCAST_JOIN_SOURCE_GROUP}). Node: {@code socket.addSourceSpecificMembership(sourceAddress,
   * groupAddress, interfaceAddress)}.
   *
   * @param sourceAddress the source
   * @param groupAddress the group
   * @param interfaceAddress the interface's address, or null for any
   * @throws dev.nodus.SystemError {@code addSourceSpecificMembership EINVAL} for bad addresses
   */
  public void addSourceSpecificMembership(String sourceAddress, String groupAddress,
      String interfaceAddress) {
    sourceMembership(sourceAddress, groupAddress, interfaceAddress, true);
  }

  /**
   * Leaves a source-specific multicast channel on any interface. Node: {@code
   * socket.dropSourceSpecificMembership(sourceAddress, groupAddress)}.
   *
   * @param sourceAddress the source
   * @param groupAddress the group
   */
  public void dropSourceSpecificMembership(String sourceAddress, String groupAddress) {
    dropSourceSpecificMembership(sourceAddress, groupAddress, null);
  }

  /**
   * Leaves a source-specific multicast channel. Node: {@code
   * socket.dropSourceSpecificMembership(sourceAddress, groupAddress, interfaceAddress)}.
   *
   * @param sourceAddress the source
   * @param groupAddress the group
   * @param interfaceAddress the interface's address, or null for any
   * @throws dev.nodus.SystemError {@code dropSourceSpecificMembership EINVAL} if not joined
   */
  public void dropSourceSpecificMembership(String sourceAddress, String groupAddress,
      String interfaceAddress) {
    sourceMembership(sourceAddress, groupAddress, interfaceAddress, false);
  }

  // Node: addSourceSpecificMembership/dropSourceSpecificMembership.
  private void sourceMembership(String source, String group, String iface, boolean join) {
    if (!loop.inLoop()) {
      checkOpen();
      requireString(source, "sourceAddress");
      requireString(group, "groupAddress");
      if (UdpAddresses.literal(source) == null || UdpAddresses.literal(group) == null
          || UdpAddresses.isIpv4(source) != UdpAddresses.isIpv4(group)) {
        throw DgramErrors.errno("EINVAL",
            join ? "addSourceSpecificMembership" : "dropSourceSpecificMembership");
      }
      loop.executeLater(() -> sourceMembership(source, group, iface, join));
      return;
    }
    healthCheck();
    requireString(source, "sourceAddress");
    requireString(group, "groupAddress");
    try {
      handle.sourceMembership(source, group, iface, join);
    } finally {
      publish(); // the call may have bound the socket
    }
  }

  /**
   * Sets {@code SO_RCVBUF}. Node: {@code socket.setRecvBufferSize(size)}.
   *
   * @param size the size in bytes
   * @throws dev.nodus.NodeError {@code ERR_SOCKET_BAD_BUFFER_SIZE} if negative; {@code
   *     ERR_SOCKET_BUFFER_SIZE} if not bound
   */
  public void setRecvBufferSize(int size) {
    bufferSize(true, size);
  }

  /**
   * Sets {@code SO_SNDBUF}. Node: {@code socket.setSendBufferSize(size)}.
   *
   * @param size the size in bytes
   * @throws dev.nodus.NodeError {@code ERR_SOCKET_BAD_BUFFER_SIZE} if negative; {@code
   *     ERR_SOCKET_BUFFER_SIZE} if not bound
   */
  public void setSendBufferSize(int size) {
    bufferSize(false, size);
  }

  /**
   * Returns {@code SO_RCVBUF} as the kernel reports it (on Linux, twice what was set). Node:
   * {@code socket.getRecvBufferSize()}.
   *
   * @return the size in bytes
   * @throws dev.nodus.NodeError {@code ERR_SOCKET_BUFFER_SIZE} if not bound
   */
  public int getRecvBufferSize() {
    return bufferSize(true, 0);
  }

  /**
   * Returns {@code SO_SNDBUF} as the kernel reports it. Node: {@code socket.getSendBufferSize()}.
   *
   * @return the size in bytes
   * @throws dev.nodus.NodeError {@code ERR_SOCKET_BUFFER_SIZE} if not bound
   */
  public int getSendBufferSize() {
    return bufferSize(false, 0);
  }

  /**
   * Returns the number of bytes handed to the kernel but not yet taken because the socket was
   * not writable. Node: {@code socket.getSendQueueSize()}. As in Node, sends still waiting for
   * {@code 'listening'} or for a lookup do not count, and neither do datagrams of the current
   * loop turn (Node sends those at once; Nodus hands them over at the end of the turn). From
   * another thread it returns what the loop saw after its last flush (re-read every millisecond
   * while datagrams wait).
   *
   * @return the queued bytes, usually 0
   * @throws dev.nodus.NodeError {@code ERR_SOCKET_DGRAM_NOT_RUNNING} if closed (Node fails
   *     with a TypeError)
   */
  public long getSendQueueSize() {
    if (!loop.inLoop()) {
      checkOpen();
      return udp.sendQueueSnapshot(true);
    }
    return requireHandle().sendQueue(true);
  }

  /**
   * Returns the number of datagrams handed to the kernel but not yet taken because the socket
   * was not writable. Node: {@code socket.getSendQueueCount()}; see {@link #getSendQueueSize()}.
   *
   * @return the queued datagrams, usually 0
   * @throws dev.nodus.NodeError {@code ERR_SOCKET_DGRAM_NOT_RUNNING} if closed (Node fails
   *     with a TypeError)
   */
  public long getSendQueueCount() {
    if (!loop.inLoop()) {
      checkOpen();
      return udp.sendQueueSnapshot(false);
    }
    return requireHandle().sendQueue(false);
  }

  // Node: bufferSize(self, size, buffer); size 0 only reads.
  private int bufferSize(boolean recv, int size) {
    if (size < 0) {
      throw DgramErrors.badBufferSize();
    }
    if (!loop.inLoop()) {
      checkOpen();
      if (localSnapshot == null) {
        throw DgramErrors.bufferSize(Errno.of("EBADF"), recv, null);
      }
      if (size == 0) {
        return recv ? recvBufferSnapshot : sendBufferSnapshot;
      }
      loop.executeLater(() -> bufferSize(recv, size));
      return 0;
    }
    int r = requireHandle().bufferSize(recv, size);
    if (size != 0) {
      publish();
    }
    return r;
  }

  /**
   * Lets the socket keep the program alive again (the default). Node: {@code socket.ref()}.
   *
   * @return this socket
   */
  public DatagramSocket ref() {
    if (!loop.inLoop()) {
      loop.executeLater(this::ref);
      return this;
    }
    if (handle != null) {
      handle.ref();
    }
    return this;
  }

  /**
   * Lets the program end even while this socket is bound. Node: {@code socket.unref()}.
   *
   * @return this socket
   */
  public DatagramSocket unref() {
    if (!loop.inLoop()) {
      loop.executeLater(this::unref);
      return this;
    }
    if (handle != null) {
      handle.unref();
    }
    return this;
  }

  // ---- helpers ------------------------------------------------------------------------------

  // Node: healthCheck.
  private void healthCheck() {
    if (handle == null) {
      throw DgramErrors.notRunning();
    }
  }

  // Where Node would dereference a null handle (a TypeError), Nodus throws NOT_RUNNING.
  private UdpHandle requireHandle() {
    healthCheck();
    return handle;
  }

  private static void requireString(String s, String name) {
    if (s == null) {
      throw DgramErrors.notAString(name);
    }
  }

  // Off the loop: Node's healthCheck, judged by the snapshot.
  private void checkOpen() {
    if (closed) {
      throw DgramErrors.notRunning();
    }
  }

  /**
   * Off the loop: the local address as the loop last saw it, or the error Node's call would
   * get ({@code NOT_RUNNING} when closed, {@code <syscall> EBADF} without an OS socket).
   */
  private AddressInfo snapshot(String syscall) {
    checkOpen();
    AddressInfo local = localSnapshot;
    if (local == null) {
      throw DgramErrors.errno("EBADF", syscall);
    }
    return local;
  }

  /**
   * On the loop, after anything that changes what other threads may ask about: the OS socket
   * (created, bound, connected, disconnected, closed) or its buffer sizes. Not on the send path.
   */
  private void publish() {
    UdpHandle h = handle;
    if (h == null || !h.hasSocket()) {
      localSnapshot = null;
      remoteSnapshot = null;
      return;
    }
    try {
      remoteSnapshot = connectState == ConnectState.CONNECTED ? info(h.remoteAddress()) : null;
    } catch (RuntimeException e) {
      remoteSnapshot = null;
    }
    try {
      recvBufferSnapshot = h.bufferSize(true, 0);
      sendBufferSnapshot = h.bufferSize(false, 0);
    } catch (RuntimeException e) {
      // keeps the last values; the getter on the loop reports the error
    }
    try {
      localSnapshot = info(h.localAddress());
    } catch (RuntimeException e) {
      localSnapshot = null;
    }
  }

  // ---- chaining -----------------------------------------------------------------------------

  @Override
  public DatagramSocket on(Event0 event, Runnable listener) {
    super.on(event, listener);
    return this;
  }

  @Override
  public <A> DatagramSocket on(Event1<A> event, Consumer<? super A> listener) {
    super.on(event, listener);
    return this;
  }

  @Override
  public <A, B> DatagramSocket on(Event2<A, B> event, BiConsumer<? super A, ? super B> listener) {
    super.on(event, listener);
    return this;
  }

  @Override
  public DatagramSocket once(Event0 event, Runnable listener) {
    super.once(event, listener);
    return this;
  }

  @Override
  public <A> DatagramSocket once(Event1<A> event, Consumer<? super A> listener) {
    super.once(event, listener);
    return this;
  }

  @Override
  public <A, B> DatagramSocket once(Event2<A, B> event, BiConsumer<? super A, ? super B> listener) {
    super.once(event, listener);
    return this;
  }
}
