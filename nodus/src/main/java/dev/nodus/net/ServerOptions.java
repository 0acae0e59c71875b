package dev.nodus.net;

/**
 * Options for {@link Net#createServer(ServerOptions, java.util.function.Consumer)}.
 * Node: the {@code options} of {@code net.createServer([options][, connectionListener])}.
 * Defaults are Node v20's.
 */
public final class ServerOptions {
  boolean allowHalfOpen;
  boolean pauseOnConnect;
  boolean noDelay;
  boolean keepAlive;
  int keepAliveInitialDelay;
  int highWaterMark = -1;

  /** Creates options with Node's defaults. */
  public ServerOptions() {}

  /**
   * When true, a socket whose peer sent FIN stays writable until {@code end()} is called.
   * Node: {@code allowHalfOpen}, default false.
   *
   * @param on whether to allow half-open sockets
   * @return these options
   */
  public ServerOptions allowHalfOpen(boolean on) {
    this.allowHalfOpen = on;
    return this;
  }

  /**
   * When true, accepted sockets do not read until {@code resume()}. Node: {@code pauseOnConnect}.
   *
   * @param on whether to pause new sockets
   * @return these options
   */
  public ServerOptions pauseOnConnect(boolean on) {
    this.pauseOnConnect = on;
    return this;
  }

  /**
   * Disables Nagle's algorithm on accepted sockets. Node: {@code noDelay}, default false.
   *
   * @param on whether to set TCP_NODELAY
   * @return these options
   */
  public ServerOptions noDelay(boolean on) {
    this.noDelay = on;
    return this;
  }

  /**
   * Enables TCP keep-alive on accepted sockets. Node: {@code keepAlive}, default false.
   *
   * @param on whether to enable keep-alive
   * @return these options
   */
  public ServerOptions keepAlive(boolean on) {
    this.keepAlive = on;
    return this;
  }

  /**
   * Sets the keep-alive initial delay in milliseconds. Node: {@code keepAliveInitialDelay}.
   *
   * @param ms the delay
   * @return these options
   */
  public ServerOptions keepAliveInitialDelay(int ms) {
    this.keepAliveInitialDelay = ms;
    return this;
  }

  /**
   * Sets both high-water marks of accepted sockets. Node: {@code highWaterMark}.
   *
   * @param bytes the mark in bytes
   * @return these options
   */
  public ServerOptions highWaterMark(int bytes) {
    this.highWaterMark = bytes;
    return this;
  }
}
