package dev.nodus.net;

import dev.nodus.NodeError;
import dev.nodus.internal.loop.Loop;
import java.util.function.Consumer;

/**
 * Node's {@code net} module: TCP and Unix-domain servers and clients.
 *
 * <pre>{@code
 * Nodus.run(() -> {
 *   Server server = Net.createServer(socket -> {
 *     socket.on(Socket.DATA, data -> socket.write("你好"));
 *     socket.on(Socket.END, () -> System.out.println("连接断开"));
 *     socket.write("欢迎光临《深入浅出Node.js》示例：\n");
 *   });
 *   server.listen(8124, () -> System.out.println("server bound"));
 * });
 * }</pre>
 *
 * <p>Call these on a loop (the program's code or a callback): the server or socket belongs to
 * the calling loop.
 */
public final class Net {
  private Net() {}

  /**
   * Creates a server. Node: {@code net.createServer()}.
   *
   * @return the server, not yet listening
   */
  public static Server createServer() {
    return createServer(new ServerOptions(), null);
  }

  /**
   * Creates a server whose {@code 'connection'} listener is {@code connectionListener}.
   * Node: {@code net.createServer(connectionListener)}.
   *
   * @param connectionListener receives each accepted socket
   * @return the server, not yet listening
   */
  public static Server createServer(Consumer<Socket> connectionListener) {
    return createServer(new ServerOptions(), connectionListener);
  }

  /**
   * Creates a TCP or Unix-domain server with options and no connection listener yet. Node:
   * {@code net.createServer(options)}.
   *
   * @param options the server's options
   * @return the server, not yet listening
   */
  public static Server createServer(ServerOptions options) {
    return createServer(options, null);
  }

  /**
   * Creates a server with options. Node: {@code net.createServer(options, connectionListener)}.
   *
   * @param options allowHalfOpen, pauseOnConnect, noDelay, keepAlive, highWaterMark
   * @param connectionListener receives each accepted socket, or null
   * @return the server, not yet listening
   */
  public static Server createServer(ServerOptions options, Consumer<Socket> connectionListener) {
    return new Server(Loop.require(), options, connectionListener);
  }

  /**
   * Connects as {@code options} say. Node: {@code net.connect(options)}.
   *
   * @param options host, port or path, and socket options
   * @return the socket, connecting
   * @emits {@link Socket#LOOKUP}, {@link Socket#CONNECT} or {@link Socket#ERROR}
   */
  public static Socket connect(ConnectOptions options) {
    return connect(options, null);
  }

  /**
   * Connects and adds {@code connectListener} as a one-time {@code 'connect'} listener.
   * Node: {@code net.connect(options, connectListener)}.
   *
   * @param options host, port or path, and socket options
   * @param connectListener called once connected, or null
   * @return the socket, connecting
   * @throws dev.nodus.NodeError as Node, synchronously: {@code ERR_MISSING_ARGS} without a port
   *     or path, {@code ERR_INVALID_IP_ADDRESS} for a local address that is not an IP,
   *     {@code ERR_SOCKET_BAD_PORT}, {@code ERR_INVALID_ARG_VALUE} for a family other than 0, 4, 6
   */
  public static Socket connect(ConnectOptions options, Runnable connectListener) {
    Loop loop = Loop.require();
    Socket.validate(options);
    Socket s = new Socket(loop, null, options.allowHalfOpen, options.highWaterMark);
    if (connectListener != null) {
      s.once(Socket.CONNECT, connectListener);
    }
    s.connect(options);
    return s;
  }

  /**
   * Connects to {@code localhost:port}. Node: {@code net.connect(port)}.
   *
   * @param port the port
   * @return the socket, connecting
   */
  public static Socket connect(int port) {
    return connect(new ConnectOptions().port(port), null);
  }

  /**
   * Connects to {@code localhost:port}. Node: {@code net.connect(port, connectListener)}.
   *
   * @param port the port
   * @param connectListener called once connected
   * @return the socket, connecting
   */
  public static Socket connect(int port, Runnable connectListener) {
    return connect(new ConnectOptions().port(port), connectListener);
  }

  /**
   * Connects to {@code host:port}. Node: {@code net.connect(port, host)}.
   *
   * @param port the port
   * @param host the host name or address
   * @return the socket, connecting
   */
  public static Socket connect(int port, String host) {
    return connect(new ConnectOptions().port(port).host(host), null);
  }

