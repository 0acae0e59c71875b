package dev.nodus.net;

/**
 * Options for {@link Net#connect(ConnectOptions, Runnable)} and
 * {@link Socket#connect(ConnectOptions, Runnable)}. Node: the {@code options} of
 * {@code net.connect(options[, connectListener])} and {@code socket.connect(options)}. As in
 * Node, {@code socket.connect} reads only where to connect (host, port, path, localAddress,
 * localPort, family); the socket settings here ({@code noDelay}, {@code keepAlive},
 * {@code keepAliveInitialDelay}, {@code allowHalfOpen}, {@code highWaterMark}, {@code timeout})
 * are read by {@code net.connect}, which makes the socket ({@link SocketOptions} for
 * {@code new Socket(options)}).
 */
public final class ConnectOptions {
  int port = -1;
  /** Node tells an absent port (ERR_MISSING_ARGS) from a bad one (ERR_SOCKET_BAD_PORT). */
  boolean portSet;
  String host = "localhost";
  String path;
  String localAddress;
  int localPort;
  int family;
  int timeout;
  boolean noDelay;
  boolean keepAlive;
  int keepAliveInitialDelay;
  boolean allowHalfOpen;
  int highWaterMark = -1;

  /** Creates options with Node's defaults (host {@code localhost}). */
  public ConnectOptions() {}

  /**
   * Sets the port to connect to. Node: {@code port}.
   *
   * @param port the port
   * @return these options
   */
  public ConnectOptions port(int port) {
    this.port = port;
    this.portSet = true;
    return this;
  }

  /**
   * Sets the host to connect to. Node: {@code host}, default {@code 'localhost'}.
   *
   * @param host an address or name
   * @return these options
   */
  public ConnectOptions host(String host) {
    this.host = host;
    return this;
  }

  /**
   * Connects to a Unix-domain socket instead of TCP. Node: {@code path}.
   *
   * @param path the socket file
   * @return these options
   */
  public ConnectOptions path(String path) {
    this.path = path;
    return this;
  }

  /**
   * Sets the local address to bind before connecting. Node: {@code localAddress}.
   *
   * @param address the address
   * @return these options
   */
  public ConnectOptions localAddress(String address) {
    this.localAddress = address;
    return this;
  }

  /**
   * Sets the local port to bind before connecting. Node: {@code localPort}.
   *
   * @param port the port
   * @return these options
   */
  public ConnectOptions localPort(int port) {
    this.localPort = port;
    return this;
  }

  /**
   * Restricts name resolution to one IP family: 4, 6, or 0 for both. Node: {@code family}.
   *
   * @param family 0, 4 or 6
   * @return these options
   */
  public ConnectOptions family(int family) {
    this.family = family;
    return this;
  }

  /**
   * Sets the idle timeout, as {@code socket.setTimeout(ms)}. Node: {@code timeout}.
   *
   * @param ms the timeout in milliseconds
   * @return these options
   */
  public ConnectOptions timeout(int ms) {
    this.timeout = ms;
    return this;
  }

  /**
   * Disables Nagle's algorithm. Node: {@code noDelay}, default false.
   *
   * @param on whether to set TCP_NODELAY
   * @return these options
   */
  public ConnectOptions noDelay(boolean on) {
    this.noDelay = on;
    return this;
  }

  /**
   * Enables TCP keep-alive. Node: {@code keepAlive}, default false.
   *
   * @param on whether to enable keep-alive
   * @return these options
   */
  public ConnectOptions keepAlive(boolean on) {
    this.keepAlive = on;
    return this;
  }

  /**
   * Sets the keep-alive initial delay in milliseconds. Node: {@code keepAliveInitialDelay}.
   *
   * @param ms the delay
   * @return these options
   */
  public ConnectOptions keepAliveInitialDelay(int ms) {
    this.keepAliveInitialDelay = ms;
    return this;
  }

  /**
   * When true, the socket stays writable after the peer's FIN. Node: {@code allowHalfOpen}.
   *
   * @param on whether to allow half-open
   * @return these options
   */
  public ConnectOptions allowHalfOpen(boolean on) {
    this.allowHalfOpen = on;
    return this;
  }

  /**
   * Sets both high-water marks. Node: {@code highWaterMark}.
   *
   * @param bytes the mark in bytes
   * @return these options
   */
  public ConnectOptions highWaterMark(int bytes) {
    this.highWaterMark = bytes;
    return this;
  }
}