  /**
   * Connects to {@code host:port}. Node: {@code net.connect(port, host, connectListener)}.
   *
   * @param port the port
   * @param host the host name or address
   * @param connectListener called once connected
   * @return the socket, connecting
   */
  public static Socket connect(int port, String host, Runnable connectListener) {
    return connect(new ConnectOptions().port(port).host(host), connectListener);
  }

  /**
   * Connects to a Unix-domain socket. Node: {@code net.connect(path, connectListener)}.
   *
   * @param path the socket file
   * @param connectListener called once connected, or null
   * @return the socket, connecting
   */
  public static Socket connect(String path, Runnable connectListener) {
    return connect(new ConnectOptions().path(path), connectListener);
  }

  /**
   * Connects to a Unix-domain socket. Node: {@code net.connect(path)}.
   *
   * @param path the socket file
   * @return the socket, connecting
   */
  public static Socket connect(String path) {
    return connect(path, null);
  }

  /**
   * Same as {@link #connect(int)}. Node: {@code net.createConnection(port)}.
   *
   * @param port the port, on localhost
   * @return the socket, connecting
   */
  public static Socket createConnection(int port) {
    return connect(port, (Runnable) null);
  }

  /**
   * Same as {@link #connect(int, String)}. Node: {@code net.createConnection(port, host)}.
   *
   * @param port the port
   * @param host the host name or IP address
   * @return the socket, connecting
   */
  public static Socket createConnection(int port, String host) {
    return connect(port, host, null);
  }

  /**
   * Same as {@link #connect(String)}. Node: {@code net.createConnection(path)}.
   *
   * @param path the socket file
   * @return the socket, connecting
   */
  public static Socket createConnection(String path) {
    return connect(path, null);
  }

  /**
   * Same as {@link #connect(ConnectOptions)}. Node: {@code net.createConnection(options)}.
   *
   * @param options the options
   * @return the socket, connecting
   */
  public static Socket createConnection(ConnectOptions options) {
    return connect(options, null);
  }

  /**
   * Same as {@link #connect(ConnectOptions, Runnable)}. Node: {@code net.createConnection}.
   *
   * @param options the options
   * @param connectListener called once connected, or null
   * @return the socket, connecting
   */
  public static Socket createConnection(ConnectOptions options, Runnable connectListener) {
    return connect(options, connectListener);
  }

  /**
   * Same as {@link #connect(int, String, Runnable)}. Node: {@code net.createConnection(port, host, cb)}.
   *
   * @param port the port
   * @param host the host
   * @param connectListener called once connected, or null
   * @return the socket, connecting
   */
  public static Socket createConnection(int port, String host, Runnable connectListener) {
    return connect(port, host, connectListener);
  }

  /**
   * Same as {@link #connect(int, Runnable)}. Node: {@code net.createConnection(port, cb)}.
   *
   * @param port the port
   * @param connectListener called once connected, or null
   * @return the socket, connecting
   */
  public static Socket createConnection(int port, Runnable connectListener) {
    return connect(port, connectListener);
  }

  /**
   * Same as {@link #connect(String, Runnable)}. Node: {@code net.createConnection(path, cb)}.
   *
   * @param path the socket file
   * @param connectListener called once connected, or null
   * @return the socket, connecting
   */
  public static Socket createConnection(String path, Runnable connectListener) {
    return connect(path, connectListener);
  }

  /**
   * Returns 4 for an IPv4 address, 6 for an IPv6 address, else 0. Node: {@code net.isIP(input)}.
   *
   * @param input any text
   * @return 4, 6 or 0
   */
  public static int isIP(String input) {
    return IpAddresses.isIP(input);
  }

  /**
   * Returns whether {@code input} is an IPv4 address in dotted-decimal form. Node: {@code net.isIPv4}.
   *
   * @param input any text
   * @return true for IPv4
   */
  public static boolean isIPv4(String input) {
    return IpAddresses.isIPv4(input);
  }

  /**
   * Returns whether {@code input} is an IPv6 address (zones allowed). Node: {@code net.isIPv6}.
   *
   * @param input any text
   * @return true for IPv6
   */
  public static boolean isIPv6(String input) {
    return IpAddresses.isIPv6(input);
  }

}
